"""Writing documents into the pgvector backend's tables, in the caller's transaction.

Documents go in with one COPY, chunks with one binary COPY. Inserting into an HNSW
graph row by row costs ~3 ms a vector here (512-d, m 16, ef_construction 64), while
building the graph afresh costs ~0.6 ms a vector: a load that at least doubles the
knowledge chunks (the first ``kefu init``, a re-ingest of most of the base) drops the
index and builds it once at the end. Searches from other processes wait for that commit
instead of seeing the index half-built.
"""

from __future__ import annotations

from typing import Any

from psycopg import Connection
from psycopg.types.json import Jsonb

from retrieval.index import KB
from retrieval.pgvector_lexical import add_to_stats, kb_sizes
from retrieval.pgvector_sql import Lexemes, hnsw_index
from retrieval.prepare import PreparedDoc

COPY_TYPES = ["text", "text", "text", "text", "text", "int4", "text", "text", "tsvector",
              "int4", "vector"]
# below this, row by row: rebuilding saves little and holds searches for a moment
BULK_MIN_CHUNKS = 200
BUILD_MEMORY = "1GB"
Conn = Connection[Any]


def write_documents(conn: Conn, prefix: str, prepared: list[PreparedDoc],
                    namespace: str) -> None:
    """Replace these documents (rows and chunks) and keep the BM25 figures right."""
    p = prefix
    ids = [item.doc.doc_id for item in prepared]
    old_chunks, old_tokens = kb_sizes(conn, p, ids)
    conn.execute(f"DELETE FROM {p}_doc WHERE doc_id = ANY(%s)", (ids,))
    copy_docs(conn, p, prepared, namespace)
    new = [c for item in prepared for c in item.chunks] if namespace == KB else []
    rebuild = len(new) >= BULK_MIN_CHUNKS and _kb_chunks(conn, p) - old_chunks < len(new)
    if rebuild:
        conn.execute(f"DROP INDEX IF EXISTS {p}_chunk_embedding")
    copy_chunks(conn, p, prepared, namespace)
    if rebuild:
        conn.execute("SELECT set_config('maintenance_work_mem', %s, true)", (BUILD_MEMORY,))
        conn.execute(hnsw_index(p))
    add_to_stats(conn, p, len(new) - old_chunks, sum(len(c.tokens) for c in new) - old_tokens)


def copy_docs(conn: Conn, prefix: str, prepared: list[PreparedDoc], namespace: str) -> None:
    """The documents' rows, with one COPY (an INSERT each cost ~20 us of a 100k-order
    import's indexing)."""
    with conn.cursor().copy(f"COPY {prefix}_doc (doc_id, namespace, content_hash, title, "
                            f"layer, language, source, customer_id, meta) FROM STDIN") as copy:
        for item in prepared:
            copy.write_row(_doc_values(item, namespace))


def copy_chunks(conn: Conn, prefix: str, prepared: list[PreparedDoc], namespace: str) -> None:
    sql = (f"COPY {prefix}_chunk (doc_id, namespace, layer, language, customer_id, ord, "
           f"section, text, lexemes, n_tokens, embedding) FROM STDIN (FORMAT BINARY)")
    with conn.cursor().copy(sql) as copy:
        copy.set_types(COPY_TYPES)
        for item in prepared:
            d = item.doc
            for c in item.chunks:
                copy.write_row((d.doc_id, namespace, d.layer, d.language, d.customer_id,
                                c.ord, c.section, c.text, Lexemes(c.tokens), len(c.tokens),
                                c.vector))


def _kb_chunks(conn: Conn, prefix: str) -> int:
    row = conn.execute(f"SELECT value FROM {prefix}_meta WHERE key = 'kb_chunks'").fetchone()
    return int(row[0]) if row else 0


def _doc_values(item: PreparedDoc, namespace: str) -> tuple[Any, ...]:
    d = item.doc
    return (d.doc_id, namespace, item.digest, d.title, d.layer, d.language, d.source,
            d.customer_id, Jsonb(d.meta))
