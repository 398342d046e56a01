"""Turns read in their conversation, fourth part: "那…呢" with the order described after
it, "也…改过去" after an address change, a yes said by repeating the request after an
acknowledgement ("嗯嗯 取消"), thanks after an acknowledgement or two, an off-topic ask
pressed (the second off-topic turn hands off, whatever acknowledgement opened the first),
"wait" before a question, which leaves the proposal waiting unless a no follows; a review
asked of an order on its way; the newsletter; the language of a message in both scripts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist.pipeline import _conversation_language
from app.understanding import dialogue_cues as cue
from app.understanding.account_cues import asks_to_review, mentions_newsletter
from app.understanding.social import social_kind
from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.fixture
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("turns4")) as client:
        yield client


@pytest.mark.parametrize("text, about", [
    ("哦 那台灯那单呢 上个月买的那个", True), ("啊这 那九月那单呢 两件一起买的", True),
    ("好的 那我明天再来", False), ("我问的是那个呢子大衣", False)])
def test_what_about_with_the_order_described_after_it(text: str, about: bool) -> None:
    assert cue.what_about(text) is about


def test_that_order_too_after_an_address_change(api: Api) -> None:
    say(api, "too", "please change the address on Q-5101 to 5 Elm Road, Springfield")
    say(api, "too", "yes")
    also = say(api, "too", "破壁机那单也顺便改过去吧")
    assert also.intent == "change_shipping_address" and also.action is not None
    assert also.action.params["order_id"] == "Q-5102"


@pytest.mark.parametrize("ack", ["嗯嗯 取消", "好的 取消吧", "对 取消"])
def test_the_request_repeated_after_an_acknowledgement_is_a_yes(api: Api, ack: str) -> None:
    asked = say(api, f"ack-{ack}", "取消Q-5101")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    done = say(api, f"ack-{ack}", ack)
    assert done.action is not None and done.action.status == "executed"


@pytest.mark.parametrize("text", ["好吧 知道了 谢谢", "ok got it, thanks", "嗯嗯 好的 谢谢"])
def test_thanks_after_acknowledgements_is_thanks(text: str) -> None:
    assert social_kind(text) == "thanks"


@pytest.mark.parametrize("first, pressed", [
    ("好的 问个别的 明天去上海的高铁还有票不", "你就帮我查一下嘛 求求了"),
    ("ok different question, who won the match last night?", "come on, just check it for me"),
])
def test_an_off_topic_ask_pressed_hands_off(api: Api, first: str, pressed: str) -> None:
    answered = say(api, f"press-{first}", first)
    assert answered.intent == "other" and answered.decision != "handoff"
    again = say(api, f"press-{first}", pressed)
    assert again.decision == "handoff" and again.action is not None
    assert again.action.name == "handoff"


def test_wait_then_no_is_a_no(api: Api) -> None:
    say(api, "waitno", "取消Q-5101")
    kept = say(api, "waitno", "hmm wait, is it the glass one? no, don't cancel, keep it please")
    assert kept.action is not None and kept.action.status == "blocked"
    assert kept.action.params["order_id"] == "Q-5101"


@pytest.mark.parametrize("text, review", [
    ("and the lamp that's on its way, can I review that one once it's here?", True),
    ("I wanted to write a review for the kettle", True), ("想给个好评 在哪里写", True),
    ("I left a bad review because it never came", False), ("the reviews say it's loud", False)])
def test_reviewing_asked(text: str, review: bool) -> None:
    assert asks_to_review(text) is review


def test_a_review_asked_of_an_order_on_its_way_is_about_reviews(api: Api) -> None:
    say(api, "rev", "where is my lamp?")
    asked = say(api, "rev", "ok and can I review the lamp once it's here?")
    assert asked.intent == "review" and asked.action is None


@pytest.mark.parametrize("text", ["cheers. can you also take me off the newsletter",
                                  "请帮我退订营销短信"])
def test_the_newsletter(api: Api, text: str) -> None:
    assert mentions_newsletter(text)
    assert say(api, f"news-{text}", text).intent == "newsletter_subscription"


@pytest.mark.parametrize("text, fits", [
    ("L码是不是太大了", True), ("would the M be too small for him?", True),
    ("will the S fit a 52 cm head?", True), ("it's too big, can I return it?", False)])
def test_whether_a_size_will_do(text: str, fits: bool) -> None:
    assert cue.asks_if_it_fits(text) is fits


def test_a_size_asked_about_is_no_return(api: Api) -> None:
    asked = say(api, "fits", "the kettle was for my mum, is it too big for a tiny kitchen?")
    assert asked.intent != "get_refund" and asked.action is None


def test_the_order_then_follows_up(api: Api) -> None:
    say(api, "then", "can I get an invoice for the toaster?")
    then = say(api, "then", "ok, the lamp order then?")
    assert then.intent in ("get_invoice", "check_invoice") and then.action is not None
    assert then.action.params["order_id"] == "Q-4950"


@pytest.mark.parametrize("text, current, language", [
    ("hi can check my refund for 4167 入咗數未? 🙏", None, "en"),  # mostly English words
    ("帮我cancel掉吧", None, "zh"), ("帮我check下订单", "en", "zh"),
    ("ok refund 可以吗", "en", "en"),  # neither has twice the other's: the conversation's
    ("SO-1042", "zh", "zh"), ("where is my order I placed last week", "zh", "en")])
def test_the_language_of_a_message_in_both_scripts(text: str, current: str | None,
                                                   language: str) -> None:
    detected = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"
    assert _conversation_language(text, detected, current) == language


@pytest.mark.parametrize("text", ["想买台净化器 能分期不 最多分几期",
                                  "can I split the payment into 3?", "do you do instalments?"])
def test_paying_in_instalments_asks_the_ways_to_pay(api: Api, text: str) -> None:
    assert cue.asks_if_accepted(text)
    assert say(api, f"inst-{text}", text).intent == "check_payment_methods"


@pytest.mark.parametrize("text, where", [
    ("so the lamp's still going to the old flat? when's it landing", True),
    ("when's the kettle turning up?", True), ("when will the refund land", False)])
def test_when_it_lands(text: str, where: bool) -> None:
    assert cue.asks_where(text) is where


def test_another_way_to_pay_after_money_not_arrived(api: Api) -> None:
    asked = say(api, "alipay", "转账还没到账啊 那能改用支付宝付吗")
    assert asked.intent == "check_payment_methods" and cue.asks_if_accepted("能改用支付宝付吗")


@pytest.mark.parametrize("text", [
    "I'm writing a round-up of fountains for our pet club newsletter. Is the F2 under 25 dB?",
    "it's for my newsletter, how big is the tank?"])
def test_a_newsletter_of_the_shoppers_own_is_not_the_shops(text: str) -> None:
    assert not mentions_newsletter(text)
