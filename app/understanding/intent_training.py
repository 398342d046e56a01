"""Training of the intent classifier (`kefu train-intent`).

Data: the bundled zh/en examples in ``data/intents/train*.jsonl``; Bitext folds 0-3
(fold 4 stays held out); CLINC150's training split, where out-of-scope queries and
every CLINC intent with no store meaning become ``other`` and the few that have one
are mapped (:data:`CLINC_MAP`). 15% of the pool, stratified, is kept apart to fit the
temperature that calibrates the probabilities.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from app.errors import InputError
from app.jsonl import read_jsonl
from app.understanding.intent import INTENTS, TFIDF, Featurizer, IntentClassifier, softmax
from retrieval.embedders import Embedder

log = logging.getLogger(__name__)

BITEXT_HELDOUT_FOLD = 4
CLINC_MAP = {"order_status": "track_order", "card_declined": "payment_issue"}
CLINC_PER_OTHER_INTENT = 8
CLINC_PER_MAPPED_INTENT = 40
NGRAM_WEIGHT = 1.5
C = 10.0
BUNDLED_WEIGHT = 2  # the shop's own zh/en examples count twice against Bitext's templates


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    source: str


def bundled_examples(data_dir: Path) -> list[Example]:
    out = []
    for path in sorted((data_dir / "intents").glob("train*.jsonl")):
        rows = [Example(str(r["text"]), str(r["intent"]), path.name) for r in read_jsonl(path)]
        # a third of a *_varied file is slot and wording variants of its other lines:
        # counted once, so the variants do not outweigh the hand-written examples
        out += rows * (1 if path.stem.endswith("_varied") else BUNDLED_WEIGHT)
    return out


def bitext_examples(folder: Path, *, heldout: bool = False) -> list[Example]:
    rows = read_jsonl(folder / "bitext_cs_4514.jsonl")
    return [Example(str(r["text"]), str(r["intent"]), "bitext") for r in rows
            if (r["fold"] == BITEXT_HELDOUT_FOLD) == heldout]


def clinc_label(row: dict[str, object]) -> str:
    return CLINC_MAP.get(str(row["intent"]), "other")


def clinc_training_examples(folder: Path, seed: int) -> list[Example]:
    by_intent: dict[str, list[str]] = {}
    for row in read_jsonl(folder / "train.jsonl"):
        by_intent.setdefault(str(row["intent"]), []).append(str(row["text"]))
    rng = random.Random(seed)
    out = []
    for intent, texts in sorted(by_intent.items()):
        label = CLINC_MAP.get(intent, "other")
        n = CLINC_PER_MAPPED_INTENT if label != "other" else CLINC_PER_OTHER_INTENT
        if intent == "oos":
            n = len(texts)
        out += [Example(t, label, "clinc") for t in rng.sample(texts, min(n, len(texts)))]
    return out


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The temperature minimising negative log-likelihood on held-apart data."""
    def nll(t: float) -> float:
        probs = softmax(logits / t)
        return float(-np.mean(np.log(probs[np.arange(len(labels)), labels] + 1e-12)))

    result = minimize_scalar(nll, bounds=(0.05, 20.0), method="bounded")
    return float(result.x)


def _ordered(clf: LogisticRegression) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Weights in taxonomy order, one row per class (binary LR keeps only one)."""
    coef_all, intercept_all = clf.coef_, clf.intercept_
    if len(clf.classes_) == 2:  # softmax over [0, w.x + b] equals the binary sigmoid
        coef_all = np.vstack([np.zeros_like(coef_all), coef_all])
        intercept_all = np.concatenate([[0.0], intercept_all])
    order = [list(clf.classes_).index(label) for label in INTENTS if label in clf.classes_]
    return coef_all[order], intercept_all[order], [str(clf.classes_[i]) for i in order]


def train(*, examples: Iterable[Example], embedder: Embedder, seed: int = 13,
          calib_fraction: float = 0.15) -> IntentClassifier:
    data = [e for e in examples if e.text.strip()]
    unknown = {e.intent for e in data} - set(INTENTS)
    if unknown:
        raise InputError(f"training data has unknown intents: {sorted(unknown)}")
    texts = [e.text for e in data]
    labels = [e.intent for e in data]
    fit_x, cal_x, fit_y, cal_y = train_test_split(
        texts, labels, test_size=calib_fraction, stratify=labels, random_state=seed)
    tfidf = TfidfVectorizer(**TFIDF)
    tfidf.fit([t.lower() for t in fit_x])
    featurize = Featurizer(embedder, tfidf, NGRAM_WEIGHT)
    log.info("training intent model on %d examples (%d for calibration)", len(fit_x), len(cal_x))
    clf = LogisticRegression(C=C, max_iter=4000, class_weight="balanced")
    clf.fit(featurize(fit_x), fit_y)
    coef, intercept, labels_out = _ordered(clf)
    cal_logits = np.asarray(featurize(cal_x) @ coef.T) + intercept
    temperature = fit_temperature(cal_logits, np.array([labels_out.index(y) for y in cal_y]))
    log.info("calibration temperature %.3f; refitting on all %d examples", temperature,
             len(texts))
    # the temperature carries over: refitting on every example sharpens the model only a
    # little, and the held-out ECE reported by `kefu eval intent` keeps that honest
    tfidf = TfidfVectorizer(**TFIDF)
    tfidf.fit([t.lower() for t in texts])
    featurize = Featurizer(embedder, tfidf, NGRAM_WEIGHT)
    clf = LogisticRegression(C=C, max_iter=4000, class_weight="balanced")
    clf.fit(featurize(texts), labels)
    coef, intercept, labels_out = _ordered(clf)
    return IntentClassifier(labels=labels_out, coef=coef, intercept=intercept,
                            temperature=temperature, featurizer=featurize)
