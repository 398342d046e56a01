"""Questions put in passing words: the shopper's own parcel ("is my parcel going to arrive
this week?", "how far has DHL got with it?"), which parcel to be asked when several are on
their way, a week said of the delivery picking no order by its date; the seller or the
courier's charge named, no courier asked; nobody in when it comes (how it is handed over);
delivery asked of a purchase to come; the price of one more of the product talked about."""

from __future__ import annotations

import pytest

from app.assist import dialogue
from app.understanding import dialogue_cues as cue
from app.understanding.slots import Slots
from tests.test_dialogue_misreadings import reading


@pytest.mark.parametrize(("text", "asks"), [
    ("Hi, is my parcel going to arrive this week? I'm away from Thursday", True),
    ("my own light set then, how far has DHL got with it?", True),
    ("will my order come before friday?", True),
    ("Sorry for the back and forth! So when's it likely to be dispatched, roughly?", True),
    ("mine's the white helmet - GLS still has it, or is it nearly with me?", True),
    ("and has the lock itself gone out the door yet, or is it still on a shelf?", True),
    ("家里没人 给我个单号我自己联系快递", True),
    ("will my order come with a receipt?", False),
    ("how far is it to your shop from the station?", False),
])
def test_where_it_is_asked(text: str, asks: bool) -> None:
    assert bool(cue.asks_where(text)) is asks


def test_my_parcel_with_no_order_named_is_its_tracking() -> None:
    r = reading("Hi, is my parcel going to arrive this week? I'm away from Thursday",
                "delivery_period", slots=Slots(refers_to_parcel=True))
    dialogue.read(r)
    assert r.u.intent == "track_order"
    # the shop's delivery times, asked of no parcel of theirs
    r = reading("how long does delivery to Germany take?", "delivery_period")
    dialogue.read(r)
    assert r.u.intent == "delivery_period"


@pytest.mark.parametrize(("text", "asks"), [
    ("The door zip on my tent (Amazon order, shipped by you lot) has split. Can I have a "
     "refund on it?", False),
    ("was it shipped by DHL or by DPD?", True),
    # what the courier costs, not which one
    ("I'm guessing a courier charge comes off that one - how much?", False),
    ("which courier has it?", True)])
def test_the_seller_named_is_no_courier_asked(text: str, asks: bool) -> None:
    assert bool(cue.asks_courier(text)) is asks


def test_delivery_asked_of_a_purchase_to_come() -> None:
    """"It would be my first purchase, is delivery charged on that?": the shop's delivery
    terms, of no order of theirs."""
    r = reading("Ok good. It would be my first purchase with you, just the cooker at S$133.90 "
                "- is delivery charged on that?", "track_order", previous="product_question")
    dialogue.read(r)
    assert r.u.intent == "delivery_options"


@pytest.mark.parametrize(("text", "handover"), [
    ("and if it turns up while we're gone and no one answers the door, what does royal mail "
     "do with it?", True),
    ("如果家里没人 快递会怎么处理", True),
    ("no one answers your phone line", False)])
def test_nobody_in_asks_how_it_is_handed_over(text: str, handover: bool) -> None:
    assert bool(cue.asks_handover(text)) is handover


@pytest.mark.parametrize(("text", "read"), [
    ("Yeah, thought as much 😂 what does a new one cost?", "product_question"),
    ("Yeah, thought as much. Thanks anyway", "other")])
def test_the_price_of_one_more_after_a_product_question(text: str, read: str) -> None:
    r = reading(text, "other", previous="product_question")
    dialogue.read(r)
    assert r.u.intent == read


@pytest.mark.parametrize(("text", "read"), [
    ("meh, not cancelling a 253 euro order over a strap. has SO-1 at least left your "
     "warehouse?", "track_order"),
    ("please cancel it, I'm not waiting any longer", "cancel_order")])
def test_a_cancellation_said_not_to_be_wanted(text: str, read: str) -> None:
    r = reading(text, "cancel_order", previous="change_order",
                slots=Slots(order_id="9", order_source="previous"))
    dialogue.read(r)
    assert r.u.intent == read
