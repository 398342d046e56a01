"""Of several orders named, the one the shopper starts with: "receipts for 4946 and 4950.
Let's start with 4946", "先弄B20001"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from app.understanding.references import Mention

# "let's start with 4946", "先弄4946": of the orders named, the one to see to now
_FIRST_BEFORE_RE = re.compile(r"(?:\b(?:start|begin)\s+with|\bfirst(?:\s+up)?:?)"
                              r"\s*(?:order\s*)?#?\s*$"
                              r"|先(?:弄|办|处理|查|开|来|做|看)?(?:一下)?(?:订单|单号)?\s*$",
                              re.IGNORECASE)
_FIRST_AFTER_RE = re.compile(r"^\s*(?:first\b|先)", re.IGNORECASE)


def begun_with(text: str, mentions: Sequence[Mention]) -> list[str]:
    own = [m for m in mentions if m.order_id]
    if len({m.order_id for m in own}) < 2:
        return []
    body = unicodedata.normalize("NFKC", text)
    # (at any place it is written: "for 4946 and 4950. Let's start with 4946")
    first = {m.order_id for m in own for at in _places(body, m.written) if m.order_id and (
        _FIRST_BEFORE_RE.search(body[:at]) or _FIRST_AFTER_RE.match(body[at + len(m.written):]))}
    return list(first) if len(first) == 1 else []


def _places(body: str, written: str) -> list[int]:
    return [m.start() for m in re.finditer(
        rf"(?<![A-Za-z0-9-]){re.escape(written)}(?![A-Za-z0-9-])", body)]
