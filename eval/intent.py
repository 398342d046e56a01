"""Intent suite: Bitext held-out fold, the bundled zh/en held-out sets, CLINC150 test.

CLINC150 is mapped to the store's taxonomy: ``oos`` and every CLINC intent with no
store meaning -> ``other``; ``order_status`` -> ``track_order``; ``card_declined`` ->
``payment_issue`` (app.understanding.intent_training.CLINC_MAP). "In-scope accuracy"
is accuracy on CLINC's in-scope test queries under that mapping, "out-of-scope
recall" the share of its ``oos`` test queries classified ``other``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.understanding.intent import IntentClassifier
from app.understanding.intent_training import (
    CLINC_MAP,
    bitext_examples,
    clinc_label,
    read_jsonl,
)
from eval.metrics import expected_calibration_error, macro_f1, mean, reliability

Case = tuple[str, str]  # (text, gold intent)


def _score(classifier: IntentClassifier, cases: list[Case],
           progress: Callable[[int], None] | None) -> dict[str, Any]:
    preds = []
    for start in range(0, len(cases), 256):
        batch = cases[start : start + 256]
        preds += classifier.predict([t for t, _ in batch])
        if progress:
            progress(len(batch))
    gold = [g for _, g in cases]
    pred = [p.intent for p in preds]
    conf = [p.confidence for p in preds]
    correct = [g == p for g, p in zip(gold, pred, strict=True)]
    confusion = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    return {
        "n": len(cases),
        "accuracy": round(mean([float(c) for c in correct]), 4),
        "macro_f1": round(macro_f1(gold, pred), 4),
        "ece": round(expected_calibration_error(conf, correct), 4),
        "reliability": reliability(conf, correct),
        "top_confusions": [{"gold": g, "predicted": p, "count": n}
                           for (g, p), n in confusion.most_common(15)],
        "failures": [{"text": t, "gold": g, "predicted": p.intent,
                      "confidence": round(p.confidence, 3)}
                     for (t, g), p, ok in zip(cases, preds, correct, strict=True) if not ok][:40],
        "confusion": _matrix(gold, pred),
        "_conf": conf, "_correct": correct,
        "_cases": [{"text": t, "pass": ok, "detail": p.intent}
                   for (t, _), p, ok in zip(cases, preds, correct, strict=True)],
    }


def _matrix(gold: list[str], pred: list[str]) -> dict[str, Any]:
    labels = sorted(set(gold) | set(pred))
    index = {label: i for i, label in enumerate(labels)}
    counts = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        counts[index[g]][index[p]] += 1
    return {"labels": labels, "counts": counts}


def datasets(data_dir: Path, eval_dir: Path) -> dict[str, list[Case]]:
    sets: dict[str, list[Case]] = {}
    bitext = eval_dir / "bitext_customer_support"
    if bitext.is_dir():
        sets["bitext_heldout"] = [(e.text, e.intent) for e in bitext_examples(bitext,
                                                                              heldout=True)]
    for lang in ("en", "zh"):
        path = data_dir / "intents" / f"heldout_{lang}.jsonl"
        sets[f"heldout_{lang}"] = [(str(r["text"]), str(r["intent"])) for r in read_jsonl(path)]
    clinc = eval_dir / "clinc150" / "test.jsonl"
    if clinc.exists():
        rows = read_jsonl(clinc)
        sets["clinc_in_scope"] = [(str(r["text"]), clinc_label(r)) for r in rows
                                  if not r["is_oos"]]
        sets["clinc_oos"] = [(str(r["text"]), "other") for r in rows if r["is_oos"]]
    return sets


def evaluate(classifier: IntentClassifier, sets: dict[str, list[Case]],
             progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    results = {name: _score(classifier, cases, progress) for name, cases in sets.items()}
    per_case = [{"id": f"intent:{name}:{n}", **c} for name, r in results.items()
                for n, c in enumerate(r.pop("_cases"))]
    conf = [c for r in results.values() for c in r.pop("_conf")]
    correct = [c for r in results.values() for c in r.pop("_correct")]
    summary = {name: {k: r[k] for k in ("n", "accuracy", "macro_f1", "ece")}
               for name, r in results.items()}
    if "clinc_oos" in results:
        summary["clinc_oos"]["oos_recall"] = results["clinc_oos"]["accuracy"]
    return {"summary": summary, "overall_ece": round(expected_calibration_error(conf, correct),
                                                     4),
            "reliability": reliability(conf, correct), "sets": results,
            "clinc_mapping": {"oos": "other", **CLINC_MAP, "*": "other"}, "_cases": per_case}
