"""What the shopper says to what waits: "那先别取消了 我再琢磨琢磨" holds off; a question of its
own while a cancellation waits ("听说你们有以旧换新 旧的能抵多少") is that question, the
cancellation still waiting; an ok with a question of its own is no yes to an offered
look-up; a yes with a wish ("make sure no price tag goes in the box") carries the write
out and leaves the wish to a person. Once another answer came after the write proposed,
thanks for it or an ok with a remark is no yes to the write."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.assist import dialogue
from app.assist.state import DialogueState, Pending
from app.assist.understand import Understanding
from app.models._common import OrderStatus
from app.store.connector import ItemSnapshot, OrderSnapshot
from app.understanding import dialogue_cues as cue
from app.understanding.affirmation import find_affirmation
from app.understanding.sentiment import analyze_sentiment
from app.understanding.slots import Slots
from app.understanding.yes_terms import adds_a_wish
from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.mark.parametrize(("text", "answer"), [
    ("那先别取消了 我再琢磨琢磨", "no"), ("我再想想", "no"), ("还是别改了", "no"),
    ("S$60 more 😅 scratch that, please keep my order as it is.", "no"),
    ("£3.95 off for that? nah, forget the return, my mum can have it", "no"),
    ("好的 取消吧", "yes"), ("嗯嗯确定取消 谢谢 我先去忙了", "yes"), ("确定要取消吗", None),
    ("我还不确定取消不取消", None), ("ha, sure, why not - cancel it", "yes"),
    ("haha no thanks", "no"), ("fine by me, book the return", "yes"), ("fine, forget it", "no"),
    # the "不" of stainless steel or non-stick denies nothing
    ("那挺好 就换不锈钢的吧 确认", "yes"), ("就换不粘锅那个 确认", "yes"), ("那不换了 确认", "no")])
def test_held_off(text: str, answer: str | None) -> None:
    assert find_affirmation(text) == answer


@pytest.mark.parametrize(("text", "wish"), [
    ("yes that's right!! and pls make sure no price tag goes in the box", True),
    ("是的 别放发票 是送人的", True), ("yes please", False), ("yes, and the invoice too", False)])
def test_a_wish_with_the_yes(text: str, wish: bool) -> None:
    assert adds_a_wish(text) is wish


@pytest.mark.parametrize(("text", "promo"), [
    ("听说你们有以旧换新 家里旧的净化器能抵多少", True), ("do you do trade-ins?", True),
    ("can I trade the colour in for blue", False),
    # a code asked after; what a coupon needs spent
    ("is SPRINGTIME still on for a first order?", True), ("满多少能用啊", True),
    ("URGENT still not here", False), ("is the PAWTRACK still in stock", False),
    ("满多少包邮", False), ("how do I stop all the promo emails", False)])
def test_a_trade_in_is_a_promotion(text: str, promo: bool) -> None:
    assert bool(cue.asks_promo(text)) is promo


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("waits")) as client:
        yield client


def test_a_question_while_a_cancellation_waits_leaves_it_waiting(api: Api) -> None:
    label = "trade-in"
    assert say(api, label, "cancel Q-5101 please").action.status == "needs_confirmation"
    asked = say(api, label, "等等 听说你们有以旧换新 家里旧的水壶能抵多少")
    assert asked.intent == "promotion_question"
    held = say(api, label, "那先别取消了 我再琢磨琢磨")
    assert held.action is not None and held.action.status in ("blocked", "rejected")


def test_a_yes_with_a_wish_is_done_and_seen_by_a_person(api: Api) -> None:
    label = "wish"
    say(api, label, "can Q-5102 go to 8 Harbour Road, Kowloon instead?")
    done = say(api, label, "yes that's right!! and pls make sure no invoice goes in the box, "
                           "it's a present")
    assert done.action is not None and done.action.status == "executed"
    assert done.decision != "auto_send"


@pytest.mark.parametrize("text", ["can I get the filter packs on that autoship deal?",
                                  "滤网订阅怎么开通", "is there subscribe & save on litter?"])
def test_goods_on_a_schedule_are_a_promotion(text: str) -> None:
    assert cue.asks_promo(text)


def test_the_postage_asked_while_a_change_waits(api: Api) -> None:
    label = "postage"
    proposed = say(api, label, "can Q-5101 go to 12 Nathan Road, Kowloon instead?")
    assert proposed.action is not None and proposed.action.status == "needs_confirmation"
    asked = say(api, label, "oh wait, before you do it - does the postage go up?")
    assert asked.intent == "delivery_options"
    done = say(api, label, "ok yes go ahead")
    assert done.action is not None and done.action.status == "executed"


@pytest.mark.parametrize("text", ["ok. Bit annoying but thanks for explaining",
                                  "好的 我先把盒子收好"])
def test_the_answer_taken_in_is_no_yes_to_the_write_asked_before_it(api: Api,
                                                                    text: str) -> None:
    label = f"taken-in-{text[:4]}"
    proposed = say(api, label, "can Q-5102 go to 8 Harbour Road, Kowloon instead?")
    assert proposed.action is not None and proposed.action.status == "needs_confirmation"
    assert say(api, label, "btw which payment methods do you take?").intent == (
        "check_payment_methods")
    taken_in = say(api, label, text)
    assert taken_in.action is None or taken_in.action.status != "executed", taken_in.reply


@pytest.mark.parametrize("text", ["brill, go on then, start it", "行 那就改到九龙那边"])
def test_an_ok_and_a_go_ahead_after_another_answer_is_the_yes(api: Api, text: str) -> None:
    label = f"ok-go-on-{text[:4]}"
    proposed = say(api, label, "can Q-5102 go to 8 Harbour Road, Kowloon instead?")
    assert proposed.action is not None and proposed.action.status == "needs_confirmation"
    say(api, label, "btw which payment methods do you take?")
    done = say(api, label, text)
    assert done.action is not None and done.action.status == "executed", done.reply


def test_items_named_while_a_cancellation_waits_do_not_narrow_it() -> None:
    # a cancellation is of the whole order: "I still want the kettle, take the X off" asks
    # a change, and an "ok, change it" after it cancels nothing
    order = OrderSnapshot(
        id="O1", customer_id="C1", status=OrderStatus.pending, total=20.0, currency="CNY",
        created_at=datetime(2026, 11, 1, tzinfo=UTC),
        items=(ItemSnapshot(line=0, product_id="WF", name="冲牙器", qty=1, price=10.0),
               ItemSnapshot(line=1, product_id="WN", name="冲牙器喷嘴", qty=1, price=10.0)))
    text = "等下等下 冲牙器我还是要的 主要是喷嘴拍多了 把喷嘴删掉就行"
    u = Understanding(language="zh", intent="change_order", intent_confidence=0.8,
                      sentiment=analyze_sentiment(text, "zh"),
                      slots=Slots(order_id="O1", order_source="item_reference",
                                  item_products=["WN"], item_refs=["喷嘴"]))
    state = DialogueState(turn=2, intent="cancel_order")
    state.pending = Pending(kind="action", intent="cancel_order", action_id=1, asked_turn=2,
                            order_id="O1")
    r = dialogue.Reading(u, text, state, orders=[order], kb_score=0.0)
    dialogue.read(r)
    assert r.u.intent == "change_order"


def test_a_go_ahead_read_as_a_look_up_after_a_question_is_the_yes(api: Api) -> None:
    label = "go-ahead-lookup"
    proposed = say(api, label, "the toaster from Q-4990 stopped heating, can I send it back?")
    assert proposed.action is not None and proposed.action.status == "needs_confirmation"
    say(api, label, "does it have to go back straight away?")
    done = say(api, label, "Great, go ahead and set the return up then")
    assert done.action is not None and done.action.name == "get_refund"
    assert done.action.status == "executed", done.reply


def test_a_cancellation_offered_and_declined_in_its_own_words_is_not_proposed(api: Api) -> None:
    label = "offer-declined"
    first = say(api, label, "can you swap the kettle in Q-5101 for the Power Blender?")
    assert first.action is not None and first.action.status == "blocked", first.reply
    declined = say(api, label, "那就不换了 就这样吧 取消重下太麻烦")
    assert declined.action is None or declined.action.status != "needs_confirmation", (
        declined.reply)
    after = say(api, label, "好的 知道了")
    assert after.action is None or after.action.status != "executed", after.reply
