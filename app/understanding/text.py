"""The text of a message as Kefu reads it: invisible and control characters removed.

A message of only zero-width spaces, NULs or lone surrogates is an empty message, not
a question; and none of those characters may reach the database, a log line or a
prompt.
"""

from __future__ import annotations

import re
import unicodedata

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
