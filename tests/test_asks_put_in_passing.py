"""Asks put in passing or held for a question, read from the words: free delivery asked as
something one gets ("won't get me free delivery, right?"), items dropped after they were
named, a write held for a question first ("hold on, before you change it: ...?"), the
number to follow a parcel by asked for ("那把顺丰单号给我"), how long a pack lasts, how the
item is asked after a fault, a street named after a day ("Cesta 27. aprila 31"), a fault
the shopper could not put right, and the money back asked of in passing."""

from __future__ import annotations

import pytest

from app.assist import dialogue
from app.assist.state import Pending
from app.understanding import dialogue_cues as cue
from app.understanding.answer_cues import HELD_FOR_A_QUESTION
from app.understanding.cue import Cue
from app.understanding.item_changes import adds_to_order, takes_out_of_order
from app.understanding.order_cues import order_fact
from app.understanding.return_reasons import find_return_reason
from app.understanding.sentiment import analyze_sentiment
from app.understanding.slots import Slots, find_address
from tests.test_dialogue_misreadings import reading


@pytest.mark.parametrize(("text", "options", "threshold"), [
    ("Two clippers still won't get me free delivery, right? How much would I need to spend "
     "for that?", True, True),
    ("and with only the tyres left in it, is the delivery to Berlin still free?", True, False),
    ("do I qualify for free delivery on this?", True, False),
    ("is the return free if it's faulty?", False, False),
])
def test_free_delivery_asked_as_something_had(text: str, options: bool, threshold: bool) -> None:
    assert bool(cue.asks_shipping_options(text)) is options
    assert bool(cue.asks_free_delivery_threshold(text)) is threshold


@pytest.mark.parametrize(("text", "adds", "takes"), [
    ("so I won't need the 2 tubes in it any more. can you drop them?", False, True),
    ("can you drop them off at the locker for me?", False, False),
    ("hiya! could you pop a second pack of filters in with my fountain order?", True, False),
    ("听说你们猫砂下个月要涨价 豆腐砂那单能不能再给我加两袋 趁现在多囤点", True, False),
    ("那我再凑包冻干就过88了", False, False),
    ("could you just drop the replacement holster into SO-88012 with my panniers?", True, False),
    ("I'll drop it in the post tomorrow", False, False),
])
def test_put_in_or_dropped(text: str, adds: bool, takes: bool) -> None:
    assert bool(adds_to_order(text)) is adds
    assert bool(takes_out_of_order(text)) is takes


@pytest.mark.parametrize(("text", "where"), [
    ("已经发了啊 那把顺丰单号给我 我自己打顺丰问问能不能转寄过去", True),
    ("快递单号是多少", True), ("项圈那单发出来没", True),
    ("把退款单号给我", False), ("订单号给我", False),
])
def test_the_number_to_follow_it_by(text: str, where: bool) -> None:
    assert bool(cue.asks_where(text)) is where


def test_telling_others_in_a_review_is_no_threat() -> None:
    review = analyze_sentiment("I'd also like to tell other people how it was packed. is "
                               "there a deadline for posting a review?")
    assert not review.threatens_to_leave and not review.complaint
    assert analyze_sentiment("I'll tell other people how it was packed, believe me").complaint


@pytest.mark.parametrize(("text", "lasts"), [
    ("no worries. how long will the one pack that's coming actually last me?", True),
    ("how long does one bag last?", True),
    ("how long should pitching it take? last time it took me ages", False),
])
def test_how_long_it_lasts_in_english(text: str, lasts: bool) -> None:
    assert bool(cue.asks_how_long_it_lasts(text)) is lasts


def test_how_the_item_is_asked_after_a_fault_is_no_return() -> None:
    slots = Slots(order_id="SO-1", order_source="item_reference", item_products=["HL"],
                  return_reason="defective")
    r = reading("会不会是我上周在溪边洗脸的时候溅上水了？这头灯到底防不防水",
                "product_question", previous="get_refund", slots=slots)
    dialogue.read(r)
    assert r.u.intent == "product_question"


def test_a_purchase_to_come_asks_its_shipping() -> None:
    r = reading("唉 那我只能重新买一台了 走顺丰的话要运费吗", "check_refund_policy",
                previous="get_refund")
    dialogue.read(r)
    assert r.u.intent == "delivery_options"


