"""Which of the shopper's orders a message means, when it names no number: by the items
it names ("the kettle one", "码表那单"), by place or age among the orders listed or named
("the first one", "the older of the two", "第一次买的"), by date ("the mat I bought last
month"), as "the other one" or "my last order", or as the order the conversation is
about. Part of slot filling (:mod:`app.understanding.slots`).

Resolution never guesses: a reference that fits several orders stays ambiguous
(``candidates``, newest first, and no ``order_id``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from app.models._common import OrderStatus, utcnow
from app.store.catalogue import ItemMention
from app.store.connector import OrderSnapshot
from app.store.store_facts import StoreFacts
from app.understanding import slot_cues as cues
from app.understanding.orders_holding import matching_orders
from app.understanding.placed_when import placed_in, placed_within
from app.understanding.references import find_mentions

if TYPE_CHECKING:
    from app.understanding.slots import Slots

OrderSource = Literal["message", "history", "item_reference", "only_order", "previous"]

# how many of the latest history turns may lend an order id to a message that names none
HISTORY_TURNS = 6


class Resolution(BaseModel):
    order_id: str | None = None
    source: OrderSource | None = None
    candidates: list[str] = Field(default_factory=list)


def newest_first(orders: Sequence[OrderSnapshot]) -> list[OrderSnapshot]:
    return sorted(orders, key=lambda o: o.created_at, reverse=True)


def _one_or_many(ids: list[str], source: OrderSource) -> Resolution:
    if len(ids) == 1:
        return Resolution(order_id=ids[0], source=source)
    return Resolution(candidates=ids)


def _current_order(previous: Slots | None, history_ids: list[str]) -> str | None:
    if previous is not None and previous.order_id:
        return previous.order_id
    return history_ids[0] if len(history_ids) == 1 else None


def _by_items(mention: ItemMention | None, newest: list[OrderSnapshot], slots: Slots,
              current: str | None) -> Resolution:
    found = matching_orders(mention, newest)
    if slots.refers_to_coming:  # "the bed that hasn't arrived yet": of those still coming
        found = [o for o in found if o.status in ON_ITS_WAY] or found
    if slots.refers_to_unpaid:  # "还没付款那单 米色的窝…": of those not paid for
        found = [o for o in found if o.status == OrderStatus.pending] or found
    matches = [o.id for o in found]
    if slots.refers_to_other_order and current:
        matches = [oid for oid in matches if oid != current]
    if slots.refers_to_last_order and matches:
        return Resolution(order_id=matches[0], source="item_reference")
    # the order the conversation is already about settles "the mug" between two mug orders
    if len(matches) > 1 and current in matches and not slots.refers_to_other_order:
        return Resolution(order_id=current, source="previous")
    return _one_or_many(matches, "item_reference")


def _by_relative(newest: list[OrderSnapshot], slots: Slots, current: str | None) -> Resolution:
    ids = [o.id for o in newest]
    if slots.refers_to_other_order:
        if current is None:
            # "the other one" with nothing to be other than: both of two orders fit
            return Resolution(candidates=ids if len(ids) == 2 else [])
        others = [o for o in newest if o.id != current]
        # "另外我还有一单在路上": the other one still coming, if one is
        coming = [o for o in others if o.status in ON_ITS_WAY] if slots.refers_to_coming else []
        picked = (coming or others)[:1]
        return Resolution(order_id=picked[0].id, source="message") if picked else Resolution()
    return Resolution(order_id=ids[0], source="message") if ids else Resolution()


def _history_ids(history: Sequence[str], orders: Sequence[OrderSnapshot],
                 facts: StoreFacts) -> list[str]:
    for turn in reversed(history[-HISTORY_TURNS:]):
        ids = [m.order_id for m in find_mentions(turn, orders=orders, shapes=facts.order_ids)
               if m.order_id]
        if ids:
            return ids
    return []


def _by_place(nth: int, previous: Slots | None, history: Sequence[str],
              orders: Sequence[OrderSnapshot], facts: StoreFacts) -> Resolution:
    """"The first one": of the orders just offered to choose from (the orders a "which
    one?" listed are kept as candidates), else of the orders the shopper named in this
    conversation, in the order they were first named. "The earliest one" (cues.OLDEST)
    is the oldest of them, "the newer one" (cues.NEWEST) the newest."""
    named: list[str] = []
    for turn in history[-HISTORY_TURNS:]:
        for m in find_mentions(turn, orders=orders, shapes=facts.order_ids):
            if m.order_id and m.order_id not in named:
                named.append(m.order_id)
    offered = list(previous.order_candidates) if previous is not None and not (
        previous.order_id) else []
    for pool in (offered, named if len(named) >= 2 else []):
        if nth in (cues.OLDEST, cues.NEWEST) and pool:
            return Resolution(order_id=_by_age(pool, orders, nth), source="message")
        if 0 <= nth < len(pool):
            return Resolution(order_id=pool[nth], source="message")
    return Resolution()


def _by_age(pool: Sequence[str], orders: Sequence[OrderSnapshot], nth: int) -> str:
    made = {o.id: o.created_at for o in orders}
    pick = min if nth == cues.OLDEST else max
    return pick(pool, key=lambda oid: made.get(oid, utcnow()))


def _by_age_of_item(nth: int | None, mention: ItemMention | None, previous: Slots | None,
                    newest: list[OrderSnapshot]) -> str | None:
    """"The one I bought first" of the orders holding the item named, or, named none,
    the item the conversation is about ("那第二次买的那个呢")."""
    if nth not in (cues.OLDEST, cues.NEWEST):
        return None
    if mention is None and previous is not None and previous.item_products:
        ids = frozenset(previous.item_products)
        mention = ItemMention(tuple(previous.item_refs), ids, frozenset(), (ids,))
    holding = [o.id for o in matching_orders(mention, newest)]
    return _by_age(holding, newest, nth) if len(holding) >= 2 else None


def _narrow_previous_candidates(mention: ItemMention | None, previous: Slots | None,
                                orders: list[OrderSnapshot]) -> Resolution:
    # "the blue one" after "which order: #1031 or #1023?" picks among those two only
    if previous is None or previous.order_id or not previous.order_candidates:
        return Resolution()
    best = {o.id for o in matching_orders(mention, orders)}
    if best and not best & set(previous.order_candidates):
        # "the pedals and saddle I ordered" after "the saddle bag or the pump?": another
        # order holds more of what is named than any of those offered
        return Resolution()
    pending = [o for o in orders if o.id in previous.order_candidates]
    fits = [o.id for o in matching_orders(mention, pending)]
    if len(fits) == 1:
        return Resolution(order_id=fits[0], source="item_reference")
    return Resolution(candidates=list(previous.order_candidates))


def _this_one(slots: Slots, previous: Slots | None) -> bool:
    """"This order" said of the order the conversation is about, or of the number the
    shopper named that we could not find: not of their only order."""
    return slots.refers_to_this_order and previous is not None and bool(
        previous.order_id or previous.order_mention)


def resolve_order(slots: Slots, mention: ItemMention | None, named: list[str], *,
                   history: Sequence[str], orders: Sequence[OrderSnapshot],
                   previous: Slots | None, needs_order: bool,
                   facts: StoreFacts) -> Resolution:
    newest = newest_first(orders)
    if named:
        rank = {o.id: i for i, o in enumerate(newest)}
        return _one_or_many(sorted(named, key=lambda oid: rank.get(oid, len(rank))), "message")
    history_ids = _history_ids(history, orders, facts)
    current = _current_order(previous, history_ids)
    # "the first one, the pink hair dryer": the item says more than the place in a list
    named_item = bool(mention and mention.products)
    if slots.nth_order is not None and not named_item:
        placed = _by_place(slots.nth_order, previous, history, orders, facts)
        if placed.order_id:
            return placed
    narrowed = _narrow_previous_candidates(mention, previous, newest)
    if named_item and narrowed.order_id:
        return narrowed
    by_age = _by_age_of_item(slots.nth_order, mention, previous, newest)
    if by_age is not None:  # "第一次买的那个" of two headlamp orders
        return Resolution(order_id=by_age, source="item_reference")
    by_items = _by_items(mention, newest, slots, current) if mention else Resolution()
    # an item none of the orders holds ("a bag instead") is no reference to an order
    if by_items.order_id or by_items.candidates:
        return by_items
    if slots.nth_order is not None:
        placed = _by_place(slots.nth_order, previous, history, orders, facts)
        if placed.order_id:
            return placed
    if slots.refers_to_other_order or slots.refers_to_last_order:
        return _by_relative(newest, slots, current) if newest else Resolution()
    if narrowed.order_id or narrowed.candidates:
        return narrowed
    if needs_order and len(newest) == 1 and not _this_one(slots, previous):
        return Resolution(order_id=newest[0].id, source="only_order")
    # "the parcel I'm waiting for": the one parcel under way (a paid order has no parcel
    # yet, and one marked delivered may be the one that never came: those are asked)
    under_way = OrderStatus.pending if slots.refers_to_unpaid else (
        OrderStatus.shipped if slots.refers_to_parcel else None)
    picked = [o.id for o in newest if o.status == under_way] if under_way else []
    if needs_order and len(picked) == 1:
        return Resolution(order_id=picked[0], source="only_order")
    if previous is not None and previous.order_id:
        return Resolution(order_id=previous.order_id, source="previous")
    if history_ids:
        return _one_or_many(history_ids, "history")
    return Resolution()


def by_date(text: str, found: Resolution, orders: Sequence[OrderSnapshot],
             named: list[str]) -> Resolution:
    """"The mat I bought last month", of two orders with a mat; "the earliest, the one
    from 双11", of any of the shopper's orders (a date says more than a place in a
    list): the one order placed then."""
    if named or not (len(found.candidates) > 1 or found.source in (None, "message")):
        return found
    window = placed_within(text, utcnow().date())
    if window is None:
        return found
    pool = found.candidates if len(found.candidates) > 1 else [o.id for o in orders]
    placed = placed_in(window, pool, orders)
    if len(placed) == 1:
        return Resolution(order_id=placed[0], source="item_reference")
    return found


# "<item>那单", "<item>的订单": the item names the order, whatever else the message names
_ITEM_ORDER_RE = re.compile(
    r"([\u4e00-\u9fffA-Za-z0-9]{1,12}?)(?:的那单|那单|那笔|那一单|那个订单|的订单)")


def order_of_item(text: str, facts: StoreFacts) -> ItemMention | None:
    match = _ITEM_ORDER_RE.search(text)
    if match is None:
        return None
    mention = facts.catalogue.find(match.group(1))
    return mention if mention is not None and mention.products else None


# orders not yet delivered: what "any news on my order?" and "my two parcels" are about
ON_ITS_WAY = frozenset({OrderStatus.pending, OrderStatus.paid, OrderStatus.shipped})
