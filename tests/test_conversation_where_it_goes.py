"""Where a parcel goes, or has gone: an order not yet shipped asked to go to a new place
is an address change (not a question about the product named), and "I sent it back,
has it arrived?" asks about the return, not the delivery that brought it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.understanding import dialogue_cues as cue
from tests.api_helpers import Api
from tests.shop_k1 import STORE, iso, say, shop

RETURN = {"id": "RT-31", "order_id": "Q-4990", "status": "requested", "amount": 50.0,
          "created_at": iso(2)}


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    store = STORE | {"refunds": [RETURN]}
    with shop(initialised_template, tmp_path_factory.mktemp("where-it-goes"), store) as c:
        yield c


@pytest.mark.parametrize(("text", "returned"), [
    ("sent the little pump back to you last week", True), ("I posted them back on monday", True),
    ("we shipped the kettle back", True), ("已经寄回去了 收到没", True),
    ("can you send me the tracking back", False), ("where is my kettle", False),
])
def test_saying_it_was_sent_back(text: str, returned: bool) -> None:
    assert bool(cue.says_returned(text)) is returned


@pytest.mark.parametrize(("label", "text"), [
    ("en", "moved flats, can the kettle order go to my new place instead?"),
    ("en2", "could the kettle be delivered to a different address?"),
])
def test_a_new_place_for_an_order_not_shipped_is_an_address_change(api: Api, label: str,
                                                                   text: str) -> None:
    result = say(api, f"place-{label}", text)
    assert result.intent == "change_shipping_address", result.reply
    assert result.action is None  # the new address is asked for first


@pytest.mark.parametrize(("label", "text"), [
    ("en", "hi, I sent the toaster back last week, has it arrived yet?"),
    ("zh", "多士炉我已经寄回去了 你们收到了吗"),
])
def test_has_my_return_arrived(api: Api, label: str, text: str) -> None:
    result = say(api, f"back-{label}", text)
    assert result.intent == "track_refund", result.reply
    assert result.action is not None and result.action.params["order_id"] == "Q-4990"
    assert "RT-31" in result.reply


@pytest.mark.parametrize(("label", "text"), [
    ("en", "on second thoughts leave it going home, someone's always in there. sorry!"),
    ("en-reception", "actually leave it going to my office, there's always someone at reception"),
    ("zh", "想了想 还是算了 就这样吧 家里一直有人"),
])
def test_a_change_given_up_calmly_is_no_request_for_a_person(api: Api, label: str,
                                                             text: str) -> None:
    say(api, f"given-up-{label}", "can the kettle order go to my new place instead?")
    result = say(api, f"given-up-{label}", text)
    assert result.decision != "handoff" and result.action is None, result.reply
    assert result.intent == "change_shipping_address"
    assert "Q-5101" in result.reply  # nothing changed on it, said so


def test_a_refund_number_given_for_which_order_tracks_the_refund(api: Api) -> None:
    say(api, "refund-number", "can you check on order Q-9999 for me? it's my sister's")
    result = say(api, "refund-number", "ok fair enough. what about my own refund, RT-31?")
    assert result.intent == "track_refund", result.reply
    assert result.action is not None and result.action.params["order_id"] == "Q-4990"
    assert "RT-31" in result.reply


def test_another_order_asked_about_after_a_refund_is_where_it_is(api: Api) -> None:
    first = say(api, "other-after-refund", "has the refund for the toaster been approved yet?")
    assert first.intent == "track_refund"
    result = say(api, "other-after-refund", "also what's happening with my other order, the lamp?")
    assert result.intent == "track_order", result.reply
    assert result.action is not None and result.action.params["order_id"] == "Q-4950"


@pytest.mark.parametrize(("text", "cost", "back"), [
    ("so I'd have to wait and post them back? what does that cost me", True, True),
    ("right, so I send it back myself. what do I lose on the return?", True, True),
    ("how much would I lose if I return it", True, True), ("I lose on the deal", False, False),
])
def test_what_a_return_costs(text: str, cost: bool, back: bool) -> None:
    assert bool(cue.asks_cost(text)) is cost and bool(cue.mentions_return(text)) is back
