"""`kefu bench --pgvector`: HNSW search figures and one- and two-worker throughput on a
PostgreSQL server, measured in throw-away databases that are gone afterwards (sizes
cut down here; the figures' shape and the clean-up are what is tested)."""

from __future__ import annotations

import psycopg

from app.settings import Settings
from eval.bench import messages, postgres
from tests.pg import PgServer


def _databases(server: PgServer) -> set[str]:
    with psycopg.connect(server.admin_url) as conn:
        return {r[0] for r in conn.execute("SELECT datname FROM pg_database")}


def test_postgres_figures_beside_the_default_ones(pg_server: PgServer) -> None:
    settings = Settings(llm_backend="none")
    sample = messages.load(settings.data_dir)[:12]
    before = _databases(pg_server)
    report = postgres.figures(settings, pg_server.admin_url, sample, hnsw_vectors=2000,
                              ef_search=(20, 100), dim=64, queries=10, recall_queries=5)
    search = report["pgvector_hnsw"]
    assert search["vectors"] == 2000 and [r["ef_search"] for r in search["by_ef_search"]] == [
        20, 100]
    assert all(r["p50_ms"] > 0 and 0 < r["recall_at_10"] <= 1 for r in search["by_ef_search"])
    assert search["by_ef_search"][-1]["recall_at_10"] >= 0.9  # exact enough at ef 100
    workers = report["throughput_no_llm"]
    assert workers["workers_1"]["workers"] == 1 and workers["workers_2"]["workers"] == 2
    assert workers["workers_2"]["messages"] == len(sample)
    assert workers["workers_2"]["messages_per_s"] > 0 and workers["scaling"] > 0
    assert _databases(pg_server) == before, "a throw-away database was left behind"
