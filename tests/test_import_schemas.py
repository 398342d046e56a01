"""The store import's schemas (plain pydantic, app.store.schemas) accept, refuse and
produce exactly what schemas built on the table models' SQLModel bases do: the same
JSON schema, the same errors (place, message, kind) and the same values."""

from __future__ import annotations

import random
from typing import Any, Self

import pytest
from pydantic import BaseModel, Field, ValidationError, model_validator

from app.domain import RECORD_ID_PATTERN
from app.models.store import CustomerBase, OrderBase, OrderItemBase, ProductBase, RefundBase
from app.store import schemas
from eval.bench import synthetic

RecordId = Field(min_length=1, max_length=64, pattern=RECORD_ID_PATTERN)


class CustomerRef(CustomerBase):
    id: str = RecordId


class ProductRef(ProductBase):
    id: str = RecordId


class ItemRef(OrderItemBase):
    pass


class OrderRef(OrderBase):
    id: str = RecordId
    items: list[ItemRef] = Field(default_factory=list, max_length=500)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.shipped_at and self.shipped_at < self.created_at:
            raise ValueError("shipped_at is before created_at")
        if self.delivered_at and self.shipped_at and self.delivered_at < self.shipped_at:
            raise ValueError("delivered_at is before shipped_at")
        return self


class RefundRef(RefundBase):
    id: str = RecordId


PAIRS: list[tuple[type[BaseModel], type[BaseModel]]] = [
    (schemas.CustomerIn, CustomerRef), (schemas.ProductIn, ProductRef),
    (schemas.OrderItemIn, ItemRef), (schemas.OrderIn, OrderRef), (schemas.RefundIn, RefundRef)]


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """A JSON schema with its references resolved and its titles dropped."""
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        return {k: _inline(v, defs) for k, v in node.items() if k not in ("title", "$defs")}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


@pytest.mark.parametrize(("plain", "ref"), PAIRS)
def test_same_json_schema(plain: type[BaseModel], ref: type[BaseModel]) -> None:
    mine, theirs = plain.model_json_schema(), ref.model_json_schema()
    assert list(mine["properties"]) == list(theirs["properties"])
    assert _inline(mine, mine.get("$defs", {})) == _inline(theirs, theirs.get("$defs", {}))


def _records() -> dict[str, list[dict[str, Any]]]:
    rng = random.Random(2)
    orders = [synthetic._order(n, 40, rng) for n in range(40)]
    order = orders[0]
    late = {**order, "shipped_at": "2025-01-01T00:00:00Z", "status": "shipped"}
    return {
        "customer": [synthetic._customer(n, rng) for n in range(10)] + [
            {"id": "c1"}, {"id": "", "name": "x"}, {"id": "-bad", "name": "x"},
            {"id": "c2", "name": "n" * 201}, {"id": "c3", "name": "x", "language": "fr"},
            {"id": "c4", "name": "x", "email": None, "extra": 1}, {"name": "x"},
            {"id": 5, "name": "x"}, {"id": "c5", "name": 7, "phone": 12}],
        "product": [{"id": "p1", "name": "Mug", "price": "12.5", "attributes": {"c": 1}},
                    {"id": "p2", "name": "Mug", "price": -1}, {"id": "p3", "name": "M",
                     "price": 1, "currency": "EURO"}, {"id": "p4", "price": 1,
                     "attributes": []}],
        "item": [{"name": "Mug", "qty": 1, "price": 2}, {"name": "", "qty": 0, "price": -1},
                 {"name": "Mug", "qty": "2", "price": "3.5", "product_id": None},
                 {"name": "Mug", "qty": 1.5, "price": 1}, {"name": "Mug", "qty": True,
                                                          "price": 1}],
        "order": [
            *orders, late, {**order, "created_at": "2026-01-01T08:00:00+08:00"},
            {**order, "created_at": "2026-01-01T08:00:00"}, {**order, "created_at": "x"},
            {**order, "status": "lost"}, {**order, "total": -3},
            {**order, "items": [{"name": "Mug", "qty": 0, "price": 1}, "x"]},
            {**order, "items": [{"name": "Mug", "qty": 1, "price": 1}] * 501},
            {**order, "delivered_at": "2025-06-01T00:00:00Z", "shipped_at":
             "2026-03-01T00:00:00Z", "status": "delivered"},
            {k: v for k, v in order.items() if k not in ("items", "status")},
            {**order, "customer_id": None, "carrier": "c" * 61}],
        "refund": [{"id": "r1", "order_id": "o1", "status": "approved", "amount": 3,
                    "created_at": "2026-02-01T00:00:00Z", "refunded_at": None},
                   {"id": "r2", "order_id": "o1", "status": "maybe", "amount": -1,
                    "created_at": "2026-02-01T00:00:00-05:00", "reason": "r" * 1001}]}


KIND = {"customer": 0, "product": 1, "item": 2, "order": 3, "refund": 4}


def _outcome(model: type[BaseModel], record: dict[str, Any]) -> Any:
    try:
        rec = model.model_validate(record)
    except ValidationError as exc:
        return [(e["loc"], e["msg"], e["type"]) for e in exc.errors()]
    return rec.model_dump(), rec.model_fields_set


def test_same_errors_and_values() -> None:
    refused = 0
    for kind, records in _records().items():
        plain, ref = PAIRS[KIND[kind]]
        for record in records:
            mine = _outcome(plain, record)
            assert mine == _outcome(ref, record), (kind, record)
            refused += isinstance(mine, list)
    assert refused >= 20  # the refusals were compared too, not only the values
