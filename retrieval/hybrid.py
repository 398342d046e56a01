"""Hybrid search: dense FAISS + lexical BM25, fused by reciprocal rank, with filters.

Knowledge chunks (namespace ``kb``) live in one FAISS index. Per-customer records
(namespace ``order``) never enter it: a customer's search reads only that customer's
vectors, so no ranking or filtering slip can ever surface someone else's order.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.chunking import ChunkDraft
from retrieval.documents import SourceDocument
from retrieval.embedders import Embedder
from retrieval.index import (
    CROSS_LEXICAL,
    KB,
    RRF_K,
    Hit,
    IngestCounts,
    Mode,
    fuse,
    lexical_weight,
    make_hit,
    top_fused,
)
from retrieval.lexical import BM25Index, tokenize
from retrieval.persist import Layout, load_vectors, remove_stale_temporaries, save_vectors
from retrieval.prepare import plan, prepare
from retrieval.store import ChunkRow, ChunkStore

log = logging.getLogger(__name__)

# Kept importable from here: callers written before retrieval.index existed use them.
__all__ = ["CROSS_LEXICAL", "KB", "RRF_K", "Hit", "HybridIndex", "IngestCounts", "Mode",
           "fuse"]


class HybridIndex:
    """The index folder: chunk store (truth), FAISS vectors (cache), BM25 (in memory)."""

    def __init__(self, folder: Path, embedder: Embedder, *, layout: Layout | None = None):
        self.folder = folder
        self.embedder = embedder
        self.layout = layout or Layout()
        self.store = ChunkStore(folder / "chunks.sqlite")
        self._lock = threading.RLock()
        self._check_embedder()
        try:
            remove_stale_temporaries(folder)
        except OSError as exc:  # a read-only folder: nothing could have been left there
            log.debug("stale temporaries not checked: %s", exc)
        self._vectors, self._generation = load_vectors(
            folder, self.store, dim=embedder.dim, layout=self.layout)
        self._bm25: BM25Index | None = None

    def _check_embedder(self) -> None:
        known = self.store.get_meta("embedder")
        if known and known != self.embedder.name:
            log.warning("embedder changed from %s to %s: re-embedding the index",
                        known, self.embedder.name)
            self._reembed_all()
        with self.store.transaction() as conn:
            self.store.set_meta(conn, "embedder", self.embedder.name)
            self.store.set_meta(conn, "dim", str(self.embedder.dim))

    def _reembed_all(self) -> None:
        rows = self.store.rows(self.store.select_ids(namespace=KB) |
                               self.store.select_ids(namespace="order"))
        if not rows:
            return
        ordered = sorted(rows.values(), key=lambda r: r.id)
        vectors = self.embedder.embed_documents([_embed_text(r) for r in ordered])
        with self.store.transaction() as conn:
            for row, vector in zip(ordered, vectors, strict=True):
                conn.execute("UPDATE chunk SET vector = ? WHERE id = ?",
                             (vector.astype(np.float32).tobytes(), row.id))
            self.store.bump_generation(conn)

    # ---- writing -------------------------------------------------------------------
    def upsert(self, docs: Sequence[SourceDocument], *, namespace: str = KB,
               progress: Callable[[int], None] | None = None) -> IngestCounts:
        """Add or replace documents; unchanged ones (same content hash) cost nothing."""
        work = plan(docs, self.store.doc_hashes(d.doc_id for d in docs), progress)
        counts = IngestCounts(unchanged=work.unchanged)
        if not work.todo:
            return counts
        prepared = prepare(work.todo, self.embedder)
        with self._lock, self.store.transaction() as conn:
            removed = self.store.chunk_ids_of(conn, [p.doc.doc_id for p in prepared])
            rows = [(p.doc.doc_id, c.ord, c.section, c.text, c.tokens, c.vector)
                    for p in prepared for c in p.chunks]
            new_ids = self.store.replace_docs(
                conn, [_doc_row(p.doc, p.digest, namespace) for p in prepared], rows)
            if namespace == KB:
                self.store.bump_generation(conn)
        for item in prepared:
            counts.replaced += item.existed
            counts.added += not item.existed
            counts.chunks += len(item.chunks)
            if progress:
                progress(1)
        if namespace == KB:
            self._apply_vector_changes(removed, list(zip(new_ids, [r[5] for r in rows],
                                                         strict=True)))
        return counts

    def delete(self, doc_ids: Iterable[str]) -> int:
        removed: list[int] = []  # knowledge chunks: the only ones in the FAISS file
        deleted = 0
        with self._lock, self.store.transaction() as conn:
            for doc_id in doc_ids:
                namespace = self.store.namespace_of(doc_id)
                deleted += namespace is not None
                chunks = self.store.delete_doc(conn, doc_id)
                removed += chunks if namespace == KB else []
            if removed:
                self.store.bump_generation(conn)
        if removed:
            self._apply_vector_changes(removed, [])
        return deleted

    def _apply_vector_changes(self, removed: list[int],
                              added: list[tuple[int, np.ndarray]]) -> None:
        with self._lock:
            self._vectors.remove(np.array(removed, dtype=np.int64))
            if added:
                self._vectors.add(np.fromiter((a[0] for a in added), dtype=np.int64,
                                              count=len(added)),
                                  np.vstack([a[1] for a in added]))
            self._vectors, self._generation = save_vectors(
                self.folder, self.store, self._vectors, dim=self.embedder.dim,
                layout=self.layout)
            self._bm25 = None

    # ---- reading -------------------------------------------------------------------
    def refresh(self) -> None:
        """Pick up changes another process (e.g. `kefu ingest`) wrote to the folder."""
        if self.store.generation != self._generation:
            with self._lock:
                self._vectors, self._generation = load_vectors(
                    self.folder, self.store, dim=self.embedder.dim,
                    layout=self.layout)
                self._bm25 = None

    def _lexical(self) -> BM25Index:
        with self._lock:
            if self._bm25 is None:
                ids, tokens = self.store.tokens(namespace=KB)
                self._bm25 = BM25Index(ids, tokens)
            return self._bm25

    def search(self, query: str, *, k: int = 5, mode: Mode = "hybrid",
               layers: Iterable[str] | None = None, languages: Iterable[str] | None = None,
               doc_ids: Iterable[str] | None = None,
               query_vector: np.ndarray | None = None) -> list[Hit]:
        """``query_vector``: the query already embedded by this index's embedder."""
        self.refresh()
        languages = None if languages is None else list(languages)
        filtered = layers is not None or languages is not None or doc_ids is not None
        allowed = (self.store.select_ids(namespace=KB, layers=layers, languages=languages,
                                         doc_ids=doc_ids) if filtered else None)
        if allowed is not None and not allowed:
            return []
        depth = max(50, 5 * k)
        dense: dict[int, float] = {}
        lexical: dict[int, float] = {}
        if mode in ("hybrid", "dense"):
            qv = query_vector if query_vector is not None else self.embedder.embed_query(query)
            dense = self._dense(qv, depth, allowed)
        if mode in ("hybrid", "lexical"):
            scores, ids = self._lexical().search(tokenize(query), depth, allowed)
            lexical = {int(i): float(s) for i, s in zip(ids, scores, strict=True)}
        return self._rank(dense, lexical, k, lexical_weight(query, languages))

    def _dense(self, qv: np.ndarray, depth: int, allowed: set[int] | None) -> dict[int, float]:
        if allowed is not None and len(allowed) <= 4 * depth:
            ids, matrix = self.store.vectors(namespace=KB, ids=allowed, dim=self.embedder.dim)
            return _exact(qv, ids, matrix, depth)
        fetch = depth if allowed is None else min(len(self._vectors), depth * 20)
        scores, ids = self._vectors.search(qv, fetch)
        out = {int(i): float(s) for i, s in zip(ids, scores, strict=True)
               if i >= 0 and (allowed is None or int(i) in allowed)}
        return dict(list(out.items())[:depth])

    def _rank(self, dense: dict[int, float], lexical: dict[int, float], k: int,
              lex_weight: float = 1.0) -> list[Hit]:
        top = top_fused(dense, lexical, k, lex_weight)
        rows = self.store.rows(cid for cid, _ in top)
        return [_hit(rows[cid], score, dense.get(cid), lexical.get(cid))
                for cid, score in top if cid in rows]

    def search_customer(self, query: str, *, customer_id: str, namespace: str = "order",
                        k: int = 5) -> list[Hit]:
        """Search one customer's records only (their orders)."""
        allowed = self.store.select_ids(namespace=namespace, customer_id=customer_id)
        if not allowed:
            return []
        ids, matrix = self.store.vectors(namespace=namespace, ids=allowed, dim=self.embedder.dim)
        dense = _exact(self.embedder.embed_query(query), ids, matrix, len(ids))
        tokens = self.store.tokens_for(ids)
        scores, lex_ids = BM25Index(list(ids), tokens).search(tokenize(query), len(ids))
        lexical = {int(i): float(s) for i, s in zip(lex_ids, scores, strict=True)}
        return self._rank(dense, lexical, k)

    def doc_hash(self, doc_id: str) -> str | None:
        return self.store.doc_hash(doc_id)

    def chunk_count(self, doc_id: str) -> int:
        return self.store.chunk_count(doc_id)

    def passage(self, doc_id: str, ord: int) -> Hit | None:
        chunk_id = self.store.chunk_id_at(doc_id, ord, KB)
        row = None if chunk_id is None else self.store.rows([chunk_id]).get(chunk_id)
        return None if row is None else _hit(row, 0.0, None, None)

    def __len__(self) -> int:
        return len(self._vectors)

    def close(self) -> None:
        self.store.close()


def _exact(qv: np.ndarray, ids: np.ndarray, matrix: np.ndarray, depth: int) -> dict[int, float]:
    if not len(ids):
        return {}
    scores = matrix @ qv
    order = np.argsort(-scores)[:depth]
    return {int(ids[i]): float(scores[i]) for i in order}


def _embed_text(row: ChunkRow) -> str:
    return ChunkDraft(row.ord, row.section, row.text).for_embedding(row.title)


def _doc_row(doc: SourceDocument, digest: str, namespace: str) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "namespace": namespace, "content_hash": digest,
            "title": doc.title, "layer": doc.layer, "language": doc.language,
            "source": doc.source, "customer_id": doc.customer_id, "meta": doc.meta}


def _hit(row: ChunkRow, score: float, dense: float | None, lexical: float | None) -> Hit:
    return make_hit(hit_id=row.hit_id, row=row.__dict__, score=score, dense=dense,
                    lexical=lexical)
