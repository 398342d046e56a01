"""Changes asked of an order in words other than the classifier's: its contact, its
address or the account's, the same new address for another order, and its items (put
in, taken out, or the order asked about in a change of what was ordered)."""

from __future__ import annotations

import re

from app.assist.dialogue.reading import Reading, settle
from app.assist.state import CHANGES
from app.understanding import dialogue_cues as cue
from app.understanding.item_changes import adds_to_order, asks_replacement, takes_out_of_order


def contact_for_an_order(r: Reading) -> bool:
    """"Change the phone number on my order to +32 …": a change of the order's contact,
    for a person to make (no address to ask for, no items)."""
    s = r.u.slots
    if not ((s.phone or s.email) and cue.asks_change(r.text) and r.about_an_order) or (
            s.address or r.u.intent not in CHANGES):
        return False
    settle(r, "change_order")
    return True


def the_accounts_address(r: Reading) -> bool:
    """"Can you update the address on my account?", "默认地址改一下": the address the
    account keeps for the next orders, not an order's (unless one is named)."""
    if r.u.intent != "change_shipping_address" or not cue.the_accounts_address(r.text):
        return False
    if r.by_number or r.u.slots.order_source == "item_reference":
        return False
    settle(r, "set_up_shipping_address")
    return True


def to_the_same_address(r: Reading) -> bool:
    """"And the panniers I ordered yesterday, can those go there too?" after a new address
    was given (for an order or the account): that order, to that address."""
    if r.previous not in ("change_shipping_address", "set_up_shipping_address") or not (
            r.state.slots.address and r.names_order and cue.same_address(r.text)):
        return False
    settle(r, "change_shipping_address")
    return True


def address_for_an_order(r: Reading) -> bool:
    """An order and a new address: send it there."""
    if not (r.u.slots.address and r.names_order) or r.u.intent not in (
            "change_order", "set_up_shipping_address", "track_order", "other"):
        return False
    settle(r, "change_shipping_address")
    return True


def adds_to_the_order(r: Reading) -> bool:
    """"My order isn't paid yet right? could you pop a mini pump in with it": something
    not yet in an order of the shopper's put into it, or something of it taken out ("take
    the scarf out of ZX-100"), is a change of that order, whatever else the message asks."""
    s = r.u.slots
    order = r.order()
    if r.u.intent == "change_order" or order is None:
        return False
    held = {line.product_id for line in order.items}
    # (another of an item it holds is put in too: "chuck another Mini filter into that parcel")
    put_in = adds_to_order(r.text) and bool(s.item_products)
    taken_out = takes_out_of_order(r.text) and bool(set(s.item_products) & held)
    if not (put_in or taken_out):
        return False
    settle(r, "change_order")
    return True


# a change into another variant asked as a question: "SO-87472 背带裤能换成L码吗" (not "台灯能
# 改色温吗", a property)
_ASKS_IT_MADE_INTO = re.compile(r"(?:能|可以|能不能|可不可以|帮我|想|要)(?:给我|帮我)?(?:换|改)成")


def changes_what_was_ordered(r: Reading) -> bool:
    """"Can I reduce the panniers to just one? Ordered two by accident": a change asked
    of an item the shopper has on order is a change of that order, not a question about
    how to order."""
    # (what the change costs asked with it reads as a price question: "bump it to 2?
    # what would the total be then?")
    # (an item of it for another product reads as a question about that product: "could
    # you swap the socks in SO-88104 for the grey gloves?")
    misread = r.u.intent == "place_order" or (
        r.u.intent == "promotion_question" and r.u.slots.quantity is not None) or (
        r.u.intent in ("product_question", "other")
        and (asks_replacement(r.text) or _ASKS_IT_MADE_INTO.search(r.text) is not None))
    if not misread or not cue.asks_change(r.text):
        return False
    if not (r.names_order or r.u.slots.order_source == "item_reference"):
        return False
    settle(r, "change_order")
    return True
