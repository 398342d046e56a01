"""One calibrated confidence per suggestion.

A logistic model over the evidence a suggestion carries (intent probability, kind,
action outcome, retrieval score, groundedness, anger), fitted on labelled
evaluation data by `kefu eval calibration --fit` and stored as plain numbers in
``data/models/confidence.json``. Without that file every confidence is scaled down
so nothing is auto-sent by an unfitted model.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.errors import ConfigError
from app.settings import Settings

STATUSES = ("executed", "needs_confirmation", "needs_approval", "blocked", "failed", "none",
            "missing", "ambiguous")
KINDS = ("template", "kb", "llm")
FEATURES = ("intent_logit", "margin", *(f"kind_{k}" for k in KINDS),
            *(f"status_{s}" for s in STATUSES), "retrieval", "grounded", "anger")
UNGROUNDED_CAP = 0.3
UNFITTED_SCALE = 0.6


@dataclass(frozen=True)
class Evidence:
    intent_confidence: float
    margin: float
    kind: str
    status: str
    retrieval: float
    grounded: bool
    anger: float

    def vector(self) -> np.ndarray:
        p = min(max(self.intent_confidence, 1e-4), 1 - 1e-4)
        values = [math.log(p / (1 - p)), self.margin]
        values += [float(self.kind == k) for k in KINDS]
        values += [float(self.status == s) for s in STATUSES]
        values += [self.retrieval, float(self.grounded), self.anger]
        return np.array(values, dtype=np.float64)


@dataclass(frozen=True)
class ConfidenceModel:
    coef: np.ndarray
    intercept: float
    kinds_seen: tuple[str, ...] = KINDS

    def score(self, evidence: Evidence) -> float:
        z = float(evidence.vector() @ self.coef + self.intercept)
        value = 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))
        # a kind the model never saw labelled (e.g. fitted without an LLM) cannot be vouched for
        if not evidence.grounded or evidence.kind not in self.kinds_seen:
            return min(value, UNGROUNDED_CAP)
        return value

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"features": list(FEATURES), "coef": self.coef.tolist(),
                                    "intercept": self.intercept,
                                    "kinds_seen": list(self.kinds_seen)}, indent=1),
                        encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> ConfidenceModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"confidence model {path}: {exc}") from exc
        if data.get("features") != list(FEATURES):
            raise ConfigError(f"confidence model {path} was fitted on other features; refit it")
        return cls(np.array(data["coef"], dtype=np.float64), float(data["intercept"]),
                   tuple(data.get("kinds_seen", KINDS)))


def fit(evidence: Sequence[Evidence], correct: Sequence[bool]) -> ConfidenceModel:
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([e.vector() for e in evidence])
    y = np.array(correct, dtype=int)
    if len(set(y)) < 2:
        raise ConfigError("calibration needs both correct and incorrect examples")
    clf = LogisticRegression(C=1.0, max_iter=2000)
    clf.fit(x, y)
    seen = tuple(k for k in KINDS if any(e.kind == k for e in evidence))
    return ConfidenceModel(clf.coef_[0].astype(np.float64), float(clf.intercept_[0]), seen)


class UnfittedModel:
    """Used until a model is fitted: plainly conservative, never auto-sends."""

    def score(self, evidence: Evidence) -> float:
        base = evidence.intent_confidence * UNFITTED_SCALE
        return min(base, UNGROUNDED_CAP) if not evidence.grounded else base


MODEL_FILE = Path("models") / "confidence.json"


def model_path(settings: Settings) -> Path:
    """The store's own fitted model (KEFU_HOME/models) if it has one, else the shipped one."""
    own = settings.home / MODEL_FILE
    return own if own.exists() else settings.data_dir / MODEL_FILE


def load_model(path: Path) -> ConfidenceModel | UnfittedModel:
    return ConfidenceModel.load(path) if path.exists() else UnfittedModel()
