"""An order picked by what it is not: "不是头盔那个，另一个", "not the helmet one, the
other": of the orders offered to choose from (or found, or still on their way), the one
that does not hold the item named after the "not"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.store.catalogue import Catalogue
from app.store.connector import OrderSnapshot
from app.understanding.order_resolution import ON_ITS_WAY, Resolution

# "不是头盔那个", "not the helmet one" (also left out of the items the message names:
# app.understanding.slots)
NOT_THE_ONE = (r"不是(?P<zh>[\u4e00-\u9fff\w]{1,8}?)(?:那个|那单|这个|这单|那件)"
               r"|\bnot\s+the\s+(?P<en>[^.;!?。；！？,]{1,30}?)\s+(?:one|order|parcel)\b")
_NOT_THE = re.compile(NOT_THE_ONE, re.IGNORECASE)


def said_not_to_be(text: str) -> str | None:
    """The words of the thing an order is said not to hold, if the message says one."""
    found = _NOT_THE.search(text)
    return (found.group("zh") or found.group("en")) if found else None


def not_the_one(text: str, found: Resolution, offered: Sequence[str],
                orders: Sequence[OrderSnapshot], catalogue: Catalogue) -> Resolution:
    words = said_not_to_be(text)
    excluded = catalogue.find(words) if words else None
    if excluded is None or not excluded.products:
        return found
    pool = list(found.candidates) or list(offered) or [
        o.id for o in orders if o.status in ON_ITS_WAY]
    meant = excluded.candidates()
    holding = {o.id for o in orders if any(i.product_id in meant for i in o.items)}
    kept = [oid for oid in pool if oid not in holding]
    return Resolution(order_id=kept[0], source="item_reference") if len(kept) == 1 else found
