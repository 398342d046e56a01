"""An address change asked with no order named, when none of the shopper's orders is still
on its way (all delivered, cancelled or returned, or none at all), is about the address
the account keeps for the next orders: not "which order?" among orders that would all be
refused. An order still on its way keeps the question."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist.schemas import AssistResult
from app.assist.service import assist_once
from tests.api_helpers import Api
from tests.shop_k1 import STORE, iso, order, say, shop


def _done(oid: str, status: str) -> dict:
    return order(oid, "LP", "Desk Lamp", 60, status) | {"customer_id": "K2"}


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("account"), {
            **STORE,
            "customers": [*STORE["customers"], {"id": "K2", "name": "Ada", "language": "en"}],
            "orders": [*STORE["orders"], _done("Q-3001", "delivered") | {"delivered_at": iso(40)},
                       _done("Q-3002", "cancelled")]}) as client:
        yield client


def _say(api: Api, label: str, text: str) -> AssistResult:
    return assist_once(api.runtime, customer_id="K2", label=label, text=text).result


@pytest.mark.parametrize("ask, address, yes, words", [
    ("I'd like to change my delivery address", "Flat 4B, 27 Kingsway, London WC2B 6UN", "yes",
     "default address for your next orders"),
    ("我想改一下收货地址", "上海市徐汇区漕溪北路595号1702室", "是", "默认收货地址"),
])
def test_no_order_on_its_way_means_the_accounts_address(
        api: Api, ask: str, address: str, yes: str, words: str) -> None:
    asked = _say(api, ask, ask)
    assert asked.intent == "set_up_shipping_address" and words in asked.reply
    assert "Q-3001" not in asked.reply  # no choice among orders that would all be refused
    proposed = _say(api, ask, address)
    assert proposed.action is not None and proposed.action.status == "needs_confirmation"
    assert proposed.action.params["address"] == address
    assert _say(api, ask, yes).action.status == "executed"  # type: ignore[union-attr]


def test_an_order_on_its_way_keeps_the_question_of_which(api: Api) -> None:
    asked = say(api, "k1-address", "I'd like to change my delivery address")
    assert asked.intent == "change_shipping_address" and "Q-" in asked.reply