@pytest.mark.parametrize(("text", "refuses"), [
    ("What if I just don't accept it when the courier turns up - would I get all my money "
     "back that way?", True),
    ("I won't accept the parcel at the door if it's damaged", True),
    ("they don't accept it as proof of purchase", False),
])
def test_a_parcel_refused_at_the_door(text: str, refuses: bool) -> None:
    assert bool(cue.refuses_delivery(text)) is refuses


def test_the_money_of_a_cancellation_asked_after_a_question() -> None:
    """"OK, refusing it is. … how long before I see the money?" after the cancellation was
    refused and the refusal at the door explained: the money of that order, not the terms."""
    r = reading("OK, refusing it is. It went on my Mastercard - once the parcel is back with "
                "you, how long before I actually see the money?", "check_refund_policy",
                previous="check_refund_policy")
    r.state.last_request = "cancel_order"
    dialogue.read(r)
    assert r.u.intent == "track_refund"


def test_an_exchange_supposed_instead_of_the_money() -> None:
    r = reading("要是不退钱 直接给我换一台新的行不行", "track_refund", previous="get_refund",
                slots=Slots(order_id="SO-1", order_source="previous"))
    dialogue.read(r)
    assert r.u.intent != "track_refund"


@pytest.mark.parametrize("text", ["明白了 那我先给他换个软一点的刷头试试 敏感型的是哪个型号",
                                  "which model is the quieter one?"])
def test_which_model_is_asked_of_the_item(text: str) -> None:
    r = reading(text, "change_order", slots=Slots(order_id="SO-1", order_source="previous",
                                                  item_products=["BH"]))
    dialogue.read(r)
    assert r.u.intent == "product_question"


def test_taking_out_the_rubbish_is_no_insult() -> None:
    calm = analyze_sentiment("老人腰不好 不想天天下楼倒垃圾 豆腐砂能直接冲马桶吗")
    assert not calm.complaint and calm.anger == 0
    assert analyze_sentiment("你们家东西就是垃圾").complaint


def test_postage_asked_of_a_code_talked_about() -> None:
    r = reading("and what's postage on that?", "promotion_question", previous="promotion_question")
    dialogue.read(r)
    assert r.u.intent == "delivery_options"


def test_a_company_paying_by_transfer_asks_the_ways_to_pay() -> None:
    r = reading("我们公司想给办公室养的两只猫长期采购猫砂和猫粮 能对公转账吗 财务要求走公司账户",
                "get_invoice")
    dialogue.read(r)
    assert r.u.intent == "check_payment_methods"
    # an invoice named is still one
    r = reading("能对公转账吗 发票开公司抬头", "get_invoice")
    dialogue.read(r)
    assert r.u.intent == "get_invoice"


@pytest.mark.parametrize(("text", "address"), [
    ("please send SO-1 to my student residence there: Študentski dom Rožna dolina, Cesta 27. "
     "aprila 31, 1000 Ljubljana", "Cesta 27. aprila 31, 1000 Ljubljana"),
    ("Send it to Straße des 17. Juni 135, 10623 Berlin please",
     "Straße des 17. Juni 135, 10623 Berlin"),
    ("send it to 12 Oak Street. thanks", "12 Oak Street"),
])
def test_a_day_in_a_streets_name(text: str, address: str) -> None:
    assert find_address(text)[0] == address


@pytest.mark.parametrize(("text", "reason"), [
    ("码表到手才四天，搜不到卫星，恢复出厂设置也没用。这个能退吗？", "defective"),
    ("the bike computer can't find any satellites, factory reset didn't help", "defective"),
    ("the zip won't stay up, it slides down all by itself. That's a fault, not me changing my "
     "mind", "defective"),
    ("how do I reset it?", None), ("I reset it and it works now", None),
])
def test_a_fault_the_shopper_could_not_put_right(text: str, reason: str | None) -> None:
    assert find_return_reason(text) == reason


@pytest.mark.parametrize(("text", "money"), [
    ("and that's the full 69 coming back to me then, nothing taken off?", True),
    ("那最后到手的退款是多少？运费是从里面直接扣吧", True),
    ("the full 69 is what I paid for it", False),
])
def test_the_sum_coming_back_asked(text: str, money: bool) -> None:
    assert bool(cue.asks_money_back(text)) is money


def test_the_day_another_order_was_delivered_is_looked_up() -> None:
    text = ("The seller sent me his order number: 304-2290417-6650381. Could you tell me the day "
            "it was delivered to him? I'd like to know how much of the warranty is left")
    assert cue.asks_where(text)
    r = reading(text, "product_question", slots=Slots(order_mention="304-2290417-6650381"))
    dialogue.read(r)
    assert r.u.intent != "product_question"


