"""How soon an invoice comes: the store's hours (policy ``e_invoice_within_hours``) in
every invoice answer where the store states them, and "how long does it take?" / "那要多久"
after an invoice was asked for answered with the shop's invoice terms (no "which
order?", no action on the order before), not with shipping times."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("invoice-hours")) as client:
        path = client.runtime.policy_path
        policy = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(policy | {"e_invoice_within_hours": 36}), encoding="utf-8")
        yield client


@pytest.mark.parametrize(("label", "first", "then", "hours"), [
    ("en", "can I get an invoice for the toaster order?", "how long does it take?",
     "within 36 hours"),
    ("en-soon", "I need the invoice for the toaster", "how soon will I get it", "36 hours"),
    ("zh", "多士炉那单能开发票吗", "那要多久", "36 小时内"),
    ("zh-mail", "多士炉那单帮我开个发票", "多久能到邮箱", "36 小时内"),
    ("zh-get", "多士炉那单帮我开个发票", "大概多久能收到", "36 小时内"),
    # the question short, a remark after it
    ("en-remark", "could I get an invoice for the toaster order?",
     "How soon will it come through? My accountant's on my back about it", "36 hours"),
])
def test_how_long_after_an_invoice_is_the_invoices_question(
        api: Api, label: str, first: str, then: str, hours: str) -> None:
    asked = say(api, f"inv-{label}", first)
    assert asked.action is not None and asked.action.params.get("order_id") == "Q-4990"
    assert hours in asked.reply
    result = say(api, f"inv-{label}", then)
    assert result.intent == "check_invoice" and result.action is None, result.reply
    assert hours in result.reply and "Q-4990" not in result.reply
    assert "business days" not in result.reply and "工作日" not in result.reply


@pytest.mark.parametrize(("label", "then", "intent"), [
    ("refund", "how long until my refund comes?", {"track_refund", "check_refund_policy"}),
    ("lamp", "and when will the lamp arrive?", {"track_order"}),
    ("zh-refund", "那退款要多久", {"track_refund", "check_refund_policy"}),
])
def test_a_question_of_its_own_is_not_carried(api: Api, label: str, then: str,
                                             intent: set[str]) -> None:
    say(api, f"own-{label}", "can I get an invoice for the toaster order?")
    assert say(api, f"own-{label}", then).intent in intent


def test_the_terms_say_the_hours_and_a_deadline_question_stays_one(api: Api) -> None:
    result = say(api, "terms", "how far back can I still ask for an invoice?")
    assert result.intent == "check_invoice"
    assert "36 hours" in result.reply and "days after the purchase date" in result.reply


def test_no_hours_where_the_store_states_none(initialised_template: Path,
                                               tmp_path: Path) -> None:
    with shop(initialised_template, tmp_path) as client:
        say(client, "none", "can I get an invoice for the toaster order?")
        result = say(client, "none", "how long does it take?")
        assert result.intent == "check_invoice" and "days after the purchase" in result.reply
        assert "hours" not in result.reply and "business days" not in result.reply
