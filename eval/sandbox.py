"""Throw-away homes for evaluation and benchmarks, each with its own runtime.

Evaluation confirms cancellations and address changes, so it never runs on the real
store: either on a copy of KEFU_HOME (:func:`isolated_home`) or on a fresh home holding
one store pack, a folder with ``store.json``, ``policy.json`` and ``kb/``
(:func:`store_home`). Nothing here touches ``os.environ`` or the process's runtime:
each sandbox is an explicit :class:`Settings` and a :class:`Runtime` built from it.

On PostgreSQL (KEFU_DATABASE_URL set) the sandbox's database is a throw-away database
on the same server (app.dbcopy): created for the sandbox, filled with a consistent
copy of the real one (or left to the store pack), and dropped when it is done.
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


def _sandbox_settings(settings: Settings, home: Path, database_url: str | None = None,
                      ) -> Settings:
    return settings.model_copy(update={"home": home, "database_url": database_url})


def _copy_files(settings: Settings, home: Path) -> None:
    """The home's own files: the index folder (FAISS files, or the embedding cache of
    a pgvector home), the policy in force, tuned settings."""
    if settings.index_dir.is_dir():
        shutil.copytree(settings.index_dir, home / "index",
                        ignore=shutil.ignore_patterns("*.tmp"))
    for name in ("policy.json", "kefu.env"):
        if (settings.home / name).exists():
            shutil.copy(settings.home / name, home / name)


@contextmanager
def throwaway_database(settings: Settings) -> Iterator[str | None]:
    """None on SQLite; on PostgreSQL the URL of a new database on the same server,
    dropped when the block ends."""
    if not settings.database_url:
        yield None
        return
    from app.dbcopy import create_database, drop_database

    url = create_database(settings.database_url, prefix="kefu_eval")
    try:
        yield url
    finally:
        drop_database(url, via=settings.database_url)


@contextmanager
def isolated_home(settings: Settings) -> Iterator[Runtime]:
    """A runtime on a consistent copy of the database and index of ``settings``."""
    if not settings.database_url and not (settings.home / "kefu.db").exists():
        raise ConfigError(f"{settings.home} is not initialised; run `kefu init` first")
    with tempfile.TemporaryDirectory(prefix="kefu-eval-home-") as tmp, \
            throwaway_database(settings) as url:
        home = Path(tmp) / "home"
        home.mkdir()
        _copy_files(settings, home)
        rt = Runtime(_sandbox_settings(settings, home, url))
        try:
            if url is None:
                with sqlite3.connect(settings.home / "kefu.db") as src, \
                        sqlite3.connect(home / "kefu.db") as dst:
                    src.backup(dst)  # a consistent copy even while the service writes
            else:
                _copy_postgres(settings, rt)
            yield rt
        finally:
            rt.close()


def _copy_postgres(settings: Settings, rt: Runtime) -> None:
    """The sandbox's database migrated, its search tables made, then every row of the
    real one copied in (one snapshot)."""
    from app.db import current_revision, head_revision, make_engine, upgrade
    from app.dbcopy import copy_database

    assert settings.database_url and rt.settings.database_url
    source = make_engine(settings.database_url)
    try:
        at = current_revision(source)
    finally:
        source.dispose()
    if at != head_revision():
        raise ConfigError(f"the database is at schema {at or 'nothing'}, expected "
                          f"{head_revision()}; run `kefu init` first")
    upgrade(rt.engine)
    if settings.search_backend == "pgvector":
        rt.index  # noqa: B018 - opening it creates its tables in the sandbox
    copy_database(settings.database_url, rt.settings.database_url,
                  skip=("alembic_version",))


@contextmanager
def store_home(settings: Settings, pack: StorePack) -> Iterator[Runtime]:
    """A runtime on a fresh home that holds only ``pack``: started with `kefu init
    --no-demo`, the pack's policy installed, its store imported (dates moved to today
    as the demo's are) and its knowledge base ingested."""
    from app.bootstrap import initialise
    from app.knowledge import ingest_paths
    from app.store.demo import load_demo_store
    from app.store.importer import import_into

    with tempfile.TemporaryDirectory(prefix=f"kefu-eval-{pack.name}-") as tmp, \
            throwaway_database(settings) as url:
        rt = Runtime(_sandbox_settings(settings, Path(tmp) / "home", url))
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
