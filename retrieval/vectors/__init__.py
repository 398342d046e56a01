"""Vector indexes over int64 ids: one interface, one module per implementation."""

from __future__ import annotations

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


class VectorIndexKind(Protocol):
    """An index class: builds an empty index of a dimension, or loads a saved one."""

    def __call__(self, dim: int) -> VectorIndex: ...

    def load(self, path: Path) -> VectorIndex: ...


INDEXES: dict[str, VectorIndexKind] = {}


def _register_builtins() -> None:
    from retrieval.vectors.flat import FlatIndex
    from retrieval.vectors.hnsw import HNSWIndex
    from retrieval.vectors.ivf import IVFIndex

    INDEXES.setdefault("flat", FlatIndex)
    INDEXES.setdefault("ivf", IVFIndex)
    INDEXES.setdefault("hnsw", HNSWIndex)


_register_builtins()
