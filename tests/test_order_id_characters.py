"""Order ids as stores write them, "#" and "/" included ("#1001" from a shop's order
name, "SO/2026/0001" from an ERP's sequence): imported, resolved in messages of both
languages however the shopper spells them, kept private, and served by the API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.assist.schemas import AssistResult
from app.assist.service import assist_once
from app.store.importer import import_into
from tests.api_helpers import Api, api_on_copy


def _order(oid: str, customer: str, tracking: str) -> dict[str, Any]:
    return {"id": oid, "customer_id": customer, "status": "shipped",
            "created_at": "2026-11-20T08:00:00Z", "shipped_at": "2026-11-21T08:00:00Z",
            "total": 20.0, "currency": "EUR", "carrier": "DHL", "tracking_number": tracking,
            "shipping_address": "Hauptstr. 1, 10115 Berlin",
            "items": [{"name": "Tea cup", "qty": 1, "price": 20.0}]}


STORE = {
    "customers": [{"id": "U1", "name": "Ann Lee", "language": "en"},
                  {"id": "U2", "name": "Wei Zhang", "language": "zh"}],
    "orders": [_order("#1001", "U1", "DHL1001"), _order("SO/2026/0001", "U1", "DHL2001"),
               _order("SO/2026/0002", "U2", "DHL2002")],
    "refunds": [{"id": "RF/2026/0001", "order_id": "SO/2026/0001", "amount": 20.0,
                 "status": "approved", "created_at": "2026-11-25T08:00:00Z"}],
}


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("ids")) as client:
        report = import_into(client.runtime, STORE)
        assert not report.rejected, report.rejected
        yield client


def _say(api: Api, customer: str, text: str) -> AssistResult:
    return assist_once(api.runtime, customer_id=customer, text=text, label=text).result


@pytest.mark.parametrize(("text", "order_id", "tracking"), [
    ("where is order SO/2026/0001?", "SO/2026/0001", "DHL2001"),
    ("订单 so/2026/0001 到哪了", "SO/2026/0001", "DHL2001"),
    ("is #1001 on its way?", "#1001", "DHL1001"),
    ("订单1001发货了吗", "#1001", "DHL1001"),
])
def test_a_mention_finds_the_order(api: Api, text: str, order_id: str, tracking: str) -> None:
    result = _say(api, "U1", text)
    assert result.action is not None and result.action.status == "executed", result.reply
    assert result.action.params["order_id"] == order_id
    assert tracking in result.reply


def test_another_customers_order_reads_as_unknown(api: Api) -> None:
    result = _say(api, "U1", "where is order SO/2026/0002?")
    assert result.action is not None and result.action.status == "blocked"
    assert "DHL2002" not in result.model_dump_json()
    assert "SO/2026/0002" in result.reply  # "I can't find order SO/2026/0002 ..."


def test_the_api_serves_them(api: Api) -> None:
    assert api.ok("GET", "/api/orders/SO/2026/0001", "agent")["tracking_number"] == "DHL2001"
    assert api.ok("GET", "/api/orders/%231001", "agent")["id"] == "#1001"
    assert api.get("/api/orders/SO/2026/9999", "agent").status_code == 404


def test_a_refund_number_with_slashes_is_tracked(api: Api) -> None:
    result = _say(api, "U1", "any news on my refund for SO/2026/0001?")
    assert result.action is not None and result.action.status == "executed"
    assert "RF/2026/0001" in result.reply


@pytest.mark.parametrize("bad", ["", "-1001", "##1001", "SO 2026", "SO\\1", "/1001", "#"])
def test_other_characters_are_still_refused(api: Api, bad: str) -> None:
    report = import_into(api.runtime, {"customers": [], "orders": [_order(bad, "U1", "X")]})
    assert report.rejected and not report.order_ids


@pytest.mark.parametrize("bad", ["#U3", "U/3"])
def test_customer_ids_keep_to_letters_digits_and_separators(api: Api, bad: str) -> None:
    """A customer id travels in URL paths (/api/customers/ID): no "#" or "/"."""
    report = import_into(api.runtime, {"customers": [{"id": bad, "name": "X"}]})
    assert report.rejected
