"""Thresholds refitted from what agents decided (`kefu eval calibration --from-feedback`).

Every suggestion an agent decided in the console is a labelled point: the confidence it
was shown with, and whether it was good enough to go out as drafted (``accepted``) or
not (``edited``, ``rejected``). Over those points the suite reports calibration (ECE,
reliability) and the risk-coverage curve, and proposes the global and per-intent
auto-send thresholds that keep the target precision, exactly as the scenario-based
calibration does. The confidence model itself is not refitted: the evidence behind a
stored confidence is not kept, only the confidence.

Decisions come from KEFU_HOME's database, or from a file `kefu export-feedback` wrote
(``--dataset``). An intent with fewer than ``MIN_PER_INTENT`` decisions gets no
threshold of its own (it keeps the one in force).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from app.errors import InputError
from app.jsonl import read_jsonl
from app.runtime import Runtime
from app.settings import Settings
from eval.calibration import risk_coverage, threshold_for
from eval.metrics import expected_calibration_error, reliability

DECISIONS = ("accepted", "edited", "rejected")
MIN_PER_INTENT = 10
Point = tuple[float, bool, str]  # confidence, sent as drafted, intent


def load_decisions(settings: Settings, dataset: Path | None) -> list[dict[str, Any]]:
    """Agents' decisions (bot-sent suggestions carry no human judgement: left out)."""
    if dataset is not None:
        return [r for r in read_jsonl(dataset) if r.get("decided_by") != "bot"]
    from app.feedback import feedback_records

    rt = Runtime(settings)
    try:
        with rt.session() as session:
            return list(feedback_records(session=session))
    finally:
        rt.close()


def points(records: list[dict[str, Any]]) -> list[Point]:
    out = []
    for r in records:
        confidence = r.get("confidence")
        if r.get("decision") in DECISIONS and isinstance(confidence, int | float):
            out.append((float(confidence), r["decision"] == "accepted",
                        str(r.get("intent") or "unknown")))
    return out


def _at(sub: list[Point], threshold: float | None) -> tuple[float, float | None]:
    """(share auto-sent, precision of those) at a threshold; None sends nothing."""
    sent = [ok for c, ok, _ in sub if threshold is not None and c >= threshold]
    coverage = round(len(sent) / len(sub), 4) if sub else 0.0
    return coverage, (round(sum(sent) / len(sent), 4) if sent else None)


def _per_intent(data: list[Point], target: float, current: dict[str, float],
                default: float, min_n: int) -> tuple[dict[str, float | None], list[Any]]:
    thresholds: dict[str, float | None] = {}
    detail = []
    for intent in sorted({i for _, _, i in data}):
        sub = [p for p in data if p[2] == intent]
        if len(sub) < min_n:
            continue
        proposed = threshold_for(risk_coverage([c for c, _, _ in sub],
                                               [ok for _, ok, _ in sub]), target)
        thresholds[intent] = proposed
        coverage, precision = _at(sub, proposed)
        now_cov, now_prec = _at(sub, current.get(intent, default))
        detail.append({"intent": intent, "turns": len(sub), "coverage": coverage,
                       "precision": precision, "current_coverage": now_cov,
                       "current_precision": now_prec})
    return thresholds, detail


def calibrate(records: list[dict[str, Any]], *, target: float, current: dict[str, float],
              default: float, min_per_intent: int = MIN_PER_INTENT) -> dict[str, Any]:
    data = points(records)
    if not data:
        raise InputError("no agent decisions to learn from: accept, edit or reject "
                         "suggestions in the console first (or give --dataset FILE from "
                         "kefu export-feedback)")
    confidences, ok = [c for c, _, _ in data], [o for _, o, _ in data]
    curve = risk_coverage(confidences, ok)
    thresholds, detail = _per_intent(data, target, current, default, min_per_intent)
    decisions = Counter(str(r.get("decision")) for r in records if r.get("decision"))
    return {"source": "feedback", "suggestions": len(data), "turns": len(data),
            "decisions": {d: decisions.get(d, 0) for d in DECISIONS},
            "accepted_as_is_rate": round(sum(ok) / len(ok), 4),
            "ece": round(expected_calibration_error(confidences, ok), 4),
            "reliability": reliability(confidences, ok),
            "risk_coverage": curve[:: max(1, len(curve) // 100)],
            "global_threshold": threshold_for(curve, target),
            "intent_thresholds": thresholds, "intent_detail": detail,
            "target_precision": target, "min_per_intent": min_per_intent}


def from_feedback(settings: Settings, dataset: Path | None, target: float, *,
                  fit: bool = False) -> dict[str, Any]:
    """The calibration suite's result from the agents' decisions."""
    if fit:
        raise InputError("--fit needs the scenarios' evidence; --from-feedback refits "
                         "thresholds only")
    return calibrate(load_decisions(settings, dataset), target=target,
                     current=dict(settings.intent_thresholds),
                     default=settings.auto_send_threshold)
