"""One cue of a shopper's message: a predicate over one pattern (``cue.asks_where(text)``),
case-blind unless it says otherwise."""

from __future__ import annotations

import re
from functools import lru_cache

# an English word written against Chinese ("帮我cancel掉吧", "开个invoice"): \b finds no
# edge between two word characters, so the two scripts are set apart before a cue looks
_SCRIPTS_MEET = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u4e00-\u9fff])")


@lru_cache(maxsize=256)
def spaced(text: str) -> str:
    """``text`` with a space where Chinese and Latin letters meet."""
    return _SCRIPTS_MEET.sub(" ", text)


class Cue:
    """One cue: called with a message, says whether the message carries it."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: str, flags: re.RegexFlag = re.IGNORECASE) -> None:
        self.pattern = re.compile(pattern, flags)

    def __call__(self, text: str) -> bool:
        return self.pattern.search(spaced(text)) is not None
