"""Exact search: FAISS IndexFlatIP inside IndexIDMap2 (supports delete)."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np


class FlatIndex:
    kind = "flat"

    def __init__(self, dim: int, index: faiss.Index | None = None) -> None:
        self.dim = dim
        self._index = index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dim))

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            self._index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32),
                                     np.asarray(ids, dtype=np.int64))

    def remove(self, ids: np.ndarray) -> None:
        if len(ids):
            # the Python wrapper accepts an id array, though its stubs say IDSelector
            self._index.remove_ids(np.asarray(ids, dtype=np.int64))  # type: ignore[arg-type]

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        k = min(k, len(self))
        if k == 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        scores, ids = self._index.search(np.asarray(query, dtype=np.float32).reshape(1, -1), k)
        return scores[0], ids[0]

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def save(self, path: Path) -> None:
        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path) -> FlatIndex:
        index = faiss.read_index(str(path))
        return cls(index.d, index)
