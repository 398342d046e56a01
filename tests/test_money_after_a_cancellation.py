"""When the money comes back for an order Kefu itself cancelled: the store keeps no
payment state for a cancelled order, but Kefu's own action log knows whether it had been
paid and what the cancellation returned, so the answer says it outright instead of "if it
had been paid"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api_helpers import Api
from tests.shop_k1 import STORE, order, say, shop


@pytest.fixture
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("cancelmoney"), {**STORE, "orders": [
            *STORE["orders"], order("Q-5300", "LP", "Desk Lamp", 1, "pending"),
            order("Q-4800", "FN", "Tower Fan", 50, "cancelled")]}) as client:
        yield client


@pytest.mark.parametrize("cancel, yes, when, paid_words", [
    ("please cancel Q-5101", "yes", "when do I get my money back?", "you paid goes back"),
    ("取消Q-5101", "是的", "那钱什么时候退回来", "您已付的"),
])
def test_a_paid_order_cancelled_here_gets_its_money_back_without_an_if(
        api: Api, cancel: str, yes: str, when: str, paid_words: str) -> None:
    say(api, cancel, cancel)
    done = say(api, cancel, yes)
    assert done.action is not None and done.action.status == "executed"
    asked = say(api, cancel, when)
    assert asked.intent == "track_refund" and asked.decision == "auto_send"
    assert paid_words in asked.reply and "50.00" in asked.reply
    assert "if it had been paid" not in asked.reply and "如果当时已经付款" not in asked.reply


def test_an_unpaid_order_cancelled_here_had_nothing_charged(api: Api) -> None:
    say(api, "unpaid", "cancel Q-5300 please")
    assert say(api, "unpaid", "yes").action.status == "executed"  # type: ignore[union-attr]
    asked = say(api, "unpaid", "when will I get the money back?")
    assert asked.intent == "track_refund"
    assert "nothing was charged" in asked.reply and "50.00" not in asked.reply


def test_an_order_cancelled_elsewhere_still_says_what_happens_if_it_was_paid(api: Api) -> None:
    # the store says cancelled, but nothing here knows whether it had been paid
    asked = say(api, "elsewhere", "I cancelled Q-4800, when is my money back?")
    assert asked.intent == "track_refund"
    assert "if it had been paid" in asked.reply


@pytest.mark.parametrize("cancel, when, words", [
    ("please cancel Q-5101", "and when do I get the money back?", "Once you confirm"),
    ("取消Q-5101", "那钱什么时候退回来", "您确认取消"),
])
def test_money_asked_before_the_yes_is_what_the_cancellation_gives_back(
        api: Api, cancel: str, when: str, words: str) -> None:
    # not "there's no refund request on this order" and the returns process: what the
    # waiting cancellation returns; the cancellation still waits for its yes
    label = f"before-{cancel}"
    say(api, label, cancel)
    asked = say(api, label, when)
    assert asked.intent == "track_refund" and words in asked.reply and "50.00" in asked.reply
    done = say(api, label, "yes" if cancel.isascii() else "是")
    assert done.action is not None and done.action.name == "cancel_order"
    assert done.action.status == "executed"
