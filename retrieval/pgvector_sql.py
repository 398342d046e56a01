"""PostgreSQL pieces of the pgvector backend: the schema, the connection URL, and the
text-search values built from ``retrieval.lexical.tokenize`` output.

Lexemes are written exactly as tokenized (jieba words, English stems): PostgreSQL's own
parser and dictionaries never see the text, so Chinese works with no extension and
the lexical side matches what the FAISS backend's BM25 indexes.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from typing import Any

import numpy as np
from psycopg import Connection
from psycopg.adapt import Dumper
from psycopg.pq import Format

from retrieval.chunking import ChunkDraft
from retrieval.embedders import Embedder

PREFIX = "kefu_search"
TSVECTOR_OID = 3614
# HNSW build parameters: pgvector's defaults, which give recall@10 >= 0.99 on
# clustered 512-d data at ef_search 100 (eval/bench/search_backends.py measures it).
HNSW_M = 16
HNSW_EF_CONSTRUCTION = 64
# PostgreSQL's own tsvector limits (tsvector.h): longer lexemes or later positions
# are refused, so they are dropped or clamped here.
_MAX_LEXEME_BYTES = 2047
_MAX_POSITION = 16383
_MAX_POSITIONS = 256


def schema(prefix: str, dim: int) -> list[str]:
    p = prefix
    return [
        "CREATE EXTENSION IF NOT EXISTS vector",
        f"CREATE TABLE IF NOT EXISTS {p}_meta (key text PRIMARY KEY, value text NOT NULL)",
        f"""CREATE TABLE IF NOT EXISTS {p}_doc (
            doc_id text PRIMARY KEY, namespace text NOT NULL, content_hash text NOT NULL,
            title text NOT NULL, layer text NOT NULL, language text NOT NULL,
            source text NOT NULL, customer_id text, meta jsonb NOT NULL DEFAULT '{{}}')""",
        # layer, language and customer live on the chunk too, so filters apply inside
        # the vector scan instead of after it
        f"""CREATE TABLE IF NOT EXISTS {p}_chunk (
            id bigserial PRIMARY KEY,
            doc_id text NOT NULL REFERENCES {p}_doc (doc_id) ON DELETE CASCADE,
            namespace text NOT NULL, layer text NOT NULL, language text NOT NULL,
            customer_id text, ord integer NOT NULL, section text NOT NULL,
            text text NOT NULL, lexemes tsvector NOT NULL, n_tokens integer NOT NULL,
            embedding vector({dim}) NOT NULL)""",
        f"CREATE INDEX IF NOT EXISTS {p}_chunk_doc ON {p}_chunk (doc_id)",
        f"CREATE INDEX IF NOT EXISTS {p}_chunk_owner ON {p}_chunk (namespace, customer_id)",
        # Words are looked up through this index for knowledge chunks only: an order is
        # searched among its customer's few rows (the owner index), and keeping every
        # order's words in it was ~20% of writing them (the index of all rows is gone)
        f"DROP INDEX IF EXISTS {p}_chunk_lexemes",
        f"CREATE INDEX IF NOT EXISTS {p}_chunk_kb_lexemes ON {p}_chunk USING gin (lexemes) "
        f"WHERE namespace = 'kb'",
        hnsw_index(prefix),
    ]


def hnsw_index(prefix: str) -> str:
    # Partial: orders are only ever searched exactly, within one customer's rows.
    return (f"CREATE INDEX IF NOT EXISTS {prefix}_chunk_embedding ON {prefix}_chunk "
            f"USING hnsw (embedding vector_cosine_ops) "
            f"WITH (m = {HNSW_M}, ef_construction = {HNSW_EF_CONSTRUCTION}) "
            f"WHERE namespace = 'kb'")


def check_prefix(prefix: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,40}", prefix):
        raise ValueError(f"table prefix {prefix!r}: lower-case letters, digits and _ only")
    return prefix


def libpq_url(url: str) -> str:
    """A libpq URI from a SQLAlchemy-style one: ``postgresql+psycopg://`` loses its
    driver part; ``postgresql://user@/db?host=/socket/dir`` passes as it is."""
    return re.sub(r"^(postgres(?:ql)?)\+\w+://", r"\1://", url.strip())


