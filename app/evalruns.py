"""Stored evaluation runs as the service reads them: a list, one run's report, the latest.

``kefu eval`` (eval/) writes a run folder ``KEFU_HOME/eval-runs/<run_id>/`` with
``metrics.json``, ``cases.jsonl`` and ``report.html``; an interrupted run leaves its
journal in ``eval-runs/.partial/<run_id>/``. The analyst dashboard lists them through
this module, because the service never imports ``eval``: the files are the contract.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from app.errors import NotFoundError

RUNS_DIR = "eval-runs"
PARTIAL_DIR = ".partial"
# run ids are made by eval.runs.new_run_id: a stamp, the suite, maybe a counter
RUN_ID = re.compile(r"^[0-9]{8}-[0-9]{6}-[a-z_]+(-[0-9]+)?$")

# the numbers the dashboard shows next to production's, per suite (dotted keys)
HEADLINE_KEYS = {
    "replies": ("turn_accuracy", "auto_send_rate", "auto_send_precision", "handoff_rate",
                "handoff_recall", "llm_drafts", "groundedness_rate"),
    "intent": ("summary.heldout_en.accuracy", "summary.heldout_zh.accuracy",
               "overall_ece"),
    "retrieval": ("modes.hybrid.overall.recall@5", "modes.hybrid.overall.mrr"),
    "calibration": ("ece", "global_threshold"),
    "actions": ("overall.action_accuracy",),
    "latency": ("p50_ms", "p99_ms"),
}


def dig(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _dataset(settings: dict[str, Any]) -> str:
    """The datasets' names with a short content hash, so two runs on different data of
    the same name are told apart."""
    hashes = settings.get("dataset_hashes") or {}
    names = [Path(str(p)).name for p in (settings.get("datasets") or {}).values()]
    label = ",".join(dict.fromkeys(names)) if len(names) <= 2 else f"{len(names)} files"
    digest = settings.get("datasets_digest") or ""
    return f"{label}@{digest[:8]}" if digest else label or (str(len(hashes)) if hashes else "-")


def summary_row(run_id: str, doc: dict[str, Any], *, status: str = "complete") -> dict[str, Any]:
    """One line of `kefu eval runs` and of the dashboard's list: what tells runs apart."""
    settings = doc.get("settings") or {}
    options = settings.get("options") or {}
    sample = settings.get("sample") or options.get("sample")
    replies = dig(doc, "metrics.replies.sample") if doc.get("suite") == "all" else None
    if not sample and isinstance(replies, dict):  # `all` with the LLM samples its replies
        sample = f"replies:{replies.get('n')}"
    return {"run_id": run_id, "suite": doc.get("suite") or settings.get("suite"),
            "status": status, "timestamp": settings.get("timestamp"),
            "git_commit": (settings.get("git_commit") or "")[:10],
            "dataset": _dataset(settings), "store": options.get("store") or "demo",
            "llm_backend": settings.get("llm_backend"),
            "llm_max_tokens": settings.get("llm_max_tokens"),
            "sample": sample if sample else "all",
            "changed": settings.get("changed_settings") or {},
            "command": settings.get("command"),
            "duration_s": settings.get("duration_s"),
            "cases": doc.get("cases", 0)}


def list_runs(home: Path, *, partial: bool = False) -> list[dict[str, Any]]:
    """Stored runs, oldest first; with ``partial`` also the interrupted ones."""
    runs = home / RUNS_DIR
    out = []
    for folder in sorted(runs.iterdir()) if runs.is_dir() else []:
        if folder.name.startswith("."):
            continue
        doc = _read(folder / "metrics.json")
        if doc is not None:
            out.append(summary_row(folder.name, doc))
    if partial:
        out += partial_runs(home)
    return out


def partial_runs(home: Path) -> list[dict[str, Any]]:
    """Runs stopped before their report was written (resume with `kefu eval --resume`)."""
    out = []
    folder = home / RUNS_DIR / PARTIAL_DIR
    for journal in sorted(folder.iterdir()) if folder.is_dir() else []:
        record = _read(journal / "run.json")
        if record is None:
            continue
        cases = journal / "cases.jsonl"
        done = sum(1 for _ in cases.open(encoding="utf-8")) if cases.exists() else 0
        out.append(summary_row(journal.name, {"suite": record.get("suite"),
                                              "settings": record.get("settings") or {},
                                              "cases": done}, status="interrupted"))
    return out


def run_folder(home: Path, run_id: str) -> Path:
    """The folder of a complete run; NotFoundError for anything else (ids are checked
    against their shape, so a request can never name a path outside the runs)."""
    folder = home / RUNS_DIR / run_id
    if not RUN_ID.match(run_id) or not (folder / "metrics.json").is_file():
        raise NotFoundError(f"no stored evaluation run {run_id!r}")
    return folder


def report_html(home: Path, run_id: str) -> str:
    path = run_folder(home, run_id) / "report.html"
    if not path.is_file():
        raise NotFoundError(f"run {run_id!r} has no report")
    return path.read_text(encoding="utf-8")


def headline(suite: str, metrics: dict[str, Any]) -> dict[str, Any]:
    """A suite's headline numbers (None left out)."""
    keys = HEADLINE_KEYS.get(suite, ())
    return {k: v for k in keys if (v := dig(metrics, k)) is not None}


def latest(home: Path, suite: str) -> dict[str, Any] | None:
    """The newest complete run that measured ``suite`` (alone or inside `all`), with
    its headline numbers."""
    for row in reversed(list_runs(home)):
        if row["suite"] not in (suite, "all"):
            continue
        doc = _read(home / RUNS_DIR / row["run_id"] / "metrics.json") or {}
        metrics = doc.get("metrics") or {}
        metrics = metrics.get(suite) if row["suite"] == "all" else metrics
        if isinstance(metrics, dict) and "error" not in metrics:
            return {**row, "figures": headline(suite, metrics)}
    return None
