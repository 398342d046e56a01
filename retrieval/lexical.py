"""BM25 over chunks, with jieba segmentation for Chinese and stemming for English."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import lru_cache

import bm25s
import numpy as np

log = logging.getLogger(__name__)

_PIECES = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+|[a-z0-9]+")
EN_STOP = frozenset(
    """a an the and or but if of to in on at for from by with about as is are was were be been
    am do does did i me my we our you your it its this that these those there here can could
    would should will shall may might must have has had not no so than then too very just
    what which who whom how when where why hi hello please thanks thank""".split()
)
ZH_STOP = frozenset(
    """的 了 吗 呢 吧 啊 呀 嘛 么 是 我 你 他 她 它 们 在 有 和 与 及 就 都 也 还 要
    请 问 一下 这个 那个 怎么 什么 可以 能 亲 您 好""".split()
)


@lru_cache(maxsize=1)
def _stemmer() -> object | None:
    try:
        import Stemmer

        return Stemmer.Stemmer("english")
    except ImportError:  # PyStemmer is optional: plain lower-case words still work
        return None


@lru_cache(maxsize=1)
def _jieba() -> object:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=32768)
def _segment(piece: str) -> tuple[str, ...]:
    """jieba's words of one run of Chinese characters, stop words dropped. Remembered:
    jieba is ~65% of ingestion without the model, and runs recur (chunk overlaps,
    headings repeated in every chunk's text, stock phrases)."""
    segs = _jieba().lcut_for_search(piece)  # type: ignore[attr-defined]
    return tuple(s for s in segs if s.strip() and s not in ZH_STOP)


# Words recur (an order's product names, status and date; an article's vocabulary):
# most are a dictionary look-up instead of a regex, a stemmer call and jieba. Words up
# to WORD_CACHE_CHARS long are remembered (a Chinese sentence is one word between
# spaces: it is tokenized each time), at most WORD_CACHE_SIZE of them; when full the
# memory starts again. A plain dict of tuples of strings: nothing in it is tracked by
# the cyclic garbage collector once seen, where an lru_cache's linked list of 131k
# entries made every full collection of a bulk import walk them.
WORD_CACHE_CHARS = 40
WORD_CACHE_SIZE = 1 << 17
_words: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _word_tokens(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(Chinese words, English stems) of one lower-case, whitespace-free word."""
    chinese: list[str] = []
    english: list[str] = []
    for piece in _PIECES.findall(word):
        if piece[0] > "z":  # a run of Chinese (the other pieces are [a-z0-9]+)
            chinese.extend(_segment(piece))
        elif piece not in EN_STOP:
            english.append(piece)
    english += _variants(word, english)
    stemmer = _stemmer()
    if stemmer is not None and english:
        english = stemmer.stemWords(english)  # type: ignore[attr-defined]
    return tuple(chinese), tuple(english)


_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")
_NUMBER_UNIT = re.compile(r"(\d+)([a-z]{1,4})")


def _variants(word: str, pieces: list[str]) -> list[str]:
    """Spellings of one word that its pieces alone would miss: "wi-fi" is also "wifi",
    "5ghz" also "5" and "ghz" (as "5 GHz" is written)."""
    extra = []
    hyphenated = _HYPHENATED.search(word)
    if hyphenated:
        extra.append(hyphenated.group(0).replace("-", ""))
    for piece in pieces:
        split = _NUMBER_UNIT.fullmatch(piece)
        if split:
            extra += [split.group(1), split.group(2)]
    return extra


def _word(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    found = _words.get(word)
    if found is None:
        found = _word_tokens(word)
        if len(word) <= WORD_CACHE_CHARS:
            if len(_words) >= WORD_CACHE_SIZE:
                _words.clear()
            _words[word] = found
    return found


def tokenize(text: str) -> list[str]:
    """Lower-case English stems and jieba search-mode words; stop words dropped.

    The Chinese words in text order, then the English stems in text order. Taken word
    by word: no piece (a run of [a-z0-9] or of Chinese) spans whitespace and the
    stemmer takes one word at a time, so the text's tokens are its words' tokens,
    joined (tests/test_lexical.py holds it to the text read whole)."""
    chinese: list[str] = []
    english: list[str] = []
    remembered = _words.get
    for word in text.lower().split():
        zh, en = remembered(word) or _word(word)
        if zh:
            chinese.extend(zh)
        if en:
            english.extend(en)
    return chinese + english


class BM25Index:
    """A BM25 index over token lists; rebuilt whole (cheap) when the corpus changes."""

    def __init__(self, ids: Sequence[int], token_lists: Sequence[list[str]]) -> None:
        self.ids = np.asarray(ids, dtype=np.int64)
        self._position = {int(i): p for p, i in enumerate(self.ids)}
        self._bm25: bm25s.BM25 | None = None
        if len(self.ids):
            self._bm25 = bm25s.BM25()
            # An empty document would make bm25s drop it and shift positions.
            self._bm25.index([t or ["\u2205"] for t in token_lists], show_progress=False)
            self._vocab = set(self._bm25.vocab_dict)

    def search(self, tokens: list[str], k: int,
               allowed: set[int] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Returns (scores, ids), best first, only positive scores."""
        empty = (np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64))
        known = [t for t in tokens if self._bm25 is not None and t in self._vocab]
        if self._bm25 is None or not known:
            return empty
        mask = None
        if allowed is not None:
            mask = np.zeros(len(self.ids), dtype=np.float32)
            for chunk_id in allowed:
                pos = self._position.get(chunk_id)
                if pos is not None:
                    mask[pos] = 1.0
            if not mask.any():
                return empty
        k = min(k, len(self.ids))
        # n_threads=0: in this thread (1 started a thread pool for each search, 2 ms)
        docs, scores = self._bm25.retrieve([known], k=k, show_progress=False,
                                           weight_mask=mask, n_threads=0)
        keep = scores[0] > 0
        return scores[0][keep].astype(np.float32), self.ids[docs[0][keep]]
