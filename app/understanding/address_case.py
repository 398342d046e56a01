"""An address hidden by the case it is written in: the street words that are also
ordinary English ("Bow", "Way", "Grove") count only when capitalised, so a message all in
capitals, or a Singapore block all in lower case, is read again with its words
capitalised."""

from __future__ import annotations

import re

_WORD = re.compile(r"\b[A-Za-z][A-Za-z']+\b")
# "blk 268 compassvale bow #05-12": a block, its street and a unit, whatever the case
_BLOCK_FORM = re.compile(r"\b(?:blk|block)\s*\d{1,4}[a-z]?\s+[a-z][a-z ]{2,40}?\s*,?\s*"
                         r"#\d{1,3}-\d{1,5}", re.IGNORECASE)


# a shorter message in capitals hides an address too ("BLK 1 BOW #01-1")
MIN_CAPITALS = 8


def in_capitals(text: str, at_least: int) -> bool:
    """The message's Latin letters are all capitals, ``at_least`` of them."""
    letters = [c for c in text if c.isascii() and c.isalpha()]
    return len(letters) >= at_least and not any(c.islower() for c in letters)


def capitalised(text: str) -> str | None:
    """``text`` with each word capitalised (same length, so a span found in it is the
    same span of ``text``), where its case may hide an address; None otherwise. Only a
    whole message in capitals, or a block address in lower case: in ordinary lower case
    "on the way" is no street."""
    block_in_small = text == text.lower() and _BLOCK_FORM.search(text) is not None
    if not (in_capitals(text, MIN_CAPITALS) or block_in_small):
        return None
    fixed = _WORD.sub(lambda m: m.group(0).capitalize(), text)
    return fixed if fixed != text else None
