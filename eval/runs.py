"""Stored evaluation runs: what was run (settings, commit, datasets) and where it lives.

A run is a folder ``KEFU_HOME/eval-runs/<run_id>/`` holding ``metrics.json`` (the
metrics and the settings used), ``cases.jsonl`` (one compact line per case: id, text,
pass/fail) and ``report.html``. Every file of a report, in a run folder or in
``--out``, is first written under a temporary name and renamed only once all of them
are complete, so an interrupted run never leaves half a report behind.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.errors import InputError, NotFoundError
from app.evalruns import PARTIAL_DIR, RUNS_DIR, list_runs, partial_runs
from app.settings import Settings
from eval.provenance import (
    changed_settings,
    command_line,
    dataset_hashes,
    git_state,
    load_average,
)

__all__ = ["RUNS_DIR", "list_runs", "load_run", "new_run_id", "partial_runs", "public",
           "save_run", "settings_used", "write_atomic"]

FILES = ("metrics.json", "cases.jsonl", "report.html")


def settings_used(settings: Settings, *, suite: str, options: Mapping[str, Any],
                  datasets: Mapping[str, Any], started: datetime, uses_llm: bool = True,
                  dataset: Path | None = None) -> dict[str, Any]:
    """Everything a reader needs to reproduce or distrust a number: the command, the
    settings that differ from the defaults, each dataset's content hash, the commit (and
    whether the checkout had uncommitted changes), the machine and its load."""
    changed = changed_settings(settings)
    if not uses_llm:  # the LLM's settings cannot have changed a run that drafted nothing
        changed = {k: v for k, v in changed.items() if not k.startswith("llm_")}
    hashes, digest = dataset_hashes({k: Path(v) for k, v in datasets.items()})
    commit, dirty = git_state()
    why_none = "none (--no-llm)" if options.get("llm") is False else "none (drafts nothing)"
    return {
        "suite": suite, "timestamp": started.isoformat(timespec="seconds"),
        "command": command_line(suite, options, dataset, changed),
        "git_commit": commit, "git_dirty": dirty, "kefu_version": __version__,
        "python": platform.python_version(), "host_cpus": os.cpu_count(),
        "load_average_start": load_average(),
        "embedder": options.get("embedder") or settings.embedder,
        "embedder_model": settings.embedder_model,
        "llm_backend": settings.llm_backend if uses_llm else why_none,
        "llm_model": settings.llm_model, "llm_max_tokens": settings.llm_max_tokens,
        "auto_send_threshold": settings.auto_send_threshold,
        "intent_thresholds": dict(settings.intent_thresholds),
        "channel_thresholds": dict(settings.channel_thresholds),
        "max_unresolved_turns": settings.max_unresolved_turns,
        "changed_settings": changed,
        "sample": options.get("sample") or None,
        "dataset": str(dataset) if dataset else None,
        "datasets": {k: str(v) for k, v in datasets.items()},
        "dataset_hashes": hashes, "datasets_digest": digest,
        "options": {k: v for k, v in options.items() if v not in (None, False)},
    }


def new_run_id(home: Path, suite: str, now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    base = f"{stamp}-{suite}"
    run_id, n = base, 1
    while ((home / RUNS_DIR / run_id).exists()
           or (home / RUNS_DIR / PARTIAL_DIR / run_id).exists()):
        n += 1
        run_id = f"{base}-{n}"
    return run_id


def public(metrics: Any) -> Any:
    """The metrics without report-only data (keys starting with "_")."""
    if isinstance(metrics, dict):
        return {k: public(v) for k, v in metrics.items() if not str(k).startswith("_")}
    if isinstance(metrics, list):
        return [public(v) for v in metrics]
    return metrics


def render_files(document: dict[str, Any], cases: Iterable[dict[str, Any]],
                 html: str) -> dict[str, str]:
    lines = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
    return {"metrics.json": json.dumps(document, ensure_ascii=False, indent=2, default=str),
            "cases.jsonl": lines, "report.html": html}


def write_atomic(folder: Path, files: Mapping[str, str]) -> None:
    """Write every file under a temporary name first; rename them all at the end.

    Interrupted (Ctrl-C included) before the renames, the temporary files are removed
    and whatever report was in ``folder`` before is left as it was.
    """
    folder.mkdir(parents=True, exist_ok=True)
    temps: dict[str, Path] = {}
    try:
        for name, text in files.items():
            fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            temps[name] = Path(tmp_name)
            os.chmod(fd, 0o644)  # mkstemp's 0600 would hide the report from other users
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
        for name, path in temps.items():
            path.replace(folder / name)
    finally:
        for path in temps.values():
            path.unlink(missing_ok=True)


def save_run(home: Path, run_id: str, files: Mapping[str, str]) -> Path:
    """A run folder appears whole or not at all: built aside, then renamed into place."""
    runs = home / RUNS_DIR
    runs.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{run_id}.", dir=runs))
    staging.chmod(0o755)
    try:
        write_atomic(staging, files)
        final = runs / run_id
        staging.rename(final)
        return final
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def load_run(home: Path, run: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A stored run by id (or by a folder path): its metrics document and its cases."""
    folder = Path(run) if Path(run).is_dir() else home / RUNS_DIR / run
    path = folder / "metrics.json"
    if not path.exists():
        raise NotFoundError(f"no stored evaluation run {run!r} (see `kefu eval runs`)")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: malformed JSON: {exc.msg}") from exc
    cases_path = folder / "cases.jsonl"
    cases = [json.loads(line) for line in cases_path.read_text(encoding="utf-8").splitlines()
             if line.strip()] if cases_path.exists() else []
    return document, cases
