"""A change of an order's items asked with the order named apart ("Q-6100: can you take
out the pump?"), its shipping asked while it waits ("with only the cage is the shipping
still free?"), and a "no" that gives it up with a plan of the shopper's own ("no, leave
it as it was, I'll give the spare one to my brother"): proposed, answered from the
shop's shipping terms, then withdrawn, nothing changed. Beside it: when an order leaves
the shop, asked of the order just talked about at more length; an ok on how an invoice
comes ("收到，发票发我邮箱就行，谢谢啦") that asks for no second one; its battery asked
of an item, which no refund policy answers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from app.assist import dialogue
from app.assist.dialogue.questions import KB_ANSWERS
from app.models import OrderItem
from tests.api_helpers import Api
from tests.shop_k1 import STORE, iso, say, shop
from tests.test_dialogue_misreadings import reading

WAITING = {"id": "Q-6100", "customer_id": "K1", "status": "pending", "total": 80.0,
           "created_at": iso(1),
           "items": [{"product_id": "CG", "name": "Bottle Cage", "qty": 1, "price": 30.0},
                     {"product_id": "PM", "name": "Track Pump", "qty": 1, "price": 50.0}]}


@pytest.fixture
def api(initialised_template: Path, tmp_path: Path) -> Iterator[Api]:
    store = {**STORE, "products": [
        *STORE["products"],
        {"id": "CG", "name": "Bottle Cage", "price": 30.0, "attributes": {"aliases": ["cage"]}},
        {"id": "PM", "name": "Track Pump", "price": 50.0, "attributes": {"aliases": ["pump"]}}],
        "orders": [*STORE["orders"], WAITING]}
    with shop(initialised_template, tmp_path, store) as client:
        yield client


def _items(api: Api, oid: str) -> list[str]:
    with Session(api.runtime.engine) as session:
        lines = session.exec(select(OrderItem).where(col(OrderItem.order_id) == oid)).all()
        return sorted(line.product_id or "" for line in lines)


def test_a_change_asked_about_then_given_up(api: Api) -> None:
    asked = say(api, "c", "Hi, Q-6100: can you take out the track pump? Turns out I already "
                          "own one. The cage stays")
    assert asked.intent == "change_order", asked.reply
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    policy = json.loads((api.runtime.settings.home / "policy.json").read_text("utf-8"))
    standard = policy["shipping_options"][0]
    shipping = say(api, "c", "wait, with only the cage is the shipping still free?")
    assert shipping.intent == "delivery_options", shipping.reply
    assert f"{standard['fee']:.2f}" in shipping.reply and f"{standard['free_over']:.2f}" in (
        shipping.reply)
    given_up = say(api, "c", "no then leave it as it was, I'll give the spare one to my brother")
    assert given_up.intent == "change_order", given_up.reply
    assert given_up.action is None or given_up.action.status != "executed"
    assert "Q-6100" in given_up.reply
    assert _items(api, "Q-6100") == ["CG", "PM"]


def test_when_it_leaves_the_shop_asked_of_the_order_talked_about(api: Api) -> None:
    say(api, "l", "where is order Q-6100?")
    asked = say(api, "l", "nice one. roughly when will it actually leave you?")
    assert asked.intent == "track_order", asked.reply
    assert "Q-6100" in asked.reply


def test_an_ok_on_how_the_invoice_comes_asks_for_no_other(api: Api) -> None:
    first = say(api, "i", "麻烦给 Q-5101 开个发票，抬头：杭州青山科技有限公司，"
                          "税号 91330106MA2GXXXXXX")
    assert first.intent == "get_invoice", first.reply
    done = say(api, "i", "收到，发票发我邮箱就行，谢谢啦")
    assert done.intent == "other", done.reply
    assert done.action is None


@pytest.mark.parametrize(("text", "read_as", "intent"), [
    ("and after a day at the beach how long does it take to charge back up?",
     "check_refund_policy", "product_question"),
    ("充满电要多久", "check_cancellation_fee", "product_question"),
    # money, not a battery: the classifier's
    ("how long does a refund take to come back to my card?", "check_refund_policy",
     "check_refund_policy"),
])
def test_its_battery_asked_after_a_question_about_it(text: str, read_as: str,
                                                     intent: str) -> None:
    r = reading(text, read_as, previous="product_question", kb_score=KB_ANSWERS + 0.1)
    dialogue.read(r)
    assert r.u.intent == intent


def test_a_new_address_instead_of_the_cancellation(api: Api) -> None:
    asked = say(api, "n", "can u cancel order Q-5101 pls, we're moving")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    instead = say(api, "n", "wait actually scrap that, don't cancel - just send it to the new "
                            "flat instead? Flat 3, 22 Ropewalk Lane, Bristol BS1 6RT")
    assert instead.intent == "change_shipping_address", instead.reply
    assert instead.action is not None and instead.action.status == "needs_confirmation"
    done = say(api, "n", "Danke. Yes, that's the one")
    assert done.action is not None and done.action.name == "change_shipping_address"
    assert done.action.status == "executed"
    assert "22 Ropewalk Lane" in done.reply


def test_the_same_request_asked_of_another_order_past_a_shop_question(api: Api) -> None:
    first = say(api, "p", "where's the kettle order?")
    assert first.intent == "track_order" and "Q-5101" in first.reply
    say(api, "p", "do you deliver on saturdays?")
    other = say(api, "p", "hm ok. and the one with the blender in it?")
    assert other.intent == "track_order", other.reply
    assert "Q-5102" in other.reply


def test_a_request_said_with_too_is_its_own(api: Api) -> None:
    say(api, "t", "破壁机那单到哪了")
    cancel = say(api, "t", "水壶那单也一起取消了吧")
    assert cancel.intent == "cancel_order", cancel.reply
    assert cancel.action is not None and cancel.action.params.get("order_id") == "Q-5101"


def test_the_right_number_given_after_a_wrong_one(api: Api) -> None:
    wrong = say(api, "w", "Please cancel order Q-9999, I found it cheaper elsewhere")
    assert wrong.action is None or wrong.action.status != "executed"
    right = say(api, "w", "sorry my bad, it's Q-5102. the blender")
    assert right.intent == "cancel_order", right.reply
    assert right.action is not None and right.action.status == "needs_confirmation"


def test_a_parcel_posted_back_asked_after(api: Api) -> None:
    asked = say(api, "b", "I posted the toaster back to you, has it landed yet??")
    assert asked.intent == "track_refund", asked.reply
