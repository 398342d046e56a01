"""`kefu eval compare RUN_A RUN_B`: metric by metric what changed, and which cases flipped."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# a key whose last part contains one of these is better when it goes down
LOWER_IS_BETTER = ("ece", "_ms", "latency", "ungrounded", "without_confirmation",
                   "false_handoff", "skipped", "unmapped", "error", "asked_for_slot")
# sizes and settings: a change is worth showing but is neither good nor bad
NEUTRAL = ("n", "turns", "suggestions", "cases", "count", "threshold", "thresholds",
           "target_precision", "writes_proposed", "documents", "chunks", "lo", "hi",
           "queries", "tasks", "rows", "used", "workers")
EPSILON = 1e-9


def flatten(metrics: Any, prefix: str = "") -> Iterator[tuple[str, float]]:
    """Numeric leaves as dotted keys; lists (failures, curves, matrices) are left out."""
    if isinstance(metrics, dict):
        for key, value in metrics.items():
            if str(key).startswith("_"):
                continue
            yield from flatten(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(metrics, int | float):  # bools too: True counts as 1
        yield prefix, float(metrics)


def direction(key: str) -> int:
    """+1 when higher is better, -1 when lower is, 0 when neither."""
    last = key.rsplit(".", 1)[-1].lower()
    # thresholds are settings, not scores: a move either way is neither good nor bad
    if last in NEUTRAL or last.endswith(("_n", "_count")) or "threshold" in key.lower():
        return 0
    if any(token in last for token in LOWER_IS_BETTER):
        return -1
    return 1


def verdict(key: str, before: float | None, after: float | None) -> str:
    if before is None:
        return "added"
    if after is None:
        return "removed"
    delta = after - before
    if abs(delta) <= EPSILON:
        return "same"
    sign = direction(key)
    if sign == 0:
        return "changed"
    return "improved" if delta * sign > 0 else "regressed"


def compare_metrics(a: dict[str, Any], b: dict[str, Any]) -> list[dict[str, Any]]:
    flat_a, flat_b = dict(flatten(a)), dict(flatten(b))
    rows = []
    for key in sorted(set(flat_a) | set(flat_b)):
        before, after = flat_a.get(key), flat_b.get(key)
        delta = None if before is None or after is None else round(after - before, 6)
        rows.append({"key": key, "a": before, "b": after, "delta": delta,
                     "change": verdict(key, before, after)})
    return rows


def flipped_cases(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> dict[str, Any]:
    """Cases present in both runs whose pass/fail changed, matched by id."""
    by_id_a = {c["id"]: c for c in a}
    by_id_b = {c["id"]: c for c in b}
    fixed: list[dict[str, Any]] = []
    broke: list[dict[str, Any]] = []
    for case_id, after in by_id_b.items():
        before = by_id_a.get(case_id)
        if before is None or bool(before["pass"]) == bool(after["pass"]):
            continue
        row = {"id": case_id, "text": after.get("text", ""), "a": before.get("detail"),
               "b": after.get("detail")}
        (fixed if after["pass"] else broke).append(row)
    return {"fixed": fixed, "broke": broke,
            "only_in_a": len(set(by_id_a) - set(by_id_b)),
            "only_in_b": len(set(by_id_b) - set(by_id_a))}


def changed_settings(a: dict[str, Any], b: dict[str, Any]) -> list[dict[str, Any]]:
    skip = {"timestamp"}
    return [{"key": k, "a": a.get(k), "b": b.get(k)}
            for k in sorted(set(a) | set(b)) if k not in skip and a.get(k) != b.get(k)]


def compare_runs(doc_a: dict[str, Any], cases_a: list[dict[str, Any]],
                 doc_b: dict[str, Any], cases_b: list[dict[str, Any]]) -> dict[str, Any]:
    rows = compare_metrics(doc_a.get("metrics", {}), doc_b.get("metrics", {}))
    counts = {v: sum(r["change"] == v for r in rows)
              for v in ("improved", "regressed", "changed", "same", "added", "removed")}
    return {"a": doc_a.get("run_id"), "b": doc_b.get("run_id"), "summary": counts,
            "settings": changed_settings(doc_a.get("settings", {}), doc_b.get("settings", {})),
            "metrics": rows, "cases": flipped_cases(cases_a, cases_b)}


def format_comparison(result: dict[str, Any], *, show_same: bool = False,
                      max_cases: int = 30) -> list[str]:
    """Plain-text lines for the terminal."""
    lines = [f"A = {result['a']}", f"B = {result['b']}",
             " ".join(f"{k}={v}" for k, v in result["summary"].items())]
    for s in result["settings"]:
        lines.append(f"setting {s['key']}: {s['a']!r} -> {s['b']!r}")
    for row in result["metrics"]:
        if row["change"] == "same" and not show_same:
            continue
        delta = "" if row["delta"] is None else f"  ({row['delta']:+g})"
        lines.append(f"{row['change']:9s} {row['key']}: {_fmt(row['a'])} -> "
                     f"{_fmt(row['b'])}{delta}")
    cases = result["cases"]
    lines.append(f"cases: {len(cases['fixed'])} fixed, {len(cases['broke'])} broke, "
                 f"{cases['only_in_a']} only in A, {cases['only_in_b']} only in B")
    for label, rows in (("broke", cases["broke"]), ("fixed", cases["fixed"])):
        for row in rows[:max_cases]:
            lines.append(f"  {label}: {row['id']}  {str(row['text'])[:100]}")
    return lines


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"
