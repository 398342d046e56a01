"""What a run needs to be reproduced: its command, the settings that differ from the
defaults, the content hash of every dataset it read, the commit and the machine's load.

A figure in the README is only as good as this record: `kefu eval figures` prints the
command and settings of the run a table came from, and two runs that differ in any of
these are told apart by `kefu eval runs`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.settings import REPO_ROOT, Settings

# settings that change what an evaluation measures (paths, secrets and servers' own
# tuning are left out: they never change a figure, and secrets must not be stored)
RELEVANT = ("embedder", "embedder_model", "embed_batch_size", "search_backend",
            "ann_threshold", "ann_index", "llm_backend", "llm_model", "llm_max_tokens",
            "llm_threads", "llm_timeout_s", "auto_send_threshold", "intent_thresholds",
            "channel_thresholds", "max_unresolved_turns")
# CLI options in the order a command line shows them, with how they are written
FLAGS = {"llm": "--no-llm", "fit": "--fit", "from_feedback": "--from-feedback",
         "write_thresholds": "--write-thresholds", "llm_drafts": "--llm-drafts",
         "no_cache": "--no-cache"}
VALUED = {"dataset": "--dataset", "store": "--store", "embedder": "--embedder",
          "backends": "--backends", "sample": "--sample", "seed": "--seed",
          "target_precision": "--target-precision"}
DEFAULTS = {"target_precision": 0.98, "seed": 0}


def changed_settings(settings: Settings) -> dict[str, Any]:
    """The relevant settings whose value is not the default (KEFU_* or kefu.env)."""
    out = {}
    for name in RELEVANT:
        field = Settings.model_fields[name]
        default = field.get_default(call_default_factory=True)
        value = getattr(settings, name)
        if value != default:
            out[name] = value
    return out


def _env_value(value: Any) -> str:
    return json.dumps(value, separators=(",", ":")) if isinstance(value, dict) else str(value)


def command_line(suite: str, options: Mapping[str, Any], dataset: Path | None,
                 changed: Mapping[str, Any]) -> str:
    """The canonical command that repeats the run: changed settings as KEFU_* variables,
    then `kefu eval SUITE` and the options that were not left at their defaults."""
    env = [f"KEFU_{k.upper()}={shlex.quote(_env_value(v))}" for k, v in changed.items()]
    words = ["kefu", "eval", suite]
    values = {**options, "dataset": str(dataset) if dataset else None}
    for key, flag in VALUED.items():
        value = values.get(key)
        if isinstance(value, list):
            value = ",".join(map(str, value))
        if value not in (None, "", DEFAULTS.get(key)):
            words += [flag, str(value)]
    for key, flag in FLAGS.items():
        on = values.get(key)
        if (key == "llm" and on is False) or (key != "llm" and on):
            words.append(flag)
    return " ".join([*env, *map(shlex.quote, words)])


def file_hash(path: Path) -> str | None:
    """sha256 of a file, or of a folder's files (names and contents, in order)."""
    if not path.exists():
        return None
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        digest.update(str(file.relative_to(path) if path.is_dir() else file.name).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def dataset_hashes(datasets: Mapping[str, Path]) -> tuple[dict[str, str | None], str]:
    """Each dataset's hash, and one digest of them all (what the run list shows)."""
    hashes = {k: file_hash(Path(v)) for k, v in datasets.items()}
    digest = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()
    return hashes, digest


def git_state(repo: Path = REPO_ROOT) -> tuple[str | None, bool | None]:
    """(commit, whether tracked files have uncommitted changes); None outside git."""
    def git(*args: str) -> str | None:
        try:
            proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                                  timeout=10, check=False)
        except (OSError, subprocess.SubprocessError):
            return None
        return proc.stdout if proc.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    if not commit:
        return None, None
    status = git("status", "--porcelain", "--untracked-files=no")
    return commit.strip(), (bool(status.strip()) if status is not None else None)


def load_average() -> list[float] | None:
    """The 1, 5 and 15 minute load averages: a timing is worth little without them."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def process_age() -> float | None:
    """Seconds since this process started (Linux): a command's wall time, its imports and
    model loading included, which a timer started by the suite would leave out."""
    try:
        stat = Path("/proc/self/stat").read_text()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except OSError:
        return None
    # the fields after the command name (which may hold spaces) are space-separated
    start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
    return round(uptime - start_ticks / os.sysconf("SC_CLK_TCK"), 1)
