"""What one worker writes, another already running sees without a restart (issue 13):
knowledge added and removed, orders imported (their search index and the id shapes
understanding learns from them). Two runtimes on one home stand for two workers: each
has its own index handle, caches and connections, as a separate process would; on
PostgreSQL they share only the database (pgvector index), on SQLite the home's files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.knowledge import ingest_paths, remove_documents, search_knowledge, search_orders
from app.runtime import Runtime
from app.settings import Settings
from app.store.importer import import_into
from tests.pg import BOTH_DATABASES

pytestmark = BOTH_DATABASES

# a made-up word no bundled article holds, so only the new document can match it
WORD = "quendorax"
ARTICLE = f"""# Quendorax gift wrapping

Every order can be gift wrapped in {WORD} paper for a small fee. Ask for {WORD} wrapping
before the order ships; it cannot be added afterwards.
"""


def _runtime(home: Path) -> Runtime:
    url = os.environ.get("KEFU_DATABASE_URL")
    backend = os.environ.get("KEFU_SEARCH_BACKEND", "faiss")
    return Runtime(Settings(home=home, database_url=url, search_backend=backend,
                            llm_backend="none"))


@pytest.fixture
def two(demo_home: Path) -> Iterator[tuple[Runtime, Runtime]]:
    a, b = _runtime(demo_home), _runtime(demo_home)
    try:
        yield a, b
    finally:
        a.close()
        b.close()


def _found(rt: Runtime, query: str) -> set[str]:
    return {hit.doc_id for hit in search_knowledge(rt, query=query, k=5)}


def test_knowledge_written_by_one_is_searched_by_the_other(
        two: tuple[Runtime, Runtime], tmp_path: Path) -> None:
    writer, reader = two
    query = f"{WORD} gift wrapping"
    before = _found(reader, query)  # the reader's index is open and has answered
    doc = tmp_path / "gift-wrapping.md"
    doc.write_text(ARTICLE, encoding="utf-8")
    with writer.session(write=True) as session:
        result = ingest_paths(writer, paths=[doc], session=session)
    assert not result.errors, result.errors
    added = _found(reader, query) - before
    assert len(added) == 1, "the other worker does not see the new document"
    removed, unknown = remove_documents(writer, doc_ids=sorted(added))
    assert removed == sorted(added) and not unknown
    assert not added & _found(reader, query), "the other worker still finds it"


def test_orders_imported_by_one_are_known_to_the_other(
        two: tuple[Runtime, Runtime]) -> None:
    writer, reader = two
    ids = [f"ZQ-7700{n}" for n in range(1, 4)]
    with reader.session() as session:
        assert reader.store_facts(session).order_ids.match(ids[0]) is None
    customer = {"id": "QX-CUST-1", "name": "Ada Quill", "email": "ada@example.com"}
    orders = [{"id": oid, "customer_id": customer["id"], "status": "paid",
               "created_at": "2026-11-20T10:00:00Z", "total": 12.5,
               "items": [{"name": f"{WORD} lantern", "qty": 1, "price": 12.5}]}
              for oid in ids]
    report = import_into(writer, {"customers": [customer], "orders": orders})
    assert not report.rejected, report.rejected
    with reader.session() as session:
        assert reader.store_facts(session).order_ids.match(ids[0]) is True
    hits = search_orders(reader, query=f"{WORD} lantern", customer_id=customer["id"])
    assert {h.doc_id for h in hits} == set(ids), hits
