"""What the warranty covers ends with an offer the bot keeps: "shall I pass it to a
colleague for a warranty claim?". A yes or the fault described ("it stopped working",
"不加热了") hands the conversation to a person; thanks is thanks, and "how do I claim?" a
question the store's articles answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.assist.schemas import AssistResult
from app.assist.service import assist_once
from tests.conftest import current
from tests.test_warranty import _delivered_line, home  # noqa: F401  (the fixture)


def _say(customer: str, label: str, text: str) -> AssistResult:
    return assist_once(current(), customer_id=customer, text=text, label=label).result


@pytest.mark.parametrize("then", [
    "yes please", "it stopped working, it doesn't heat at all", "不加热了",
    "the lid handle came off",
])
def test_the_claim_offered_is_made(home: Path, then: str) -> None:  # noqa: F811
    customer, oid, _, _ = _delivered_line(home, "kitchen")
    covered = _say(customer, "claim", f"is my order {oid} still under warranty?")
    assert "shall I pass it to a colleague for a warranty claim" in covered.reply, covered.reply
    claimed = _say(customer, "claim", then)
    assert claimed.decision == "handoff" and claimed.ticket_id is not None


def test_thanks_after_the_warranty_is_no_claim(home: Path) -> None:  # noqa: F811
    customer, oid, _, _ = _delivered_line(home, "kitchen")
    _say(customer, "thanks", f"is my order {oid} still under warranty?")
    thanked = _say(customer, "thanks", "ok thanks")
    assert thanked.decision == "auto_send" and thanked.ticket_id is None


def test_how_to_claim_is_a_question_not_a_yes(home: Path) -> None:  # noqa: F811
    customer, oid, _, _ = _delivered_line(home, "kitchen")
    _say(customer, "how", f"is my order {oid} still under warranty?")
    asked = _say(customer, "how", "ok how do I claim it?")
    assert asked.decision != "handoff" and asked.intent == "product_question"


@pytest.mark.parametrize("fault, still", [
    ("order {oid}: it stopped working, why?", "tried that, still not working"),
    ("订单{oid}坏了 不工作了 怎么回事", "试过了还是不行"),
])
def test_still_not_working_after_what_to_try_offers_the_claim(
        home: Path, fault: str, still: str) -> None:  # noqa: F811
    customer, oid, _, _ = _delivered_line(home, "kitchen")
    asked = _say(customer, f"still-{still}", fault.format(oid=oid))
    assert asked.intent == "product_question", asked.intent
    again = _say(customer, f"still-{still}", still)
    assert again.intent == "product_question" and again.decision != "handoff"
    assert ("shall I pass it to a colleague for a warranty claim" in again.reply
            or "需要我转给同事帮您办理保修吗" in again.reply), again.reply
    claimed = _say(customer, f"still-{still}", "yes" if still.isascii() else "是的")
    assert claimed.decision == "handoff"
