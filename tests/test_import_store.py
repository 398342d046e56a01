"""`kefu import-store`: good records load, each bad one is named, exit codes as documented.

Every test runs on SQLite and on PostgreSQL (tests/pg.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import current, invoke, write_json
from tests.pg import BOTH_DATABASES

pytestmark = BOTH_DATABASES

GOOD_CUSTOMER = {"id": "X1", "name": "Ada Lovelace", "email": "ada@example.com",
                 "language": "en", "default_address": "1 Analytical Way, London"}
GOOD_PRODUCT = {"id": "XP1", "name": "Brass Gear", "price": 12.5, "currency": "USD",
                "attributes": {"teeth": 24}}


def order(oid: str, **overrides: Any) -> dict[str, Any]:
    base = {"id": oid, "customer_id": "X1", "status": "shipped",
            "created_at": "2026-11-18T10:00:00Z",
            "items": [{"product_id": "XP1", "name": "Brass Gear", "qty": 2, "price": 12.5}],
            "total": 25.0, "currency": "USD", "shipping_address": "1 Analytical Way",
            "carrier": "UPS", "tracking_number": "1ZTEST", "shipped_at": "2026-11-19T10:00:00Z",
            "delivered_at": None}
    return {**base, **overrides}


def rows(home: Path, sql: str) -> list[tuple[Any, ...]]:
    """``sql`` on the home's database, whichever it is."""
    assert current().settings.home == home
    with current().engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(sql))]


def test_all_good_file_loads_with_exit_0(migrated_home: Path, tmp_path: Path) -> None:
    f = write_json(tmp_path / "s.json", {
        "customers": [GOOD_CUSTOMER], "products": [GOOD_PRODUCT], "orders": [order("XO1")],
        "refunds": [{"id": "XR1", "order_id": "XO1", "status": "requested", "amount": 12.5,
                     "created_at": "2026-11-20T00:00:00Z"}],
    })
    result = invoke("import-store", str(f))
    assert result.exit_code == 0, result.output
    assert "customers: 1 new" in result.output
    assert rows(migrated_home, 'SELECT id, status, carrier FROM "order"') == [
        ("XO1", "shipped", "UPS")]
    assert rows(migrated_home, "SELECT line, name, qty FROM order_item") == [(0, "Brass Gear", 2)]


def test_ids_are_the_stores_own_strings(migrated_home: Path, tmp_path: Path) -> None:
    """A nickname with CJK, an account path, a SKU with slashes and a backslash (which
    PostgreSQL's COPY must escape) load and read back as written."""
    who, sku, oid = "淘宝用户_小明", "KB/87/RED\\2", "SO/2026/0001"
    f = write_json(tmp_path / "s.json", {
        "customers": [{**GOOD_CUSTOMER, "id": who}, {**GOOD_CUSTOMER, "id": "acct/77"}],
        "products": [{**GOOD_PRODUCT, "id": sku}],
        "orders": [order(oid, customer_id=who, items=[
            {"product_id": sku, "name": "Keyboard", "qty": 1, "price": 25.0}])]})
    result = invoke("import-store", str(f))
    assert result.exit_code == 0, result.output
    assert sorted(rows(migrated_home, "SELECT id FROM customer")) == [("acct/77",), (who,)]
    assert rows(migrated_home, 'SELECT id, customer_id FROM "order"') == [(oid, who)]
    assert rows(migrated_home, "SELECT product_id FROM order_item") == [(sku,)]


