"""The words a catalogue is read by: folded, singular English words and segmented Chinese,
a name's word pairs, the kind an English name is of, and the words that never name an
item whatever the store sells. Nothing here knows any particular store."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set
from itertools import pairwise

import jieba

from app.store import model_numbers
from app.understanding.text import simplified

EN_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
# function words and units of either language: never an item, whatever the store sells
# ("back" of a "back light" alias is the "back" of every "send it back")
STOPWORDS = frozenset("""a an and the of for with in on to by or my your our this that
these those it its is are be was x ml l g kg cm mm m oz lb pcs pc pack set new one two
pro plus mini max size colour color item items product order back pair pairs
""".split()) | frozenset(
    "的 了 和 与 及 款 个 件 只 套 装 新款 新 大 小 号 色".split())


def fold(text: str) -> str:
    return simplified(unicodedata.normalize("NFKC", text)).casefold()


def singular_word(word: str) -> str:
    for suffix, repl in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"),
                         ("xes", "x"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


# a hyphen inside an English word ("Freeze-dried Treats"), which shoppers leave out
# ("the freeze dried chicken one"): word pairs read it as a space on both sides, whole
# words keep it (a part alone, "out" of "Pull-out", names nothing)
_INNER_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")


# a possessive names the thing ("the PawTrack's casing"); "my cat's got asthma" is "has"
_POSSESSIVE = re.compile(
    r"(?<=[a-z])'s\b(?!\s+(?:got|been|gone|not|a|an|the|just|so|very|really|always|never|still"
    r"|too|only|also|going|getting|had|done|in|on|at|ok|okay|fine|all|my|your|his|her|our"
    r"|their|it|this|that|what|how|why|when|where|who|one|no|nothing)\b)")


def _english_words(body: str) -> list[str]:
    body = _POSSESSIVE.sub("", model_numbers.without(body))
    return [singular_word(w) for w in EN_WORD.findall(body)]


def words_of(text: str) -> list[str]:
    """Comparable words: English singularised, Chinese segmented (two characters or more)."""
    body = fold(text)
    out = _english_words(body)
    for piece in re.findall(r"[\u3400-\u9fff]+", body):
        out += [w for w in jieba.lcut(piece) if len(w) >= 2]
        if len(piece) >= 2:
            out.append(piece)
    return [w for w in out if w not in STOPWORDS]


def kind_of(name: str) -> str:
    """The kind an English product name is of: its last word before a variant ("Ridgeback
    2 Tent – Green": tent; "Bike Cleaning Kit": kit, no bike)."""
    base = re.split(r"\s[–—-]\s|[(,]", name, maxsplit=1)[0]
    kinds = [w for w in words_of(base) if w.isascii() and w.isalpha()]
    return kinds[-1] if kinds else ""


def singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# where a name sets its variant apart: "Kettle – Sage Green", "Helmet – Black, M", "(蓝色)"
_NAME_PARTS = re.compile(r"\s+[–—-]\s+|[,，(（)）]")


def without_variant_parts(name: str, variant_words: Set[str]) -> str:
    """The name without its parts that name a variant ("Sage Green" of "… Kettle – Sage
    Green", whose colour is "green"), so that siblings named by a shade share a family."""
    first, *rest = _NAME_PARTS.split(name)
    return " ".join([first, *(part for part in rest
                              if not set(words_of(part)) & variant_words)])


def pairs(text: str) -> list[str]:
    """Consecutive English word pairs ("cutting board", "hydration pack"); a pair may hold
    one common word, never two."""
    english = _english_words(_INNER_HYPHEN.sub(" ", fold(text)))
    return [f"{a} {b}" for a, b in pairwise(english)
            if not (a in STOPWORDS and b in STOPWORDS)]


def phrases(text: str) -> list[str]:
    """A name's words, its word pairs and its model numbers."""
    return words_of(text) + pairs(text) + model_numbers.in_name(fold(text), STOPWORDS)
