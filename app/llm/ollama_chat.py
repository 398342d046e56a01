"""The ``ollama`` backend: a local or remote Ollama server through ``ChatOllama``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import ollama
from langchain_ollama import ChatOllama

from app.llm.base import (
    DEFAULT_TEMPERATURE,
    REMOTE_CONTEXT_TOKENS,
    JSONSchema,
    LangChainBackend,
    describe_common_error,
    one_line,
)
from app.settings import Settings

#: Used when KEFU_LLM_MODEL is unset: small, and bilingual (zh/en) like the shoppers.
DEFAULT_OLLAMA_MODEL = "qwen2.5:1.5b"


@dataclass
class OllamaBackend(LangChainBackend):
    def call_options(
        self, *, max_tokens: int, json_schema: JSONSchema | None, streaming: bool, deadline: float
    ) -> dict[str, Any]:
        # Ollama takes every sampling knob in one `options` object, replacing the model's own.
        options: dict[str, Any] = {
            "options": {
                "num_predict": max_tokens,
                "num_ctx": self.context_tokens,
                "temperature": DEFAULT_TEMPERATURE,
            }
        }
        if json_schema is not None:
            options["format"] = json_schema
        if not streaming:
            options["stream"] = False
        return options

    def describe_error(self, exc: BaseException) -> str:
        if isinstance(exc, ollama.ResponseError):
            status = f"HTTP {exc.status_code}" if exc.status_code > 0 else "an error"
            return f"server answered {status}: {one_line(str(exc.error), limit=200)}"
        return describe_common_error(exc)


def create_backend(settings: Settings) -> OllamaBackend:
    model_name = settings.llm_model or DEFAULT_OLLAMA_MODEL
    model = ChatOllama(
        model=model_name,
        base_url=settings.ollama_host,
        temperature=DEFAULT_TEMPERATURE,
        num_ctx=REMOTE_CONTEXT_TOKENS,
        # The httpx timeout bounds a server that stops answering mid-generation; the
        # service's deadline check bounds one that keeps trickling tokens.
        client_kwargs={"timeout": settings.llm_timeout_s},
    )
    return OllamaBackend(
        name=f"ollama:{model_name}", model=model, context_tokens=REMOTE_CONTEXT_TOKENS
    )
