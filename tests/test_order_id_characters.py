"""Ids as stores write them: order ids with "#" and "/" ("#1001" from a shop's order
name, "SO/2026/0001" from an ERP's sequence), customer ids that are a platform's
nickname or an account path, SKUs with slashes: imported, resolved in messages of both
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


@pytest.mark.parametrize("bad", ["", "SO 2026", "SO\t1", "SO\x001", "#", "--", "x" * 65])
def test_ids_with_spaces_controls_or_no_letter_or_digit_are_refused(api: Api, bad: str) -> None:
    report = import_into(api.runtime, {"customers": [], "orders": [_order(bad, "U1", "X")]})
    assert report.rejected and not report.order_ids
    report = import_into(api.runtime, {"customers": [{"id": bad, "name": "X"}]})
    assert report.rejected


# a platform's nickname and an account path as customer ids, a SKU with slashes
OTHERS = {
    "customers": [{"id": "淘宝用户_小明", "name": "王小明", "language": "zh"},
                  {"id": "acct/77", "name": "Nora Blake", "language": "en"}],
    "products": [{"id": "KB/87/RED", "name": "Mechanical keyboard", "price": 89.0,
                  "currency": "EUR"}],
    "orders": [{**_order("TB2026112800018", "淘宝用户_小明", "SF1234567890"),
                "carrier": "顺丰"},
               {**_order("W-0042", "acct/77", "DHL0042"),
                "items": [{"product_id": "KB/87/RED", "name": "Mechanical keyboard",
                           "qty": 1, "price": 89.0}]}],
}


@pytest.fixture(scope="module")
def others(api: Api) -> Api:
    report = import_into(api.runtime, OTHERS)
    assert not report.rejected, report.rejected
    return api


@pytest.mark.parametrize(("customer", "text", "tracking"), [
    ("淘宝用户_小明", "我的快递到哪了", "SF1234567890"),
    ("acct/77", "where is my keyboard?", "DHL0042"),
])
def test_customer_ids_are_the_stores_own_strings(others: Api, customer: str, text: str,
                                                 tracking: str) -> None:
    result = _say(others, customer, text)
    assert result.action is not None and result.action.status == "executed", result.reply
    assert tracking in result.reply


def test_the_api_serves_any_customer_id(others: Api) -> None:
    """Customer ids travel in URL paths (/api/customers/ID, escaped or not) and in
    shopper tokens; a product's SKU with slashes comes back on the order's line."""
    for path in ("/api/customers/acct/77", "/api/customers/acct%2F77"):
        body = others.ok("GET", path, "agent")
        assert body["customer"]["name"] == "Nora Blake"
        assert body["orders"][0]["items"][0]["product_id"] == "KB/87/RED"
    quoted = "/api/customers/%E6%B7%98%E5%AE%9D%E7%94%A8%E6%88%B7_%E5%B0%8F%E6%98%8E"
    assert others.ok("GET", quoted, "agent")["customer"]["name"] == "王小明"
    assert others.get("/api/customers/acct/78", "agent").status_code == 404
    made = others.ok("POST", "/api/admin/tokens", "admin", status=201,
                     json={"role": "shopper", "name": "xm", "customer_id": "淘宝用户_小明"})
    mine = others.client.get("/api/orders", headers={"Authorization": f"Bearer {made['token']}"})
    assert [o["id"] for o in mine.json()] == ["TB2026112800018"]
