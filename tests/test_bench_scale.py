"""`kefu bench --only scale`: a generated store imported and a generated markdown file
ingested, each in a fresh home, on SQLite + FAISS and on PostgreSQL + pgvector in a
throw-away database that is gone afterwards (sizes cut down here: the figures' shape,
the counts and the clean-up are what is tested)."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

from eval.bench import scale, synthetic
from tests.pg import PgServer


def _databases(server: PgServer) -> set[str]:
    with psycopg.connect(server.admin_url) as conn:
        return {r[0] for r in conn.execute("SELECT datname FROM pg_database")}


def test_generated_store_is_valid_and_ids_take_several_shapes(tmp_path: Path) -> None:
    data = json.loads(synthetic.write_store(tmp_path / "s.json", 50).read_text())
    assert [len(data[k]) for k in ("customers", "products", "orders", "refunds")] == [
        50, len(synthetic.PRODUCTS), 50, 5]
    assert len({o["id"] for o in data["orders"]}) == 50
    assert len({o["id"][:2] for o in data["orders"]}) >= 4  # no single familiar pattern


def test_scale_figures_on_both_backends(pg_server: PgServer) -> None:
    before = _databases(pg_server)
    report = scale.run(pgvector=pg_server.admin_url, orders=300, markdown_bytes=30_000)
    imports, ingests = report["store_import"], report["ingestion_large_markdown"]
    assert [r["backend"] for r in imports] == ["sqlite+faiss", "postgresql+pgvector"]
    assert [r["backend"] for r in ingests] == ["sqlite+faiss", "postgresql+pgvector"]
    for r in imports:
        assert r["counts"]["orders"] == {"inserted": 300, "updated": 0, "unchanged": 0}
        assert r["rejected"] == 0 and r["seconds"] > 0 and r["peak_rss_mb"] > 0
    assert ingests[0]["chunks"] == ingests[1]["chunks"] > 10
    assert all(r["chunks_per_s"] > 0 and r["embedding_alone_chunks_per_s"] > 0 for r in ingests)
    # the ceiling beside it: short sentences, and how long a chunk is for the model
    assert all(r["embedding_alone_sentences_per_s"] > r["embedding_alone_chunks_per_s"]
               and r["model_tokens_per_chunk"] > 50 for r in ingests)
    assert _databases(pg_server) == before, "a throw-away database was left behind"
