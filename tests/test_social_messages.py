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
