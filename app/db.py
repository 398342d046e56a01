"""Database engine, sessions and migrations.

SQLite runs in WAL mode with a busy timeout, and write transactions start with
``BEGIN IMMEDIATE`` so two processes writing at once queue up instead of failing
half-way (a deferred transaction that later upgrades to a writer can hit
SQLITE_BUSY with no retry).

PostgreSQL needs no file lock, but the code above the storage layer was written for
one writer at a time (read a row, decide, write it back). So a write transaction there
takes a transaction-scoped advisory lock: exclusive on one global key by default (the
same guarantee as SQLite's), or, for the hot paths that name a ``key`` (a turn, an
action decision: everything one customer touches), shared on the global key and
exclusive on its own. Turns of different customers then write in parallel, and any
unkeyed writer still excludes them all. The locks live in the server, so they hold
across worker processes and hosts.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # not on POSIX: SQLite's own busy handler still serialises writers
    fcntl = None  # type: ignore[assignment]

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlmodel import Session, create_engine

from app.errors import BackendError, ConfigError
from app.settings import Settings

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_WRITE = "kefu_write"
_WRITE_KEY = "kefu_write_key"
# pg_advisory_xact_lock's key space is shared with anything else in the database:
# derive Kefu's keys from a name so they cannot collide with small integers others use
_GLOBAL_KEY = "kefu:write"


def advisory_key(name: str) -> int:
    """A signed 64-bit advisory lock key for ``name``."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big",
                          signed=True)


def _lock_path(engine: Engine) -> str | None:
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return f"{database}.writelock"


def _sqlite_setup(engine: Engine) -> None:
    lock_path = _lock_path(engine) if fcntl is not None else None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # let the "begin" hook below issue BEGIN
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(_WRITE, False)
        if immediate and lock_path is not None:
            # Writers queue on a file lock first: the kernel wakes the next one the moment
            # it is free, where SQLite's busy handler would poll with growing sleeps.
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX)
            conn.info["kefu_flock"] = fd
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_conn: Any, record: Any) -> None:
        # the transaction is over (committed or rolled back) once the connection comes back
        fd = record.info.pop("kefu_flock", None)
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def _pg_setup(engine: Engine) -> None:
    global_key = advisory_key(_GLOBAL_KEY)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # columns are "timestamp without time zone" holding UTC; a server whose TimeZone
        # is not UTC would otherwise shift every aware datetime written or compared
        dbapi_conn.execute("SET TIME ZONE 'UTC'")
        dbapi_conn.commit()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        if not options.get(_WRITE, False):
            return
        key = options.get(_WRITE_KEY)
        if key is None:
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%(g)s)", {"g": global_key})
        else:
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock_shared(%(g)s), "
                                 "pg_advisory_xact_lock(%(k)s)",
                                 {"g": global_key, "k": advisory_key(f"kefu:{key}")})


def sqlalchemy_url(url: str) -> str:
    """A standard ``postgresql://`` URI (libpq form, ``?host=/socket/dir`` included)
    is driven by psycopg 3; any other SQLAlchemy URL is taken as it is."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str, *, pool_size: int = 5, max_overflow: int = 10) -> Engine:
    """The engine of one database; the runtime owns it and disposes of it.

    ``pool_size``/``max_overflow`` bound the connections one process holds to a server
    database (SQLite ignores them)."""
    url = sqlalchemy_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        _sqlite_setup(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=pool_size,
                               max_overflow=max_overflow)
        if engine.url.get_backend_name() == "postgresql":
            _pg_setup(engine)
    return engine


def require_home(settings: Settings) -> None:
    if settings.database_url is None and not settings.home.is_dir():
        raise ConfigError(
            f"KEFU_HOME {settings.home.resolve()} does not exist; run `kefu init` first"
        )


def is_sqlite(engine: Engine) -> bool:
    return engine.url.get_backend_name() == "sqlite"


def is_postgres(engine: Engine) -> bool:
    return engine.url.get_backend_name() == "postgresql"


@contextmanager
def session_scope(engine: Engine, *, write: bool = False, key: str | None = None,
                  before_commit: Callable[[Session], None] | None = None,
                  ) -> Iterator[Session]:
    """A session committed on success and rolled back on error.

    ``write=True`` takes the database's write lock at the start of the transaction
    (SQLite: the whole file; PostgreSQL: the global advisory lock, or only ``key``'s,
    see the module's docstring). ``before_commit`` runs after the last flush, inside
    the transaction (app.pubsub sends its notifications there).
    """
    eng = engine
    if write:
        eng = eng.execution_options(**{_WRITE: True, _WRITE_KEY: key})
    try:
        with Session(eng, expire_on_commit=False) as session:
            try:
                yield session
                if before_commit is not None:
                    session.flush()
                    before_commit(session)
                session.commit()
            except BaseException:
                session.rollback()
                raise
    except OperationalError as exc:
        raise BackendError(f"database error: {exc.orig}") from exc


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def upgrade(engine: Engine) -> list[str]:
    """Bring the schema to the newest migration; returns the revisions applied."""
    eng = engine.execution_options(**{_WRITE: True})
    cfg = _alembic_config()
    before = current_revision(eng)
    try:
        with eng.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except SQLAlchemyError as exc:
        raise BackendError(f"migration failed: {exc}") from exc
    after = current_revision(eng)
    script = ScriptDirectory.from_config(cfg)
    applied = [
        rev.revision for rev in script.iterate_revisions(after, before) if rev.revision != before
    ]
    return list(reversed(applied))


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def check_schema(engine: Engine) -> None:
    """Refuse to run against a database whose schema is not at the newest migration."""
    current = current_revision(engine)
    if current != head_revision():
        raise ConfigError(
            f"database schema is at {current or 'nothing'}, expected {head_revision()}; "
            "run `kefu init` to migrate"
        )
