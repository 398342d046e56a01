"""The lexical tokens (BM25 on FAISS, tsvector on PostgreSQL): taken word by word with
remembered words, they are exactly what the text taken whole gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from eval.bench import synthetic
from retrieval import lexical
from retrieval.chunking import chunk_markdown
from retrieval.lexical import tokenize

DATA = Path(__file__).resolve().parents[1] / "data"


def _whole_text(text: str) -> list[str]:
    """The tokens of ``text`` read in one pass over its pieces (no per-word memory)."""
    chinese: list[str] = []
    english: list[str] = []
    for word in text.lower().split():
        pieces = []
        for piece in lexical._PIECES.findall(word):
            if piece[0] > "z":
                chinese.extend(lexical._segment(piece))
            elif piece not in lexical.EN_STOP:
                pieces.append(piece)
        english += pieces + lexical._variants(word, pieces)
    stemmer = lexical._stemmer()
    if stemmer is not None and english:
        english = stemmer.stemWords(english)  # type: ignore[attr-defined]
    return chinese + english


ODD = ["", "   ", "Hello, World!", "退货abc换货 x2", "ΟΔΟΣ ΣΑΣ İstanbul KELVIN",
       "ＡＢＣ１２３ full width", "tab\tsep\nline\u3000ideographic\x1cfile\u2028sep",
       "七天无理由退货" * 20 + " the refunds are processing",
       "Order SO-200001: 手冲咖啡壶 x1, Linen Shirt x2. Ordered on 2026-01-01, status shipped",
       "running runs ran runner's RUNNING", "a an the of 的 了 吗"]


@pytest.mark.parametrize("text", ODD)
def test_odd_texts(text: str) -> None:
    assert tokenize(text) == _whole_text(text)


def test_knowledge_base_and_orders() -> None:
    texts = [d.text for path in sorted((DATA / "kb").rglob("*.md"))
             for d in chunk_markdown(path.read_text(encoding="utf-8"))]
    rng = random.Random(5)
    for n in range(300):
        order = synthetic._order(n, 300, rng)
        texts.append(" ".join(str(v) for v in order.values()))
    assert len(texts) > 300
    for text in texts:
        assert tokenize(text) == _whole_text(text), text


def test_a_remembered_word_gives_the_same_tokens_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    lexical._words.clear()
    first = tokenize("Refunds for 退货 refunds")
    assert set(lexical._words) == {"refunds", "for", "退货"}
    assert tokenize("Refunds for 退货 refunds") == first == ["退货", "refund", "refund"]
    long_word = "七天无理由退货" * 10
    assert tokenize(long_word) == _whole_text(long_word) and long_word not in lexical._words
    monkeypatch.setattr(lexical, "WORD_CACHE_SIZE", 3)
    assert tokenize("x2 refunds") == ["x2", "refund"]
    assert set(lexical._words) == {"x2", "refunds"}  # full: it started again


@pytest.mark.parametrize(("query", "text", "shared"), [
    ("does it work with 5GHz wifi?", "The robots only connect to **2.4 GHz Wi-Fi**.",
     {"ghz", "wifi"}),
    ("can I change my email", "Update the e-mail address on your account.", {"email"}),
    ("a 2000w heater", "2000 W ceramic", {"2000", "w"}),
])
def test_a_word_spelt_apart_still_matches(query: str, text: str, shared: set[str]) -> None:
    assert set(tokenize(query)) & set(tokenize(text)) == shared


def test_a_plain_word_gets_no_variants() -> None:
    assert tokenize("shipping refunds") == ["ship", "refund"]
    assert tokenize("S7 AirPure-3200") == ["s7", "airpur", "3200"]