@pytest.mark.parametrize("text", [
    "先问一句，我在家里试穿过一次，没穿出门，吊牌也都还在，这样能退吧？",
    "先问下，盒子我拆开看过，头盔一次都没戴过，吊牌也还在，这样可以退吧？"])
def test_asked_first_whether_it_may_go_back(text: str) -> None:
    r = reading(text, "get_refund", previous="get_refund",
                slots=Slots(order_id="SO-1", order_source="previous"))
    dialogue.read(r)
    assert r.u.intent == "check_refund_policy"


@pytest.mark.parametrize(("text", "held"), [
    ("hold on a sec, before you change it: without tubes do I pump them up the same?", True),
    ("改之前先问一下，寄荷兰的话运费怎么算？", True),
    ("how long should I give it before you'd go after the courier about it?", False),
])
def test_a_write_held_for_a_question(text: str, held: bool) -> None:
    assert bool(HELD_FOR_A_QUESTION(text)) is held


def test_the_question_held_before_a_change_is_read_past_its_words() -> None:
    r = reading("hold on a sec, before you change it: without tubes do I pump them up the same?",
                "change_order", previous="change_order")
    r.u.alternatives = [("change_order", 0.5), ("product_question", 0.3)]
    r.state.pending = Pending(kind="action", intent="change_order", order_id="SO-1")
    dialogue.read(r)
    assert r.u.intent == "product_question"


@pytest.mark.parametrize(("text", "where"), [
    ("加湿器那单我自己留着用 估计哪天能出库", True), ("发出去了吗", True),
    ("今晚十一点多下单的话 明天能发出吗", False), ("改完今天能发出去吗", False),
])
def test_when_it_leaves(text: str, where: bool) -> None:
    assert bool(cue.asks_where(text)) is where


@pytest.mark.parametrize("text", ["And roughly how many days before it shows up on the card again?",
                                  "Once it's sent, roughly when will it appear on his statement?"])
def test_money_seen_again_where_it_was_paid_from(text: str) -> None:
    assert cue.asks_money_back(text)


@pytest.mark.parametrize(("cue_of", "text", "said"), [
    (cue.asks_hours, "thanks. how late is your team around today?", True),
    (cue.asks_hours, "how late is the parcel going to be?", False),
    (cue.asks_where, "So when is it likely to leave your warehouse?", True),
    (cue.asks_price, "Fair enough. What's the medium grey one going for at the moment then?", True),
    (cue.asks_price, "what are you going for, the grey or the blue?", False),
])
def test_asked_in_other_words(cue_of: Cue, text: str, said: bool) -> None:
    assert bool(cue_of(text)) is said


def test_what_another_paid_is_a_fact_of_that_order() -> None:
    assert order_fact("He gave me his order number, MW-26-005109 - what did he actually pay "
                      "for it?") == "paid"


@pytest.mark.parametrize(("text", "reason"), [
    ("the holster has split right at the rivet, so the lock swings about", "defective"),
    ("we split the cost between us", None),
])
def test_split_where_it_should_hold(text: str, reason: str | None) -> None:
    assert find_return_reason(text) == reason


def test_the_shoppers_own_odd_matter_is_no_complaint() -> None:
    odd = analyze_sentiment("Slightly ridiculous one: our two cats sleep on the outlet all day. "
                            "We give up - it's two days old, can it go back?")
    assert not odd.complaint
    assert analyze_sentiment("this is ridiculous, it's the third time it broke").complaint


def test_an_invoice_asked_of_a_named_order_for_the_warranty() -> None:
    r = reading("朋友把订单号4895964912982605648发给我了 说找客服能把发票改开成我的名字 "
                "以后保修方便", "product_question",
                slots=Slots(order_mention="4895964912982605648"))
    dialogue.read(r)
    assert r.u.intent != "product_question"


@pytest.mark.parametrize(("text", "refs", "intent"), [
    ("粉色和蓝色应该是一个价吧 珊瑚粉那支多少钱", ["珊瑚粉"], "product_question"),
    ("how much will I owe after the swap?", [], "change_order"),
])
def test_a_price_asked_while_a_change_waits(text: str, refs: list[str], intent: str) -> None:
    r = reading(text, "product_question", previous="change_order",
                slots=Slots(order_id="SO-1", order_source="previous", item_refs=refs,
                            item_products=["TB-PK"] if refs else []))
    r.state.pending = Pending(kind="action", intent="change_order", order_id="SO-1")
    dialogue.read(r)
    assert r.u.intent == intent
