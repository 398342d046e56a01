"""The ``none`` backend: Kefu runs without an LLM (templates and KB answers only)."""

from __future__ import annotations

from collections.abc import Iterator

from langchain_core.messages import BaseMessage

from app.errors import LLMError
from app.llm.base import JSONSchema
from app.settings import Settings


class DisabledBackend:
    name = "none"
    available = False
    context_tokens = 0

    def generate(
        self,
        messages: list[BaseMessage],
        *,
        max_tokens: int,
        json_schema: JSONSchema | None,
        deadline: float,
    ) -> str:
        raise LLMError("no LLM configured")

    def stream(
        self, messages: list[BaseMessage], *, max_tokens: int, deadline: float
    ) -> Iterator[str]:
        raise LLMError("no LLM configured")


def create_backend(settings: Settings) -> DisabledBackend:
    return DisabledBackend()
