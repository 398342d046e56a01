"""Dissatisfaction voiced while asking to send a faulty item back inside its returns
window is settled by the return, proposed for the shopper's yes; past the window, a
complaint named as one, anger or a person asked for still goes to a person."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api_helpers import Api
from tests.shop_k1 import STORE, iso, order, say, shop

# a hair dryer delivered long ago: its returns window closed
DRYER = {"id": "HD", "name": "Hair Dryer", "price": 50.0, "attributes": {
    "name_zh": "吹风机", "aliases": ["hair dryer", "dryer", "吹风机"]}}
OLD = order("Q-4100", "HD", "Hair Dryer", 130, "delivered") | {
    "shipped_at": iso(128), "delivered_at": iso(125)}


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    store = STORE | {"products": [*STORE["products"], DRYER],
                     "orders": [*STORE["orders"], OLD]}
    with shop(initialised_template, tmp_path_factory.mktemp("calm-returns"), store) as client:
        yield client


@pytest.mark.parametrize(("label", "text"), [
    ("en", "the toaster stopped heating after two days, really disappointed. can I return it?"),
    ("zh", "多士炉用了两天就不加热了 说好的质量好呢 是不是坏的 能退吗"),
])
def test_a_faulty_item_with_disappointment_is_a_return(api: Api, label: str, text: str) -> None:
    result = say(api, f"calm-{label}", text)
    assert result.decision != "handoff", result.reply
    assert result.action is not None and result.action.name == "get_refund"
    assert result.action.status == "needs_confirmation"


@pytest.mark.parametrize(("label", "text"), [
    ("complaint", "我要投诉 多士炉用了两天就坏了 能退吗"),
    ("angry", "the toaster broke after 2 days!!! this is ridiculous, useless junk. refund it NOW"),
    ("person", "the toaster stopped heating, can I return it? I'd rather talk to a real person"),
    # past the returns window the return settles nothing
    ("past-window", "the hair dryer I got months ago stopped working, quite disappointing"),
])
def test_a_named_complaint_anger_or_a_person_still_hands_off(api: Api, label: str,
                                                             text: str) -> None:
    assert say(api, f"hand-{label}", text).decision == "handoff"
