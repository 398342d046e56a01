"""The LLM service: the one object the rest of Kefu talks to, whatever the backend.

Timeout and concurrency, both from the settings:

* At most ``llm_max_concurrency`` generations run at once (a semaphore).  A call waits
  for a free slot for up to ``llm_timeout_s``, then fails with ``LLMError("... busy")``.
* Once it has a slot, a generation has ``llm_timeout_s`` to finish.  Streams check the
  deadline after every chunk (for llama.cpp: every token), so they stop promptly; the HTTP
  backends' clients carry the same timeout for a server that stops answering altogether.
  A reply completed after the deadline is refused too, so no call outlives its budget
  silently.
* A stream holds its slot until it is exhausted or closed: iterate it to the end, or use
  ``contextlib.closing``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager

from langchain_core.messages import BaseMessage

from app.errors import ConfigError, KefuError, LLMError
from app.llm.base import (
    ChatBackend,
    JSONSchema,
    Messages,
    close_iterator,
    describe_common_error,
    timed_out,
    to_messages,
)
from app.llm.registry import LLM_BACKENDS
from app.settings import Settings

log = logging.getLogger(__name__)


class LLM:
    """Generation with a deadline and bounded concurrency over one :class:`ChatBackend`."""

    def __init__(
        self,
        backend: ChatBackend,
        *,
        timeout_s: float,
        max_concurrency: int = 1,
        default_max_tokens: int = 256,
    ) -> None:
        self.backend = backend
        self.timeout_s = timeout_s
        self.max_concurrency = max_concurrency
        self.default_max_tokens = default_max_tokens
        self._slots = threading.BoundedSemaphore(max_concurrency)

    @classmethod
    def from_settings(cls, settings: Settings) -> LLM:
        try:
            factory = LLM_BACKENDS[settings.llm_backend]
        except KeyError:
            known = ", ".join(sorted(LLM_BACKENDS))
            raise ConfigError(
                f"KEFU_LLM_BACKEND: unknown backend {settings.llm_backend!r}; known: {known}"
            ) from None
        backend = factory(settings)
        log.info("LLM backend: %s", backend.name)
        return cls(
            backend,
            timeout_s=settings.llm_timeout_s,
            max_concurrency=settings.llm_max_concurrency,
            default_max_tokens=settings.llm_max_tokens,
        )

    @property
    def name(self) -> str:
        return self.backend.name

    @property
    def available(self) -> bool:
        return self.backend.available

    @property
    def context_tokens(self) -> int:
        """The model's context window, for prompt budgeting (0 when no LLM is configured)."""
        return self.backend.context_tokens

    def generate(
        self,
        messages: Messages,
        *,
        max_tokens: int | None = None,
        json_schema: JSONSchema | None = None,
    ) -> str:
        """The whole reply; with ``json_schema`` the reply is JSON meant to match it."""
        converted = to_messages(messages)
        limit = self._max_tokens(max_tokens)
        self._require_available()
        with self._slot() as deadline:
            started = time.monotonic()
            try:
                text = self.backend.generate(
                    converted, max_tokens=limit, json_schema=json_schema, deadline=deadline
                )
            except KefuError:
                raise
            except Exception as exc:
                raise self._wrap(exc) from exc
            if time.monotonic() > deadline:
                raise timed_out(self.name, self.timeout_s)
        log.debug("%s: %d chars in %.2fs", self.name, len(text), time.monotonic() - started)
        return text

    def stream(
        self, messages: Messages, *, max_tokens: int | None = None
    ) -> Generator[str, None, None]:
        """The reply piece by piece; errors (busy, timeout, backend) surface while iterating."""
        converted = to_messages(messages)
        limit = self._max_tokens(max_tokens)
        return self._stream(converted, limit)

    def _stream(self, messages: list[BaseMessage], limit: int) -> Generator[str, None, None]:
        self._require_available()
        with self._slot() as deadline:
            started = time.monotonic()
            chunks = self.backend.stream(messages, max_tokens=limit, deadline=deadline)
            count = 0
            try:
                for text in chunks:
                    if time.monotonic() > deadline:
                        raise timed_out(self.name, self.timeout_s)
                    if count == 0:
                        first_s = time.monotonic() - started
                        log.debug("%s: first chunk after %.2fs", self.name, first_s)
                    count += 1
                    yield text
            except KefuError:
                raise
            except Exception as exc:
                raise self._wrap(exc) from exc
            finally:
                close_iterator(chunks)
        log.debug("%s: %d chunks in %.2fs", self.name, count, time.monotonic() - started)

    @contextmanager
    def _slot(self) -> Iterator[float]:
        """Hold one of the concurrency slots; yields the generation's deadline."""
        if not self._slots.acquire(timeout=self.timeout_s):
            raise LLMError(
                f"{self.name}: busy ({self.max_concurrency} generation(s) already running; "
                f"waited {self.timeout_s:g}s)"
            )
        try:
            yield time.monotonic() + self.timeout_s
        finally:
            self._slots.release()

    def _require_available(self) -> None:
        if not self.available:
            raise LLMError("no LLM configured")

    def _max_tokens(self, max_tokens: int | None) -> int:
        limit = self.default_max_tokens if max_tokens is None else max_tokens
        if limit < 1:
            raise ValueError(f"max_tokens must be at least 1, got {limit}")
        return limit

    def _wrap(self, exc: Exception) -> LLMError:
        reason = describe_common_error(exc)
        log.warning("LLM %s failed: %s", self.name, reason)
        return LLMError(f"{self.name}: {reason}")
