"""Vector indexes over int64 ids: one interface, one module per implementation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np


class VectorIndex(Protocol):
    """Inner-product search over normalised vectors keyed by int64 ids."""

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None: ...

    def remove(self, ids: np.ndarray) -> None: ...

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Returns (scores, ids) of shape (k,), best first; missing slots have id -1."""
        ...

    def __len__(self) -> int: ...

    def save(self, path: Path) -> None: ...


VectorIndexFactory = Callable[[int], VectorIndex]
INDEXES: dict[str, VectorIndexFactory] = {}


def _register_builtins() -> None:
    from retrieval.vectors.flat import FlatIndex
    from retrieval.vectors.hnsw import HNSWIndex

    INDEXES.setdefault("flat", FlatIndex)
    INDEXES.setdefault("hnsw", HNSWIndex)


_register_builtins()
