"""Embedders: one interface, one module per implementation, a registry by name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np

from retrieval.errors import EmbedderError


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors (rows)."""

    name: str
    dim: int

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


EmbedderFactory = Callable[..., Embedder]
EMBEDDERS: dict[str, EmbedderFactory] = {}


def register(name: str, factory: EmbedderFactory) -> None:
    EMBEDDERS[name] = factory


def make_embedder(name: str, **options: Any) -> Embedder:
    if not EMBEDDERS:
        _register_builtins()
    try:
        factory = EMBEDDERS[name]
    except KeyError as exc:
        raise EmbedderError(
            f"unknown embedder {name!r}; known: {', '.join(sorted(EMBEDDERS))}"
        ) from exc
    return factory(**options)


def normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.maximum(norms, 1e-12), dtype=np.float32)


def _register_builtins() -> None:
    from retrieval.embedders import e5, sentence_transformer, usem3

    EMBEDDERS.setdefault("usem3", usem3.USEEmbedder)
    EMBEDDERS.setdefault("e5", e5.E5Embedder)
    EMBEDDERS.setdefault("sentence-transformers", sentence_transformer.STEmbedder)


_register_builtins()
