"""What is already known, applied to the turn before it acts: what the shopper said
earlier about the same request, and which request the shopper's orders leave possible."""

from __future__ import annotations

from app.assist.turn import Turn
from app.intents import spec
from app.models._common import FINISHED_ORDER_STATUSES
from app.store.connector import ItemSnapshot, OrderSnapshot
from app.understanding import dialogue_cues as cue
from app.understanding.item_changes import NewLine, amendment, new_contents
from app.understanding.postcodes import lacks_the_postcode
from app.understanding.slot_addresses import is_a_block
from app.understanding.slots import item_mention


def facts_in_hand(turn: Turn) -> None:
    """What the shopper said earlier about the same thing still holds: why the item comes
    back ("it arrived broken") for the return they then narrow or confirm; the new
    address for the order they meant instead ("sorry, wrong number: the tyre order")."""
    slots, state = turn.u.slots, turn.state
    pointed = turn.u.carried or cue.same_address(turn.text)
    addressed = state.intent in ("change_shipping_address", "set_up_shipping_address")
    if (turn.intent == "change_shipping_address" and addressed and pointed
            and slots.address is None and state.slots.address):
        slots.address = state.slots.address
    said_of = state.return_reason_order
    same_item = slots.order_id is None or said_of is None or slots.order_id == said_of
    if slots.return_reason is None and state.return_reason is not None and same_item and (
            turn.u.carried or turn.intent in ("get_refund", "check_refund_policy")):
        slots.return_reason = state.return_reason
    _for_the_account(turn)
    _new_contents(turn)
    _address_in_full(turn)


def _address_in_full(turn: Turn) -> None:
    """A new address as far as the shopper wrote it, measured against those on record:
    the start of one the shopper already has ("back to my own address, Avenue Louise
    231") is that address whole; a street and town with no postcode, where the order's
    address carries one ("27 Glenfield Road, Paisley"), is still to be finished."""
    s = turn.u.slots
    if turn.intent != "change_shipping_address" or s.address_kind != "explicit" or not s.address:
        return
    if is_a_block(s.address):
        return  # a block's address has its own measure: a unit or a postcode
    known = [turn.customer.default_address, *(o.shipping_address for o in turn.orders)]
    start = s.address.rstrip(" ,.").casefold()
    whole = next((a for a in known if a and a.casefold().startswith(start + ",")), None)
    if whole is not None:
        s.address = whole
        return
    # the message from where the address starts: a postcode the reading cut off
    # ("10 Anson Road, #21-05 International Plaza, Singapore 079903") still counts
    at = turn.text.find(s.address)
    written = turn.text[at:] if at >= 0 else s.address
    order = turn.order_in_hand()
    if order is not None and lacks_the_postcode(written, order.shipping_address):
        s.address_kind = "partial"


def _new_contents(turn: Turn) -> None:
    """A change of items the message settles, against the order's present contents and
    the catalogue: "头盔颜色换成黑色的" is the order with the black helmet instead."""
    order = turn.order_in_hand()
    if "items" not in spec(turn.intent).required or order is None:
        return
    s = turn.u.slots
    text = turn.text
    if turn.state.write_waiting("change_order") and turn.intent == "change_order":
        # "头灯先不要了 改成再加一副登山杖吧": the order's contents as put otherwise
        text = amendment(text) or text
    # the items meant, as slot filling reads them: a correction's, not those kept
    mention = item_mention(text, (), turn.facts)
    found = new_contents(text, order, turn.facts.catalogue, mention, s.quantity)
    proposed = turn.state.slots.new_items if turn.state.write_waiting("change_order") else []
    if not found and proposed and turn.intent == "change_order":
        # "再改一下，车架包要两个": the change proposed, changed again before the yes
        found = new_contents(text, _as_proposed(order, proposed), turn.facts.catalogue,
                             mention, s.quantity)
    if not found and not s.item_products and turn.u.carried and proposed:
        found = list(proposed)  # "how much after the swap?": the same change
    s.new_items = found or []


def _as_proposed(order: OrderSnapshot, proposed: list[NewLine]) -> OrderSnapshot:
    """The order as the change waiting for the yes would leave it."""
    held = {item.product_id: item for item in order.items}
    items = []
    for at, line in enumerate(proposed):
        known = held.get(line.product_id)
        items.append(ItemSnapshot(line=at + 1, product_id=line.product_id, qty=line.qty,
                                  name=known.name if known else "",
                                  price=known.price if known else 0.0))
    return order.model_copy(update={"items": items})


def _for_the_account(turn: Turn) -> None:
    """"I'd like to change my delivery address" with no order named and none still on its
    way to the shopper (all delivered, cancelled or returned, or none at all): the address
    the account keeps for the next orders, not a choice among orders that would all be
    refused. An order still on its way keeps the question (its courier may redirect it)."""
    s = turn.u.slots
    if turn.intent != "change_shipping_address" or s.order_id or s.order_mention:
        return
    if any(o.status not in FINISHED_ORDER_STATUSES for o in turn.orders):
        return
    turn.intent, turn.for_the_account = "set_up_shipping_address", True