def test_mixed_file_loads_good_and_names_each_bad(migrated_home: Path, tmp_path: Path) -> None:
    f = write_json(tmp_path / "s.json", {
        "customers": [GOOD_CUSTOMER, {"id": "X2"}, {"id": "X1", "name": "Dup"}],
        "products": [GOOD_PRODUCT, {"id": "XP2", "name": "Cog", "price": "cheap"}],
        "orders": [
            order("XO1"),
            order("XO2", status="lost"),
            order("XO3", customer_id="NOBODY"),
            order("XO4", items=[{"name": "Cog", "qty": "two", "price": 1}]),
            order("XO1", total=1.0),
            "not an object",
        ],
        "refunds": [{"id": "XR1", "order_id": "XO9", "status": "requested", "amount": 1,
                     "created_at": "2026-11-20T00:00:00Z"},
                    {"id": "XR2", "order_id": "XO1", "status": "refunded", "amount": 999,
                     "created_at": "2026-11-20T00:00:00Z"}],
    })
    result = invoke("import-store", str(f))
    assert result.exit_code == 2
    lines = result.output.splitlines()
    expected = [
        "rejected customers[1] (id X2): name: Field required",
        "rejected customers[2] (id X1): duplicate id, first given at index 0",
        "rejected products[1] (id XP2): price: Input should be a valid number",
        "rejected orders[1] (id XO2): status: Input should be",
        "rejected orders[2] (id XO3): unknown customer_id 'NOBODY'",
        "rejected orders[3] (id XO4): items.0.qty: Input should be a valid integer",
        "rejected orders[4] (id XO1): duplicate id, first given at index 0",
        "rejected orders[5]: record is not an object",
        "rejected refunds[0] (id XR1): unknown order_id 'XO9'",
        "rejected refunds[1] (id XR2): amount 999.0 exceeds the order total 25.0",
    ]
    for want, got in zip(expected, lines, strict=False):
        assert got.startswith(want), (want, got)
    assert len([line for line in lines if line.startswith("rejected")]) == len(expected)
    assert rows(migrated_home, "SELECT id FROM customer") == [("X1",)]
    assert rows(migrated_home, 'SELECT id, total FROM "order"') == [("XO1", 25.0)]


def test_upsert_updates_by_id_and_replaces_items(migrated_home: Path, tmp_path: Path) -> None:
    first = {"customers": [GOOD_CUSTOMER], "orders": [order("XO1")]}
    assert invoke("import-store", str(write_json(tmp_path / "a.json", first))).exit_code == 0
    second = {"orders": [order("XO1", status="delivered", delivered_at="2026-11-21T08:00:00Z",
                               items=[{"name": "Cog", "qty": 1, "price": 3.0}], total=3.0)]}
    result = invoke("import-store", str(write_json(tmp_path / "b.json", second)))
    assert result.exit_code == 0
    assert "orders: 0 new, 1 updated" in result.output
    assert rows(migrated_home, 'SELECT status, total FROM "order"') == [("delivered", 3.0)]
    assert rows(migrated_home, "SELECT line, name FROM order_item") == [(0, "Cog")]
    again = invoke("import-store", str(write_json(tmp_path / "b.json", second)))
    assert "orders: 0 new, 0 updated, 1 unchanged" in again.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"customers": [', "malformed JSON at line 1"),
        ("[1, 2]", "expected one JSON object, got list"),
        (b"\xff\xfe\x00", "cannot read"),
    ],
)
def test_unreadable_file_exits_1(
    migrated_home: Path, tmp_path: Path, content: str | bytes, message: str
) -> None:
    f = tmp_path / "bad.json"
    if isinstance(content, bytes):
        f.write_bytes(content)
    else:
        f.write_text(content, encoding="utf-8")
    result = invoke("import-store", str(f))
    assert result.exit_code == 1
    assert message in result.output
    assert rows(migrated_home, "SELECT COUNT(*) FROM customer") == [(0,)]


def test_bad_sections_are_reported(migrated_home: Path, tmp_path: Path) -> None:
    f = write_json(tmp_path / "s.json", {"customers": {"id": "X1"}, "ordrs": []})
    result = invoke("import-store", str(f))
    assert result.exit_code == 2
    assert "rejected ordrs: unknown list" in result.output
    assert "rejected customers: must be a list of records" in result.output


def test_a_top_level_value_that_is_no_list_is_ignored_not_rejected(
        migrated_home: Path, tmp_path: Path) -> None:
    # an export's own metadata (its date, a version) carries no records to load
    f = write_json(tmp_path / "s.json", {
        "reference_date": "2026-11-20T06:00:00Z", "version": 3,
        "customers": [{"id": "X1", "name": "Ann"}]})
    result = invoke("import-store", str(f))
    assert result.exit_code == 0, result.output
    assert "customers: 1 new" in result.output
    assert "ignored reference_date, version (not a list of records)" in result.output
    assert rows(migrated_home, "SELECT id FROM customer") == [("X1",)]
