"""The journal of a run in progress: what is done is on disk as it is done.

``KEFU_HOME/eval-runs/.partial/<run_id>/`` holds ``run.json`` (the command, its suite
and options, the settings used and a fingerprint of them), ``cases.jsonl`` (one line
per case, appended and flushed as each case finishes) and ``parts/<suite>.json`` (each
suite of `kefu eval all` once it is complete). The finished report replaces the
journal; a run stopped before (Ctrl-C, a crash, a closed laptop) leaves it, and
`kefu eval --resume RUN` (or the same command again) carries on: finished suites are
taken from ``parts/``, drafts already made from the draft cache (eval/drafts.py), and
only the rest is done again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from app.errors import NotFoundError
from eval.runs import PARTIAL_DIR, RUNS_DIR

SYNC_S = 2.0


def fingerprint(record: dict[str, Any]) -> str:
    """What must be equal for a stopped run to be carried on by the same command."""
    settings = record.get("settings") or {}
    keys = ("command", "git_commit", "datasets_digest", "changed_settings", "options")
    same = {k: settings.get(k) for k in keys} | {"suite": record.get("suite")}
    return hashlib.sha256(json.dumps(same, sort_keys=True, default=str).encode()).hexdigest()


class Journal:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.run_id = folder.name
        self._done: set[str] | None = None
        self._synced = 0.0

    @classmethod
    def start(cls, home: Path, run_id: str, record: dict[str, Any]) -> Journal:
        folder = home / RUNS_DIR / PARTIAL_DIR / run_id
        (folder / "parts").mkdir(parents=True, exist_ok=True)
        record = {**record, "run_id": run_id, "fingerprint": fingerprint(record)}
        (folder / "run.json").write_text(json.dumps(record, ensure_ascii=False, indent=2,
                                                    default=str), encoding="utf-8")
        return cls(folder)

    @classmethod
    def open(cls, home: Path, run_id: str) -> Journal:
        folder = home / RUNS_DIR / PARTIAL_DIR / run_id
        if not (folder / "run.json").is_file():
            raise NotFoundError(f"no interrupted run {run_id!r} to resume (see `kefu eval "
                                "runs`; a finished run has nothing left to do)")
        return cls(folder)

    @property
    def record(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.folder / "run.json").read_text("utf-8"))
        return data

    def done(self) -> set[str]:
        """Ids of the cases already written."""
        if self._done is None:
            path = self.folder / "cases.jsonl"
            lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
            self._done = {str(json.loads(line).get("id")) for line in lines if line.strip()}
        return self._done

    def append(self, cases: list[dict[str, Any]]) -> None:
        """Cases not yet written, one line each, with the operating system before this
        returns (a Ctrl-C or a killed process loses none). Synced to the disk at most
        every SYNC_S: a sync per case cost ~20 ms each on a busy disk, 25 s for the
        ~1,300 cases of `kefu eval all`, against a power cut's last seconds."""
        done = self.done()
        fresh = [c for c in cases if str(c.get("id")) not in done]
        if not fresh:
            return
        with (self.folder / "cases.jsonl").open("a", encoding="utf-8") as handle:
            for case in fresh:
                handle.write(json.dumps(case, ensure_ascii=False, default=str) + "\n")
            handle.flush()
            if time.monotonic() - self._synced >= SYNC_S:
                os.fsync(handle.fileno())
                self._synced = time.monotonic()
        done.update(str(c.get("id")) for c in fresh)

    def save_part(self, name: str, raw: dict[str, Any]) -> None:
        path = self.folder / "parts" / f"{name}.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(raw, ensure_ascii=False, default=str), encoding="utf-8")
        tmp.replace(path)  # a part is there whole or not at all

    def load_part(self, name: str) -> dict[str, Any] | None:
        path = self.folder / "parts" / f"{name}.json"
        if not path.is_file():
            return None
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    def finish(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def find_resumable(home: Path, record: dict[str, Any]) -> Journal | None:
    """The newest stopped run of exactly this command, settings, data and commit."""
    folder = home / RUNS_DIR / PARTIAL_DIR
    wanted = fingerprint(record)
    for path in sorted(folder.iterdir(), reverse=True) if folder.is_dir() else []:
        try:
            found = json.loads((path / "run.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        if found.get("fingerprint") == wanted:
            return Journal(path)
    return None
