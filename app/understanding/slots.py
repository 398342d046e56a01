"""Slot filling (DESIGN.md step 1, "understand"): what one shopper message says about
orders, items, addresses, contact details, amounts, quantities and return reasons,
resolved against the shopper's own orders and the store's catalogue, which the caller
passes in as data.

Resolution never guesses: a reference that fits several orders stays ambiguous
(``order_candidates``, newest first, and no ``order_id``); an order number we cannot
find among the shopper's orders is kept as ``order_mention`` so the reply can say so.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence

from pydantic import BaseModel, Field

from app.intents import spec
from app.policy import ReturnReason
from app.store.catalogue import ItemMention
from app.store.connector import OrderSnapshot
from app.store.id_shapes import normalise
from app.store.store_facts import EMPTY_FACTS, StoreFacts
from app.understanding import slot_cues as cues
from app.understanding.address_amend import corrected_in_place
from app.understanding.closings import closes_with_a_remark
from app.understanding.delivery_details import with_details_said
from app.understanding.dialogue_cues import asks_where
from app.understanding.first_named import begun_with
from app.understanding.item_changes import NewLine
from app.understanding.kept_items import kept_clause, less_the_kept, without_kept
from app.understanding.order_excluded import not_the_one
from app.understanding.order_resolution import (
    OrderSource,
    Resolution,
    by_date,
    order_of_item,
    resolve_order,
)
from app.understanding.order_total import by_total
from app.understanding.references import Lookup, Mention, find_mentions
from app.understanding.return_reasons import find_return_reason, says_unopened
from app.understanding.several_orders import several_orders
from app.understanding.slot_addresses import AddressKind, find_address, unit_numbers
from app.understanding.slot_patterns import (
    find_amount,
    find_email,
    find_part_count,
    find_phone,
    find_quantity,
)
from app.understanding.text import questions_asked


class Slots(BaseModel):
    order_id: str | None = None
    order_source: OrderSource | None = None
    order_candidates: list[str] = Field(default_factory=list)
    # "cancel both": every order meant (order_id is the first of them)
    order_ids: list[str] = Field(default_factory=list)
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
    refers_to_this_order: bool = False  # "this order", "这个订单"
    refers_to_coming: bool = False  # "还有一单在路上": an order still on its way
    refers_to_unpaid: bool = False  # "还没付款那单": the order not paid for yet
    refers_to_parcel: bool = False  # "where's my parcel?": the one under way
    nth_order: int | None = None  # "the first one": its place among the orders named
    affirmation: cues.Affirmation | None = None
    quantity: int | None = None
    part_count: int | None = None  # "one of the two bags": some of the units bought
    return_reason: ReturnReason | None = None
    unopened: bool = False  # "滤芯没拆", "still sealed"
    # the message names one of the shopper's refunds by its id ("RTN-2607-0502 status?")
    names_refund: bool = False
    # the whole new contents of the order a change of items asks for, when it settles them
    new_items: list[NewLine] = Field(default_factory=list)


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
    address = corrected_in_place(text, address)
    email, phone = find_email(text), find_phone(text)
    amount = find_amount(text)
    mention = item_mention(text, history, facts)
    # "码表那单能加一个码表座吗": the order is the one of the item before "那单"
    of_order = order_of_item(without_kept(text), facts)
    catalogue = facts.catalogue
    slots = Slots(
        # (the address as said is what is masked below; the details said with it go too)
        address=with_details_said(address, text) if address_kind == "explicit" else address,
        address_kind=address_kind, email=email, phone=phone,
        amount=amount[0] if amount else None, currency=amount[1] if amount else None,
        item_refs=list(mention.surface) if mention else [],
        item_products=sorted(mention.candidates()) if mention else [],
        refers_to_other_order=cues.refers_to_other_order(
            text, names_item=bool(mention and mention.products),
            in_order_talk=previous is not None and previous.order_id is not None),
        refers_to_last_order=cues.refers_to_last_order(text),
        refers_to_this_order=cues.refers_to_this_order(text),
        refers_to_coming=cues.refers_to_coming(text),
        refers_to_parcel=cues.refers_to_the_parcel(text, asks_where=bool(asks_where(text))),
        refers_to_unpaid=cues.refers_to_unpaid(text), nth_order=cues.nth_order(text),
        affirmation=cues.find_affirmation(text),
        quantity=find_quantity(text, catalogue), part_count=find_part_count(text),
        return_reason=find_return_reason(text), unopened=says_unopened(text),
    )
    mentions = find_mentions(text, orders=orders, shapes=facts.order_ids, lookup=lookup,
                             masked=[m for m in (address, email, phone) if m]
                             + unit_numbers(text) + cues.labelled_numbers(text)
                             + _model_numbers(text, mention, orders),
                             expected=expects_order or asks_where(text),
                             refund_shapes=facts.refund_ids)
    # "599的那单" answering which order: the order that cost that, not an order number 599
    priced = by_total(text, orders, previous.order_candidates if previous else ())
    if priced and not any(m.order_id for m in mentions):
        mentions = [m for m in mentions if normalise(m.written) != normalise(priced[1])]
    named = begun_with(text, mentions) or [m.order_id for m in mentions if m.order_id]
    slots.names_refund = any(m.via == "refund" for m in mentions)
    needs_order = (spec(intent or "").about_order or cues.talks_about_order(text)
                   or bool(mention and mention.products) or asks_where(text))
    found = resolve_order(slots, of_order or mention, named, history=history, orders=orders,
                           previous=previous, needs_order=needs_order, facts=facts)
    # "send my stuff to the new place": a change of every order still coming ("where's my
    # stuff?" still asks which)
    wants = spec(intent or "")
    coming = wants.on_its_way and wants.writes and cues.refers_to_all_coming(text)
    # "can they go to my brother instead?" after a turn on two orders: both of them
    them = (previous is not None and len(previous.order_ids) > 1 and not named
            and cues.refers_to_them(text))
    several = several_orders(found, previous, orders, named,
                             mention.candidates() if mention else ()) if cues.refers_to_several(
        text) or _joined(text, mentions) or coming or them else []
    if len(several) > 1:  # "cancel both": every one of them, the first in hand
        slots.order_ids = several
        found = Resolution(order_id=several[0], source="item_reference")
    else:
        found = by_date(text, found, orders, named)
        if not named:  # "不是头盔那个，另一个": the order offered that does not hold it
            found = not_the_one(text, found, previous.order_candidates if previous else (),
                                orders, catalogue)
        # what it cost is surer than an item named ("the HK$1,529 one. the kettle I pay myself")
        if priced and not named and (not found.order_id or found.source == "item_reference"):
            found = Resolution(order_id=priced[0], source="item_reference")
    slots.order_id, slots.order_source = found.order_id, found.source
    slots.order_candidates = found.candidates
    unknown = [m.written for m in mentions if m.order_id is None]
    if not unknown and not named and _still_the_unknown(text, slots, previous, found, mention):
        unknown = [previous.order_mention] if previous and previous.order_mention else []
    if unknown and not named:
        slots.order_mention = unknown[0]
        slots.order_id, slots.order_source, slots.order_candidates = None, None, []
    return slots


ANSWER_CHARS = 20
# what joins two order numbers asked of together: "4603 and 4617", "A 和 B", "A、B"
_JOIN_RE = re.compile(r"\s*(?:,|&|and|plus|\+|和|跟|与|及|以及|还有|、|，)\s*", re.IGNORECASE)


def _joined(text: str, mentions: Sequence[Mention]) -> bool:
    """Two of the shopper's own orders named side by side, joined by "and"."""
    own = [m for m in mentions if m.order_id]
    body = unicodedata.normalize("NFKC", text)  # the text the mentions' places are in
    return len({m.order_id for m in own}) > 1 and all(
        _JOIN_RE.fullmatch(body[a.start + len(a.written):b.start])
        for a, b in itertools.pairwise(own))


