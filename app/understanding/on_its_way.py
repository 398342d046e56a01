"""The one order on its way: "has my parcel shipped yet?", "我的包裹到哪了", with no order
named, from a shopper with one order not yet delivered and others long delivered, asks
after that one, as any agent would read it. A parcel said not to have come (or to be
delivered) may be a delivered one: the shopper is asked which."""

from __future__ import annotations

from collections.abc import Sequence

from app.store.connector import OrderSnapshot
from app.understanding.cue import Cue
from app.understanding.delivery_cues import asks_where, parcel_problem
from app.understanding.order_resolution import ON_ITS_WAY

# a parcel missed or delivered: of any order, delivered ones too
_NOT_COME = Cue(r"没收到|没到|还没到|未收到|签收|送达|丢|\bnot\s+(?:arrived|received|here|come)\b"
                r"|\bnever\s+(?:arrived|came|got)\b|\bhas(?:n'?t|\s+not)\s+(?:arrived|come)\b"
                r"|\bhave(?:n'?t|\s+not)\s+(?:received|got)\b|\bdid(?:n'?t|\s+not)\s+(?:get|receive|arrive)\b"
                r"|\bdelivered\b|\bmissing\b|\blost\b|\bstill\s+(?:not|no)\b")


def the_one_on_its_way(text: str, orders: Sequence[OrderSnapshot]) -> str | None:
    """The order a "where is it?" naming none asks after, when only one is on its way."""
    if not asks_where(text) or _NOT_COME(text) or parcel_problem(text):
        return None
    moving = [o.id for o in orders if o.status in ON_ITS_WAY]
    return moving[0] if len(moving) == 1 else None
