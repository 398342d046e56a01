"""The ``openai`` backend: any OpenAI-compatible server (vLLM, llama.cpp server, ...)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import openai
from langchain_openai import ChatOpenAI
from pydantic import SecretStr

from app.llm.base import (
    DEFAULT_TEMPERATURE,
    REMOTE_CONTEXT_TOKENS,
    JSONSchema,
    LangChainBackend,
    describe_common_error,
    one_line,
)
from app.settings import Settings

#: Used when KEFU_LLM_MODEL is unset; llama.cpp's server ignores the name, vLLM needs the
#: served one.
DEFAULT_OPENAI_MODEL = "default"


@dataclass
class OpenAIBackend(LangChainBackend):
    def call_options(
        self, *, max_tokens: int, json_schema: JSONSchema | None, streaming: bool, deadline: float
    ) -> dict[str, Any]:
        # ChatOpenAI sends `max_completion_tokens`; vLLM and llama.cpp's server read the older
        # `max_tokens`, so both go out with the same value.
        options: dict[str, Any] = {
            "max_tokens": max_tokens,
            "extra_body": {"max_tokens": max_tokens},
        }
        if json_schema is not None:
            options["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "reply", "schema": json_schema, "strict": True},
            }
        return options

    def describe_error(self, exc: BaseException) -> str:
        if isinstance(exc, openai.APITimeoutError):
            return "timed out waiting for the server"
        if isinstance(exc, openai.APIConnectionError):
            return f"cannot connect to the server ({one_line(str(exc), limit=120)})"
        if isinstance(exc, openai.APIStatusError):
            return f"server answered HTTP {exc.status_code}: {one_line(exc.message, limit=200)}"
        return describe_common_error(exc)


def create_backend(settings: Settings) -> OpenAIBackend:
    model_name = settings.llm_model or DEFAULT_OPENAI_MODEL
    model = ChatOpenAI(
        model=model_name,
        base_url=settings.openai_base_url,
        api_key=SecretStr(settings.openai_api_key),
        temperature=DEFAULT_TEMPERATURE,
        timeout=settings.llm_timeout_s,
        # A retry would silently multiply the caller's timeout; the caller decides instead.
        max_retries=0,
    )
    return OpenAIBackend(
        name=f"openai:{model_name}", model=model, context_tokens=REMOTE_CONTEXT_TOKENS
    )
