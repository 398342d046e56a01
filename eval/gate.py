"""The CI gate: a fast subset of the suites (retrieval, intent, replies without an LLM)
checked against the bars of the issues. `kefu eval gate` and tests/test_eval_gate.py
both use it.

A bar the current model is known to miss is a KNOWN_GAP: still checked and shown with
its value, but it does not fail the gate; the bar itself is never lowered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.settings import Settings

# name -> why it is not (yet) a failure; tests mark the same check xfail(strict=False).
# Empty: the current classifier clears every bar (own held-out en 0.93, zh 0.93).
KNOWN_GAPS: dict[str, str] = {}


@dataclass(frozen=True)
class Bar:
    name: str
    value: Callable[[dict[str, Any]], float | None]
    test: Callable[[float, dict[str, Any]], bool]
    bar: str


def _mode(m: dict[str, Any], mode: str, metric: str = "recall@5") -> float:
    return float(m["retrieval"]["modes"][mode]["overall"][metric])


def _summary(key: str, metric: str = "accuracy") -> Callable[[dict[str, Any]], float | None]:
    def get(m: dict[str, Any]) -> float | None:
        row = m["intent"]["summary"].get(key)
        return None if row is None else float(row[metric])
    return get


def _replies(key: str) -> Callable[[dict[str, Any]], float | None]:
    return lambda m: float(m["replies"][key])


BARS = (
    Bar("retrieval hybrid recall@5", lambda m: _mode(m, "hybrid"), lambda v, m: v >= 0.95,
        ">= 0.95"),
    Bar("retrieval hybrid recall@5 > dense", lambda m: _mode(m, "hybrid"),
        lambda v, m: v > _mode(m, "dense"), "> dense"),
    Bar("retrieval hybrid recall@5 > lexical", lambda m: _mode(m, "hybrid"),
        lambda v, m: v > _mode(m, "lexical"), "> lexical"),
    Bar("intent Bitext held-out accuracy", _summary("bitext_heldout"), lambda v, m: v >= 0.95,
        ">= 0.95"),
    Bar("intent own held-out accuracy (en)", _summary("heldout_en"), lambda v, m: v >= 0.92,
        ">= 0.92"),
    Bar("intent own held-out accuracy (zh)", _summary("heldout_zh"), lambda v, m: v >= 0.92,
        ">= 0.92"),
    Bar("intent ECE (all sets)", lambda m: float(m["intent"]["overall_ece"]),
        lambda v, m: v <= 0.05, "<= 0.05"),
    Bar("intent CLINC150 out-of-scope recall", _summary("clinc_oos"), lambda v, m: v >= 0.80,
        ">= 0.80"),
    Bar("intent CLINC150 in-scope accuracy", _summary("clinc_in_scope"),
        lambda v, m: v >= 0.95, ">= 0.95"),
    Bar("replies writes executed without confirmation",
        _replies("writes_executed_without_confirmation"), lambda v, m: v == 0, "== 0"),
    Bar("replies auto-sent ungrounded", _replies("auto_sent_ungrounded"), lambda v, m: v == 0,
        "== 0"),
    Bar("replies handoff recall", _replies("handoff_recall"), lambda v, m: v == 1.0, "== 1.0"),
)


def check(metrics: dict[str, Any]) -> list[dict[str, Any]]:
    """Every bar against suite metrics keyed by suite name; a missing dataset is a fail."""
    out = []
    for bar in BARS:
        try:
            value = bar.value(metrics)
        except KeyError:
            value = None
        ok = value is not None and bar.test(value, metrics)
        out.append({"name": bar.name, "value": value, "bar": bar.bar, "ok": ok,
                    "known_gap": KNOWN_GAPS.get(bar.name) if not ok else None})
    return out


def gate_metrics(settings: Settings) -> dict[str, Any]:
    from eval.suites import SuiteContext, intent_suite, replies_suite, retrieval_suite

    ctx = SuiteContext(settings=settings, options={"llm": False})
    return {"retrieval": retrieval_suite(ctx), "intent": intent_suite(ctx),
            "replies": replies_suite(ctx)}


def run_gate(settings: Settings) -> list[dict[str, Any]]:
    return check(gate_metrics(settings))
