"""Slot filling (DESIGN.md step 1, "understand"): what one shopper message says about
orders, addresses, contact details, amounts and quantities, resolved against the
shopper's own orders, which the caller passes in as data.

Resolution never guesses: a reference that fits several orders stays ambiguous
(``order_candidates``, newest first, and no ``order_id``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, Field

from app.store.connector import OrderSnapshot
from app.understanding import slot_cues as cues
from app.understanding.slot_addresses import AddressKind, find_address
from app.understanding.slot_items import find_colours, find_item_words, item_matches
from app.understanding.slot_patterns import (
    find_amount,
    find_email,
    find_order_ids,
    find_phone,
    find_quantity,
)

OrderSource = Literal["message", "history", "item_reference", "only_order", "previous"]

# how many of the latest history turns may lend an order id to a message that names none
HISTORY_TURNS = 6

REQUIRED_SLOTS: dict[str, tuple[str, ...]] = {
    # track_order and track_refund also run without an order (the shopper's recent ones),
    # but an order is what a shopper asking "where is it" means, so it is asked for
    "track_order": ("order_id",),
    "cancel_order": ("order_id",),
    "change_order": ("order_id",),
    "get_invoice": ("order_id",),
    "check_invoice": ("order_id",),
    "get_refund": ("order_id",),
    "track_refund": (),
    "change_shipping_address": ("order_id", "address"),
    "set_up_shipping_address": ("address",),
}


class Slots(BaseModel):
    order_id: str | None = None
    order_source: OrderSource | None = None
    order_candidates: list[str] = Field(default_factory=list)
    address: str | None = None
    address_kind: AddressKind | None = None
    email: str | None = None
    phone: str | None = None
    amount: float | None = None
    currency: str | None = None
    item_refs: list[str] = Field(default_factory=list)
    refers_to_other_order: bool = False
    refers_to_last_order: bool = False
    affirmation: cues.Affirmation | None = None
    quantity: int | None = None


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


def _matching_orders(text: str, orders: list[OrderSnapshot]) -> list[OrderSnapshot]:
    """Orders with an item the message names; a colour narrows the match only when
    some item has it ("the blue mug" still finds the shopper's one black mug)."""
    concepts = frozenset(c for _, found in find_item_words(text) for c in found)
    if not concepts:
        return []
    colours = find_colours(text)
    by_kind = [o for o in orders if any(item_matches(i.name, concepts, frozenset())
                                        for i in o.items)]
    by_colour = [o for o in by_kind if any(item_matches(i.name, concepts, colours)
                                           for i in o.items)]
    return by_colour if colours and by_colour else by_kind


def _current_order(previous: Slots | None, history_ids: list[str]) -> str | None:
    if previous is not None and previous.order_id:
        return previous.order_id
    return history_ids[0] if len(history_ids) == 1 else None


def _by_items(text: str, newest: list[OrderSnapshot], slots: Slots,
              current: str | None) -> _Resolution:
    matches = [o.id for o in _matching_orders(text, newest)]
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


def _history_ids(history: Sequence[str], known: frozenset[str]) -> list[str]:
    for turn in reversed(history[-HISTORY_TURNS:]):
        ids = find_order_ids(turn, known)
        if ids:
            return ids
    return []


def _narrow_previous_candidates(text: str, previous: Slots | None,
                                orders: list[OrderSnapshot]) -> _Resolution:
    # "the blue one" after "which order: A10031 or A10023?" picks among those two only
    if previous is None or previous.order_id or not previous.order_candidates:
        return _Resolution()
    pending = [o for o in orders if o.id in previous.order_candidates]
    concepts = frozenset(c for _, found in find_item_words(text) for c in found)
    colours = find_colours(text)
    fits = [o.id for o in pending
            if any(item_matches(i.name, concepts, colours) for i in o.items)]
    if len(fits) == 1:
        return _Resolution(order_id=fits[0], source="item_reference")
    return _Resolution(candidates=list(previous.order_candidates))


def _resolve_order(text: str, slots: Slots, *, history: Sequence[str],
                   orders: Sequence[OrderSnapshot], previous: Slots | None,
                   needs_order: bool) -> _Resolution:
    newest = _newest_first(orders)
    known = frozenset(o.id for o in newest)
    named = find_order_ids(text, known)
    if named:
        rank = {o.id: i for i, o in enumerate(newest)}
        return _one_or_many(sorted(named, key=lambda oid: rank.get(oid, len(rank))), "message")
    history_ids = _history_ids(history, known)
    current = _current_order(previous, history_ids)
    by_items = _by_items(text, newest, slots, current) if slots.item_refs else _Resolution()
    # an item none of the orders holds ("a bag instead") is no reference to an order
    if by_items.order_id or by_items.candidates:
        return by_items
    if slots.refers_to_other_order or slots.refers_to_last_order:
        if newest:
            return _by_relative(newest, slots, current)
        return _Resolution()
    narrowed = _narrow_previous_candidates(text, previous, newest)
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
) -> Slots:
    """The slots of ``text``.

    ``history`` holds the conversation's earlier turns, oldest first; ``orders`` the
    shopper's own orders (any order: they are sorted by ``created_at`` here);
    ``previous`` the slots of the previous turn. A message needs an order (for the
    ``only_order`` inference) when ``intent`` requires one or when it has order words
    ("订单", "package", "refund" ...) or product words. ``language`` is a hint
    only: both languages' patterns always apply, because shoppers mix them.
    """
    address, address_kind = find_address(text)
    amount = find_amount(text)
    item_refs = list(dict.fromkeys(word for word, _ in find_item_words(text)))
    slots = Slots(
        address=address,
        address_kind=address_kind,
        email=find_email(text),
        phone=find_phone(text),
        amount=amount[0] if amount else None,
        currency=amount[1] if amount else None,
        item_refs=item_refs,
        refers_to_other_order=cues.refers_to_other_order(text, names_item=bool(item_refs)),
        refers_to_last_order=cues.refers_to_last_order(text),
        affirmation=cues.find_affirmation(text),
        quantity=find_quantity(text),
    )
    needs_order = (
        "order_id" in REQUIRED_SLOTS.get(intent or "", ())
        or cues.talks_about_order(text)
        or bool(item_refs)
    )
    found = _resolve_order(text, slots, history=history, orders=orders, previous=previous,
                           needs_order=needs_order)
    slots.order_id, slots.order_source = found.order_id, found.source
    slots.order_candidates = found.candidates
    return slots


def missing_slots(intent: str, slots: Slots) -> list[str]:
    """The slots ``intent`` needs that ``slots`` lacks, in a fixed order. A home or work
    address reference counts as an address for an order's shipping address (the pipeline
    fills in the customer's address), but not for the default address itself."""
    missing = []
    for name in REQUIRED_SLOTS.get(intent, ()):
        if name == "order_id" and not slots.order_id:
            missing.append(name)
        elif name == "address" and not slots.address:
            by_kind = intent == "change_shipping_address" and slots.address_kind in ("home", "work")
            if not by_kind:
                missing.append(name)
    return missing
