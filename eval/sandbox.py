"""A throw-away copy of KEFU_HOME, so evaluation and benchmarks never change the
store (scenarios confirm cancellations and address changes) or its analytics."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.db import engine_for
from app.errors import ConfigError
from app.knowledge import reset_index_cache
from app.settings import Settings, get_settings


def _reset() -> None:
    get_settings.cache_clear()
    engine_for.cache_clear()
    reset_index_cache()


@contextmanager
def isolated_home(settings: Settings) -> Iterator[Settings]:
    if settings.database_url:
        raise ConfigError("evaluation copies the SQLite database of KEFU_HOME; "
                          "unset KEFU_DATABASE_URL to run it")
    db = settings.home / "kefu.db"
    if not db.exists():
        raise ConfigError(f"{settings.home} is not initialised; run `kefu init` first")
    previous = os.environ.get("KEFU_HOME")
    with tempfile.TemporaryDirectory(prefix="kefu-eval-home-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        with sqlite3.connect(db) as src, sqlite3.connect(home / "kefu.db") as dst:
            src.backup(dst)  # a consistent copy even while the service writes
        if settings.index_dir.is_dir():
            shutil.copytree(settings.index_dir, home / "index",
                            ignore=shutil.ignore_patterns("*.tmp"))
        os.environ["KEFU_HOME"] = str(home)
        _reset()
        try:
            yield get_settings()
        finally:
            if previous is None:
                os.environ.pop("KEFU_HOME", None)
            else:
                os.environ["KEFU_HOME"] = previous
            _reset()
