"""One run -> metrics.json, cases.jsonl and a self-contained report.html.

The HTML needs nothing but itself: styles inline, plots as base64 PNG, so it can be
mailed or attached to a ticket and still open in any browser.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from eval import sections, sections_ops
from eval.html import esc, note, page, section, table
from eval.runs import public, render_files, save_run, write_atomic
from eval.sections_cases import failed_sections, failure_nav

Renderer = Callable[[dict[str, Any], dict[str, Any]], list[str]]
RENDERERS: dict[str, Renderer] = {
    "retrieval": sections.retrieval, "intent": sections.intent, "replies": sections.replies,
    "calibration": sections.calibration, "actions": sections_ops.actions,
    "latency": sections_ops.latency,
}
TITLES = {"retrieval": "Retrieval", "intent": "Intent classification",
          "replies": "Replies (scenarios)", "calibration": "Calibration and thresholds",
          "actions": "Actions (tau-bench retail, ECom-Bench)",
          "latency": "Latency: message -> decision", "backends": "LLM backends side by side"}

HEADLINES = {
    "retrieval": ("modes.hybrid.overall.recall@5", "modes.hybrid.overall.mrr",
                  "modes.dense.overall.recall@5", "modes.lexical.overall.recall@5"),
    "intent": ("summary.bitext_heldout.accuracy", "summary.heldout_en.accuracy",
               "summary.heldout_zh.accuracy", "summary.clinc_in_scope.accuracy",
               "summary.clinc_oos.oos_recall", "overall_ece"),
    "replies": ("turn_accuracy", "auto_send_rate", "auto_send_precision", "handoff_recall",
                "writes_executed_without_confirmation", "auto_sent_ungrounded"),
    "calibration": ("ece", "global_threshold", "target_precision"),
    "actions": ("overall.action_accuracy", "overall.status_accuracy",
                "overall.handoff_accuracy", "datasets.tau_bench_retail.action_accuracy",
                "datasets.ecom_bench_zh.action_accuracy"),
    "latency": ("p50_ms", "p99_ms", "messages_per_s_serial"),
}


def _dig(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def headline(suite: str, metrics: dict[str, Any]) -> list[dict[str, Any]]:
    """The few numbers a reader looks for first, per suite."""
    per_suite = metrics if suite == "all" else {suite: metrics}
    return [{"suite": name, "metric": key, "value": _dig(m, key)}
            for name, m in per_suite.items() for key in HEADLINES.get(name, ())
            if isinstance(m, dict) and _dig(m, key) is not None]


def _settings_table(settings: dict[str, Any]) -> str:
    rows = [{"setting": k, "value": v} for k, v in settings.items() if k != "datasets"]
    rows += [{"setting": f"dataset {k}", "value": v}
             for k, v in settings.get("datasets", {}).items()]
    return table(rows, ["setting", "value"])


def suite_sections(suite: str, metrics: dict[str, Any],
                   settings: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
    """(anchor, title, parts) per section; `all` has one per suite it ran."""
    if suite == "all":
        out = []
        for name, m in metrics.items():
            if name.startswith("_"):
                continue
            out.extend(suite_sections(name, m, settings))
        return out
    if "error" in metrics and len(metrics) == 1:
        return [(suite, TITLES.get(suite, suite), [note(f"not run: {metrics['error']}")])]
    if suite == "replies" and "backends" in metrics:
        return [("backends", TITLES["backends"], sections_ops.backends(metrics, settings))]
    render = RENDERERS.get(suite)
    parts = render(metrics, settings) if render else [table([public(metrics)])]
    sample = metrics.get("sample")
    if isinstance(sample, dict) and "n" in sample:
        parts.insert(0, note(f"A sample: {sample['n']} of {sample['of']} (seed "
                             f"{sample['seed']}), stratified by language and intent."))
    return [(suite, TITLES.get(suite, suite), parts)]


def render_html(document: dict[str, Any], metrics: dict[str, Any]) -> str:
    """``metrics`` keeps the report-only data ("_" keys) that metrics.json leaves out."""
    settings = document["settings"]
    cases = metrics.get("_cases", [])
    parts = suite_sections(document["suite"], metrics, settings) + failed_sections(cases)
    nav = "".join(f'<a href="#{esc(a)}">{esc(t)}</a>' for a, t, _ in parts)
    commit = (settings.get("git_commit") or "unknown")[:12]
    header = (f"<h1>Kefu evaluation: {esc(document['suite'])}</h1>"
              f'<div class="meta">run {esc(document["run_id"])} · {esc(settings["timestamp"])}'
              f" · commit {esc(commit)} · embedder {esc(settings.get('embedder'))}"
              f" · LLM {esc(settings.get('llm_backend'))}</div>"
              f"<div class=\"meta\"><code>{esc(settings.get('command') or '')}</code></div>"
              f"<nav>{nav}</nav>")
    top = headline(document["suite"], metrics)
    body = section("headline", "Headline numbers", [failure_nav(cases), table(top)]) \
        if top or cases else ""
    body += "".join(section(a, t, p) for a, t, p in parts)
    body += section("settings", "Settings used", [_settings_table(settings)])
    return page(f"Kefu eval {document['suite']} {document['run_id']}", header, body)


def build(run_id: str, suite: str, settings: dict[str, Any],
          raw: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The metrics document and the three files of a run, from a suite's raw result."""
    cases = raw.get("_cases", [])
    metrics = public(raw)
    document = {"run_id": run_id, "suite": suite, "settings": settings,
                "cases": len(cases), "metrics": metrics}
    return document, render_files(document, cases, render_html(document, raw))


def write(files: dict[str, str], *, home: Path, run_id: str, out: Path | None) -> Path:
    """Store the run under KEFU_HOME and, with --out, a copy in that folder."""
    stored = save_run(home, run_id, files)
    if out is not None:
        write_atomic(out, files)
    return stored
