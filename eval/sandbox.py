"""Throw-away homes for evaluation and benchmarks, each with its own runtime.

Evaluation confirms cancellations and address changes, so it never runs on the real
store: either on a copy of KEFU_HOME (:func:`isolated_home`) or on a fresh home holding
one store pack, a folder with ``store.json``, ``policy.json`` and ``kb/``
(:func:`store_home`). Nothing here touches ``os.environ`` or the process's runtime:
each sandbox is an explicit :class:`Settings` and a :class:`Runtime` built from it.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.errors import ConfigError
from app.runtime import Runtime
from app.settings import Settings


@dataclass(frozen=True)
class StorePack:
    """A store as files: its data, its policy, its knowledge base, its scenarios."""

    name: str
    store: Path
    policy: Path
    kb: Path
    scenarios: Path

    @classmethod
    def demo(cls, settings: Settings) -> StorePack:
        data = settings.data_dir
        return cls("demo", data / "store" / "demo_store.json", data / "policy.json",
                   data / "kb", data / "scenarios" / "scenarios.jsonl")

    @classmethod
    def folder(cls, path: Path) -> StorePack:
        """A pack folder: store.json, policy.json, kb/, scenarios.jsonl."""
        if not (path / "store.json").exists():
            raise ConfigError(f"{path} is not a store pack (no store.json)")
        return cls(path.name, path / "store.json", path / "policy.json", path / "kb",
                   path / "scenarios.jsonl")


def _sandbox_settings(settings: Settings, home: Path) -> Settings:
    return settings.model_copy(update={"home": home, "database_url": None})


@contextmanager
def isolated_home(settings: Settings) -> Iterator[Runtime]:
    """A runtime on a consistent copy of the SQLite database and index of ``settings``."""
    if settings.database_url:
        raise ConfigError("a copy of KEFU_HOME needs the SQLite default; give a store "
                          "pack instead (kefu eval ... --store DIR)")
    db = settings.home / "kefu.db"
    if not db.exists():
        raise ConfigError(f"{settings.home} is not initialised; run `kefu init` first")
    with tempfile.TemporaryDirectory(prefix="kefu-eval-home-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        with sqlite3.connect(db) as src, sqlite3.connect(home / "kefu.db") as dst:
            src.backup(dst)  # a consistent copy even while the service writes
        if settings.index_dir.is_dir():
            shutil.copytree(settings.index_dir, home / "index",
                            ignore=shutil.ignore_patterns("*.tmp"))
        for name in ("policy.json", "kefu.env"):
            if (settings.home / name).exists():
                shutil.copy(settings.home / name, home / name)
        rt = Runtime(_sandbox_settings(settings, home))
        try:
            yield rt
        finally:
            rt.close()


@contextmanager
def store_home(settings: Settings, pack: StorePack) -> Iterator[Runtime]:
    """A runtime on a fresh home that holds only ``pack``: started with `kefu init
    --no-demo`, the pack's policy installed, its store imported (dates moved to today
    as the demo's are) and its knowledge base ingested."""
    from app.bootstrap import initialise
    from app.knowledge import ingest_paths
    from app.store.demo import load_demo_store
    from app.store.importer import import_into

    with tempfile.TemporaryDirectory(prefix=f"kefu-eval-{pack.name}-") as tmp:
        rt = Runtime(_sandbox_settings(settings, Path(tmp) / "home"))
        try:
            for _ in initialise(rt, demo=False, policy_file=pack.policy):
                pass
            report = import_into(rt, load_demo_store(pack.store))
            if report.rejected:
                raise ConfigError(f"store pack {pack.name}: {report.rejected[0]}")
            with rt.session(write=True) as session:
                result = ingest_paths(rt, paths=[pack.kb], session=session)
            if result.errors:
                raise ConfigError(f"store pack {pack.name}: {result.errors[0]}")
            yield rt
        finally:
            rt.close()
