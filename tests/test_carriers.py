"""A courier named picks the order it carries: "which one is DPD bringing?", "顺丰那个"
(the store records "SF Express"), among the orders offered or still on their way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.understanding.carriers import names_carrier
from tests.api_helpers import Api
from tests.shop_k1 import STORE, iso, order, say, shop


@pytest.mark.parametrize(("text", "carrier", "named"), [
    ("顺丰那个", "SF Express", True), ("the sf one", "SF Express", True),
    ("which one is DPD bringing?", "DPD", True), ("京东快递那单", "JD Logistics", True),
    ("中通的呢", "ZTO Express", True), ("is it with royal mail?", "Royal Mail", True),
    ("sfx cable", "SF Express", False), ("顺便问一下", "SF Express", False),
    ("where is it", "DPD", False), ("anything", None, False), ("by Evri", "Evri", True),
])
def test_a_courier_is_named_by_any_of_its_names(text: str, carrier: str | None,
                                                named: bool) -> None:
    assert names_carrier(text, carrier) is named


def _shipped(oid: str, pid: str, name: str, carrier: str, tracking: str) -> dict:
    return order(oid, pid, name, 3, "shipped") | {
        "shipped_at": iso(2), "carrier": carrier, "tracking_number": tracking}


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    store = STORE | {"orders": [
        _shipped("Q-6001", "KT", "Glass Kettle", "SF Express", "SF1234567890123"),
        _shipped("Q-6002", "BL", "Power Blender", "DHL", "00340434000000000001"),
        order("Q-5990", "FN", "Tower Fan", 40, "delivered") | {
            "carrier": "SF Express", "shipped_at": iso(38), "delivered_at": iso(35)}]}
    with shop(initialised_template, tmp_path_factory.mktemp("carriers"), store) as client:
        yield client


@pytest.mark.parametrize(("label", "turns", "order_id", "tracking"), [
    ("en", ["I've two parcels coming, which one is DHL bringing?"], "Q-6002",
     "00340434000000000001"),
    ("zh", ["包裹啥时候能到啊", "顺丰那个"], "Q-6001", "SF1234567890123"),
    # an item named: how long the courier takes is where that order is
    ("zh-item", ["另外水壶啥时候到 顺丰一般要几天"], "Q-6001", "SF1234567890123"),
])
def test_the_courier_named_picks_the_order(api: Api, label: str, turns: list[str],
                                           order_id: str, tracking: str) -> None:
    for text in turns:
        result = say(api, f"carrier-{label}", text)
    assert result.action is not None and result.action.params["order_id"] == order_id
    assert tracking in result.reply


def test_how_long_a_courier_takes_stays_the_shops_question(api: Api) -> None:
    result = say(api, "carrier-how-long", "顺丰送的话 到成都一般还要几天")
    assert result.intent in ("delivery_period", "delivery_options"), result.reply
    assert result.action is None
