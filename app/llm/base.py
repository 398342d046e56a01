"""The backend interface, message conversion, and an adapter for LangChain chat models.

A backend is anything with the :class:`ChatBackend` shape.  The three real ones wrap a
LangChain ``BaseChatModel`` through :class:`LangChainBackend`; they differ only in how
``max_tokens``, a JSON schema and the deadline become per-call options, and in how their
client library's exceptions read as one line.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import httpx
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from app.errors import KefuError, LLMError
from app.settings import Settings

log = logging.getLogger(__name__)

JSONSchema = dict[str, Any]
MessageLike = tuple[str, str] | BaseMessage
#: What :class:`app.llm.LLM` accepts: ``("system" | "user" | "assistant", text)`` pairs
#: (``"human"``/``"ai"`` work too) or LangChain messages, mixed freely.
Messages = Sequence[MessageLike]

# Drafts should stay close to the retrieved facts, so every backend samples cool.
DEFAULT_TEMPERATURE = 0.2
# What a remote server is assumed to hold when it cannot be asked cheaply; for Ollama it is
# also sent as num_ctx so that the assumption holds.
REMOTE_CONTEXT_TOKENS = 4096

_ROLES: dict[str, type[BaseMessage]] = {
    "system": SystemMessage,
    "user": HumanMessage,
    "human": HumanMessage,
    "assistant": AIMessage,
    "ai": AIMessage,
}


def to_messages(messages: Messages) -> list[BaseMessage]:
    """Normalise ``(role, text)`` pairs and LangChain messages into LangChain messages."""
    converted: list[BaseMessage] = []
    for item in messages:
        if isinstance(item, BaseMessage):
            converted.append(item)
            continue
        role, content = item
        try:
            converted.append(_ROLES[role.lower()](content=content))
        except KeyError:
            known = ", ".join(sorted(_ROLES))
            raise ValueError(f"unknown message role {role!r}; use one of {known}") from None
    if not converted:
        raise ValueError("no messages to send to the LLM")
    return converted


def content_text(content: str | list[Any]) -> str:
    """The text of a message's content, which LangChain allows to be a list of blocks."""
    if isinstance(content, str):
        return content
    parts = [
        block if isinstance(block, str) else str(block.get("text", ""))
        for block in content
        if isinstance(block, str) or block.get("type") == "text"
    ]
    return "".join(parts)


def one_line(text: str, *, limit: int = 300) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_common_error(exc: BaseException) -> str:
    """A one-line reason for exceptions that any HTTP-based backend can meet."""
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return "timed out waiting for the server"
    if isinstance(exc, httpx.ConnectError | ConnectionError):
        return f"cannot connect to the server ({one_line(str(exc), limit=120)})"
    if isinstance(exc, httpx.HTTPStatusError):
        return f"server answered HTTP {exc.response.status_code}"
    return one_line(f"{type(exc).__name__}: {exc}")


def close_iterator(iterator: Iterator[Any]) -> None:
    close = getattr(iterator, "close", None)
    if close is not None:
        close()


def remaining(deadline: float) -> float:
    return deadline - time.monotonic()


def timed_out(name: str, timeout_s: float | None = None) -> LLMError:
    after = f" after {timeout_s:g}s" if timeout_s is not None else ""
    return LLMError(f"{name}: generation timed out{after}")


@runtime_checkable
class ChatBackend(Protocol):
    """One LLM backend.  ``deadline`` is a ``time.monotonic()`` instant to stop by."""

    @property
    def name(self) -> str: ...

    @property
    def available(self) -> bool: ...

    @property
    def context_tokens(self) -> int: ...

    def generate(
        self,
        messages: list[BaseMessage],
        *,
        max_tokens: int,
        json_schema: JSONSchema | None,
        deadline: float,
    ) -> str: ...

    def stream(
        self, messages: list[BaseMessage], *, max_tokens: int, deadline: float
    ) -> Iterator[str]: ...


#: Registry value: builds a backend from the settings (raises ConfigError when it cannot).
BackendFactory = Callable[[Settings], ChatBackend]


@dataclass
class LangChainBackend:
    """A :class:`ChatBackend` over a LangChain chat model; subclasses set the call options."""

    name: str
    model: BaseChatModel
    context_tokens: int
    available: bool = True

    def call_options(
        self, *, max_tokens: int, json_schema: JSONSchema | None, streaming: bool, deadline: float
    ) -> dict[str, Any]:
        """Per-call keyword arguments for ``invoke``/``stream`` of this backend's model."""
        raise NotImplementedError

    def describe_error(self, exc: BaseException) -> str:
        return describe_common_error(exc)

    def generate(
        self,
        messages: list[BaseMessage],
        *,
        max_tokens: int,
        json_schema: JSONSchema | None,
        deadline: float,
    ) -> str:
        options = self.call_options(
            max_tokens=max_tokens, json_schema=json_schema, streaming=False, deadline=deadline
        )
        try:
            reply = self.model.invoke(messages, **options)
        except KefuError:
            raise
        except Exception as exc:
            raise self._wrap(exc) from exc
        return content_text(reply.content)

    def stream(
        self, messages: list[BaseMessage], *, max_tokens: int, deadline: float
    ) -> Iterator[str]:
        options = self.call_options(
            max_tokens=max_tokens, json_schema=None, streaming=True, deadline=deadline
        )
        chunks = self.model.stream(messages, **options)
        try:
            for chunk in chunks:
                text = content_text(chunk.content)
                if text:
                    yield text
        except KefuError:
            raise
        except Exception as exc:
            raise self._wrap(exc) from exc
        finally:
            # Closing promptly ends the HTTP response or frees the llama.cpp lock.
            close_iterator(chunks)

    def _wrap(self, exc: Exception) -> LLMError:
        reason = self.describe_error(exc)
        log.warning("LLM backend %s failed: %s", self.name, reason)
        return LLMError(f"{self.name}: {reason}")
