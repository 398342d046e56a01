"""Rules for an address put right: the one just given, or the order's own where the shopper
says which number was wrong; the same change of address either way."""

from __future__ import annotations

from collections.abc import Callable

from app.assist.dialogue.reading import Reading, settle
from app.understanding import dialogue_cues as cue
from app.understanding.address_amend import amended, number_put_right, postcode_added
from app.understanding.address_names import name_put_right
from app.understanding.cue import Cue
from app.understanding.delivery_details import code_put_right, delivery_details, with_details
from app.understanding.slot_addresses import rest_of_address, street_alone

# an address meant for the orders to come, not the one under way
_FOR_LATER = Cue(r"\b(?:future|next|later|upcoming)\s+(?:orders?|purchases?|deliveries)\b"
                 r"|\bfrom\s+now\s+on\b|\bgoing\s+forward\b|以后|今后|下次|往后")


def corrects_the_address(r: Reading) -> bool:
    """"打错了，是西安路86号，不是88", "oh wait, flat 4", "it's Chiu Yin Hall, not Kwan Wai":
    the address just given, put right where the shopper says; the same change of address.
    A part named wrong that the address holds says by itself that this is a correction."""
    return (_given_put_right(r, bool(cue.corrects(r.text) or r.short), amended)
            or _given_put_right(r, True, name_put_right))


def _given_put_right(r: Reading, says_so: bool,
                     fix: Callable[[str, str], str | None]) -> bool:
    """The address given for the change under way, put right by ``fix``."""
    given = r.state.slots.address
    if r.previous != "change_shipping_address" or not given or r.u.slots.address or not says_so:
        return False
    fixed = fix(given, r.text)
    if fixed is None:
        return False
    r.u.slots.address = fixed
    settle(r, "change_shipping_address", carried=True)
    return True


def adds_the_postcode(r: Reading) -> bool:
    """"Oh aye sorry, postcode's PA2 8PE" right after an address given without one: the
    same change of address, with the postcode."""
    return _given_put_right(r, True, postcode_added)


# the code itself named, or a correction said: "the right code is…", "打错了"
_OF_THE_CODE = Cue(r"\bcode\b|密码|门禁")
# another person to take the parcel in, not yet named: "收件人想换成我爸", "can my neighbour
# be the recipient instead?"
_NEW_RECIPIENT = Cue(r"收件人[^，。,.!?！？]{0,4}(?:换|改|写)|\brecipient\b[^.!?]{0,30}\b(?:change"
                     r"|instead|different|someone\s+else)\b|\b(?:change|update)\s+the\s+recipient\b")
# what a shopper asks who wants the order's delivery details changed
_CHANGES = ("change_shipping_address", "change_order")


def corrects_the_code(r: Reading) -> bool:
    """"that was my old flat's code, the right one is 7412B": the door code just added to
    the address put right; the same change of address."""
    return _given_put_right(r, bool(_OF_THE_CODE(r.text) or cue.corrects(r.text)),
                            code_put_right)


def adds_to_the_orders_address(r: Reading) -> bool:
    """"地址不变，收件人写曹建国，电话136…", "add the door code please, it's 4471B": the
    order's address (or the one just proposed for it) with the recipient, phone or door
    code added, not a new address to ask for."""
    carried = r.previous == "change_shipping_address"
    if r.u.slots.address or not (r.u.intent in _CHANGES or carried):
        return False
    details, order = delivery_details(r.text), r.order()
    if details is None and order is not None and _NEW_RECIPIENT(r.text):
        r.u.slots.address_kind = "recipient"  # "收件人想换成我爸": whose name and number, asked
        settle(r, "change_shipping_address", carried=carried)
        return True
    if details is None or order is None or not order.shipping_address:
        return False
    proposed = r.state.slots.address if r.state.slots.order_id == order.id else None
    r.u.slots.address = with_details(proposed if carried and proposed
                                     else order.shipping_address, details)
    settle(r, "change_shipping_address", carried=carried)
    return True


def corrects_the_orders_address(r: Reading) -> bool:
    """"I typed my house number wrong when I ordered, it's Rua da Rosa 86, not 88": the
    order's own address with that number put right, not a new address to ask for. Only
    when the number said wrong stands once in the order's address."""
    order = r.order()
    if r.u.intent != "change_shipping_address" or r.u.slots.address or order is None:
        return False
    fixed = number_put_right(order.shipping_address or "", r.text)
    if fixed is None:
        return False
    r.u.slots.address = fixed
    settle(r, "change_shipping_address")
    return True


def a_new_address_for_it(r: Reading) -> bool:
    """"ok then send it to 1 Raffles Place, Singapore 048616" while an order's change of
    address is under way (proposed, or refused for that address): the same order, to the
    new address. The account's address only when the shopper says so ("save it as my
    default", "for future orders")."""
    if r.previous != "change_shipping_address" or not r.u.slots.address:
        return False
    if r.u.intent != "set_up_shipping_address" or r.names_another_order:
        return False
    if cue.the_accounts_address(r.text) or _FOR_LATER(r.text):
        return False
    settle(r, "change_shipping_address", carried=True)
    return True


def finishes_the_address(r: Reading) -> None:
    """"问到了 369号…1栋2103" after a street with no number, "#07-1452, Singapore 560456"
    after a block with no unit: the address, whole."""
    before = r.state.slots
    if "address" not in r.state.awaiting or r.u.slots.address_kind == "explicit":
        return
    if before.address_kind != "partial":
        named = r.u.slots.address or r.u.slots.order_mention or r.names_order
        street = None if named else street_alone(r.text)
        if street:  # "Kanaalstraat 12": the street first, its town to follow
            r.u.slots.address, r.u.slots.address_kind = street, "partial"
        return
    rest = rest_of_address(r.text)
    if before.address and rest is None:  # "postcode's PA2 8PE" after a street and town
        whole = postcode_added(before.address, r.text)
        if whole is not None:
            r.u.slots.address, r.u.slots.address_kind = whole, "explicit"
        return
    if before.address and rest:
        part, joint = rest
        r.u.slots.address, r.u.slots.address_kind = before.address + joint + part, "explicit"
