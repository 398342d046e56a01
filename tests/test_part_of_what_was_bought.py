"""Some of the units bought, not all: "one of the two toasters", "另一个还没拆封 买多了":
the return proposed is of that many units, priced as such, not of the whole order."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.understanding.slot_patterns import find_part_count
from tests.api_helpers import Api
from tests.shop_k1 import STORE, say, shop


@pytest.mark.parametrize(("text", "count"), [
    ("can I send back one of the two toasters?", 1), ("two of them are still sealed", 2),
    ("另一片还没拆封 买多了 能退吗", 1), ("其中一个能退吗", 1), ("多拍了两盒 能退吗", 2),
    ("one of my orders is late", None), ("另一个订单呢", None), ("I want to return it", None)])
def test_the_units_meant(text: str, count: int | None) -> None:
    assert find_part_count(text) == count


def _two_toasters() -> dict:
    store = copy.deepcopy(STORE)
    toaster = next(o for o in store["orders"] if o["id"] == "Q-4990")
    toaster["items"][0]["qty"], toaster["total"] = 2, 100.0
    return store


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("part"), _two_toasters()) as client:
        yield client


@pytest.mark.parametrize("text", [
    "I bought too many, can I return one of the two toasters from Q-4990? still sealed",
    "Q-4990 多买了一个多士炉 其中一个还没拆封 能退吗"])
def test_a_return_of_some_units_is_of_those_units(api: Api, text: str) -> None:
    result = say(api, text, text)
    assert result.intent == "get_refund" and result.action is not None
    assert result.action.status == "needs_confirmation"
    assert result.action.params["items"] == [{"product_id": "TS", "qty": 1}]


def test_a_return_of_the_order_is_of_all_of_it(api: Api) -> None:
    result = say(api, "whole", "I'd like to return Q-4990, changed my mind")
    assert result.action is not None and result.action.status == "needs_confirmation"
    assert not result.action.params.get("items")
