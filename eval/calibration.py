"""Calibration suite: per-suggestion correctness against confidence.

Every suggestion of every turn is labelled correct or not as if it had been the
reply; the confidence model is fitted on those labels (cross-fitted for the
reported numbers, so no suggestion is scored by a model that saw it), and the
suite reports ECE, the reliability diagram, the risk-coverage curve and the
thresholds that reach a target auto-send precision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.assist import scoring
from eval.metrics import expected_calibration_error, reliability
from eval.scenarios import TurnRecord, check_turn


@dataclass
class Labelled:
    evidence: scoring.Evidence
    correct: bool
    turn: int
    intent: str


def kb_intents(kb_dir: Path) -> dict[str, set[str]]:
    """Article id -> the intents its front matter says it answers."""
    from retrieval.documents import iter_files, load_document

    out: dict[str, set[str]] = {}
    for path in iter_files([kb_dir]):
        doc = load_document(path)
        out[doc.doc_id] = set(doc.meta.get("intents", []))
    return out


def label(records: Sequence[TurnRecord], article_intents: dict[str, set[str]]) -> list[Labelled]:
    rows = []
    for n, record in enumerate(records):
        gold = record.expect.get("intent", record.result.intent)
        for s in record.result.suggestions:
            if s.evidence is None:
                continue
            ok = all(check_turn(record.expect, record.result, s.text).values())
            if s.kind == "kb":
                doc = s.sources[0].id.split(":", 1)[-1].split("#")[0] if s.sources else ""
                ok = ok and gold in article_intents.get(doc, set()) and not record.expect.get(
                    "action")
            rows.append(Labelled(s.evidence, ok, n, str(gold)))
    return rows


def cross_fitted(rows: list[Labelled], folds: int = 5) -> np.ndarray:
    """Out-of-fold confidences, folds split by turn so a turn never scores itself."""
    scores = np.zeros(len(rows))
    turn_ids = np.array([r.turn for r in rows])
    for k in range(folds):
        test = turn_ids % folds == k
        train = [r for r, t in zip(rows, test, strict=True) if not t]
        model = scoring.fit([r.evidence for r in train], [r.correct for r in train])
        scores[test] = [model.score(r.evidence) for r, t in zip(rows, test, strict=True) if t]
    return scores


def risk_coverage(best_conf: Sequence[float], best_ok: Sequence[bool]) -> list[dict[str, float]]:
    order = np.argsort(-np.asarray(best_conf))
    out, correct = [], 0
    for i, idx in enumerate(order, 1):
        correct += bool(best_ok[idx])
        out.append({"coverage": i / len(order), "precision": correct / i,
                    "threshold": float(best_conf[idx])})
    return out


def threshold_for(curve: list[dict[str, float]], target: float) -> float | None:
    """The lowest threshold whose auto-sent share keeps precision at or above target."""
    best = None
    for point in curve:
        if point["precision"] >= target:
            best = point["threshold"]
    return best


def evaluate(rows: list[Labelled], *, target_precision: float) -> dict[str, Any]:
    oof = cross_fitted(rows)
    correct = [r.correct for r in rows]
    best: dict[int, tuple[float, bool]] = {}
    for r, score in zip(rows, oof, strict=True):
        if r.turn not in best or score > best[r.turn][0]:
            best[r.turn] = (float(score), r.correct)
    curve = risk_coverage([b[0] for b in best.values()], [b[1] for b in best.values()])
    per_intent: dict[str, float | None] = {}
    for intent in sorted({r.intent for r in rows}):
        turns = {r.turn for r in rows if r.intent == intent}
        sub = [best[t] for t in turns]
        per_intent[intent] = threshold_for(risk_coverage([b[0] for b in sub],
                                                         [b[1] for b in sub]), target_precision)
    return {"suggestions": len(rows), "turns": len(best),
            "ece": round(expected_calibration_error(list(oof), correct), 4),
            "reliability": reliability(list(oof), correct),
            "risk_coverage": curve[:: max(1, len(curve) // 100)],
            "global_threshold": threshold_for(curve, target_precision),
            "intent_thresholds": per_intent, "target_precision": target_precision}