def _still_the_unknown(text: str, slots: Slots, previous: Slots | None, found: Resolution,
                       mention: ItemMention | None) -> bool:
    """"This order" / "can you at least say if it's been delivered?" after a number we
    could not find: still that number (not the shopper's only order, not "which one?"),
    unless the message picks another ("yes, the first one", an item of theirs)."""
    if previous is None or not previous.order_mention or found.order_id:
        return False
    if closes_with_a_remark(text):
        return False  # "just realised my partner ordered it on his account 🙈 sorry!"
    # "yes, that one" answers "is it one of these?" (a "是" inside a longer message does not)
    answers = slots.affirmation is not None and len(text.strip()) <= ANSWER_CHARS
    # an item of their own orders picks among those (a brand word of no order does not)
    theirs = bool(found.candidates) and mention is not None and bool(mention.products)
    if answers or slots.nth_order is not None or theirs:
        return False
    return slots.refers_to_this_order or cues.refers_to_it(text)


RECENT_ITEMS = 3


def item_mention(text: str, history: Sequence[str], facts: StoreFacts) -> ItemMention | None:
    """The items the message names; a correction names the one it means ("sorry, I meant
    the air fryer, the fan can wait": the air fryer)."""
    # the last of the shopper's recent messages that named an item: "L号的那款呢" two turns
    # after "灰色甜甜圈窝的外套…"
    before = next((m for m in reversed(history[-RECENT_ITEMS:])
                   if facts.catalogue.find(m) is not None), history[-1] if history else None)
    text = facts.without_shop_name(text)
    # the clause that says which item is meant: a correction's, else a return's ("the
    # kettle and the descaler came together ... I only want to return the kettle"), else
    # the question of where one is ("Where is my T9 right now? Before Kerry 'delivers' it
    # the way they delivered my fan")
    asked = questions_asked(text)
    where = asked if asked != text and asks_where(asked) else None
    for meant in (cues.corrected_part(text), cues.corrected_sentence(text),
                  cues.returned_part(text), where):
        if meant and without_kept(meant).strip():
            mention = facts.catalogue.find_after(without_kept(meant), before)
            if mention is not None and mention.products:
                return mention
    found = less_the_kept(facts.catalogue.find_after(without_kept(text), before), text,
                          facts.catalogue)
    kept_said = kept_clause(text)
    after = text[kept_said.end():] if kept_said else ""
    if (found is None or not found.products) and kept_said and (
            cues.refers_to_it(after) or asks_where(after)):
        # "那个绿色的水壶还要的哈 它啥时候能发出来", "加湿器那单我自己留着用 估计哪天能出库": the
        # item kept is the one asked about after it (not in "ok cancel it, but leave the
        # jacket order alone")
        kept = facts.catalogue.find_after(text, before)
        return kept if kept is not None and kept.products else found
    return found


