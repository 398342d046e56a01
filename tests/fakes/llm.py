"""A scripted in-memory LLM backend, registered by name like the real ones.

    backend = install_fake_llm(monkeypatch, replies=["Your order ships today."])
    ... code under test uses the runtime's LLM ...
    assert backend.calls[0]["messages"][-1].content == "..."

The process's runtime is reset, so it builds its LLM from the new setting.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.messages import BaseMessage

from app import runtime
from app.llm import LLM_BACKENDS, JSONSchema
from app.settings import Settings


class FakeChatBackend:
    """Answers with ``replies`` in turn (cycling) and records every call."""

    name = "fake"
    available = True

    def __init__(self, replies: list[str] | None = None, *, context_tokens: int = 2048) -> None:
        self.context_tokens = context_tokens
        self._replies = itertools.cycle(replies or ["This is a fake reply."])
        self.calls: list[dict[str, Any]] = []

    def generate(
        self,
        messages: list[BaseMessage],
        *,
        max_tokens: int,
        json_schema: JSONSchema | None,
        deadline: float,
    ) -> str:
        self.calls.append(
            {"messages": messages, "max_tokens": max_tokens, "json_schema": json_schema}
        )
        return next(self._replies)

    def stream(
        self, messages: list[BaseMessage], *, max_tokens: int, deadline: float
    ) -> Iterator[str]:
        self.calls.append({"messages": messages, "max_tokens": max_tokens, "stream": True})
        reply = next(self._replies)
        yield from (word + " " for word in reply.split(" ")[:-1])
        yield reply.split(" ")[-1]


def install_fake_llm(
    monkeypatch: pytest.MonkeyPatch, *, replies: list[str] | None = None, as_backend: str = "ollama"
) -> FakeChatBackend:
    """Register a fake under a real backend name and select it through the environment."""
    backend = FakeChatBackend(replies)

    def factory(settings: Settings) -> FakeChatBackend:
        return backend

    monkeypatch.setitem(LLM_BACKENDS, as_backend, factory)
    monkeypatch.setenv("KEFU_LLM_BACKEND", as_backend)
    runtime.reset()
    return backend
