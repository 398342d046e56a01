"""An order's number typed not quite as it is: its padding zeros left out ("MW-26-5109"),
letters for the digits they look like ("MW-26-OO5160"), a character or two more
("MW-2026-005178"). Read against the shopper's own orders only (app.understanding.references)."""

from __future__ import annotations

import re
import unicodedata

_PARTS = re.compile(r"[^\W\d_]+|\d+")


def without_zeros(ref: str) -> str | None:
    """The key of an id of several parts with the zeros that pad its numbers dropped
    ("MW-26-005109" -> "mw265109"); None for an id of one part or with no padding."""
    parts = _PARTS.findall(unicodedata.normalize("NFKC", ref).casefold())
    if len(parts) < 2:
        return None
    bare = [p.lstrip("0") or "0" if p.isdigit() else p for p in parts]
    return "".join(bare) if bare != parts else None


# letters typed for the digits they look like: "MW-26-OO5160" for "MW-26-005160"
_LOOKS_LIKE = {"o": "0", "i": "1", "l": "1"}


def typed_with_lookalikes(typed: str, own: dict[str, str]) -> str | None:
    """The key of the one own order ``typed`` spells with a letter where the order has
    the digit it looks like; only the shopper's own orders, so a letter that really is
    part of some other id is never read as a digit."""
    if not any(ch in _LOOKS_LIKE for ch in typed):
        return None
    keys = [key for key in own if len(key) == len(typed) and key != typed and all(
        a == b or _LOOKS_LIKE.get(a) == b for a, b in zip(typed, key, strict=True))]
    return keys[0] if len({own[key] for key in keys}) == 1 else None


# the end an id written with a character or two more must still have, as it is
SAME_TAIL = 5


def typed_with_more(typed: str, own: dict[str, str]) -> str | None:
    """The key of the one own order ``typed`` spells with a character or two more and the
    same number at its end: a year in full ("MW-2026-005178" for "MW-26-005178"), a key
    struck twice. Only the shopper's own orders, and only where one fits."""
    keys = [key for key in own if 0 < len(typed) - len(key) <= 2 and len(key) > SAME_TAIL
            and typed[-SAME_TAIL:] == key[-SAME_TAIL:] and _within(key, typed)]
    return keys[0] if len({own[key] for key in keys}) == 1 else None


def _within(short: str, long: str) -> bool:
    """``short``'s characters appear in ``long`` in the same order."""
    rest = iter(long)
    return all(ch in rest for ch in short)
