"""An order with a return open already: asked to return an item of it, Kefu cannot tell
whether it is the same item, so the refusal waits for an agent instead of going out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.assist.service import assist_once
from app.store.importer import import_into
from tests.api_helpers import Api, api_on_copy


def _iso(days_ago: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


STORE = {
    "customers": [{"id": "S1", "name": "Sam Yu", "language": "en"}],
    "products": [
        {"id": "SER", "name": "Glow Serum", "price": 40.0,
         "attributes": {"aliases": ["serum"]}},
        {"id": "CRM", "name": "Night Cream", "price": 30.0,
         "attributes": {"aliases": ["cream", "night cream"]}},
    ],
    "orders": [{"id": "ORD-77", "customer_id": "S1", "status": "delivered", "total": 70.0,
                "created_at": _iso(5), "shipped_at": _iso(4), "delivered_at": _iso(2),
                "items": [{"product_id": "SER", "name": "Glow Serum", "qty": 1, "price": 40.0},
                          {"product_id": "CRM", "name": "Night Cream", "qty": 1,
                           "price": 30.0}]}],
    "refunds": [{"id": "RF-77-1", "order_id": "ORD-77", "amount": 30.0,
                 "status": "requested", "created_at": _iso(1)}],
}


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("again")) as client:
        assert not import_into(client.runtime, STORE).rejected
        yield client


def test_a_named_item_of_an_order_with_a_return_open_waits_for_an_agent(api: Api) -> None:
    r = assist_once(api.runtime, customer_id="S1", label="item",
                    text="the serum gave me a rash, I want to return it").result
    assert r.intent == "get_refund" and r.action is not None
    assert r.action.status == "blocked" and "RF-77-1" in r.reply
    assert r.decision == "agent_review"
