"""The service's view of retrieval: the runtime's search index, ingestion, order indexing.

Retrieval's own exceptions are wrapped into the app's error tree here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Engine, select as core_select
from sqlmodel import Session, col, select

from app.errors import ConfigError, IndexError_, InputError
from app.models import KnowledgeDocument, Order
from app.models._common import utcnow
from app.settings import Settings
from app.store.bulk import one_of
from app.store.tables import CUSTOMERS, ITEMS, ORDERS
from retrieval.backends import make_index
from retrieval.documents import SourceDocument, iter_files, load_document
from retrieval.embedders import make_embedder
from retrieval.embedders.cache import CachedEmbedder
from retrieval.errors import DocumentError, EmbedderError, RetrievalError
from retrieval.index import Hit, IngestCounts, Mode, SearchIndex
from retrieval.persist import Layout

if TYPE_CHECKING:
    from app.runtime import Runtime

log = logging.getLogger(__name__)

# a bundled demo article's score against the store's own documents
BUNDLED_WEIGHT = 0.8


def open_index(settings: Settings, engine: Engine) -> SearchIndex:
    """The home's search index, on the backend the settings name: ``faiss`` keeps it in
    KEFU_HOME/index, ``pgvector`` in the PostgreSQL database every worker shares."""
    if settings.database_url is None and not settings.home.is_dir():
        raise ConfigError(f"KEFU_HOME {settings.home.resolve()} does not exist; "
                          "run `kefu init` first")
    folder = settings.index_dir.resolve()
    pg = settings.search_backend == "pgvector"
    if pg and engine.url.get_backend_name() != "postgresql":
        raise ConfigError("KEFU_SEARCH_BACKEND=pgvector needs KEFU_DATABASE_URL to name a "
                          "PostgreSQL database")
    try:
        inner = make_embedder(settings.embedder, model=settings.embedder_model,
                              threads=settings.llm_threads)
        # the embedding cache is a per-host speed-up; the index itself may be shared
        embedder = CachedEmbedder(inner, folder / "embeddings.sqlite")
        return make_index(settings.search_backend, embedder=embedder, folder=folder,
                          url=settings.database_url if pg else None,
                          layout=Layout(threshold=settings.ann_threshold,
                                        large=settings.ann_index))
    except EmbedderError as exc:
        raise ConfigError(f"KEFU_EMBEDDER: {exc}") from exc
    except RetrievalError as exc:
        raise IndexError_(f"search index ({settings.search_backend}): {exc}") from exc


@dataclass
class IngestResult:
    counts: IngestCounts
    errors: list[str] = field(default_factory=list)


def ingest_paths(rt: Runtime, *, paths: Sequence[Path], session: Session,
                 layer: str | None = None,
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
    result = IngestResult(counts=upsert_documents(rt, docs=docs, session=session,
                                                  progress=progress), errors=errors)
    if not files and not missing:
        raise InputError("no supported files (.md .txt .html .json) under the given paths")
    return result


def upsert_documents(rt: Runtime, *, docs: Sequence[SourceDocument], session: Session,
                     progress: Callable[[int], None] | None = None) -> IngestCounts:
    index = rt.index
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
                  "chunk_count": index.chunk_count(doc.doc_id), "updated_at": utcnow()}
        if row is None:
            session.add(KnowledgeDocument.model_validate({"id": doc.doc_id, **values}))
        else:
            row.sqlmodel_update(values)
    return counts


def delete_documents(rt: Runtime, *, doc_ids: Iterable[str], session: Session) -> int:
    ids = list(doc_ids)
    try:
        deleted = rt.index.delete(ids)
    except RetrievalError as exc:
        raise IndexError_(f"removing documents failed: {exc}") from exc
    for doc_id in ids:
        row = session.get(KnowledgeDocument, doc_id)
        if row is not None:
            session.delete(row)
    return deleted


class _OrderRow(Protocol):
    id: str
    customer_id: str
    status: str
    created_at: datetime
    total: float
    currency: str
    carrier: str | None
    tracking_number: str | None


class _ItemRow(Protocol):
    name: str
    qty: int


def order_document(order: _OrderRow, items: Sequence[_ItemRow],
                   language: str) -> SourceDocument:
    """An order as searchable text: what was bought, when, its status and shipment. Its
    vector is that of the products bought (each embedded once for the whole store)."""
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
                          language=language, source="store", customer_id=order.customer_id,
                          embed_parts=tuple(it.name for it in items))


# orders read, turned into documents and written to the index per batch: memory stays
# flat however big the store, and SQL ``IN`` lists stay short
ORDER_BATCH = 5000


def index_orders(rt: Runtime, *, session: Session,
                 order_ids: Iterable[str] | None = None) -> IngestCounts:
    """(Re)index orders (all of them by default); unchanged orders cost nothing."""
    ids = list(order_ids) if order_ids is not None else list(session.exec(select(Order.id)))
    total = IngestCounts()
    for start in range(0, len(ids), ORDER_BATCH):
        docs = _order_documents(session, ids[start:start + ORDER_BATCH])
        try:
            counts = rt.index.upsert(docs, namespace="order")
        except RetrievalError as exc:
            raise IndexError_(f"order indexing failed: {exc}") from exc
        for name, value in vars(counts).items():
            setattr(total, name, getattr(total, name) + value)
    return total


def _order_documents(session: Session, ids: list[str]) -> list[SourceDocument]:
    """The documents of these orders, read as plain rows (no ORM objects to build)."""
    conn = session.connection()
    columns = [ORDERS.c[name] for name in ("id", "customer_id", "status", "created_at", "total",
                                           "currency", "carrier", "tracking_number")]
    orders = conn.execute(core_select(*columns).where(one_of(conn, ORDERS.c.id, ids))).all()
    if not orders:
        return []
    languages = dict(conn.execute(
        core_select(CUSTOMERS.c.id, CUSTOMERS.c.language).where(
            one_of(conn, CUSTOMERS.c.id, {o.customer_id for o in orders}))).all())
    items: dict[str, list[Any]] = {}
    for item in conn.execute(core_select(ITEMS.c.order_id, ITEMS.c.name, ITEMS.c.qty)
                             .where(one_of(conn, ITEMS.c.order_id, ids))
                             .order_by(ITEMS.c.order_id, ITEMS.c.line)):
        items.setdefault(item.order_id, []).append(item)
    return [order_document(o, items.get(o.id, []), str(languages.get(o.customer_id, "en")))
            for o in orders]


# passages one shopper question is answered from (the suggestions, the LLM's context)
KB_HITS = 8


def search_knowledge(rt: Runtime, *, query: str, k: int = 5,
                     layers: Iterable[str] | None = None,
                     languages: Iterable[str] | None = None, query_vector: Any = None,
                     vector_model: str = "", mode: Mode = "hybrid") -> list[Hit]:
    """Hybrid search (or ``mode``'s); a query vector computed by the same embedder model
    is reused."""
    if not query.strip():
        raise InputError("empty search query")
    index = rt.index
    reuse = query_vector is not None and vector_model == index.embedder.name
    try:
        hits = index.search(query, k=k, layers=layers, languages=languages, mode=mode,
                            query_vector=query_vector if reuse else None)
    except RetrievalError as exc:
        raise IndexError_(f"search failed: {exc}") from exc
    return prefer_own(hits, bundled_root(rt.settings))


def bundled_root(settings: Settings) -> str:
    return str((settings.data_dir / "kb").resolve())


def is_bundled(source: str, root: str) -> bool:
    return source.startswith(root)


def prefer_own(hits: list[Hit], root: str) -> list[Hit]:
    """The store's own documents before the bundled demo articles on the same question:
    a demo article keeps its place only above own documents that match much worse."""
    if not any(is_bundled(h.source, root) for h in hits) or all(
            is_bundled(h.source, root) for h in hits):
        return hits
    weight = {h.id: h.score * (BUNDLED_WEIGHT if is_bundled(h.source, root) else 1.0)
              for h in hits}
    return sorted(hits, key=lambda h: -weight[h.id])


def list_documents(session: Session) -> list[KnowledgeDocument]:
    return list(session.exec(select(KnowledgeDocument).order_by(col(KnowledgeDocument.id))))


def search_orders(rt: Runtime, *, query: str, customer_id: str, k: int = 5) -> list[Hit]:
    try:
        return rt.index.search_customer(query, customer_id=customer_id, k=k)
    except RetrievalError as exc:
        raise IndexError_(f"order search failed: {exc}") from exc


def remove_documents(rt: Runtime, *, doc_ids: Sequence[str]) -> tuple[list[str], list[str]]:
    """Remove knowledge documents from the database and the index; (removed, unknown)."""
    with rt.session(write=True) as session:
        known = [d for d in doc_ids if session.get(KnowledgeDocument, d) is not None]
        unknown = [d for d in doc_ids if d not in known]
        if known:
            delete_documents(rt, doc_ids=known, session=session)
    return known, unknown