def missing_slots(intent: str, slots: Slots) -> list[str]:
    """The slots ``intent`` needs that ``slots`` lacks, in a fixed order. A home or work
    address reference counts as an address for an order's shipping address (the pipeline
    fills in the customer's address), but not for the default address itself."""
    missing: list[str] = []
    for name in spec(intent).required:
        if name == "order_id" and not slots.order_id and not slots.order_mention:
            missing.append(name)
        elif name == "address" and (not slots.address or slots.address_kind == "partial"):
            by_kind = intent == "change_shipping_address" and slots.address_kind in ("home", "work")
            if not by_kind:
                missing.append(name)
        elif name == "items" and not slots.new_items:
            missing.append(name)
    return missing


def _model_numbers(text: str, mention: ItemMention | None,
                   orders: Sequence[OrderSnapshot]) -> list[str]:
    """The numbers of the store's product names the message says ("3200够用吗" of an
    "AirPure 3200"): a product, not an order, unless one of the shopper's orders is so
    numbered; only where the number stands alone (never a piece of a longer id)."""
    if mention is None:
        return []
    own = {normalise(o.id) for o in orders}
    return [w for w in mention.surface if re.search(r"\d", w) and normalise(w) not in own
            and not re.search(rf"[0-9A-Za-z]{re.escape(w)}|{re.escape(w)}[0-9A-Za-z]", text)]
