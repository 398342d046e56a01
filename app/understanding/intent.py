"""Intent classification: sentence embeddings + character n-grams, logistic regression,
temperature-scaled so that confidences are calibrated probabilities.

The model file (``data/models/intent.npz`` + ``.json``) is produced by
``kefu train-intent`` (see :mod:`app.understanding.intent_training`) and holds only
arrays and a vocabulary: no pickles, so loading it runs no code.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from app.errors import ConfigError
from app.intents import INTENT_NAMES
from app.settings import Settings
from retrieval.documents import detect_language
from retrieval.embedders import Embedder, make_embedder

log = logging.getLogger(__name__)

INTENTS = INTENT_NAMES
TFIDF = {"analyzer": "char_wb", "ngram_range": (1, 3), "min_df": 2, "sublinear_tf": True,
         "max_features": 30_000}


@dataclass(frozen=True)
class IntentPrediction:
    text: str
    intent: str
    confidence: float
    language: str
    top: list[tuple[str, float]]
    # the sentence embedding, so retrieval with the same embedder need not compute it again
    vector: np.ndarray | None = None
    embedder: str = ""

    def public(self) -> dict[str, object]:
        return {"text": self.text, "intent": self.intent,
                "confidence": round(self.confidence, 4), "language": self.language}


class Featurizer:
    """Embedding of the text beside its character n-grams (one sparse row per text)."""

    def __init__(self, embedder: Embedder, tfidf: TfidfVectorizer, ngram_weight: float):
        self.embedder = embedder
        self.tfidf = tfidf
        self.ngram_weight = ngram_weight

    def __call__(self, texts: Sequence[str]) -> sp.csr_matrix:
        return self.with_dense(texts)[0]

    def with_dense(self, texts: Sequence[str]) -> tuple[sp.csr_matrix, np.ndarray]:
        dense, grams = self.parts(texts)
        return sp.hstack([sp.csr_matrix(dense), grams]).tocsr(), dense

    def parts(self, texts: Sequence[str]) -> tuple[np.ndarray, sp.csr_matrix]:
        """The two halves of the features, unjoined: joining them into one sparse matrix
        cost a prediction more (~2 ms) than the n-grams themselves."""
        dense = self.embedder.embed_documents(list(texts))
        return dense, self.tfidf.transform([t.lower() for t in texts]) * self.ngram_weight


class IntentClassifier:
    def __init__(self, *, labels: Sequence[str], coef: np.ndarray, intercept: np.ndarray,
                 temperature: float, featurizer: Featurizer) -> None:
        self.labels = list(labels)
        self.coef = coef.astype(np.float32)
        # coef.T split at the embedding's width: the dense half multiplies the embedding,
        # the sparse half (row-major float64, the layout scipy multiplies by without a
        # copy of 30k x labels on every call) the n-grams
        dim = self.coef.shape[1] - len(featurizer.tfidf.vocabulary_)
        self._dense_t = np.ascontiguousarray(self.coef[:, :dim].T)
        self._grams_t = np.ascontiguousarray(self.coef[:, dim:].T, dtype=np.float64)
        self.intercept = intercept.astype(np.float32)
        self.temperature = float(temperature)
        self.featurize = featurizer
        self._lock = threading.Lock()  # the embedder is not re-entrant

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        return self._probabilities(texts)[0]

    def _probabilities(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        with self._lock:
            dense, grams = self.featurize.parts(texts)
        logits = dense @ self._dense_t + np.asarray(grams @ self._grams_t) + self.intercept
        return softmax(logits / self.temperature), dense

    def predict(self, texts: Sequence[str]) -> list[IntentPrediction]:
        probs, dense = self._probabilities(texts)
        out = []
        for text, row, vector in zip(texts, probs, dense, strict=True):
            order = np.argsort(-row)[:3]
            top = [(self.labels[i], float(row[i])) for i in order]
            out.append(IntentPrediction(text=text, intent=top[0][0], confidence=top[0][1],
                                        language=detect_language(text), top=top, vector=vector,
                                        embedder=self.featurize.embedder.name))
        return out

    def save(self, path: Path) -> None:
        tfidf = self.featurize.tfidf
        np.savez_compressed(path.with_suffix(".npz"), coef=self.coef, intercept=self.intercept,
                            idf=tfidf.idf_.astype(np.float32))
        meta = {"labels": self.labels, "temperature": self.temperature,
                "embedder": self.featurize.embedder.name,
                "ngram_weight": self.featurize.ngram_weight,
                "vocabulary": {k: int(v) for k, v in tfidf.vocabulary_.items()}}
        path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False),
                                             encoding="utf-8")

    @classmethod
    def load(cls, path: Path, embedder: Embedder | None = None) -> IntentClassifier:
        try:
            meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            arrays = np.load(path.with_suffix(".npz"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"intent model {path}: cannot load ({exc}); "
                              "run `kefu train-intent`") from exc
        emb = embedder or make_embedder(meta["embedder"])
        if emb.name != meta["embedder"]:
            raise ConfigError(f"intent model was trained with {meta['embedder']}, not {emb.name}")
        tfidf = TfidfVectorizer(**TFIDF, vocabulary=meta["vocabulary"])
        tfidf.idf_ = arrays["idf"]
        featurizer = Featurizer(emb, tfidf, float(meta["ngram_weight"]))
        return cls(labels=meta["labels"], coef=arrays["coef"], intercept=arrays["intercept"],
                   temperature=meta["temperature"], featurizer=featurizer)


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def model_path(settings: Settings) -> Path:
    return settings.data_dir / "models" / "intent"


# the model is a file of the installation, not of a home: one copy per process serves all
@lru_cache(maxsize=2)
def _load(path: Path) -> IntentClassifier:
    return IntentClassifier.load(path)


def get_classifier(settings: Settings) -> IntentClassifier:
    return _load(model_path(settings))


def classify(text: str, settings: Settings) -> IntentPrediction:
    return get_classifier(settings).predict([text])[0]