def tsvector_value(tokens: Iterable[str]) -> bytes:
    """The binary form of a tsvector (tsvectorsend): each lexeme once, byte order, with
    its positions, which ``ts_rank_cd`` needs. Built from each token's bytes, kept from
    one call to the next (an order's words recur), and its positions: an order's ~25
    tokens cost ~25 us, half what a ``struct.pack`` per lexeme did."""
    positions: dict[str, list[int]] = {}
    seen_at = positions.get
    for pos, token in enumerate(tokens, start=1):
        seen = seen_at(token)
        if seen is None:
            positions[token] = [pos] if pos <= _MAX_POSITION else []
        elif len(seen) < _MAX_POSITIONS and pos <= _MAX_POSITION:
            seen.append(pos)
    entries = []
    for token, pos_list in positions.items():
        head = _heads.get(token)
        if head is None:
            head = _lexeme_head(token)
        if not head:
            continue
        if len(pos_list) == 1:
            entries.append(head + b"\x00\x01" + pos_list[0].to_bytes(2, "big"))
        else:
            entries.append(head + struct.pack(f"!H{len(pos_list)}H", len(pos_list), *pos_list))
    entries.sort()  # by lexeme: the NUL after each sorts a prefix first, as PostgreSQL does
    return len(entries).to_bytes(4, "big") + b"".join(entries)


_heads: dict[str, bytes] = {}


def _lexeme_head(token: str) -> bytes:
    """A lexeme's bytes and the NUL after them, or b"" where PostgreSQL cannot hold it."""
    raw = token.encode()
    ok = raw and len(raw) <= _MAX_LEXEME_BYTES and b"\0" not in raw
    if len(_heads) >= 1 << 17:
        _heads.clear()
    head = _heads[token] = raw + b"\0" if ok else b""
    return head


class Lexemes(list[str]):
    """Tokens meant as a tsvector (a plain list stays a PostgreSQL array)."""


class TsvectorBinaryDumper(Dumper):
    """Token lists to tsvector for binary COPY (psycopg has no tsvector adapter)."""

    format = Format.BINARY
    oid = TSVECTOR_OID

    def dump(self, obj: Any) -> bytes:
        return tsvector_value(obj)


def tsquery_text(tokens: Iterable[str]) -> str | None:
    """Any of the tokens (BM25 is an OR too), quoted so no character is an operator."""
    unique = dict.fromkeys(t for t in tokens if t and "\0" not in t)
    if not unique:
        return None
    return " | ".join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in unique)


def configure(conn: Connection[Any]) -> None:
    """Per connection: the vector type (numpy arrays in and out) and tsvector writes."""
    from pgvector.psycopg import register_vector

    register_vector(conn)
    conn.adapters.register_dumper(Lexemes, TsvectorBinaryDumper)


def reembed(conn: Connection[Any], prefix: str, embedder: Embedder, *,
            dim_changed: bool) -> None:
    """Every stored chunk embedded again, in the caller's transaction: other processes
    keep searching the old vectors until it commits."""
    p, dim = prefix, embedder.dim
    # rebuilt once at the end: cheaper than updating the graph row by row
    conn.execute(f"DROP INDEX IF EXISTS {p}_chunk_embedding")
    if dim_changed:
        conn.execute(f"ALTER TABLE {p}_chunk ALTER COLUMN embedding DROP NOT NULL, "
                     f"ALTER COLUMN embedding TYPE vector({dim}) USING NULL")
    rows = conn.execute(f"SELECT c.id, c.ord, c.section, c.text, d.title FROM {p}_chunk c "
                        f"JOIN {p}_doc d USING (doc_id) ORDER BY c.id").fetchall()
    vectors = embedder.embed_documents(
        [ChunkDraft(o, s, t).for_embedding(title) for _, o, s, t, title in rows])
    conn.execute(f"CREATE TEMP TABLE kefu_reembed (id bigint, v vector({dim})) ON COMMIT DROP")
    with conn.cursor().copy("COPY kefu_reembed FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(["int8", "vector"])
        for (cid, *_), vector in zip(rows, vectors, strict=True):
            copy.write_row((cid, np.asarray(vector, dtype=np.float32)))
    conn.execute(f"UPDATE {p}_chunk c SET embedding = r.v FROM kefu_reembed r WHERE c.id = r.id")
    conn.execute(f"ALTER TABLE {p}_chunk ALTER COLUMN embedding SET NOT NULL")
    conn.execute(hnsw_index(prefix))
