"""Questions the classifier may take for requests, read with the conversation: a refund
paid to someone else's account is a question of the refund rules, "is the filter
faulty?" asks what to try (no return proposed), and a refund's refusal asked after once
the bot had asked "which order?" for another request is that refund's progress."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.assist import dialogue
from app.assist.dialogue.questions import KB_ANSWERS
from app.assist.dialogue.refund_questions import why_less_came_back
from app.assist.state import DialogueState
from app.assist.understand import Understanding
from app.models._common import OrderStatus
from app.store.connector import OrderSnapshot
from app.understanding import dialogue_cues as cue
from app.understanding.return_cues import asks_refund_elsewhere
from app.understanding.sentiment import analyze_sentiment
from app.understanding.slots import Slots


def read(text: str, *, intent: str, slots: Slots, state: DialogueState,
         language: str = "zh") -> str:
    u = Understanding(language=language, intent=intent, intent_confidence=0.8,
                      sentiment=analyze_sentiment(text, language), slots=slots)
    r = dialogue.Reading(u, text, state, orders=[], kb_score=KB_ANSWERS + 0.1)
    dialogue.read(r)
    return r.u.intent


@pytest.mark.parametrize(("text", "elsewhere"), [
    ("退款能直接打到我老公的支付宝吗 我自己那个不常用", True),
    ("can the refund go to my husband's paypal instead?", True),
    ("could you refund it to a different card", True),
    ("refund to my card please", False), ("退款退到哪了", False)])
def test_a_refund_to_another_account(text: str, elsewhere: bool) -> None:
    assert asks_refund_elsewhere(text) is elsewhere


@pytest.mark.parametrize(("text", "language"), [
    ("退款能直接打到我老公的支付宝吗", "zh"), ("can the refund go to my wife's account?", "en")])
def test_a_refund_to_another_account_is_a_question_of_the_rules(text: str,
                                                                language: str) -> None:
    intent = read(text, intent="check_payment_methods", slots=Slots(),
                  state=DialogueState(turn=1, intent="get_refund"), language=language)
    assert intent == "check_refund_policy"


@pytest.mark.parametrize(("text", "language"), [
    ("滤网到了 换上去灯还是红的 是滤网有问题吗", "zh"),
    ("put the new filter in and the light is still red, is the filter faulty?", "en")])
def test_whether_it_is_faulty_asks_what_to_try(text: str, language: str) -> None:
    slots = Slots(item_refs=["滤网"], item_products=["F1"], order_id="A1",
                  order_source="item_reference", return_reason="defective")
    intent = read(text, intent="get_refund", slots=slots, state=DialogueState(),
                  language=language)
    assert intent == "product_question"


def test_a_refunds_refusal_asked_after_which_order_is_its_progress() -> None:
    state = DialogueState(turn=1, intent="cancel_order", awaiting=["order_id"])
    slots = Slots(order_id="A1", order_source="item_reference", item_refs=["空气炸锅"],
                  item_products=["AF"])
    intent = read("之前空气炸锅那单 退款为啥被拒了", intent="track_refund", slots=slots,
                  state=state)
    assert intent == "track_refund"


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Do I need to register it somewhere, or keep the box?", "en", "product_question"),
    ("这个机器要注册保修吗", "zh", "product_question"),
    ("how do I register an account?", "en", "create_account")])
def test_registering_the_product_is_no_account(text: str, language: str,
                                               expected: str) -> None:
    intent = read(text, intent="create_account", slots=Slots(), state=DialogueState(),
                  language=language)
    assert intent == expected


def test_a_lost_key_is_no_lost_password() -> None:
    slots = Slots(item_refs=["folding lock"], item_products=["LK"])
    u = Understanding(language="en", intent="recover_password", intent_confidence=0.5,
                      sentiment=analyze_sentiment("x", "en"), slots=slots,
                      alternatives=[("recover_password", 0.5), ("product_question", 0.2)])
    text = "lost one of the keys to the folding lock I got in june, can I get a spare?"
    r = dialogue.Reading(u, text, DialogueState(), orders=[], kb_score=0.0)
    dialogue.read(r)
    assert r.u.intent == "product_question"


def test_a_forgotten_password_stays_one() -> None:
    text = "I forgot my password and the reset link never came"
    u = Understanding(language="en", intent="recover_password", intent_confidence=0.9,
                      sentiment=analyze_sentiment(text, "en"), slots=Slots(),
                      alternatives=[("recover_password", 0.9), ("other", 0.05)])
    r = dialogue.Reading(u, text, DialogueState(), orders=[], kb_score=0.0)
    dialogue.read(r)
    assert r.u.intent == "recover_password"


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("新买的U型锁也有那种钥匙编号卡吗", "zh", "product_question"),
    ("U型锁能用信用卡分期吗", "zh", "check_payment_methods"),
    ("can I pay for the lock with klarna?", "en", "check_payment_methods")])
def test_a_card_of_an_item_is_no_way_to_pay(text: str, language: str, expected: str) -> None:
    slots = Slots(item_refs=["U型锁" if language == "zh" else "lock"], item_products=["LK"])
    intent = read(text, intent="check_payment_methods", slots=slots, state=DialogueState(),
                  language=language)
    assert intent == expected


@pytest.mark.parametrize(("text", "language", "intent"), [
    ("why is the first one £3.95 less than what I paid?", "en", "promotion_question"),
    ("那之前退的猫砂和冻干 为啥只退了78", "zh", "track_refund"),
    ("why did I only get 30 back?", "en", "track_refund")])
def test_why_less_came_back_is_a_question_of_the_rules(text: str, language: str,
                                                       intent: str) -> None:
    state = DialogueState(turn=1, intent="track_refund")
    assert read(text, intent=intent, slots=Slots(), state=state,
                language=language) == "check_refund_policy"


def test_why_less_came_back_asked_first_is_left_to_the_refund() -> None:
    # asked first, the refund is looked up (its reply shows what was kept)
    text = "why did i only get 5 euros back for the chain checker i returned?"
    u = Understanding(language="en", intent="track_refund", intent_confidence=0.8,
                      sentiment=analyze_sentiment(text, "en"), slots=Slots())
    r = dialogue.Reading(u, text, DialogueState(), orders=[], kb_score=0.0)
    assert not why_less_came_back(r) and r.u.intent == "track_refund"


@pytest.mark.parametrize(("text", "intent"), [
    ("can you cancel my jersey order please, I've changed my mind about it", "cancel_order"),
    ("cancel it and I'll send it back, it doesn't fit", "get_refund"),
    ("那单取消吧 我想退货", "get_refund")])
def test_a_delivered_order_cancelled_with_a_reason_is_refused_as_such(text: str,
                                                                     intent: str) -> None:
    order = OrderSnapshot(id="O1", customer_id="C1", status=OrderStatus.delivered, total=20.0,
                          currency="EUR", created_at=datetime(2026, 11, 1, tzinfo=UTC))
    u = Understanding(language="zh" if "取消" in text else "en", intent="cancel_order",
                      intent_confidence=0.9, sentiment=analyze_sentiment(text, "en"),
                      slots=Slots(order_id="O1", order_source="message"))
    r = dialogue.Reading(u, text, DialogueState(), orders=[order], kb_score=0.0)
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "previous", "expected"), [
    ("送修的话整车怎么寄 原来的纸箱我早扔了", "product_question", "product_question"),
    ("ok how do i send it in? it's a big box", "product_question", "product_question"),
    ("寄回去用什么快递 要我自己去找快递吗", "get_refund", "check_refund_policy"),
    ("要我自己找快递寄回去吗", "get_refund", "check_refund_policy")])
def test_how_to_send_it_in_follows_what_came_before(text: str, previous: str,
                                                   expected: str) -> None:
    language = "en" if text.isascii() else "zh"
    state = DialogueState(turn=1, intent=previous)
    assert read(text, intent="change_shipping_address", slots=Slots(order_id="O1"),
                state=state, language=language) == expected


def test_whether_an_item_on_its_way_fits_is_a_question_of_it() -> None:
    text = "在路上的那件红色骑行服是S码 我胸围88 穿得下吧"
    slots = Slots(item_refs=["骑行服"], item_products=["J-S"], order_id="O1",
                  order_source="item_reference")
    assert read(text, intent="track_order", slots=slots, state=DialogueState()) == (
        "product_question")


@pytest.mark.parametrize(("text", "intent"), [
    ("2610 0377 这单码表收到了 包装里自带的支架是装在把立上的那种吗", "product_question"),
    ("Quick one about the little yellow helmet you posted: does it meet EN 1078?",
     "product_question"),
    ("the light set I've got coming - am I actually allowed to run it on full power here?",
     "product_question"),
    # a return given up before the question: the question is what is asked
    ("想想还是不退了 送给我朋友 他头围60 L码戴得下吧", "product_question"),
    # what is asked of the order still is: where it is, an invoice, a return, its sending
    ("这单码表到哪了 能快点吗", None), ("这单码表能开发票吗", None), ("这单码表能退吗", None),
    ("昨天付款的码表 今天能发出来吗", None), ("码表那单是顺丰发的吗", None),
])
def test_a_yes_or_no_question_of_an_ordered_item(text: str, intent: str | None) -> None:
    slots = Slots(item_refs=["码表"], item_products=["J-S"], order_id="O1",
                  order_source="item_reference")
    read_as = read(text, intent="track_order", slots=slots, state=DialogueState())
    assert read_as == intent if intent else read_as != "product_question"


def test_an_invoice_for_the_warranty_is_the_invoice() -> None:
    text = "那先把这单的发票开给我 保修的时候要用"
    slots = Slots(order_id="O1", order_source="previous")
    assert read(text, intent="get_invoice", slots=slots, state=DialogueState()) == "get_invoice"


def test_whether_it_counts_as_a_fault_is_what_to_try() -> None:
    text = "上个月买的落地打气筒 气压表读数比我另一个表高了差不多1个bar 这算质量问题吗"
    slots = Slots(item_refs=["打气筒"], item_products=["J-S"], order_id="O1",
                  order_source="item_reference", return_reason="defective")
    assert read(text, intent="get_refund", slots=slots, state=DialogueState()) == (
        "product_question")


def test_a_person_asked_for_is_the_request() -> None:
    text = "你还是帮我转个人工吧 我想问问已经付了款的单能不能补办以旧换新"
    assert read(text, intent="change_shipping_address", slots=Slots(),
                state=DialogueState()) == "contact_human_agent"


def test_the_courier_complained_of_is_a_complaint() -> None:
    text = "另外想反映个事 顺丰那个快递员送扫地机没打电话 直接扔楼道里了 希望你们跟顺丰那边说说"
    slots = Slots(order_id="O1", order_source="item_reference", item_refs=["扫地机"],
                  item_products=["E5"])
    assert read(text, intent="complaint", slots=slots, state=DialogueState()) == "complaint"


def test_also_for_that_order_is_the_same_request() -> None:
    state = DialogueState(turn=2, intent="get_invoice")
    slots = Slots(order_id="O2", order_source="item_reference", item_refs=["滤芯"],
                  item_products=["F1"])
    assert read("滤芯那单也一块开了呗", intent="change_order", slots=slots,
                state=state) == "get_invoice"


def test_a_return_asked_after_which_order_is_that_return() -> None:
    state = DialogueState(turn=1, intent="track_order", awaiting=["order_id"])
    slots = Slots(order_id="O1", order_source="item_reference", item_refs=["逗猫棒"],
                  item_products=["T1"], return_reason="defective")
    assert read("我家的羽毛逗猫棒才玩了几次毛就掉光了 能退吗", intent="get_refund", slots=slots,
                state=state) != "track_order"


@pytest.mark.parametrize(("text", "returned"), [
    ("the sleeping mat that arrived torn and went back: did I get the full 69?", True),
    ("I went back to the shop yesterday", False)])
def test_went_back_is_returned(text: str, returned: bool) -> None:
    assert bool(cue.says_returned(text)) is returned


def test_what_went_back_is_asked_of_the_refund() -> None:
    text = "did the chain checker go back in that box too then?"
    state = DialogueState(turn=1, intent="track_refund")
    assert read(text, intent="track_order", slots=Slots(order_id="O1"), state=state,
                language="en") == "track_refund"


def test_what_must_go_back_is_the_terms() -> None:
    # right after the return of one of two filters: whether the other must go back too
    text = "Does the good one have to go back with it? I was planning to fit it this weekend."
    state = DialogueState(turn=1, intent="get_refund")
    assert read(text, intent="check_refund_policy", slots=Slots(order_id="O1"), state=state,
                language="en") == "check_refund_policy"


def test_an_invoice_with_a_courier_for_a_job_is_the_invoice() -> None:
    text = "hey, need an invoice for one of my orders. I'm a freelance bike courier"
    assert read(text, intent="get_invoice", slots=Slots(), state=DialogueState(),
                language="en") == "get_invoice"


def test_a_refund_by_its_number_after_which_order_is_that_refund() -> None:
    state = DialogueState(turn=1, intent="change_order", awaiting=["order_id"])
    slots = Slots(order_id="O1", order_source="message", names_refund=True)
    assert read("actual question - has RMA 2609 0316 been paid out yet?", intent="track_refund",
                slots=slots, state=state, language="en") != "change_order"


@pytest.mark.parametrize(("text", "fits"), [
    ("我之前买的心率带 能连你们的码表吗", True), ("is it compatible with my old charger?", True),
    ("能连续用多久", False), ("where is my order", False)])
def test_one_device_with_another(text: str, fits: bool) -> None:
    assert bool(cue.asks_if_it_fits(text)) is fits


def test_a_quantity_bumped_with_its_total_asked_is_a_change() -> None:
    text = "the travel hair dryer I haven't paid for yet — could you bump it to 2 instead of 1? " \
           "what would the total be then?"
    slots = Slots(order_id="O1", order_source="item_reference", item_refs=["hair dryer"],
                  item_products=["HD"], quantity=2)
    assert read(text, intent="promotion_question", slots=slots, state=DialogueState(),
                language="en") == "change_order"


def test_no_complaint_but_is_my_order_stuck_asks_of_the_order() -> None:
    text = "my purifier order still says paid, not shipped. Not a complaint, just making sure " \
           "it isn't stuck somewhere?"
    slots = Slots(order_id="O1", order_source="item_reference", item_refs=["purifier"],
                  item_products=["P1"])
    assert read(text, intent="track_order", slots=slots, state=DialogueState(),
                language="en") == "track_order"
