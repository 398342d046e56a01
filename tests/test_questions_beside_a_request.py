"""A question put beside a request or after a turn of topic ("While that's pending: which
spare-parts kit fits the E5?"), the shipping of what stays in an order ("is the bike still
29 to ship?"), an item put into another order beside a warranty claim, this order's invoice
asked for beside the warranty ("这单当时没要发票，现在还能补开一张吗？") or made out anew, the
model of another's named order looked up, and an order showing in the account (no money)."""

from __future__ import annotations

import pytest

from app.assist import dialogue
from app.understanding import dialogue_cues as cue
from app.understanding.invoice_cues import asks_for_an_invoice
from app.understanding.slots import Slots
from app.understanding.social import new_topic
from tests.test_dialogue_misreadings import reading


@pytest.mark.parametrize(("text", "question"), [
    ("While that's pending: which spare-parts kit fits the E5? I might as well order one now.",
     "which spare-parts kit fits the E5? I might as well order one now."),
    ("ok, thank you. While that's being looked at: do you keep the key codes on file?",
     "do you keep the key codes on file?"),
    ("while it's pending can I still change the address to 5 Hill Road, Leeds LS1 1AA?", None),
])
def test_a_question_after_while_that_is_pending(text: str, question: str | None) -> None:
    assert new_topic(text) == question


@pytest.mark.parametrize(("text", "shipping"), [
    ("and on its own, is the bike still 29 to ship or does that go down without the helmet?",
     True),
    ("I have 2 to send back", False),
])
def test_the_shipping_of_what_stays(text: str, shipping: bool) -> None:
    assert bool(cue.asks_shipping_options(text)) is shipping


@pytest.mark.parametrize(("text", "intent"), [
    ("which spare-parts kit fits the E5? I might as well order one now.", "product_question"),
    ("哪款刷头适用T6", "product_question"),
    ("which kit fits the E5? can you swap the one in my order for it?", "change_order"),
])
def test_what_fits_is_asked_of_the_item(text: str, intent: str) -> None:
    r = reading(text, "change_order", slots=Slots(order_id="4918", order_source="item_reference",
                                                  item_products=["ACC5101"]))
    dialogue.read(r)
    assert r.u.intent == intent


def test_an_item_put_into_an_order_beside_a_warranty_claim() -> None:
    r = reading("ok, warranty then. to save you a parcel: could you just drop the replacement "
                "holster into SO-88012 with my panniers?", "product_question",
                previous="get_refund", slots=Slots(order_mention="SO-88012",
                                                   item_products=["LK-HOL"]))
    dialogue.read(r)
    assert r.u.intent == "change_order"


@pytest.mark.parametrize(("text", "intent"), [
    ("好，那就走保修。这单当时没要发票，现在还能补开一张吗？申请保修时用得上", "get_invoice"),
    ("下单多久以内还能补开发票？", "check_invoice"),
])
def test_this_orders_invoice_asked_beside_the_warranty(text: str, intent: str) -> None:
    r = reading(text, "get_invoice", previous="get_refund",
                slots=Slots(order_id="SO-1", order_source="previous"))
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "money"), [
    ("Once it's sent, roughly when will it appear on his card?", True),
    ("I checked out as a guest so the order isn't showing in my account", False),
])
def test_showing_in_an_account_is_no_money(text: str, money: bool) -> None:
    assert bool(cue.asks_money_back(text)) is money


def test_which_model_of_another_named_order_is_looked_up() -> None:
    r = reading("He forwarded me his order number, SO-69903, so I could check which model it is",
                "track_order", slots=Slots(order_mention="SO-69903", item_products=["SD"]))
    dialogue.read(r)
    assert r.u.intent == "track_order"


def test_an_invoice_made_out_anew_is_asked_for() -> None:
    assert asks_for_an_invoice("说找客服能把发票改开成我的名字 麻烦帮我改一下")
    assert not asks_for_an_invoice("发票上写的是公司名字")
