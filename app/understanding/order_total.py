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


def by_total(text: str, orders: Sequence[OrderSnapshot],
             pool: Sequence[str] = ()) -> tuple[str, str] | None:
    """"599的那单", "the HK$1,529 one": the one order of ``pool`` (else of all) that cost
    that, and the number as written; None when no one order did."""
    match = _BY_TOTAL_RE.search(text)
    if match is None:
        return None
    total = float(match.group(1).replace(",", "") + "." + (match.group(2) or "0"))
    within = set(pool) or {o.id for o in orders}
    cost = [o.id for o in orders if o.id in within and abs(o.total - total) < 0.005]
    return (cost[0], match.group(1)) if len(cost) == 1 else None
