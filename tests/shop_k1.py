"""One shopper (K1) with five orders of five kitchen and home products, for the
conversation tests: the orders' ages and states are fixed relative to today."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.assist.schemas import AssistResult
from app.assist.service import assist_once
from app.store.importer import import_into
from tests.api_helpers import Api, api_on_copy


def iso(days_ago: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


def order(oid: str, pid: str, name: str, days: int, status: str = "paid") -> dict:
    return {"id": oid, "customer_id": "K1", "status": status, "total": 50.0,
            "created_at": iso(days), "items": [{"product_id": pid, "name": name, "qty": 1,
                                                 "price": 50.0}]}


STORE = {
    "customers": [{"id": "K1", "name": "Kai Lam", "language": "en"}],
    "products": [
        {"id": "KT", "name": "Glass Kettle", "price": 50.0, "attributes": {
            "name_zh": "玻璃水壶", "aliases": ["kettle", "水壶"]}},
        {"id": "BL", "name": "Power Blender", "price": 50.0, "attributes": {
            "name_zh": "破壁机", "aliases": ["blender", "破壁机"]}},
        {"id": "FN", "name": "Tower Fan", "price": 50.0, "attributes": {
            "name_zh": "塔扇", "aliases": ["fan", "塔扇"]}},
        {"id": "TS", "name": "Steel Toaster", "price": 50.0, "attributes": {
            "name_zh": "多士炉", "aliases": ["toaster", "多士炉"]}},
        {"id": "LP", "name": "Desk Lamp", "price": 50.0, "attributes": {
            "name_zh": "台灯", "aliases": ["lamp", "台灯"]}},
    ],
    "orders": [order("Q-5101", "KT", "Glass Kettle", 2),
               order("Q-5102", "BL", "Power Blender", 4),
               order("Q-5003", "FN", "Tower Fan", 20),
               order("Q-4990", "TS", "Steel Toaster", 40, "delivered") | {
                   "shipped_at": iso(6), "delivered_at": iso(3)},
               order("Q-4950", "LP", "Desk Lamp", 30, "shipped") | {"shipped_at": iso(2)}],
}


def say(api: Api, label: str, text: str) -> AssistResult:
    return assist_once(api.runtime, customer_id="K1", label=label, text=text).result


@contextmanager
def shop(template: Path, folder: Path, store: dict[str, Any] | None = None) -> Iterator[Api]:
    """The API on a copy of the initialised home, with ``store`` (K1's shop by default)
    imported: the conversation tests' own store."""
    with api_on_copy(template, folder) as client:
        assert not import_into(client.runtime, STORE if store is None else store).rejected
        yield client
