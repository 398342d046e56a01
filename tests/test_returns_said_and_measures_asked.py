"""A return said as the item "going back", a change of mind that asks no change, and a
question of a thing's measure asked while a return is under way: a question of the
product, not of the return."""

from __future__ import annotations

import pytest

from app.assist import dialogue
from app.assist.state import Pending
from app.understanding import dialogue_cues as cue
from app.understanding.figures import asks_a_measure
from app.understanding.slots import Slots
from tests.test_dialogue_misreadings import reading


@pytest.mark.parametrize(("text", "wants"), [
    ("ok, so the toaster goes back as unwanted then", True),
    ("Right, the lamp goes back because it's too dim", True),
    ("when the price goes back up I'll buy two", False),
])
def test_going_back_is_a_return(text: str, wants: bool) -> None:
    assert cue.wants_return(text) is wants


def test_a_change_of_mind_asks_no_change() -> None:
    assert not cue.asks_change("it's just a change of mind, nothing wrong with it")
    assert cue.asks_change("can you change it to the blue one?")


@pytest.mark.parametrize(("text", "measure"), [
    ("before you arrange the collection: how heavy is the tent itself?", True),
    ("一个人住的话 那台烤箱最高能到多少度", True),
    ("how long will the collection take?", False),
])
def test_a_measure_asked(text: str, measure: bool) -> None:
    assert asks_a_measure(text) is measure


def test_a_measure_of_an_item_while_a_return_is_under_way_asks_the_product() -> None:
    r = reading("Before you arrange the pick-up: how heavy is that tent? I'd carry it myself.",
                "product_question", previous="get_refund",
                slots=Slots(order_id="9", order_source="only_order", item_products=["TENT"],
                            item_refs=["tent"]))
    dialogue.read(r)
    assert r.u.intent == "product_question"


@pytest.mark.parametrize(("text", "supposed"), [
    ("这台烤箱我打算退掉 主要是厨房放不下", False),
    ("要是不合适还能退吗", True),
])
def test_main_reason_is_no_if(text: str, supposed: bool) -> None:
    assert cue.hypothetical(text) is supposed


@pytest.mark.parametrize("text", ["好 运费我出 帮我把退货申请提交了吧", "退货申请帮我办了吧"])
def test_the_return_asked_to_be_put_in(text: str) -> None:
    assert cue.explicitly_wants_return(text)


@pytest.mark.parametrize(("text", "waiting", "intent"), [
    # the return proposed still waits for its yes: "if I return it" asks the terms
    ("我是用信用卡付的 退的话钱是回到信用卡里吗", True, "check_refund_policy"),
    ("paid by PayPal - if I send it back, does the money go to PayPal?", True,
     "check_refund_policy"),
    # ... once it is opened, the refund under way
    ("我是用信用卡付的 钱是回到信用卡里吗", False, "track_refund"),
])
def test_money_back_asked_while_the_return_waits(text: str, waiting: bool, intent: str) -> None:
    r = reading(text, "track_refund", previous="get_refund",
                slots=Slots(order_id="9", order_source="previous"))
    if waiting:
        r.state.pending = Pending(kind="action", intent="get_refund", order_id="9")
    dialogue.read(r)
    assert r.u.intent == intent
