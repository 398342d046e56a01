"""Embedding cache keyed by content hash: unchanged text is never embedded twice."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from retrieval.embedders import Embedder


def content_key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\0{text}".encode()).hexdigest()


class CachedEmbedder:
    """Wraps an embedder with a persistent SQLite cache of document vectors."""

    def __init__(self, inner: Embedder, path: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS embedding (key TEXT PRIMARY KEY, vector BLOB NOT NULL)"
        )
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        self._query = lru_cache(maxsize=2048)(self._embed_query)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        keys = [content_key(self.name, t) for t in texts]
        found = self._lookup(set(keys))
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in found}.items())
        if missing:
            vectors = self.inner.embed_documents([t for _, t in missing])
            rows = [(k, v.astype(np.float32).tobytes()) for (k, _), v in zip(missing, vectors,
                                                                             strict=True)]
            with self._lock, self._db:
                self._db.executemany("INSERT OR REPLACE INTO embedding VALUES (?, ?)", rows)
            found.update({k: v for (k, _), v in zip(missing, vectors, strict=True)})
        self.misses += len(missing)
        self.hits += len(texts) - len(missing)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([found[k] for k in keys]).astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._query(text)

    def _embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)

    def _lookup(self, keys: set[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        key_list = list(keys)
        with self._lock:
            for start in range(0, len(key_list), 500):
                chunk = key_list[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in self._db.execute(
                    f"SELECT key, vector FROM embedding WHERE key IN ({marks})", chunk
                ):
                    out[key] = np.frombuffer(blob, dtype=np.float32)
        return out

    def close(self) -> None:
        self._db.close()
