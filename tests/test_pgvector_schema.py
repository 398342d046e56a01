"""The pgvector backend's word index holds knowledge chunks only (orders are searched
among one customer's rows through the owner index); a database made with the index
over every row is moved to it when an index opens, and both searches still find."""

from __future__ import annotations

from typing import Any

import psycopg

from retrieval.pgvector_index import PgVectorIndex
from retrieval.pgvector_sql import PREFIX, schema
from tests.kb_docs import KB_DOCS
from tests.test_search_backends import ORDERS, HashEmbedder


def _indexes(conn: psycopg.Connection[Any]) -> dict[str, str]:
    return dict(conn.execute("SELECT indexname, indexdef FROM pg_indexes "
                             "WHERE tablename = %s", (f"{PREFIX}_chunk",)).fetchall())


def test_words_are_indexed_for_knowledge_chunks_only(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:  # as an earlier version made it
        for statement in schema(PREFIX, 64):
            conn.execute(statement)
        conn.execute(f"DROP INDEX {PREFIX}_chunk_kb_lexemes")
        conn.execute(f"CREATE INDEX {PREFIX}_chunk_lexemes ON {PREFIX}_chunk USING gin (lexemes)")
    index = PgVectorIndex(pg_url, HashEmbedder())
    try:
        index.upsert(KB_DOCS)
        index.upsert(ORDERS, namespace="order")
        with psycopg.connect(pg_url) as conn:  # rolled back: the owner index stays
            indexes = _indexes(conn)
            conn.execute(f"DROP INDEX {PREFIX}_chunk_owner")  # a few rows: it would win
            conn.execute("SET LOCAL enable_seqscan = off")
            plan = " ".join(r[0] for r in conn.execute(
                f"EXPLAIN SELECT id FROM {PREFIX}_chunk "
                f"WHERE namespace = 'kb' AND lexemes @@ 'refund'::tsquery"))
            conn.rollback()
        assert f"{PREFIX}_chunk_lexemes" not in indexes
        assert "WHERE (namespace = 'kb'::text)" in indexes[f"{PREFIX}_chunk_kb_lexemes"]
        assert f"{PREFIX}_chunk_kb_lexemes" in plan
        assert index.search("refunds card", k=1, mode="lexical")[0].doc_id == "returns-en"
        assert index.search_customer("jacket", customer_id="C1")[0].doc_id == "A2"
    finally:
        index.close()
