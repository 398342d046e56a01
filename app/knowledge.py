"""The service's view of retrieval: one index per KEFU_HOME, ingestion, order indexing.

Retrieval's own exceptions are wrapped into the app's error tree here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from app.errors import ConfigError, IndexError_, InputError
from app.models import Customer, KnowledgeDocument, Order, OrderItem
from app.models._common import utcnow
from app.settings import Settings, get_settings
from retrieval.documents import SourceDocument, iter_files, load_document
from retrieval.embedders import make_embedder
from retrieval.embedders.cache import CachedEmbedder
from retrieval.errors import DocumentError, EmbedderError, RetrievalError
from retrieval.hybrid import Hit, HybridIndex, IngestCounts
from retrieval.persist import Layout

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _index_for(folder: Path, embedder: str, model: str | None, threads: int,
               layout: Layout) -> HybridIndex:
    try:
        inner = make_embedder(embedder, model=model, threads=threads)
        cached = CachedEmbedder(inner, folder / "embeddings.sqlite")
        return HybridIndex(folder, cached, layout=layout)
    except EmbedderError as exc:
        raise ConfigError(f"KEFU_EMBEDDER: {exc}") from exc
    except RetrievalError as exc:
        raise IndexError_(f"search index in {folder}: {exc}") from exc


def get_index(settings: Settings | None = None) -> HybridIndex:
    s = settings or get_settings()
    if not s.home.is_dir():
        raise ConfigError(f"KEFU_HOME {s.home.resolve()} does not exist; run `kefu init` first")
    return _index_for(s.index_dir.resolve(), s.embedder, s.embedder_model, s.llm_threads,
                      Layout(threshold=s.ann_threshold, large=s.ann_index))


def reset_index_cache() -> None:
    _index_for.cache_clear()


@dataclass
class IngestResult:
    counts: IngestCounts
    errors: list[str] = field(default_factory=list)


def ingest_paths(*, paths: Sequence[Path], session: Session, layer: str | None = None,
                 language: str | None = None,
                 progress: Callable[[int], None] | None = None) -> IngestResult:
    """Ingest files and folders; a broken file is reported and skipped."""
    files = iter_files(list(paths))
    missing = [str(p) for p in paths if not p.exists()]
    docs: list[SourceDocument] = []
    errors = [f"{m}: no such file or folder" for m in missing]
    for path in files:
        try:
            docs.append(load_document(path, layer=layer, language=language))
        except DocumentError as exc:
            errors.append(str(exc))
            if progress:
                progress(1)
    result = IngestResult(counts=upsert_documents(docs=docs, session=session,
                                                  progress=progress), errors=errors)
    if not files and not missing:
        raise InputError("no supported files (.md .txt .html .json) under the given paths")
    return result


def upsert_documents(*, docs: Sequence[SourceDocument], session: Session,
                     progress: Callable[[int], None] | None = None) -> IngestCounts:
    index = get_index()
    try:
        counts = index.upsert(docs, progress=progress)
    except RetrievalError as exc:
        raise IndexError_(f"indexing failed: {exc}") from exc
    for doc in docs:
        row = session.get(KnowledgeDocument, doc.doc_id)
        digest = doc.content_hash()
        if row is not None and row.content_hash == digest:
            continue
        values = {"title": doc.title, "layer": doc.layer, "language": doc.language,
                  "source": doc.source, "content_hash": digest,
                  "chunk_count": index.store.chunk_count(doc.doc_id), "updated_at": utcnow()}
        if row is None:
            session.add(KnowledgeDocument.model_validate({"id": doc.doc_id, **values}))
        else:
            row.sqlmodel_update(values)
    return counts


def delete_documents(*, doc_ids: Iterable[str], session: Session) -> int:
    ids = list(doc_ids)
    deleted = get_index().delete(ids)
    for doc_id in ids:
        row = session.get(KnowledgeDocument, doc_id)
        if row is not None:
            session.delete(row)
    return deleted


def order_document(order: Order, items: Sequence[OrderItem], language: str) -> SourceDocument:
    """An order as searchable text: what was bought, when, its status and shipment."""
    lines = ", ".join(f"{it.name} x{it.qty}" for it in items)
    when = order.created_at.strftime("%Y-%m-%d")
    if language == "zh":
        text = (f"订单 {order.id}：{lines}。下单日期 {when}，状态 {order.status}，"
                f"金额 {order.total} {order.currency}。")
    else:
        text = (f"Order {order.id}: {lines}. Ordered on {when}, status {order.status}, "
                f"total {order.total} {order.currency}.")
    if order.carrier:
        text += f" {order.carrier} {order.tracking_number or ''}".rstrip()
    return SourceDocument(doc_id=order.id, title=f"Order {order.id}", text=text, layer="order",
                          language=language, source="store", customer_id=order.customer_id)


def index_orders(*, session: Session, order_ids: Iterable[str] | None = None) -> IngestCounts:
    """(Re)index orders per customer; unchanged orders cost nothing."""
    query = select(Order)
    if order_ids is not None:
        query = query.where(col(Order.id).in_(list(order_ids)))
    orders = list(session.exec(query))
    if not orders:
        return IngestCounts()
    languages = dict(session.exec(
        select(Customer.id, Customer.language).where(
            col(Customer.id).in_({o.customer_id for o in orders}))).all())
    items: dict[str, list[OrderItem]] = {}
    for item in session.exec(select(OrderItem).where(
            col(OrderItem.order_id).in_([o.id for o in orders]))):
        items.setdefault(item.order_id, []).append(item)
    docs = [order_document(o, sorted(items.get(o.id, []), key=lambda i: i.line),
                           str(languages.get(o.customer_id, "en"))) for o in orders]
    try:
        return get_index().upsert(docs, namespace="order")
    except RetrievalError as exc:
        raise IndexError_(f"order indexing failed: {exc}") from exc


def search_knowledge(*, query: str, k: int = 5, layers: Iterable[str] | None = None,
                     languages: Iterable[str] | None = None, query_vector: Any = None,
                     vector_model: str = "") -> list[Hit]:
    """Hybrid search; a query vector computed by the same embedder model is reused."""
    if not query.strip():
        raise InputError("empty search query")
    index = get_index()
    reuse = query_vector is not None and vector_model == index.embedder.name
    try:
        return index.search(query, k=k, layers=layers, languages=languages,
                            query_vector=query_vector if reuse else None)
    except RetrievalError as exc:
        raise IndexError_(f"search failed: {exc}") from exc


def search_orders(*, query: str, customer_id: str, k: int = 5) -> list[Hit]:
    try:
        return get_index().search_customer(query, customer_id=customer_id, k=k)
    except RetrievalError as exc:
        raise IndexError_(f"order search failed: {exc}") from exc
