"""The text of a message as Kefu reads it: invisible and control characters removed.

A message of only zero-width spaces, NULs or lone surrogates is an empty message, not
a question; and none of those characters may reach the database, a log line or a
prompt.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from opencc import OpenCC

# format (Cf: zero-width, bidi controls), control (Cc) except line breaks and tabs,
# surrogates (Cs: invalid alone), private use (Co) and unassigned (Cn)
_DROP = frozenset({"Cf", "Cs", "Co", "Cn"})
_KEEP_CONTROL = frozenset("\n\t")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_LINES = re.compile(r"\n{3,}")


def clean_message(text: str) -> str:
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in _DROP or (category == "Cc" and ch not in _KEEP_CONTROL):
            continue
        kept.append(ch)
    body = "".join(kept).replace("\r", "")
    body = _SPACES.sub(" ", body)
    return _LINES.sub("\n\n", body).strip()


# Chinese in traditional characters ("請問現在有人在嗎", "謝謝"), read in the simplified ones
# the cues, the classifier and the knowledge base are written in; a store's own names are
# folded the same way (app.store.catalogue.fold), so either script finds them
_TRADITIONAL = OpenCC("t2s")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=65536)
def _converted(text: str) -> str:
    return str(_TRADITIONAL.convert(text))


def simplified(text: str) -> str:
    """``text`` with traditional Chinese characters in their simplified form (one for
    one, so positions hold); text without Chinese is returned as it is."""
    if not _CJK.search(text):
        return text
    converted = _converted(text)
    return converted if len(converted) == len(text) else text


# clauses: set off by punctuation or a dash, or by a space between Chinese words ("等下
# 头灯先不要了 改成…", "no wait, not the pin - add another scarf instead"); a question mark
# stays with its clause
_CLAUSE_BREAK = re.compile(r"[,，.。!！;；]+|\s+-+\s+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff\d])")


def clauses(text: str) -> list[str]:
    return [part.strip() for part in _CLAUSE_BREAK.split(text) if part.strip()]


def the_question(text: str) -> str:
    """The sentence that asks ("I'll sort that with DHL myself. the lock, is it gold?": the
    lock's), else the last."""
    sentences = [p for p in re.split(r"(?<=[.!?。！？])\s*", text) if p.strip()]
    return next((p for p in reversed(sentences) if "?" in p or "？" in p),
                sentences[-1] if sentences else text)
