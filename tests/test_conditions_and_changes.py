"""A yes on a condition the proposal already meets is a yes; one it cannot promise
(when the money comes, where it goes) puts the proposal again. A change of items priced
in another of the store's currencies (``price_<code>``), its new total asked before the
yes; an address put otherwise after a "no"; a note for the courier said with the yes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist.service import assist_once
from app.store.connector import ProductSnapshot
from app.store.product_attributes import price_in
from app.understanding import dialogue_cues as cue
from app.understanding.affirmation import find_affirmation, withdraws
from app.understanding.closings import closes_with_a_remark
from app.understanding.invoice_cues import asks_after_the_invoice, asks_if_in_the_parcel
from app.understanding.sentiment import analyze_sentiment
from app.understanding.slot_addresses import find_address
from app.understanding.yes_terms import adds_a_wish, asks_nothing_be_kept
from tests.api_helpers import Api, api_on_copy


@pytest.mark.parametrize(("text", "nothing_kept"), [
    ("ok yes cancel — provided I'm not charged anything for it", True),
    ("yes please go ahead, as long as I'm not the one paying to post it back", True),
    ("退可以 但前提是全额退给我 不扣那4块9", True),
    ("yes cancel it, but only if the 64.90 is back in my account by friday", False),
    ("as long as the refund goes to my PayPal", False),
])
def test_a_condition_that_nothing_be_kept(text: str, nothing_kept: bool) -> None:
    assert asks_nothing_be_kept(text) is nothing_kept


def test_a_price_in_another_of_the_stores_currencies() -> None:
    fryer = ProductSnapshot(id="F", name="Air Fryer", price=349.0, currency="CNY",
                            attributes={"price_hkd": 409.0, "price_sgd": "bad"})
    assert price_in(fryer, "CNY") == 349.0
    assert price_in(fryer, "HKD") == 409.0
    assert price_in(fryer, "SGD") is None and price_in(fryer, "EUR") is None


@pytest.mark.parametrize(("text", "wish"), [
    ("可以 改吧 另外能不能备注让快递送之前先打个电话", True),
    ("yes, and please call her before you deliver", True),
    ("yes please", False),
])
def test_a_note_for_the_courier_is_a_wish(text: str, wish: bool) -> None:
    assert adds_a_wish(text) is wish


def test_readings_of_this_round() -> None:
    assert cue.asks_why_refused("拒绝了？？为啥啊 我就拆开看了一眼")
    assert cue.asks_shipping_options("Is there any way to get it on a Saturday?")
    assert cue.asks_shipping_options("周末能送吗")
    assert closes_with_a_remark("sorted then, cheers for the quick replies!")
    assert closes_with_a_remark("ah well, I'll bring it over in my suitcase. thanks a mil!")
    assert find_address("make it my office instead: 10 Collyer Quay, Ocean Financial Centre, "
                        "#40-02, Singapore 049315 — reception signs")[0] == (
        "10 Collyer Quay, Ocean Financial Centre, #40-02, Singapore 049315")


@pytest.mark.parametrize(("text", "complaint", "human"), [
    ("ugh, my frame is red, the black cages will look awful on it. can you swap them?",
     False, False),
    ("your service looks terrible", True, False),
    ("something serious: I'd like a person on your side to check this out", False, True),
])
def test_how_goods_look_and_a_person_asked_for(text: str, complaint: bool,
                                               human: bool) -> None:
    sentiment = analyze_sentiment(text)
    assert (sentiment.complaint, sentiment.wants_human) == (complaint, human)


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("conditions")) as client:
        yield client


def _say(api: Api, label: str, customer: str, *texts: str) -> list:  # type: ignore[type-arg]
    return [assist_once(api.runtime, customer_id=customer, text=t, label=label).result
            for t in texts]


def test_a_condition_already_met_carries_the_write_out(api: Api) -> None:
    asked, met = _say(api, "met", "C187", "please cancel A10113",
                      "ok yes cancel — provided I'm not charged a cancellation fee for it")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert met.action is not None and met.action.status == "executed"


def test_a_hold_on_that_keeps_the_order_is_a_no(api: Api) -> None:
    assert withdraws("leave the order as it is then") and withdraws("ok leave my order alone")
    assert find_affirmation("leave the order as it is, thanks") == "no"
    asked, held = _say(api, "held", "C032", "please cancel A10005",
                       "hmm hold on, my sister just said she'll take it off me. leave the order "
                       "as it is then")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert held.intent == "cancel_order", held.intent  # the cancellation declined
    assert held.action is None or held.action.status != "executed"
    assert "A10005" in held.reply


@pytest.mark.parametrize("text", ["A10006 这单能换成大一号的吗", "A10006 想换成大一号的"])
def test_a_variant_wanted_instead_is_a_change_of_the_order(api: Api, text: str) -> None:
    (asked,) = _say(api, f"into-{text}", "C037", text)
    assert asked.intent == "change_order", asked.intent


def test_an_address_put_otherwise_after_a_no(api: Api) -> None:
    asked, other, done = _say(
        api, "otherwise", "C066",
        "can order A10010 go to 12 Harbour Road, Bristol BS1 5TT instead?",
        "wait no, sorry, nobody's in there on weekdays. make it my office instead: "
        "10 Collyer Quay, #40-02, Singapore 049315",
        "yes that's the one, thanks")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert other.action is not None and other.action.status == "needs_confirmation"
    assert "Collyer Quay" in other.reply
    assert done.action is not None and done.action.status == "executed"
    assert "Collyer Quay" in done.reply


@pytest.mark.parametrize(("text", "closes"), [
    ("sound, I'll sort it on their site 👍", True),
    ("fair enough, should've checked before buying. cheers anyway", True),
    ("Ok, I'll film it and send it over. Thanks!", True),
    ("好嘞 那我拍个视频发过来 谢谢", True),
    ("哦 要她本人来问啊 行 我让她联系你们 谢谢", True),
    ("I'll send it back, thanks", False), ("where is it 👍", False), ("我要退货 谢谢", False),
    # paying or ordering at once
    ("好的谢谢，我这就去付款", True), ("Perfect, paying now. Sorry for the chaos!", True),
    ("ok 那我现在去付款啦", True), ("哦哦找到了 物业前台帮我代收了 虚惊一场", True),
    ("found it, the neighbour had it. false alarm!", True), ("搞定了 帮我取消了吧 谢谢", False),
    ("ok paying now doesnt work, the page errors", False),
    # someone else told of it, no thanks needed
    ("好的 我让他留意一下快递点的短信", True), ("好的 我让他再查查为什么还没到", False),
    ("Of course, I'll ask her to message you herself when she's up to it", True),
    ("ok I'll ask her when it comes", False),
    ("Great, thank you. Reordering now.", True), ("great, ordering now but the page errors", False),
    ("Ta, reordering the wee one now", True), ("好的，我明天就寄出去", True),
    ("Fair, I get it. I'll hand it back to the postie tomorrow then", True),
    ("ok I'll hand it back, where is my refund?", False),
])
def test_more_remarks_that_close(text: str, closes: bool) -> None:
    assert closes_with_a_remark(text) is closes


def test_time_to_decide_and_the_invoice_after_a_return() -> None:
    assert cue.asks_time_to_decide("And how long have I got to make up my mind?")
    assert cue.asks_policy("how long have I got to make my mind up?")
    assert asks_after_the_invoice("If I send it back, what happens to the receipt?")
    assert not asks_after_the_invoice("can I have a receipt for it?")


def test_what_a_return_of_one_item_would_pay_after_returns_were_talked_of(api: Api) -> None:
    _, pays = _say(api, "one-item", "C037",
                   "if the things in my last delivered order don't suit, can I send them back?",
                   "and what would I actually get back for just one of them?")
    assert pays.intent == "check_refund_policy" and pays.action is None


def test_a_return_supposed_and_what_the_parcel_holds() -> None:
    assert cue.hypothetical("那等到了原封不动寄回来 这盒滤芯能退多少")
    assert asks_if_in_the_parcel("包裹里会放价格单或者纸质发票吗 不想让她看到价格")
    assert asks_if_in_the_parcel("it's a gift - will the price be in the box?")
    assert not asks_if_in_the_parcel("can I have the invoice for the box I ordered?")


def test_a_delay_complained_of_while_cancelling_is_settled_by_the_cancellation(api: Api) -> None:
    asked, = _say(api, "delay", "C074", "A10011 还没发货 说好的两天内发呢 不等了 帮我取消吧")
    assert asked.decision != "handoff" and asked.intent == "cancel_order"
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    angry, = _say(api, "delay-2", "C037", "说好的两天内发货 我要投诉 A10520 取消")
    assert angry.decision == "handoff"


def test_a_number_we_cannot_find_is_said_so_not_swapped(api: Api) -> None:
    asked, = _say(api, "typo", "C187", "did I get all the money back for the skillet I returned? "
                  "order A10959")
    assert asked.intent == "track_refund"
    assert "A10959" in asked.reply and "R0090" not in asked.reply


def test_a_change_tried_instead_of_a_return_leaves_the_return_waiting(api: Api) -> None:
    asked, pays, swap, done = _say(
        api, "instead", "C153", "the down jacket from A10051 doesn't fit, I want to return it",
        "扣掉退货运费还能退我多少", "要不直接给我换成L码吧 不走退货了", "好吧 那还是先退")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert pays.intent == "check_refund_policy" and pays.action is None
    assert swap.intent == "change_order" and swap.action is not None
    assert swap.action.status == "blocked"
    assert done.action is not None and done.action.status == "executed"


def test_a_fault_come_on_with_use() -> None:
    from app.understanding.product_cues import with_use
    assert with_use("最近每天早上起来都瘪了 是不是漏气了")
    assert with_use("lately it keeps switching itself off")
    assert not with_use("the box arrived crushed")


def test_a_change_taken_instead_of_a_cancellation_withdraws_it(api: Api) -> None:
    asked, instead, yes = _say(
        api, "keep-it", "C037", "A10406 这单帮我取消一下",
        "等下等下 台灯我还是要的 主要是瑜伽垫拍多了 把瑜伽垫删掉就行", "嗯嗯 就这样 改吧")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert instead.intent == "change_order"
    # the cancellation the shopper turned away from is never carried out by the yes
    assert yes.action is None or yes.action.name != "cancel_order"
    assert "取消" not in yes.reply or "已为您取消" not in yes.reply


def test_nothing_added_after_a_question_gives_the_change_up(api: Api) -> None:
    asked, _, dropped = _say(
        api, "drop-add", "C032", "A10005 please add one more yoga mat",
        "wait, before you add it - is the yoga mat non-slip?",
        "ah ok 😅 no, don't add anything then, leave the order the way it was. I'll buy one "
        "in town")
    assert asked.action is not None and asked.action.status == "needs_confirmation", asked
    assert dropped.intent != "cancel_order", dropped.intent
    assert dropped.action is None or dropped.action.name != "cancel_order", dropped.action


def test_forget_the_swap_gives_it_up() -> None:
    text = "Ugh, scrap that, prices went up. Forget the exchange and leave the kettle in the order."
    assert find_affirmation(text) == "no" and withdraws(text)
