"""Reading a message in its conversation: the cues and resolutions the dialogue rules
stand on (positions of orders, several things named at once, homophones typed with a
pinyin keyboard, a cancellation asked for now, a cost question, "show me", variants)."""

from __future__ import annotations

import pytest

from app.store.product_attributes import variant_details
from app.understanding import dialogue_cues as cue
from app.understanding.homophones import corrected
from app.understanding.slot_cues import nth_order
from tests.test_slots import EN, PAIR, order, slots


@pytest.mark.parametrize(("text", "place"), [
    ("ok which courier has the first one again", 0), ("the second order?", 1),
    ("第一单呢", 0), ("前面那个到哪了", 0), ("第二个订单也查一下", 1),
    ("the first time I ordered here", None), ("at first I thought it was lost", None),
])
def test_the_place_of_an_order(text: str, place: int | None) -> None:
    assert nth_order(text) == place


def test_the_first_one_is_the_first_order_the_shopper_named() -> None:
    history = ["where is A20002?", "and A20001?"]
    found = slots("which courier has the first one", PAIR, history=history)
    assert (found.order_id, found.order_source) == ("A20002", "message")
    found = slots("and the second one?", PAIR, history=history)
    assert found.order_id == "A20001"


def test_the_first_one_of_the_orders_offered() -> None:
    offered = slots("where is my mug?")  # two mug orders: the bot asks which
    assert offered.order_id is None and len(offered.order_candidates) == 2
    picked = slots("the first one", previous=offered)
    assert picked.order_id == offered.order_candidates[0]


def test_several_things_named_pick_the_order_holding_them_all() -> None:
    orders = (*EN, order("A10040", 22, "Ceramic Mug 350 ml — Black"))
    both = slots("where are my mug and t-shirt?", orders)
    assert both.order_id == "A10023"  # the only order with a mug and a t-shirt


@pytest.mark.parametrize(("text", "read"), [
    ("SO-87472 帮我取笑一下，别家更便宜", "SO-87472 帮我取消一下，别家更便宜"),
    ("订单能开发漂吗", "订单能开发票吗"),
    ("别取笑我", "别取笑我"),  # small talk: not about an order, left as written
    ("这单能取消吗", "这单能取消吗"),
])
def test_pinyin_homophones_of_shop_words(text: str, read: str) -> None:
    assert corrected(text) == read


@pytest.mark.parametrize(("text", "now"), [
    ("then cancel SO-88266", True), ("please cancel it", True), ("帮我取消", True),
    ("不要了，取消吧", True), ("I cancelled it yesterday", False), ("cancellation fee?", False),
    ("已经取消了", False), ("取消了吗", False),
])
def test_a_cancellation_asked_for_now(text: str, now: bool) -> None:
    assert cue.asks_cancel_now(text) is now


@pytest.mark.parametrize(("text", "cost", "explicit"), [
    ("ok so i send it back when it arrives, what does that cost me?", True, False),
    ("I want to return it, how much does it cost?", True, True),
    ("退货要多少钱", True, False),
    ("多拍了一个滤网 想单独退掉 能退多少钱", True, True),
    ("不想把它退掉 退货多少钱", True, False),
    ("where is my order", False, False),
])
def test_cost_questions_and_explicit_returns(text: str, cost: bool, explicit: bool) -> None:
    assert (cue.asks_cost(text), cue.explicitly_wants_return(text)) == (cost, explicit)


@pytest.mark.parametrize(("text", "see"), [
    ("那把SO-88455的收件人电话和地址发我核对一下", True),
    ("can you send me the address on that order to check", True),
    ("change the address to 5 Main St", False),
])
def test_asking_to_be_shown_an_order(text: str, see: bool) -> None:
    assert cue.asks_to_see(text) is see


def test_variant_details_in_the_readers_script() -> None:
    attributes = {"color": "black", "颜色": "黑色", "size": "3 L", "category": "bags"}
    assert variant_details(attributes, "en") == ["black", "3 L"]
    assert variant_details(attributes, "zh") == ["黑色"]
    assert variant_details({"size": "M"}, "zh") == ["M"]  # no Chinese given: as it is
