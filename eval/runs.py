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
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.errors import InputError, NotFoundError
from app.settings import REPO_ROOT, Settings

RUNS_DIR = "eval-runs"
FILES = ("metrics.json", "cases.jsonl", "report.html")


def git_commit(repo: Path = REPO_ROOT) -> str | None:
    """The checked-out commit, or None outside a git checkout (e.g. an installed wheel)."""
    try:
        proc = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True,
                              text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    out = proc.stdout.strip()
    return out if proc.returncode == 0 and out else None


def settings_used(settings: Settings, *, suite: str, options: Mapping[str, Any],
                  datasets: Mapping[str, Any], started: datetime) -> dict[str, Any]:
    """Everything a reader needs to reproduce or distrust a number."""
    return {
        "suite": suite, "timestamp": started.isoformat(timespec="seconds"),
        "git_commit": git_commit(), "kefu_version": __version__,
        "python": platform.python_version(), "host_cpus": os.cpu_count(),
        "embedder": options.get("embedder") or settings.embedder,
        "embedder_model": settings.embedder_model,
        "llm_backend": settings.llm_backend if options.get("llm", True) else "none (--no-llm)",
        "llm_model": settings.llm_model,
        "auto_send_threshold": settings.auto_send_threshold,
        "intent_thresholds": dict(settings.intent_thresholds),
        "channel_thresholds": dict(settings.channel_thresholds),
        "max_unresolved_turns": settings.max_unresolved_turns,
        "datasets": {k: str(v) for k, v in datasets.items()},
        "options": {k: v for k, v in options.items() if v not in (None, False)},
    }


def new_run_id(home: Path, suite: str, now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    base = f"{stamp}-{suite}"
    run_id, n = base, 1
    while (home / RUNS_DIR / run_id).exists():
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


def list_runs(home: Path) -> list[dict[str, Any]]:
    """Stored runs, oldest first, each with a few headline numbers."""
    out = []
    runs = home / RUNS_DIR
    for folder in sorted(runs.iterdir()) if runs.is_dir() else []:
        path = folder / "metrics.json"
        if folder.name.startswith(".") or not path.exists():
            continue
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            continue
        settings = doc.get("settings", {})
        out.append({"run_id": folder.name, "suite": doc.get("suite"),
                    "timestamp": settings.get("timestamp"),
                    "git_commit": (settings.get("git_commit") or "")[:10],
                    "llm_backend": settings.get("llm_backend"),
                    "cases": doc.get("cases", 0)})
    return out
