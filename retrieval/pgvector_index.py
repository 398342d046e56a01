"""The search index on PostgreSQL + pgvector, shared by every process that connects.

Nothing is cached in the process: each search reads the tables, so a document that
one worker (or `kefu ingest`) writes is seen by all the others at its commit. Vectors
sit in an HNSW index on cosine distance; the lexical side is a tsvector of the same
tokens the FAISS backend's BM25 reads, scored with the same BM25
(``retrieval.pgvector_lexical``); both are fused by reciprocal rank as in
``retrieval.hybrid``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import psycopg
from psycopg_pool import ConnectionPool

from retrieval.documents import SourceDocument
from retrieval.embedders import Embedder
from retrieval.errors import RetrievalError
from retrieval.index import (
    KB,
    ORDER,
    Hit,
    IngestCounts,
    Mode,
    lexical_weight,
    make_hit,
    top_fused,
)
from retrieval.lexical import tokenize
from retrieval.pgvector_lexical import add_to_stats, bm25, kb_sizes
from retrieval.pgvector_sql import (
    PREFIX,
    check_prefix,
    configure,
    libpq_url,
    reembed,
    schema,
)
from retrieval.pgvector_write import write_documents
from retrieval.prepare import plan, prepare

log = logging.getLogger(__name__)

# HNSW candidate list per query (never below twice the candidates asked for, at most
# pgvector's 1000). On clustered 512-d vectors (eval/bench/search_backends.py, this
# 2-core machine) 100 gives recall@10 0.98 at 100k vectors in ~4 ms; at 1M the same
# data needs 400-800 (recall 0.80-0.90, 14-33 ms): raise it for corpora that large.
EF_SEARCH = 100
Conn = psycopg.Connection[Any]


class PgVectorIndex:
    """Search index in the tables ``{prefix}_doc``, ``{prefix}_chunk``, ``{prefix}_meta``."""

    def __init__(self, url: str, embedder: Embedder, *, prefix: str = PREFIX,
                 pool_size: int = 4, ef_search: int = EF_SEARCH) -> None:
        self._embedder = embedder
        self.ef_search = ef_search
        self.prefix = check_prefix(prefix)
        self.url = libpq_url(url)
        try:
            with psycopg.connect(self.url, autocommit=True) as conn, conn.transaction():
                self._lock(conn)
                for statement in schema(self.prefix, embedder.dim):
                    conn.execute(statement)
            self._pool = ConnectionPool(self.url, min_size=1, max_size=pool_size,
                                        kwargs={"autocommit": True}, configure=configure,
                                        open=True)
            self._check_embedder()
        except psycopg.Error as exc:
            raise RetrievalError(f"PostgreSQL search index: {exc}") from exc

    @property
    def embedder(self) -> Embedder:
        return self._embedder

    @contextmanager
    def _connect(self, *, transaction: bool = False) -> Iterator[Conn]:
        """A pooled connection; the driver's errors become the retrieval error tree."""
        try:
            with self._pool.connection() as conn:
                if transaction:
                    with conn.transaction():
                        yield conn
                else:
                    yield conn
        except psycopg.Error as exc:
            raise RetrievalError(f"PostgreSQL search index: {exc}") from exc

    def _lock(self, conn: Conn) -> None:
        # Writers (and schema changes) queue on one lock per index: two workers
        # replacing the same document can never interleave their delete and insert.
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (self.prefix,))

    def _sql(self, text: str) -> Any:
        return text.replace("{p}", self.prefix)

    # ---- embedder change -------------------------------------------------------
    def _meta(self, conn: Conn) -> dict[str, str]:
        return dict(conn.execute(self._sql("SELECT key, value FROM {p}_meta")).fetchall())

    def _check_embedder(self) -> None:
        with self._connect(transaction=True) as conn:
            self._lock(conn)
            known = self._meta(conn)
            name, dim = self.embedder.name, self.embedder.dim
            if known.get("embedder", name) != name or int(known.get("dim", dim)) != dim:
                log.warning("embedder changed from %s to %s: re-embedding the index",
                            known.get("embedder"), name)
                reembed(conn, self.prefix, self.embedder,
                        dim_changed=int(known.get("dim", dim)) != dim)
            conn.execute(self._sql(
                "INSERT INTO {p}_meta VALUES ('embedder', %s), ('dim', %s) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"), (name, str(dim)))

    # ---- writing -------------------------------------------------------------------
    def upsert(self, docs: Sequence[SourceDocument], *, namespace: str = KB,
               progress: Callable[[int], None] | None = None) -> IngestCounts:
        """Add or replace documents; unchanged ones (same content hash) cost nothing."""
        work = plan(docs, self._hashes([d.doc_id for d in docs]), progress)
        counts = IngestCounts(unchanged=work.unchanged)
        if not work.todo:
            return counts
        prepared = prepare(work.todo, self.embedder)
        with self._connect(transaction=True) as conn:
            self._lock(conn)
            write_documents(conn, self.prefix, prepared, namespace)
        for item in prepared:
            counts.replaced += item.existed
            counts.added += not item.existed
            counts.chunks += len(item.chunks)
            if progress:
                progress(1)
        return counts

    def delete(self, doc_ids: Iterable[str]) -> int:
        ids = list(doc_ids)
        with self._connect(transaction=True) as conn:
            self._lock(conn)
            chunks, tokens = kb_sizes(conn, self.prefix, ids)
            gone = conn.execute(self._sql(
                "DELETE FROM {p}_doc WHERE doc_id = ANY(%s) RETURNING doc_id"), (ids,)).fetchall()
            add_to_stats(conn, self.prefix, -chunks, -tokens)
        return len(gone)

    # ---- reading -------------------------------------------------------------------
    def _hashes(self, doc_ids: list[str]) -> dict[str, str]:
        with self._connect() as conn:
            return dict(conn.execute(self._sql(
                "SELECT doc_id, content_hash FROM {p}_doc WHERE doc_id = ANY(%s)"),
                (doc_ids,)).fetchall())

    def doc_hash(self, doc_id: str) -> str | None:
        return self._hashes([doc_id]).get(doc_id)

    def chunk_count(self, doc_id: str) -> int:
        with self._connect() as conn:
            row = conn.execute(self._sql("SELECT count(*) FROM {p}_chunk WHERE doc_id = %s"),
                               (doc_id,)).fetchone()
        return int(row[0]) if row else 0

    def passage(self, doc_id: str, ord: int) -> Hit | None:
        with self._connect() as conn:
            found = conn.execute(self._sql(
                "SELECT id FROM {p}_chunk WHERE namespace = 'kb' AND doc_id = %s AND ord = %s"),
                (doc_id, ord)).fetchone()
            rows = {} if found is None else self._rows(conn, [int(found[0])])
        return next((_hit(row, 0.0, None, None) for row in rows.values()), None)

    def refresh(self) -> None:
        """Nothing to do: every search reads the committed state of the tables."""

    def search(self, query: str, *, k: int = 5, mode: Mode = "hybrid",
               layers: Iterable[str] | None = None, languages: Iterable[str] | None = None,
               doc_ids: Iterable[str] | None = None,
               query_vector: np.ndarray | None = None) -> list[Hit]:
        """``query_vector``: the query already embedded by this index's embedder."""
        languages = None if languages is None else list(languages)
        where, args = _filters(layers=layers, languages=languages, doc_ids=doc_ids)
        # 'kb' is written out, not bound, so the planner can use the partial HNSW index
        where = "namespace = 'kb'" + where
        depth = max(50, 5 * k)
        dense: dict[int, float] = {}
        lexical: dict[int, float] = {}
        with self._connect(transaction=True) as conn:
            if mode in ("hybrid", "dense"):
                qv = query_vector if query_vector is not None else self.embedder.embed_query(
                    query)
                dense = self._dense(conn, qv, where, args, depth)
            if mode in ("hybrid", "lexical"):
                lexical = self._lexical(conn, query, where, args, depth)
            return self._rank(conn, dense, lexical, k, lexical_weight(query, languages))

    def _dense(self, conn: Conn, qv: np.ndarray, where: str, args: dict[str, Any],
               depth: int) -> dict[int, float]:
        conn.execute("SELECT set_config('hnsw.ef_search', %s, true), "
                     "set_config('hnsw.iterative_scan', 'strict_order', true)",
                     (str(min(1000, max(self.ef_search, 2 * depth))),))
        rows = conn.execute(self._sql(
            f"SELECT id, 1 - (embedding <=> %(q)s) FROM {{p}}_chunk WHERE {where} "
            f"ORDER BY embedding <=> %(q)s LIMIT %(depth)s"),
            {**args, "q": np.asarray(qv, dtype=np.float32), "depth": depth}).fetchall()
        return {int(i): float(s) for i, s in rows}

    def _lexical(self, conn: Conn, query: str, where: str, args: dict[str, Any],
                 depth: int, scope: str = "namespace = 'kb'") -> dict[int, float]:
        return bm25(conn, self.prefix, tokenize(query), scope=scope, where=where, args=args,
                    depth=depth)

    def _rank(self, conn: Conn, dense: dict[int, float], lexical: dict[int, float], k: int,
              lex_weight: float = 1.0) -> list[Hit]:
        top = top_fused(dense, lexical, k, lex_weight)
        rows = self._rows(conn, [cid for cid, _ in top])
        return [_hit(rows[cid], score, dense.get(cid), lexical.get(cid))
                for cid, score in top if cid in rows]

    def _rows(self, conn: Conn, ids: list[int]) -> dict[int, dict[str, Any]]:
        cur = conn.cursor(row_factory=psycopg.rows.dict_row)
        return {r["id"]: r for r in cur.execute(self._sql(
            "SELECT c.id, c.doc_id, c.namespace, c.ord, c.section, c.text, d.title, c.layer, "
            "c.language, d.source FROM {p}_chunk c JOIN {p}_doc d USING (doc_id) "
            "WHERE c.id = ANY(%s)"), (ids,))}

    def search_customer(self, query: str, *, customer_id: str, namespace: str = ORDER,
                        k: int = 5) -> list[Hit]:
        """Search one customer's records only (their orders), exactly."""
        where = "namespace = %(ns)s AND customer_id = %(customer)s"
        args = {"ns": namespace, "customer": customer_id}
        with self._connect(transaction=True) as conn:
            rows = conn.execute(self._sql(
                f"SELECT id, 1 - (embedding <=> %(q)s) FROM {{p}}_chunk WHERE {where} "
                f"ORDER BY embedding <=> %(q)s"),
                {**args, "q": self.embedder.embed_query(query)}).fetchall()
            if not rows:
                return []
            dense = {int(i): float(s) for i, s in rows}
            lexical = self._lexical(conn, query, where, args, len(rows), scope=where)
            return self._rank(conn, dense, lexical, k)

    def __len__(self) -> int:
        with self._connect() as conn:
            row = conn.execute(self._sql(
                "SELECT value FROM {p}_meta WHERE key = 'kb_chunks'")).fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self._pool.close()


_COLUMNS = {"layers": "layer", "languages": "language", "doc_ids": "doc_id"}


def _filters(**given: Iterable[str] | None) -> tuple[str, dict[str, Any]]:
    """`` AND column = ANY(...)`` for each filter given."""
    sql, args = "", {}
    for name, values in given.items():
        if values is not None:
            sql += f" AND {_COLUMNS[name]} = ANY(%({name})s)"
            args[name] = list(values)
    return sql, args


def _hit(row: dict[str, Any], score: float, dense: float | None,
         lexical: float | None) -> Hit:
    return make_hit(hit_id=f"{row['namespace']}:{row['doc_id']}#{row['ord']}", row=row,
                    score=score, dense=dense, lexical=lexical)
