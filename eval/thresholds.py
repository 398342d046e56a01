"""What the proposed per-intent thresholds would do: for each intent, how many of its
turns would be auto-sent at the proposed threshold and how precise those would be.

Uses the same cross-fitted confidences as eval.calibration, so the numbers describe
suggestions that no fitted model has seen.
"""

from __future__ import annotations

from typing import Any

from eval.calibration import Labelled, cross_fitted


def best_per_turn(rows: list[Labelled]) -> dict[int, tuple[float, bool, str]]:
    """The top suggestion of each turn: (cross-fitted confidence, correct, intent)."""
    best: dict[int, tuple[float, bool, str]] = {}
    for r, score in zip(rows, cross_fitted(rows), strict=True):
        if r.turn not in best or score > best[r.turn][0]:
            best[r.turn] = (float(score), r.correct, r.intent)
    return best


def _at(turns: list[tuple[float, bool]], threshold: float | None
        ) -> tuple[float, float | None]:
    """(share of turns auto-sent, precision of those) at a threshold; None sends nothing."""
    sent = [ok for s, ok in turns if threshold is not None and s >= threshold]
    coverage = round(len(sent) / len(turns), 4) if turns else 0.0
    return coverage, (round(sum(sent) / len(sent), 4) if sent else None)


def intent_detail(rows: list[Labelled], thresholds: dict[str, float | None],
                  current: dict[str, float], default: float) -> list[dict[str, Any]]:
    """Per intent: what the proposed and the configured thresholds would auto-send."""
    best = best_per_turn(rows)
    out = []
    for intent, threshold in thresholds.items():
        turns = [(s, ok) for s, ok, i in best.values() if i == intent]
        coverage, precision = _at(turns, threshold)
        now_cov, now_prec = _at(turns, current.get(intent, default))
        out.append({"intent": intent, "turns": len(turns), "coverage": coverage,
                    "precision": precision, "current_coverage": now_cov,
                    "current_precision": now_prec})
    return out
