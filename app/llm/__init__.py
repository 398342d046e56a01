"""LLM backends behind one small service object.

Usage::

    llm = runtime.llm                    # built from the runtime's settings, once
    if llm.available:
        text = llm.generate([("system", "You are ..."), ("user", "Where is my order?")],
                            max_tokens=128)
        data = json.loads(llm.generate(messages, json_schema={"type": "object", ...}))
        for piece in llm.stream(messages):
            ...

Messages are ``(role, text)`` pairs with role ``system``/``user``/``assistant`` (or
``human``/``ai``), or LangChain ``BaseMessage`` objects.  Every failure is an
:class:`app.errors.LLMError` (HTTP 503); see :mod:`app.llm.service` for timeouts and
concurrency, and :mod:`app.llm.registry` for the backends by name.
"""

from __future__ import annotations

from app.llm.base import (
    BackendFactory,
    ChatBackend,
    JSONSchema,
    LangChainBackend,
    MessageLike,
    Messages,
    to_messages,
)
from app.llm.registry import LLM_BACKENDS
from app.llm.service import LLM

__all__ = [
    "LLM",
    "LLM_BACKENDS",
    "BackendFactory",
    "ChatBackend",
    "JSONSchema",
    "LangChainBackend",
    "MessageLike",
    "Messages",
    "to_messages",
]
