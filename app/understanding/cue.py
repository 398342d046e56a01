"""One cue of a shopper's message: a predicate over one pattern (``cue.asks_where(text)``),
case-blind unless it says otherwise."""

from __future__ import annotations

import re


class Cue:
    """One cue: called with a message, says whether the message carries it."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: str, flags: re.RegexFlag = re.IGNORECASE) -> None:
        self.pattern = re.compile(pattern, flags)

    def __call__(self, text: str) -> bool:
        return self.pattern.search(text) is not None
