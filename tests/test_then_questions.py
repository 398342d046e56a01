"""A question of its own that opens with "那" ("then") is no "what about" follow-up:
"那刷头多久换一次" after a refused return asks how often to replace the heads. "也是这样
吗" asks the question before again; "are the brush heads still coming?" asks where they
are; "how long until it's approved?" asks when the money comes."""

from __future__ import annotations

import pytest

from app.assist import dialogue
from app.assist.dialogue.questions import KB_ANSWERS
from app.assist.state import DialogueState
from app.assist.understand import Understanding
from app.understanding import dialogue_cues as cue
from app.understanding.sentiment import analyze_sentiment
from app.understanding.slots import Slots


@pytest.mark.parametrize(("text", "own", "what_about"), [
    ("那刷头多久换一次", True, False),
    ("那这个有多重", True, False),
    ("那个落地扇是遥控的还是手动调档的", True, False),
    ("那我还是退了吧", False, False),
    ("那个呢", False, True),
    ("那刷头呢", False, True),
    ("and the S7?", False, True),
    ("how about the white one, how big is it", True, True),
])
def test_then_or_what_about(text: str, own: bool, what_about: bool) -> None:
    assert cue.asks_its_own_question(text) is own
    assert cue.asks_what_about(text) is what_about


def reading(text: str, slots: Slots, previous: str) -> dialogue.Reading:
    u = Understanding(language="zh", intent="delivery_period", intent_confidence=0.46,
                      sentiment=analyze_sentiment(text, "zh"), slots=slots)
    state = DialogueState(turn=1, intent=previous)
    return dialogue.Reading(u, text, state, orders=[], kb_score=KB_ANSWERS + 0.1)


def test_how_often_an_item_is_replaced_is_a_question_about_it() -> None:
    slots = Slots(item_refs=["刷头"], item_products=["BH-3"], order_id="305548820713",
                  order_source="only_order")
    r = reading("那刷头多久换一次", slots, previous="get_refund")
    dialogue.read(r)
    assert r.u.intent == "product_question"


@pytest.mark.parametrize("text", ["那刷头多久能到", "305548820713 刷头多久换一次"])
def test_a_delivery_or_an_order_number_keeps_it_about_the_order(text: str) -> None:
    source = "message" if text[0].isdigit() else "only_order"
    slots = Slots(item_refs=["刷头"], item_products=["BH-3"], order_id="305548820713",
                  order_source=source)
    r = reading(text, slots, previous="get_refund")
    dialogue.read(r)
    assert r.u.intent != "product_question"


@pytest.mark.parametrize(("text", "same"), [
    ("我在拉萨 也是这样吗", True), ("香港也一样吗", True), ("same for Singapore?", True),
    ("does that apply to the fan too", True), ("也是顺丰吗", False),
    ("is it the same colour", False),
])
def test_asks_if_the_same_holds(text: str, same: bool) -> None:
    assert cue.asks_if_same(text) is same


def test_the_question_before_asked_of_another_place() -> None:
    u = Understanding(language="zh", intent="other", intent_confidence=0.46,
                      sentiment=analyze_sentiment("我在拉萨 也是这样吗", "zh"), slots=Slots())
    state = DialogueState(turn=1, intent="delivery_options")
    r = dialogue.Reading(u, "我在拉萨 也是这样吗", state, orders=[], kb_score=0.1)
    dialogue.read(r)
    assert r.u.intent == "delivery_options" and r.u.carried


@pytest.mark.parametrize(("text", "where"), [
    ("are the brush heads i ordered separately still coming?", True),
    ("is my kettle still coming", True), ("are you still coming to the meeting", False),
])
def test_still_coming_asks_where(text: str, where: bool) -> None:
    assert cue.asks_where(text) is where


@pytest.mark.parametrize(("text", "money"), [
    ("how long until it's approved?", True), ("退款多久能批下来", True),
    ("how long is the warranty", False),
])
def test_approval_is_about_the_money(text: str, money: bool) -> None:
    assert cue.asks_money_back(text) is money


@pytest.mark.parametrize(("text", "new"), [
    ("那我直接再拍一个吧 现在下单多久发货", True),
    ("if I order today, when would it arrive?", True),
    ("I want to place a new order", True), ("my order hasn't shipped", False),
    ("订单什么时候发货", False),
])
def test_an_order_not_placed_yet(text: str, new: bool) -> None:
    assert cue.about_a_new_order(text) is new


@pytest.mark.parametrize(("text", "sold"), [
    ("内胆单独能买吗", True), ("are the nozzles sold separately?", True),
    ("do you sell replacement heads", True), ("how do I place an order", False),
    ("我买的内胆坏了", False),
])
def test_whether_it_is_sold(text: str, sold: bool) -> None:
    assert cue.asks_if_sold(text) is sold


def test_does_it_work_on_another_thing_too() -> None:
    assert cue.asks_if_same("does it work on the tower fan too?")
    assert not cue.asks_if_same("does it work with 5GHz wifi?")


def test_what_if_of_the_return_discussed_asks_the_policy() -> None:
    text = "what if I already opened it?"
    u = Understanding(language="en", intent="track_order", intent_confidence=0.63,
                      sentiment=analyze_sentiment(text, "en"),
                      slots=Slots(order_id="ORD-1", order_source="only_order"))
    r = dialogue.Reading(u, text, DialogueState(turn=1, intent="get_refund"), orders=[],
                         kb_score=0.1)
    dialogue.read(r)
    assert r.u.intent == "check_refund_policy"
    assert cue.asks_what_if("如果拆了呢") and not cue.asks_what_if("can you check if it shipped")


@pytest.mark.parametrize("text", ["运费谁出", "who pays for the return shipping?"])
def test_who_pays_asks_a_cost(text: str) -> None:
    assert cue.asks_cost(text)


def test_an_a_or_b_question_of_an_item_after_a_refund_is_its_own() -> None:
    text = "那你们家那个落地扇是遥控的还是手动调档的"
    u = Understanding(language="zh", intent="product_question", intent_confidence=0.6,
                      sentiment=analyze_sentiment(text, "zh"),
                      slots=Slots(order_id="9", order_source="only_order",
                                  item_products=["FAN"], item_refs=["落地扇"]))
    r = dialogue.Reading(u, text, DialogueState(turn=1, intent="track_refund"), orders=[],
                         kb_score=0.1)
    dialogue.read(r)
    assert r.u.intent == "product_question"


@pytest.mark.parametrize("text", ["另外那单的水壶我留着用 除垢该用你们哪款除垢剂", "滤芯买哪种"])
def test_which_kind_asks_outright(text: str) -> None:
    assert cue.asks_outright(text)
