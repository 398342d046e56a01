"""Changes asked of an order in passing ("can you take the Trailmate out and ship just the
mount?", "往里面再加两双袜子") and a return supposed of an order just named ("if he sends it
back unused, how long has he got?"), and a change refused that the shopper will make with
the courier ("把运单号发我 我自己去改地址"): what each asks."""

from __future__ import annotations

import pytest

from app.assist import dialogue
from app.understanding.item_changes import adds_to_order, takes_out_of_order
from app.understanding.slots import Slots
from tests.test_dialogue_misreadings import reading


@pytest.mark.parametrize(("text", "adds", "takes"), [
    ("Bonjour, could you put one pair of grey summer gloves (size M) into SO-88157 too?", True,
     False),
    ("can you add a bag of the freeze dried chicken treats to the lamb dog food order?", True,
     False),
    ("Could you take one of the two bags off though?", False, True),
    ("So from SO-87961 I'd only want the mount now. Can you take the Trailmate out and ship "
     "just the mount?", False, True),
    ("can you take the lid out? it's stuck", False, False),
    ("I don't need the sleeping bag in SO-87655 anymore. Can you take it out and just send "
     "me the mat?", False, True),
    ("can you take it out and check it's working?", False, False),
])
def test_put_in_or_taken_off(text: str, adds: bool, takes: bool) -> None:
    assert bool(adds_to_order(text)) is adds
    assert bool(takes_out_of_order(text)) is takes


def test_a_return_supposed_of_a_named_order_asks_the_terms() -> None:
    """"If he sends it back unused, how long has he got?" right after another account's
    order was named: how returns work, not where that order is."""
    r = reading("Fair enough, it's his account. If he sends it back unused, how long has he "
                "got and what does it cost him?", "track_order", previous="track_order",
                slots=Slots(order_mention="MW-26-005150"))
    dialogue.read(r)
    assert r.u.intent == "check_refund_policy"


def test_an_item_swapped_on_an_unpaid_order_is_no_payment_question() -> None:
    text = "天猫那单帐篷还没付款，朋友说她的帐篷可以借我，我想把帐篷换成你们那款羽绒睡袋，可以吗"
    r = reading(text, "check_payment_methods", slots=Slots(
        order_id="SO-1", order_source="item_reference", item_products=["TENT"],
        item_refs=["帐篷"]))
    dialogue.read(r)
    assert r.u.intent == "change_order"


@pytest.mark.parametrize(("text", "read"), [
    # the change refused, left to the courier by the shopper: the number asked for
    ("那你把运单号发我 我自己去京东App里试试改地址", "track_order"),
    ("Fine, just send me the tracking number and I'll change the address with DHL myself",
     "track_order"),
    # "myself" of no change made with the courier: still the change asked
    ("can you change the address? I'll be away myself", "change_shipping_address"),
])
def test_a_change_left_to_the_courier_asks_the_tracking(text: str, read: str) -> None:
    r = reading(text, "change_shipping_address", previous="change_shipping_address",
                slots=Slots(order_id="9", order_source="previous"))
    dialogue.read(r)
    assert r.u.intent == read


def test_where_the_next_orders_go_is_the_accounts_address() -> None:
    """Asked right after an order's change was refused: where the orders to come go."""
    r = reading("fair. and where do I put the Basel address so the next orders don't go to "
                "Rotterdam again?", "change_shipping_address",
                previous="change_shipping_address", slots=Slots(order_id="9",
                                                                order_source="previous"))
    dialogue.read(r)
    assert r.u.intent == "set_up_shipping_address"


@pytest.mark.parametrize(("text", "read"), [
    ("Great. Can you do the same for the air fryer?", "change_shipping_address"),
    # a question of its own about the item, not the request again
    ("Great. Can you tell me how loud the air fryer is?", "product_question")])
def test_the_same_done_for_another_order(text: str, read: str) -> None:
    r = reading(text, "product_question", previous="change_shipping_address",
                slots=Slots(order_id="4905", order_source="item_reference",
                            item_products=["AF-1"], item_refs=["air fryer"]))
    dialogue.read(r)
    assert r.u.intent == read
