"""A greeting or thanks and nothing else is answered in kind: no "I can't help with
that", no offer of a person (so a second "thanks" no longer hands off), no failed turn."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist.service import assist_once
from app.understanding.closings import closes_with_a_remark, thanks_and_asks_nothing
from app.understanding.social import social_kind
from tests.api_helpers import Api, api_on_copy


@pytest.mark.parametrize(("text", "kind"), [
    ("hi", "greeting"), ("Hello there!", "greeting"), ("你好", "greeting"), ("在吗", "greeting"),
    ("在吗在吗", "greeting"), ("你好在吗", "greeting"), ("在吗 我的快递呢", None),
    ("在不在呀", "greeting"), ("你好呀", "greeting"), ("哈喽呀 我的快递呢", None),
    ("thanks!", "thanks"), ("ok, thanks", "thanks"), ("that's all, thank you!", "thanks"),
    ("好的 谢谢你", "thanks"), ("拜拜", "thanks"),
    ("hi, where is my order?", None), ("thanks for nothing", None), ("no thanks", None),
    ("谢谢 我要退货", None), ("hello? is anyone there", None),
    ("好的", "ack"), ("ok", "ack"), ("got it", "ack"), ("嗯嗯", "ack"), ("知道了", "ack"),
    ("好吧 那我再等等", "ack"), ("ok, I will wait", "ack"), ("知道了谢谢", "thanks"),
    ("好吧 那就等等吧", "ack"), ("行吧，那我就等快递上门了", "ack"),
    ("我等快递上门了吗", None), ("great stuff 😊", "ack"), ("nice one", "ack"), ("嗯就这样", "ack"),
    ("right?", None), ("好的吗", None), ("ok where is my order", None), ("ok cancel it", None),
    ("perfect, thanks - have a lovely weekend", "thanks"), ("cheers for sorting me out", "thanks"),
    ("take care of it thanks", None),
    # a pleasantry after the greeting is still a greeting; a request is not
    ("Hi! hope you're having a good week so far 🙂", "greeting"),
    ("hello, how are you?", "greeting"), ("你好 最近好吗", "greeting"),
    ("hi, how are you? where is my order", None), ("Hi! hope you can help with a refund", None),
    ("Great, that was painless for once. Cheers.", "thanks"),
    ("that was easy, was it refunded?", None),
    ("Fair enough. Thanks for being so patient with me!", "thanks"),
    ("Thanks, and sorry again for the faff!", "thanks"), ("ta", "thanks"),
])
def test_only_a_whole_message_is_social(text: str, kind: str | None) -> None:
    assert social_kind(text) == kind


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("social")) as client:
        yield client


def test_greeted_and_thanked_without_a_hand_off(api: Api) -> None:
    customer = "C001"
    said = [("你好", "zh"), ("谢谢", "zh"), ("谢谢", "zh"), ("hi there", "en"),
            ("thanks!", "en"), ("thanks!", "en")]
    replies = [assist_once(api.runtime, customer_id=customer, text=t, label=lang).result
               for t, lang in said]
    assert all(r.decision == "auto_send" and r.ticket_id is None for r in replies)
    assert "您好" in replies[0].reply and "不客气" in replies[1].reply
    assert replies[3].reply.startswith("Hi") and "welcome" in replies[5].reply
    assert not any("人工" in r.reply or "colleague" in r.reply for r in replies)


def test_a_bare_ok_after_an_answer_is_taken_as_read(api: Api) -> None:
    # "好的" after the order's status was not out of scope, with a person offered
    for customer, first, ok, expected in (("C001", "我的订单到哪了", "好的", "还有其他需要"),
                                          ("C001", "where is my order?", "ok", "anything else")):
        label = f"ack-{ok}"
        assist_once(api.runtime, customer_id=customer, text=first, label=label)
        reply = assist_once(api.runtime, customer_id=customer, text=ok, label=label).result
        assert reply.decision == "auto_send" and expected in reply.reply
        assert "人工" not in reply.reply and "colleague" not in reply.reply


@pytest.mark.parametrize(("text", "closes"), [
    ("ah that's my own fault for leaving it so long, no worries", True),
    ("oh wait, found it, it was under another name on my statement. sorry! all sorted", True),
    ("No problem, we'll keep both then. Thanks", True),
    ("好的 我让行政发邮件过去 谢谢", True), ("我自己去问问快递吧 谢谢", True),
    ("I'll wait but cancel it if it doesn't come, thanks", False),
    ("my bad, it was 88231, thanks", False),
    ("the lid is broken, my own fault I guess, thanks", False),
    ("we'll keep it, can you send the invoice? thanks", False), ("我再想想要不要退 谢谢", False),
    ("found it", False), ("thanks for sorting it", False),
    ("no worries, I'll grab it from the shop if they miss me", True),
    ("no problem, can you send the invoice?", False),
    ("ah ok no stress, I'll be home anyway. ty!", True),
    # an ok and a plan of one's own: later, first, again
    ("好 那我晚点重新下单", True), ("明白 那先买一袋试试 谢啦", True),
    ("Alright, I'll give DPD a couple of days. Thanks!", True),
    ("好 先退吧", False), ("好 那我改一下地址吗", False), ("明白 那先帮我取消", False),
    ("行吧 那我再等两天 客厅得有四十来平 这玩意儿整得过来不", False),
])
def test_a_remark_of_ones_own_closes_the_matter(text: str, closes: bool) -> None:
    assert closes_with_a_remark(text) is closes


def test_waiting_said_with_thanks_is_thanks() -> None:
    assert social_kind("好 那我等着 谢谢") == "thanks"
    assert social_kind("好吧 我等着") == "ack"
    assert social_kind("好 那就这么办 谢了") == "thanks"


def test_a_closing_remark_is_answered_in_kind(api: Api) -> None:
    for customer, first, last, expected in (
            ("C001", "where is my order?", "ah that's my own fault, I'll just wait. thanks",
             "welcome"),
            ("C001", "我的订单到哪了", "好的 我让家里人留意一下 谢谢", "不客气"),
            # a plan of their own without thanks is taken in, not thanked back
            ("C001", "where is my order?", "ok will ask again once it's shipped", "Great"),
            ("C001", "我的订单到哪了", "那我拍个视频发过来", "好的")):
        label = f"remark-{last}"
        assist_once(api.runtime, customer_id=customer, text=first, label=label)
        reply = assist_once(api.runtime, customer_id=customer, text=last, label=label).result
        assert reply.intent == "other" and reply.decision == "auto_send"
        assert expected in reply.reply and reply.ticket_id is None


@pytest.mark.parametrize(("text", "closes"), [
    ("Makes sense, nothing to claim there then. Ta!", True), ("super, danke dir 👍", True),
    ("明白晒 唔该 我再试下先", True), ("好 那我先买回来试试 谢了", True),
    ("thanks but where is my order", False), ("谢啦 那单还是寄原来的地址哈", False),
    ("Brilliant, the dog will be chuffed", False),  # no thanks in it
    ("thanks, can you cancel it?", False), ("ta, it's 4412", False),
    # a plan of the shopper's own, not a choice asked
    ("那算了 冻干还是我手喂吧 谢啦", True), ("还是退吧 谢谢", False),
])
def test_thanks_that_ask_nothing(text: str, closes: bool) -> None:
    assert thanks_and_asks_nothing(text) is closes


def test_thanks_after_an_answer_that_missed_is_no_hand_off(api: Api) -> None:
    # an answer the bot could not give (a person offered), then thanks: the shopper
    # closes, and that is no second miss that hands the conversation over
    label = "thanks-after-a-miss"
    assist_once(api.runtime, customer_id="C001", text="what's the meaning of life?", label=label)
    reply = assist_once(api.runtime, customer_id="C001", label=label,
                        text="Makes sense, nothing to claim there then. Ta!").result
    assert reply.ticket_id is None and reply.intent == "other"
    assert "welcome" in reply.reply and "colleague" not in reply.reply


def test_thanks_with_a_word_on_the_item_talked_of(api: Api) -> None:
    # thanks that name the item just asked about tell nothing wrong and ask nothing: no
    # question about the skillet read into them
    label = "thanks-for-the-skillet"
    assist_once(api.runtime, customer_id="C001", label=label,
                text="is the cast-iron skillet oven safe?")
    reply = assist_once(api.runtime, customer_id="C001", label=label,
                        text="thanks for checking the cast-iron skillet anyway").result
    assert reply.intent == "other" and "welcome" in reply.reply


@pytest.mark.parametrize(("text", "kind"), [
    ("gr8 ty!!", "thanks"), ("tq so much", "thanks"), ("tysm!", "thanks"), ("3q", "thanks"),
    ("m goi saai", "thanks"), ("super, dankjewel 🙂", "thanks"), ("danke schön", "thanks"),
    ("Have a good one!", "thanks"), ("perfect, have a nice day", "thanks"), ("感恩", "thanks"),
    ("k thx bye", "thanks"), ("awesome, cheers mate", "thanks"), ("sweet 👍", "ack"),
    ("great that helps", "ack"), ("好，麻烦了哈", "thanks"), ("谢谢哈", "thanks"),
    # the same words with a request or a question are no closing
    ("have a good day, where is my order", None), ("tq can you cancel it", None),
    ("sweet, cancel it", None), ("is that sweet?", None), ("all good?", None),
    ("thanks, as I said the lamp is broken", None),
])
def test_closings_as_typed_in_chat_and_abroad(text: str, kind: str | None) -> None:
    assert social_kind(text) == kind


@pytest.mark.parametrize("closing", ["gr8 ty!!", "Have a good one!", "m goi saai", "sweet 👍"])
def test_a_chat_closing_after_an_answer_goes_out_in_kind(api: Api, closing: str) -> None:
    label = f"closing-{closing}"
    assist_once(api.runtime, customer_id="C001", text="where is my order?", label=label)
    reply = assist_once(api.runtime, customer_id="C001", text=closing, label=label).result
    assert reply.intent == "other" and reply.decision == "auto_send"
    assert reply.ticket_id is None and "colleague" not in reply.reply
