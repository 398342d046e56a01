"""An order we cannot find, named in a request that still lacks its details (a change of
items with no items said): "I can't find order X", never an action that fails for the
details nobody asked about; a number written in groups is one id."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist.service import assist_once
from tests.api_helpers import Api
from tests.shop_k1 import iso, say, shop


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("unknown")) as client:
        yield client


@pytest.mark.parametrize("text", ["I need to change what's in order Q-9931, can you help?",
                                  "订单 Q-9931 里的东西我想改一下"])
def test_a_change_of_an_order_we_cannot_find(api: Api, text: str) -> None:
    result = say(api, text, text)
    assert result.action is not None and result.action.status == "blocked"
    assert "Q-9931" in result.reply and "went wrong" not in result.reply


# a store whose order numbers are long digits, some of them written in groups
DIGITS = {
    "customers": [{"id": "D-1", "name": "王芳", "language": "zh"}],
    "products": [{"id": "K-1", "name": "电水壶", "price": 99.0, "currency": "CNY"}],
    "orders": [
        {"id": oid, "customer_id": "D-1", "status": "paid", "total": 99.0, "currency": "CNY",
         "created_at": iso(1), "items": [{"product_id": "K-1", "name": "电水壶", "qty": 1,
                                          "price": 99.0}]}
        for oid in ("306118425073", "4108861150349927764")],
}


@pytest.fixture(scope="module")
def digits(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("digits"), DIGITS) as client:
        yield client


@pytest.mark.parametrize("text", ["帮我看一眼她那单 3868 6012 0068 现在到哪了",
                                  "where is order 3868 6012 0068?"])
def test_an_order_number_written_in_groups_we_cannot_find(digits: Api, text: str) -> None:
    """Ids hold no spaces: the number is looked up as one, and not found, never a failure."""
    result = assist_once(digits.runtime, customer_id="D-1", text=text, label=text).result
    assert result.action is not None and result.action.status == "blocked"
    assert "3868 6012 0068" in result.reply  # named back as written
