"""Slots resolved from the conversation: "my last order", "the other one", the only
order, the order carried from the turn before or named earlier, plain numbers where the
talk calls for an order, addresses, picks from a list. The store and orders are
tests/test_slots.py's."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from app.models._common import OrderStatus
from app.store.connector import OrderSnapshot, RefundSnapshot
from app.store.id_shapes import IdShapes, learn
from app.store.store_facts import StoreFacts
from app.understanding.slots import Slots, extract_slots
from tests.test_slots import CATALOGUE, EN, PAIR, SINGLE, ZH, order, slots

# --- last, other, only, previous, history ----------------------------------------------------

@pytest.mark.parametrize("text, orders, expected", [
    ("where is my last order?", EN, "A10031"),
    ("my most recent order hasn't shipped", EN, "A10031"),
    ("上一单到哪了", ZH, "B20002"),
    ("最近的订单什么时候到", ZH, "B20002"),
    ("刚下的那单帮我取消了吧", ZH, "B20002"),
])
def test_last_order_is_the_newest(text: str, orders: tuple[OrderSnapshot, ...],
                                  expected: str) -> None:
    found = slots(text, orders=orders)
    assert found.refers_to_last_order
    assert (found.order_id, found.order_source) == (expected, "message")


def test_last_order_with_an_item_is_the_newest_match() -> None:
    found = slots("the mug from my last order is chipped")
    assert found.order_id == "A10031" and found.refers_to_last_order


@pytest.mark.parametrize("text, orders, previous, expected", [
    ("what about the other order?", PAIR, "A20002", "A20001"),
    ("and the other one?", PAIR, "A20001", "A20002"),
    ("另一单呢？", ZH, "B20002", "B20001"),
    ("另一个订单到哪了", ZH, "B20001", "B20002"),
    # more than two orders: the newest that is not the one in question
    ("my other order?", EN, "A10031", "A10023"),
])
def test_the_other_order(text: str, orders: tuple[OrderSnapshot, ...], previous: str,
                         expected: str) -> None:
    found = slots(text, orders=orders, previous=Slots(order_id=previous))
    assert found.refers_to_other_order
    assert found.order_id == expected


# the orders of EN, the newest delivered: only A10005 is still on its way
COMING = tuple(o.model_copy(update={"status": OrderStatus.shipped if o.id == "A10005"
                                    else OrderStatus.delivered}) for o in EN)


@pytest.mark.parametrize("text", ["好的 另外我还有一单在路上 帮我开个发票",
                                  "I've got another parcel coming, it hasn't arrived yet"])
def test_another_order_still_coming_is_the_one_on_its_way(text: str) -> None:
    found = slots(text, orders=COMING, previous=Slots(order_id="A10031"))
    assert found.refers_to_other_order and found.refers_to_coming
    assert found.order_id == "A10005"


@pytest.mark.parametrize("text", [
    "Is the parcel I'm waiting for on its way? No idea of the order number, sorry",
    "我在等的那个快递到哪了", "my parcel hasn't arrived yet, where is it?",
    # a parcel is what is still on its way
    "yo where's my parcel 📦", "想问下我的包裹到哪了？"])
def test_the_one_order_still_coming_needs_no_number(text: str) -> None:
    found = slots(text, orders=COMING, intent="track_order")
    assert (found.order_id, found.order_source) == ("A10005", "only_order")


def test_a_parcel_said_of_what_arrived_picks_nothing_still_coming() -> None:
    found = slots("my parcel arrived damaged", orders=COMING, intent="get_refund")
    assert found.order_id != "A10005"


def test_money_not_come_is_no_parcel() -> None:
    found = slots("显示已退款 可是我还没收到钱", orders=COMING, language="zh",
                  intent="track_refund")
    assert found.order_id != "A10005"


def test_no_parcel_under_way_leaves_which_one_to_ask() -> None:
    # one paid order not yet sent, the others marked delivered: any of them may be meant
    paid = tuple(o.model_copy(update={"status": OrderStatus.paid if o.id == "A10005"
                                      else OrderStatus.delivered}) for o in EN)
    found = slots("My package still hasn't come, can you look into it?", orders=paid,
                  intent="track_order")
    assert found.order_id is None


def test_the_unpaid_order_is_the_pending_one() -> None:
    pending = tuple(o.model_copy(update={"status": OrderStatus.pending if o.id == "A10005"
                                         else OrderStatus.delivered}) for o in EN)
    found = slots("还没付款那单 帮我改一下", orders=pending, language="zh", intent="change_order")
    assert found.order_id == "A10005"


def test_two_orders_still_coming_are_asked_apart() -> None:
    two = tuple(o.model_copy(update={"status": OrderStatus.shipped}) for o in EN[:2])
    found = slots("my order hasn't arrived yet, where is it?", orders=two, intent="track_order")
    assert found.order_id is None


def test_the_item_still_coming_is_of_the_order_on_its_way() -> None:
    shipped = (order("A20001", 5, "Ceramic Mug 350 ml — Blue"),
               order("A20002", 9, "Ceramic Mug 350 ml — Black"))
    coming = (shipped[0].model_copy(update={"status": OrderStatus.shipped}),
              shipped[1].model_copy(update={"status": OrderStatus.delivered}))
    found = slots("the mug that hasn't arrived yet, where is it?", orders=coming)
    assert found.order_id == "A20001"


def test_the_other_item_excludes_the_current_order() -> None:
    found = slots("no, the other mug", previous=Slots(order_id="A10031"))
    assert (found.order_id, found.order_source) == ("A10023", "item_reference")


def test_the_other_order_with_nothing_before_is_ambiguous() -> None:
    found = slots("what about the other order?", orders=PAIR)
    assert found.order_id is None and found.order_candidates == ["A20002", "A20001"]


@pytest.mark.parametrize("text, intent", [
    ("where is my package?", None),
    ("我的快递到哪了", None),
    ("can I get a refund", None),
    ("please help me with this", "cancel_order"),
])
def test_the_only_order(text: str, intent: str | None) -> None:
    found = slots(text, orders=SINGLE, intent=intent)
    assert (found.order_id, found.order_source) == ("A30001", "only_order")


@pytest.mark.parametrize("text", ["hello", "你们几点下班", "do you ship to Canada?"])
def test_the_only_order_only_when_an_order_is_needed(text: str) -> None:
    assert slots(text, orders=SINGLE).order_id is None


@pytest.mark.parametrize("text, affirmation", [
    ("yes, go ahead", "yes"), ("好的", "yes"), ("when will it arrive?", None),
])
def test_previous_order_carries_over(text: str, affirmation: str | None) -> None:
    found = slots(text, previous=Slots(order_id="A10023", order_source="message"))
    assert (found.order_id, found.order_source) == ("A10023", "previous")
    assert found.affirmation == affirmation


def test_a_new_order_in_the_message_replaces_the_previous() -> None:
    found = slots("actually A10011", previous=Slots(order_id="A10023"))
    assert (found.order_id, found.order_source) == ("A10011", "message")


def test_history_lends_its_latest_order_id() -> None:
    history = ["hi", "my order is A10011", "Your order A10023 shipped yesterday with UPS."]
    found = slots("when will it arrive?", history=history)
    assert (found.order_id, found.order_source) == ("A10023", "history")
    old = ["order A10011", *["ok"] * 6]
    assert slots("and now?", history=old).order_id is None
    listed = ["Which order do you mean: A10031 or A10023?"]
    assert slots("hmm", history=listed).order_candidates == ["A10031", "A10023"]



# a store whose order numbers are plain 4-digit numbers, like a small web shop's "#4471"
PLAIN = StoreFacts(CATALOGUE, IdShapes(tuple(learn(["4471", "4506", "4629", "4552"]))))


@pytest.mark.parametrize("text, expects_order", [
    ("where's 4910", False),  # asks where: the number is the order
    ("4190??", False),  # a number said on its own
    ("sorry, 4710", False),
    ("hm 4901?", False),
    ("it's 4910 I think", True),  # the bot has just asked which order
])
def test_a_plain_number_is_an_order_where_the_talk_calls_for_one(
        text: str, expects_order: bool) -> None:
    found = extract_slots(text=text, language="en", facts=PLAIN, expects_order=expects_order)
    assert found.order_mention == re.search(r"\d{4}", text).group(0)  # type: ignore[union-attr]


@pytest.mark.parametrize("text", [
    "is the 1800 W kettle quiet?", "we moved here in 2019, can you ship to 1234 Elm St?",
    "3200的滤网大概多久换一次",  # a model number in a sentence of its own
    "I'd like 2 of them, about 4000 yen each",
])
def test_a_plain_number_elsewhere_is_not_an_order(text: str) -> None:
    found = extract_slots(text=text, language="en", facts=PLAIN)
    assert found.order_mention is None and found.order_id is None


@pytest.mark.parametrize("text, address", [
    ("改到 杭州市余杭区五常大道181号西溪蝶园7幢2单元301",
     "杭州市余杭区五常大道181号西溪蝶园7幢2单元301"),
    ("地址帮我改成北京市海淀区学院路35号世宁大厦1206", "北京市海淀区学院路35号世宁大厦1206"),
    # a room with a letter in it
    ("直接寄到实验室：武汉市洪山区华中科技大学西十二楼N305 收件人和电话都不用动",
     "武汉市洪山区华中科技大学西十二楼N305"),
    ("改到 北京市海淀区中关村大街27号3楼B12室", "北京市海淀区中关村大街27号3楼B12室"),
    ("#03-11, 45 Sunset Way, Singapore 597071", "#03-11, 45 Sunset Way, Singapore 597071"),
    ("could you deliver to my office instead? 18/F, 33 Des Voeux Road Central, Central",
     "18/F, 33 Des Voeux Road Central, Central"),
    ("please send it to 12 Oak Street, Springfield, please", "12 Oak Street, Springfield"),
    ("I moved to 221 Baker Street, and the order is 4471", "221 Baker Street"),
])
def test_an_address_keeps_its_unit_room_and_town(text: str, address: str) -> None:
    found = extract_slots(text=text, language="en", facts=PLAIN)
    assert found.address == address
    assert found.order_mention is None or found.order_mention == "4471"


@pytest.mark.parametrize("text, expected", [
    ("the second one", "A10005"),
    ("the first one, the down jacket", "A10011"),  # the item says more than the place
    ("第一个 羽绒服那个", "A10011"),
])
def test_a_pick_from_the_listed_orders(text: str, expected: str) -> None:
    listed = Slots(order_candidates=["A10031", "A10005", "A10011"])
    assert slots(text, previous=listed).order_id == expected


def test_a_refund_id_names_the_refund_and_its_order() -> None:
    refunded = order("A40001", 4, "Ceramic Mug 350 ml — Blue").model_copy(
        update={"refunds": [RefundSnapshot(id="RTN-2607-0502", order_id="A40001", amount=9.0,
                                           status="requested",
                                           created_at=datetime(2026, 11, 5, tzinfo=UTC))]})
    found = slots("rtn-2607-0502 status?", orders=(refunded, *EN))
    assert (found.order_id, found.names_refund) == ("A40001", True)
    assert not slots("A40001 status?", orders=(refunded, *EN)).names_refund
