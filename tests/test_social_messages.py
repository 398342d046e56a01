"""A greeting or thanks and nothing else is answered in kind: no "I can't help with
that", no offer of a person (so a second "thanks" no longer hands off), no failed turn."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist.service import assist_once
from app.understanding.social import social_kind
from tests.api_helpers import Api, api_on_copy


@pytest.mark.parametrize(("text", "kind"), [
    ("hi", "greeting"), ("Hello there!", "greeting"), ("你好", "greeting"), ("在吗", "greeting"),
    ("thanks!", "thanks"), ("ok, thanks", "thanks"), ("that's all, thank you!", "thanks"),
    ("好的 谢谢你", "thanks"), ("拜拜", "thanks"),
    ("hi, where is my order?", None), ("thanks for nothing", None), ("no thanks", None),
    ("谢谢 我要退货", None), ("hello? is anyone there", None),
    ("好的", "ack"), ("ok", "ack"), ("got it", "ack"), ("嗯嗯", "ack"), ("知道了", "ack"),
    ("好吧 那我再等等", "ack"), ("ok, I will wait", "ack"), ("知道了谢谢", "thanks"),
    ("好吧 那就等等吧", "ack"),
    ("right?", None), ("好的吗", None), ("ok where is my order", None), ("ok cancel it", None),
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
