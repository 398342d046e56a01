"""Approximate search for large corpora: FAISS HNSW (M=32).

HNSW cannot delete, so removed ids become tombstones filtered out at query time
(the search over-fetches to make up for them); the owner rebuilds the index when
tombstones pile up (see ``needs_rebuild``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import faiss
import numpy as np

M = 32
EF_CONSTRUCTION = 80
EF_SEARCH = 96
REBUILD_RATIO = 0.2


class HNSWIndex:
    kind = "hnsw"

    def __init__(self, dim: int, index: faiss.Index | None = None,
                 tombstones: set[int] | None = None) -> None:
        self.dim = dim
        if index is None:
            hnsw = faiss.IndexHNSWFlat(dim, M, faiss.METRIC_INNER_PRODUCT)
            cast(Any, hnsw).hnsw.efConstruction = EF_CONSTRUCTION
            index = faiss.IndexIDMap2(hnsw)
        self._index = index
        inner: Any = faiss.downcast_index(cast(Any, self._index).index)
        inner.hnsw.efSearch = EF_SEARCH
        self._dead: set[int] = tombstones or set()

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids):
            self._dead.difference_update(int(i) for i in ids)
            self._index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32),
                                     np.asarray(ids, dtype=np.int64))

    def remove(self, ids: np.ndarray) -> None:
        self._dead.update(int(i) for i in ids)

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        fetch = min(int(self._index.ntotal), k + len(self._dead) if self._dead else k)
        if fetch <= 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        scores, ids = self._index.search(np.asarray(query, dtype=np.float32).reshape(1, -1),
                                         fetch)
        keep = [(s, i) for s, i in zip(scores[0], ids[0], strict=True)
                if i != -1 and int(i) not in self._dead][:k]
        return (np.array([s for s, _ in keep], dtype=np.float32),
                np.array([i for _, i in keep], dtype=np.int64))

    def __len__(self) -> int:
        return int(self._index.ntotal) - len(self._dead)

    @property
    def needs_rebuild(self) -> bool:
        return len(self._dead) > REBUILD_RATIO * max(1, int(self._index.ntotal))

    def save(self, path: Path) -> None:
        faiss.write_index(self._index, str(path))
        path.with_suffix(".tombstones.json").write_text(json.dumps(sorted(self._dead)))

    @classmethod
    def load(cls, path: Path) -> HNSWIndex:
        index = faiss.read_index(str(path))
        dead_file = path.with_suffix(".tombstones.json")
        dead = set(json.loads(dead_file.read_text())) if dead_file.exists() else set()
        return cls(index.d, index, dead)
