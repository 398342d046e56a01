"""Ranking and classification metrics shared by the suites."""

from __future__ import annotations

import math
from collections.abc import Sequence


def recall_at(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    """Share of relevant items found in the top k (1.0 when any is, for 1 relevant)."""
    if not relevant:
        return 0.0
    return len(set(ranked[:k]) & relevant) / min(len(relevant), k)


def hit_at(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    return 1.0 if set(ranked[:k]) & relevant else 0.0


def reciprocal_rank(ranked: Sequence[str], relevant: set[str]) -> float:
    for rank, item in enumerate(ranked, 1):
        if item in relevant:
            return 1.0 / rank
    return 0.0


def ndcg_at(ranked: Sequence[str], relevant: Sequence[str], k: int) -> float:
    """Graded by the order of ``relevant`` (first listed = most relevant)."""
    gains = {doc: len(relevant) - i for i, doc in enumerate(relevant)}
    dcg = sum(gains.get(doc, 0) / math.log2(rank + 1) for rank, doc in enumerate(ranked[:k], 1))
    ideal = sorted(gains.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(rank + 1) for rank, g in enumerate(ideal, 1))
    return dcg / idcg if idcg else 0.0


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def expected_calibration_error(confidences: Sequence[float], correct: Sequence[bool],
                               bins: int = 15) -> float:
    """ECE with equal-width confidence bins."""
    total = len(confidences)
    if not total:
        return 0.0
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidences) if lo < c <= hi or (b == 0 and c == 0)]
        if idx:
            acc = sum(correct[i] for i in idx) / len(idx)
            conf = sum(confidences[i] for i in idx) / len(idx)
            ece += len(idx) / total * abs(acc - conf)
    return ece


def reliability(confidences: Sequence[float], correct: Sequence[bool],
                bins: int = 10) -> list[dict[str, float]]:
    """Reliability-diagram data: per bin, mean confidence, accuracy and count."""
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidences) if lo < c <= hi or (b == 0 and c == 0)]
        if idx:
            out.append({"lo": lo, "hi": hi, "n": len(idx),
                        "confidence": sum(confidences[i] for i in idx) / len(idx),
                        "accuracy": sum(correct[i] for i in idx) / len(idx)})
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    labels = sorted(set(gold))
    scores = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0)
    return mean(scores)
