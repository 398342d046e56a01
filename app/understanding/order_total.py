"""An order named by what it cost ("599的那单", "the HK$1,529 one"), as a shopper answers
"which order?" with the sum they remember."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.store.connector import OrderSnapshot

# an order named by what it cost: "599的那单", "the HK$1,529 one"
_BY_TOTAL_RE = re.compile(
    r"(?:HK\$|S\$|US\$|\$|€|£|¥|￥)?\s?(\d{1,3}(?:,\d{3})+|\d{1,6})(?:\.(\d{1,2}))?\s*"
    r"(?:元|块|欧元?|港币|港元|镑)?\s*(?:的那单|那单|的那笔|那笔|的那个订单|\s+one\b|\s+order\b)",
    re.IGNORECASE)

# ... or the sum said after it, with its currency: "the pricey one — HK$1,529"
_TOTAL_AFTER_RE = re.compile(
    r"(?:\bone\b|\border\b|那单|那笔)\s*[—–\-:,，：(（]?\s*(?:around|about|~|约)?\s*"
    r"(?:HK\$|S\$|US\$|\$|€|£|¥|￥)\s?(\d{1,3}(?:,\d{3})+|\d{1,6})(?:\.(\d{1,2}))?", re.IGNORECASE)


# the dearer or the cheaper of the orders offered: "the pricier one", "贵一点的那个"
_DEARER_RE = re.compile(r"\b(?:pricier|dearer|more\s+expensive)\b"
                        r"|贵(?:一点|一些|点|些)?的(?:那个|那单|那笔)", re.IGNORECASE)
_CHEAPER_RE = re.compile(r"\b(?:cheaper|less\s+expensive)\b"
                         r"|便宜(?:一点|一些|点|些)?的(?:那个|那单|那笔)", re.IGNORECASE)


def by_rank(text: str, orders: Sequence[OrderSnapshot],
            pool: Sequence[str]) -> tuple[str, str] | None:
    """"the pricier one" among the orders the shopper was asked to pick from: the one
    that cost most (or least), and the words that said so; None without such a choice."""
    offered = [o for o in orders if o.id in set(pool)]
    match = _DEARER_RE.search(text) or _CHEAPER_RE.search(text)
    if match is None or len(offered) < 2 or len({o.total for o in offered}) < len(offered):
        return None
    dearer = _DEARER_RE.search(text) is not None
    pick = (max if dearer else min)(offered, key=lambda o: o.total)
    return pick.id, match.group(0)


def by_total(text: str, orders: Sequence[OrderSnapshot],
             pool: Sequence[str] = ()) -> tuple[str, str] | None:
    """"599的那单", "the HK$1,529 one": the one order of ``pool`` (else of all) that cost
    that, and the number as written; None when no one order did. Failing that, "the
    pricier one" of ``pool``."""
    match = _BY_TOTAL_RE.search(text) or _TOTAL_AFTER_RE.search(text)
    if match is None:
        return by_rank(text, orders, pool)
    total = float(match.group(1).replace(",", "") + "." + (match.group(2) or "0"))
    within = set(pool) or {o.id for o in orders}
    cost = [o.id for o in orders if o.id in within and abs(o.total - total) < 0.005]
    return (cost[0], match.group(1)) if len(cost) == 1 else by_rank(text, orders, pool)
