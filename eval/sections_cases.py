"""Report views of cases: the failed ones with their inputs (one click from the
summary), and confusion seen per language and per intent."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eval.html import Html, anchor_id, esc, heatmap, link, note, sub, table

FAILED_SHOWN = 500  # per suite: the whole list is in cases.jsonl


def suite_of(case: dict[str, Any]) -> str:
    return str(case.get("id", "")).split(":", 1)[0] or "cases"


def failed_by_suite(cases: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for case in cases:
        if case.get("pass") is False:
            out.setdefault(suite_of(case), []).append(case)
    return out


def failure_nav(cases: Sequence[dict[str, Any]]) -> str:
    """The links at the top of the report: each suite's failed cases, counted."""
    total: dict[str, int] = {}
    for case in cases:
        total[suite_of(case)] = total.get(suite_of(case), 0) + 1
    failed = failed_by_suite(cases)
    if not total:
        return ""
    links = [f'{link(f"#failed-{name}", f"{name}: {len(failed.get(name, []))} failed")}'
             f" of {n}" if failed.get(name) else f"{esc(name)}: none failed of {n}"
             for name, n in total.items()]
    return f'<p class="failnav">Cases: {" · ".join(links)}</p>'


def _shown(case: dict[str, Any]) -> dict[str, Any]:
    return {"case": Html(f'<a href="#{anchor_id(str(case.get("id")))}">'
                         f'{esc(case.get("id"))}</a>'),
            "input": case.get("text"), "language": case.get("language"),
            "expected": case.get("expect"), "failed checks": case.get("failed"),
            "got": case.get("detail")}


def failed_sections(cases: Sequence[dict[str, Any]]) -> list[tuple[str, str, list[str]]]:
    """One section per suite with failures: every failed case, its input and what went
    wrong; each row is a link target (#case-...)."""
    out = []
    for name, failed in failed_by_suite(cases).items():
        shown = failed[:FAILED_SHOWN]
        rows = [_shown(c) for c in shown]
        columns = [k for k in ("case", "input", "language", "expected", "failed checks", "got")
                   if any(r.get(k) not in (None, [], "") for r in rows)]
        parts = [table(rows, columns, css="fail",
                       ids=[anchor_id(str(c.get("id"))) for c in shown])]
        if len(failed) > len(shown):
            parts.append(note(f"{len(failed) - len(shown)} more in cases.jsonl"))
        out.append((f"failed-{name}", f"Failed cases: {name} ({len(failed)})", parts))
    return out


def per_intent(labels: Sequence[str], counts: Sequence[Sequence[int]]) -> list[dict[str, Any]]:
    """Recall, precision and the most frequent confusion of each gold intent."""
    rows = []
    for i, label in enumerate(labels):
        gold = sum(counts[i])
        if not gold:
            continue
        predicted = sum(r[i] for r in counts)
        wrong = max(((counts[i][j], labels[j]) for j in range(len(labels)) if j != i),
                    default=(0, ""))
        rows.append({"intent": label, "n": gold, "recall": round(counts[i][i] / gold, 4),
                     "precision": round(counts[i][i] / predicted, 4) if predicted else None,
                     "most often taken for": f"{wrong[1]} ({wrong[0]})" if wrong[0] else "–"})
    return sorted(rows, key=lambda r: (r["recall"], -r["n"]))


def confusion_views(confusions: dict[str, dict[str, Any]], what: str) -> list[str]:
    """Per language: the matrix and the per-intent table (worst recall first)."""
    parts = []
    for lang, matrix in confusions.items():
        labels, counts = matrix.get("labels", []), matrix.get("counts", [])
        if not labels:
            continue
        parts.append(sub(f"{what}: {lang}", heatmap(
            labels, counts, f"{lang}: expected vs recognised (shaded by share of the row)"),
            table(per_intent(labels, counts))))
    return parts
