"""Items that can no longer change on an order that can still be cancelled: the reply
offers to cancel it (so that the shopper can order again) and a yes to that offer
proposes the cancellation, which still waits for its own yes; a no changes nothing. An
order past cancelling is offered nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist.state import Pending
from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.fixture
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("canceloffer")) as client:
        yield client


@pytest.mark.parametrize("ask, yes, confirm", [
    ("can you change Q-5101 to two kettles instead of one?", "yes please", "yes"),
    ("Q-5101 的水壶能改成两个吗", "好的", "是"),
])
def test_a_yes_to_the_cancel_offered_proposes_it_and_waits_for_its_own_yes(
        api: Api, ask: str, yes: str, confirm: str) -> None:
    refused = say(api, ask, ask)
    assert refused.intent == "change_order" and refused.action is not None
    assert refused.action.status == "blocked" and ("shall I cancel" in refused.reply
                                                   or "需要我帮您取消吗" in refused.reply)
    proposed = say(api, ask, yes)
    assert proposed.intent == "cancel_order" and proposed.action is not None
    assert proposed.action.status == "needs_confirmation"
    assert proposed.action.params["order_id"] == "Q-5101"
    done = say(api, ask, confirm)
    assert done.action is not None and done.action.status == "executed"


def test_a_no_to_the_cancel_offered_changes_nothing(api: Api) -> None:
    say(api, "offer-no", "can you change Q-5101 to two kettles instead of one?")
    declined = say(api, "offer-no", "no thanks")
    assert declined.action is None and declined.decision == "auto_send"
    assert "can't help" not in declined.reply
    # the cancellation was the bot's offer, not the shopper's request: none was asked
    assert declined.intent == "other"


def test_keeping_them_after_no_problem_declines_the_offer(api: Api) -> None:
    say(api, "offer-keep", "can you change Q-5101 to two kettles instead of one?")
    kept = say(api, "offer-keep", "No problem, we'll keep it as it is then. Thanks")
    assert kept.action is None and kept.intent == "other", (kept.intent, kept.reply)


def test_a_shipped_order_is_offered_no_cancel(api: Api) -> None:
    refused = say(api, "shipped", "can you change Q-4950 to two lamps?")
    assert refused.action is not None and refused.action.status == "blocked"
    assert "cancel" not in refused.reply
    after = say(api, "shipped", "yes")
    assert after.action is None or after.action.name != "cancel_order"


def test_a_stored_look_up_offer_still_reads() -> None:
    # conversations stored before the offers were one kind keep their open question
    old = Pending.model_validate({"kind": "lookup_offer", "intent": "track_refund"})
    assert old.kind == "request_offer"


@pytest.mark.parametrize("between, thanks", [
    ("how long do refunds take to reach my card?", "ok I'll wait then, thanks"),
    ("退款一般几天到账", "好 那我等着 谢谢")])
def test_thanks_after_another_answer_is_no_yes_to_an_older_offer(
        api: Api, between: str, thanks: str) -> None:
    label = f"older-{thanks}"
    say(api, label, "can you change Q-5101 to two kettles instead of one?")
    say(api, label, between)
    closing = say(api, label, thanks)
    assert closing.intent == "other" and closing.action is None


def test_thanks_right_after_the_offer_still_takes_it(api: Api) -> None:
    say(api, "offer-thanks", "can you change Q-5101 to two kettles instead of one?")
    taken = say(api, "offer-thanks", "ok thanks")
    assert taken.intent == "cancel_order" and taken.action is not None
