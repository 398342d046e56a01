"""Several orders meant at once ("cancel both", "我那两个包裹到哪了"): which ones."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from app.store.connector import OrderSnapshot
from app.understanding.order_resolution import ON_ITS_WAY, Resolution, newest_first

if TYPE_CHECKING:
    from app.understanding.slots import Slots

MAX_SEVERAL = 3


def several_orders(found: Resolution, previous: Slots | None,
                   orders: Sequence[OrderSnapshot], named: list[str],
                   products: Collection[str] = ()) -> list[str]:
    """"Cancel both", "我那两个包裹到哪了": the orders named, else those the items fit
    or the last turn offered, else those still on their way (newest first)."""
    if named:  # "both items of #1042" is one order
        rank = {o.id: i for i, o in enumerate(newest_first(orders))}
        ordered = sorted(named, key=lambda oid: rank.get(oid, len(rank)))
        return ordered[:MAX_SEVERAL] if len(named) > 1 else []
    if len(found.candidates) > 1:
        return found.candidates[:MAX_SEVERAL]
    if found.order_id and found.source in ("item_reference", "message"):
        # "both orders: the bottle cage one and the bike computer one": the items named
        # are in different orders; else they fit one, and "both" are items of it
        holders = [o.id for o in newest_first(orders) if found.source == "item_reference"
                   and any(item.product_id in products for item in o.items)]
        several = list(dict.fromkeys([found.order_id, *holders]))
        return several[:MAX_SEVERAL] if len(several) > 1 else []
    pools = [list(previous.order_ids or previous.order_candidates) if previous else [],
             [o.id for o in newest_first(orders) if o.status in ON_ITS_WAY]]
    return next((pool[:MAX_SEVERAL] for pool in pools if len(pool) > 1), [])
