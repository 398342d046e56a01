"""Slot filling (DESIGN.md step 1, "understand"): what one shopper message says about
orders, items, addresses, contact details, amounts, quantities and return reasons,
resolved against the shopper's own orders and the store's catalogue, which the caller
passes in as data.

Resolution never guesses: a reference that fits several orders stays ambiguous
(``order_candidates``, newest first, and no ``order_id``); an order number we cannot
find among the shopper's orders is kept as ``order_mention`` so the reply can say so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from app.intents import spec
from app.models._common import utcnow
from app.policy import ReturnReason
from app.store.catalogue import EMPTY_FACTS, ItemMention, StoreFacts, words_of
from app.store.connector import ItemSnapshot, OrderSnapshot
from app.understanding import slot_cues as cues
from app.understanding.dialogue_cues import asks_where
from app.understanding.placed_when import placed_in, placed_within
from app.understanding.references import Lookup, find_mentions
from app.understanding.return_reasons import find_return_reason, says_unopened
from app.understanding.slot_addresses import AddressKind, find_address, unit_numbers
from app.understanding.slot_patterns import find_amount, find_email, find_phone, find_quantity

OrderSource = Literal["message", "history", "item_reference", "only_order", "previous"]

# how many of the latest history turns may lend an order id to a message that names none
HISTORY_TURNS = 6
# asked which order, the bot lists the shopper's newest few (app.assist.candidates)
SHOWN_ORDERS = 3


class Slots(BaseModel):
    order_id: str | None = None
    order_source: OrderSource | None = None
    order_candidates: list[str] = Field(default_factory=list)
    # an order number the message gives that is not one of the shopper's orders
    order_mention: str | None = None
    address: str | None = None
    address_kind: AddressKind | None = None
    email: str | None = None
    phone: str | None = None
    amount: float | None = None
    currency: str | None = None
    item_refs: list[str] = Field(default_factory=list)
    item_products: list[str] = Field(default_factory=list)
    refers_to_other_order: bool = False
    refers_to_last_order: bool = False
    nth_order: int | None = None  # "the first one": its place among the orders named
    affirmation: cues.Affirmation | None = None
    quantity: int | None = None
    return_reason: ReturnReason | None = None
    unopened: bool = False  # "滤芯没拆", "still sealed"
    # the message names one of the shopper's refunds by its id ("RTN-2607-0502 status?")
    names_refund: bool = False


class _Resolution(BaseModel):
    order_id: str | None = None
    source: OrderSource | None = None
    candidates: list[str] = Field(default_factory=list)


def _newest_first(orders: Sequence[OrderSnapshot]) -> list[OrderSnapshot]:
    return sorted(orders, key=lambda o: o.created_at, reverse=True)


def _one_or_many(ids: list[str], source: OrderSource) -> _Resolution:
    if len(ids) == 1:
        return _Resolution(order_id=ids[0], source=source)
    return _Resolution(candidates=ids)


def item_fits(item: ItemSnapshot, mention: ItemMention) -> bool:
    """Whether an order line is the item the words name (by product, else by its name)."""
    meant = mention.candidates()
    if item.product_id is not None and meant:
        return item.product_id in meant
    return bool(set(words_of(item.name)) & set(mention.surface))


def _matching_orders(mention: ItemMention | None,
                     orders: list[OrderSnapshot]) -> list[OrderSnapshot]:
    """The orders holding the items named; where several things are named ("my pedals
    and saddle"), the orders holding most of them."""
    if mention is None:
        return []
    fits = [o for o in orders if any(item_fits(i, mention) for i in o.items)]
    if len(fits) < 2 or len(mention.things) < 2:
        return fits
    held = {o.id: sum(any(i.product_id in thing for i in o.items) for thing in mention.things)
            for o in fits}
    most = max(held.values())
    return [o for o in fits if held[o.id] == most]


def _current_order(previous: Slots | None, history_ids: list[str]) -> str | None:
    if previous is not None and previous.order_id:
        return previous.order_id
    return history_ids[0] if len(history_ids) == 1 else None


def _by_items(mention: ItemMention | None, newest: list[OrderSnapshot], slots: Slots,
              current: str | None) -> _Resolution:
    matches = [o.id for o in _matching_orders(mention, newest)]
    if slots.refers_to_other_order and current:
        matches = [oid for oid in matches if oid != current]
    if slots.refers_to_last_order and matches:
        return _Resolution(order_id=matches[0], source="item_reference")
    # the order the conversation is already about settles "the mug" between two mug orders
    if len(matches) > 1 and current in matches and not slots.refers_to_other_order:
        return _Resolution(order_id=current, source="previous")
    return _one_or_many(matches, "item_reference")


def _by_relative(newest: list[OrderSnapshot], slots: Slots, current: str | None) -> _Resolution:
    ids = [o.id for o in newest]
    if slots.refers_to_other_order:
        if current is None:
            # "the other one" with nothing to be other than: both of two orders fit
            return _Resolution(candidates=ids if len(ids) == 2 else [])
        others = [oid for oid in ids if oid != current]
        return _Resolution(order_id=others[0], source="message") if others else _Resolution()
    return _Resolution(order_id=ids[0], source="message") if ids else _Resolution()


def _history_ids(history: Sequence[str], orders: Sequence[OrderSnapshot],
                 facts: StoreFacts) -> list[str]:
    for turn in reversed(history[-HISTORY_TURNS:]):
        ids = [m.order_id for m in find_mentions(turn, orders=orders, shapes=facts.order_ids)
               if m.order_id]
        if ids:
            return ids
    return []


def _by_place(nth: int, previous: Slots | None, history: Sequence[str],
              orders: Sequence[OrderSnapshot], facts: StoreFacts,
              shown: Sequence[str] = ()) -> _Resolution:
    """"The first one": of the orders just offered to choose from, else of the orders the
    shopper named in this conversation, in the order they were first named, else of the
    shopper's newest orders ``shown`` with the question which one. "The earliest one"
    (cues.OLDEST) is the oldest of them."""
    named: list[str] = []
    for turn in history[-HISTORY_TURNS:]:
        for m in find_mentions(turn, orders=orders, shapes=facts.order_ids):
            if m.order_id and m.order_id not in named:
                named.append(m.order_id)
    offered = list(previous.order_candidates) if previous is not None and not (
        previous.order_id) else []
    for pool in (offered, named if len(named) >= 2 else [], list(shown)):
        if nth == cues.OLDEST and pool:
            made = {o.id: o.created_at for o in orders}
            return _Resolution(order_id=min(pool, key=lambda oid: made.get(oid, utcnow())),
                               source="message")
        if 0 <= nth < len(pool):
            return _Resolution(order_id=pool[nth], source="message")
    return _Resolution()


def _narrow_previous_candidates(mention: ItemMention | None, previous: Slots | None,
                                orders: list[OrderSnapshot]) -> _Resolution:
    # "the blue one" after "which order: #1031 or #1023?" picks among those two only
    if previous is None or previous.order_id or not previous.order_candidates:
        return _Resolution()
    pending = [o for o in orders if o.id in previous.order_candidates]
    fits = [o.id for o in _matching_orders(mention, pending)]
    if len(fits) == 1:
        return _Resolution(order_id=fits[0], source="item_reference")
    return _Resolution(candidates=list(previous.order_candidates))


def _resolve_order(slots: Slots, mention: ItemMention | None, named: list[str], *,
                   history: Sequence[str], orders: Sequence[OrderSnapshot],
                   previous: Slots | None, needs_order: bool,
                   facts: StoreFacts, expects_order: bool = False) -> _Resolution:
    newest = _newest_first(orders)
    # asked which order, the bot listed the newest few: "the first one" is among them
    shown = [o.id for o in newest[:SHOWN_ORDERS]] if expects_order else []
    if named:
        rank = {o.id: i for i, o in enumerate(newest)}
        return _one_or_many(sorted(named, key=lambda oid: rank.get(oid, len(rank))), "message")
    history_ids = _history_ids(history, orders, facts)
    current = _current_order(previous, history_ids)
    # "the first one, the pink hair dryer": the item says more than the place in a list
    named_item = bool(mention and mention.products)
    if slots.nth_order is not None and not named_item:
        placed = _by_place(slots.nth_order, previous, history, orders, facts, shown)
        if placed.order_id:
            return placed
    narrowed = _narrow_previous_candidates(mention, previous, newest)
    if named_item and narrowed.order_id:
        return narrowed
    by_items = _by_items(mention, newest, slots, current) if mention else _Resolution()
    # an item none of the orders holds ("a bag instead") is no reference to an order
    if by_items.order_id or by_items.candidates:
        return by_items
    if slots.nth_order is not None:
        placed = _by_place(slots.nth_order, previous, history, orders, facts, shown)
        if placed.order_id:
            return placed
    if slots.refers_to_other_order or slots.refers_to_last_order:
        return _by_relative(newest, slots, current) if newest else _Resolution()
    if narrowed.order_id or narrowed.candidates:
        return narrowed
    if needs_order and len(newest) == 1:
        return _Resolution(order_id=newest[0].id, source="only_order")
    if previous is not None and previous.order_id:
        return _Resolution(order_id=previous.order_id, source="previous")
    if history_ids:
        return _one_or_many(history_ids, "history")
    return _Resolution()


def extract_slots(
    *,
    text: str,
    language: str,
    history: Sequence[str] = (),
    orders: Sequence[OrderSnapshot] = (),
    previous: Slots | None = None,
    intent: str | None = None,
    facts: StoreFacts = EMPTY_FACTS,
    lookup: Lookup | None = None,
    expects_order: bool = False,
) -> Slots:
    """The slots of ``text``.

    ``history`` holds the conversation's earlier shopper turns, oldest first; ``orders``
    the shopper's own orders (any order: they are sorted by ``created_at`` here);
    ``previous`` the slots of the previous turn; ``facts`` the store's catalogue and id
    shapes; ``lookup`` finds orders by reference beyond ``orders``; ``expects_order``:
    the bot has just asked which order. ``language`` is a
    hint only: both languages' patterns always apply, because shoppers mix them.
    """
    address, address_kind = find_address(text)
    email, phone = find_email(text), find_phone(text)
    amount = find_amount(text)
    mention = _item_mention(text, history, facts)
    catalogue = facts.catalogue
    slots = Slots(
        address=address, address_kind=address_kind, email=email, phone=phone,
        amount=amount[0] if amount else None, currency=amount[1] if amount else None,
        item_refs=list(mention.surface) if mention else [],
        item_products=sorted(mention.candidates()) if mention else [],
        refers_to_other_order=cues.refers_to_other_order(
            text, names_item=bool(mention and mention.products),
            in_order_talk=previous is not None and previous.order_id is not None),
        refers_to_last_order=cues.refers_to_last_order(text),
        nth_order=cues.nth_order(text),
        affirmation=cues.find_affirmation(text),
        quantity=find_quantity(text, catalogue),
        return_reason=find_return_reason(text), unopened=says_unopened(text),
    )
    mentions = find_mentions(text, orders=orders, shapes=facts.order_ids, lookup=lookup,
                             masked=[m for m in (address, email, phone) if m]
                             + unit_numbers(text),
                             expected=expects_order or asks_where(text))
    named = [m.order_id for m in mentions if m.order_id]
    slots.names_refund = any(m.via == "refund" for m in mentions)
    needs_order = (spec(intent or "").about_order or cues.talks_about_order(text)
                   or bool(mention and mention.products) or asks_where(text))
    found = _resolve_order(slots, mention, named, history=history, orders=orders,
                           previous=previous, needs_order=needs_order, facts=facts,
                           expects_order=expects_order)
    window = placed_within(text, utcnow().date()) if len(found.candidates) > 1 else None
    placed = placed_in(window, found.candidates, orders) if window else []
    if len(placed) == 1:  # "the mat I bought last month", of two orders with a mat
        found = _Resolution(order_id=placed[0], source="item_reference")
    slots.order_id, slots.order_source = found.order_id, found.source
    slots.order_candidates = found.candidates
    unknown = [m.written for m in mentions if m.order_id is None]
    if unknown and not named:
        slots.order_mention = unknown[0]
        slots.order_id, slots.order_source, slots.order_candidates = None, None, []
    return slots


# "just the light, I'm keeping the bar tape": what follows "keep" is not meant
_KEEP_RE = re.compile(r"\b(?:i'?(?:m|ll|d)?\s+)?keep(?:ing)?\b[^.;!?。；！？]*|保留[^，,。；！？]*"
                      r"|留着[^，,。；！？]*|(?<!想)不退[^，,。；！？]*", re.IGNORECASE)


def _without_kept(text: str) -> str:
    return _KEEP_RE.sub(" ", text)


def _item_mention(text: str, history: Sequence[str], facts: StoreFacts) -> ItemMention | None:
    """The items the message names; a correction names the one it means ("sorry, I meant
    the air fryer, the fan can wait": the air fryer)."""
    before = history[-1] if history else None
    meant = cues.corrected_part(text)
    if meant:
        mention = facts.catalogue.find_after(meant, before)
        if mention is not None and mention.products:
            return mention
    return facts.catalogue.find_after(_without_kept(text), before)


def missing_slots(intent: str, slots: Slots) -> list[str]:
    """The slots ``intent`` needs that ``slots`` lacks, in a fixed order. A home or work
    address reference counts as an address for an order's shipping address (the pipeline
    fills in the customer's address), but not for the default address itself."""
    missing: list[str] = []
    for name in spec(intent).required:
        if name == "order_id" and not slots.order_id and not slots.order_mention:
            missing.append(name)
        elif name == "address" and not slots.address:
            by_kind = intent == "change_shipping_address" and slots.address_kind in ("home", "work")
            if not by_kind:
                missing.append(name)
        elif name == "items" and not slots.item_products:
            missing.append(name)
    return missing
