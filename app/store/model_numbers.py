"""Model numbers in a store's product names and in shoppers' messages ("AirPure 3200",
"CleanBot S7", "Kettle 1.5L"): a token holding a digit is a code, read whole, never as
words (the "s" of "S7" names nothing)."""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import pairwise

_CODE = re.compile(r"(?<![a-z0-9])[a-z]*[0-9][a-z0-9]*(?![a-z0-9])")
_TOKEN = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")


def _has_digit(token: str) -> bool:
    return any(c.isdigit() for c in token)


def without(folded: str) -> str:
    """The text with its codes blanked out, for reading its words."""
    return _CODE.sub(" ", folded)


def in_name(folded: str, stopwords: Collection[str]) -> list[str]:
    """A name's model numbers as shoppers write them: a code of letters and digits
    ("s7", "4l") alone, and any number with the word before it ("airpure 3200",
    "cleanbot s7"); a bare number never (the "60" of "Beacon 60" is anyone's 60)."""
    tokens = _TOKEN.findall(folded)
    out: list[str] = []
    for before, token in zip([None, *tokens], tokens, strict=False):
        if not _has_digit(token):
            continue
        if any(c.isalpha() for c in token) and len(token) >= 2:
            out.append(token)
        if before and before.isalpha() and before not in stopwords:
            out.append(f"{before} {token}")
    return out


def in_message(folded: str) -> set[str]:
    """What of a message could be a model number: its tokens holding a digit, and such
    a token with the word before or after it ("airpure 3200", "5600 pro")."""
    tokens = _TOKEN.findall(folded)
    digit = [_has_digit(t) for t in tokens]
    out = {t for t, d in zip(tokens, digit, strict=True) if d}
    out |= {f"{a} {b}" for (a, da), (b, db) in pairwise(zip(tokens, digit, strict=True))
            if da or db}
    return out
