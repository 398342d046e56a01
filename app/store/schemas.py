"""Validation schemas of the store import format (DESIGN.md, `kefu import-store`).

Plain pydantic models with the fields, constraints and validators of the store's table
models (app.models.store), in the same order. A SQLModel validates every record, and
each of an order's lines, through Python (its own ``__init__``): that was a third of
a 100k-order import. These validate in pydantic-core alone; tests/test_import_schemas.py
holds them to the table models' schema, messages and values.

Unknown fields are ignored, so newer exports still load.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.domain import RECORD_ID_MAX, RECORD_ID_PATTERN
from app.models._common import Language, OrderStatus, RefundStatus, as_utc

# the store's own strings ("#1001", "SO/2026/0001", a SKU "KB/87/RED", a platform's
# nickname "淘宝用户_小明"): the one rule of app.domain (no space, no control character)
RecordId = Field(min_length=1, max_length=RECORD_ID_MAX, pattern=RECORD_ID_PATTERN)


class _Record(BaseModel):
    # as SQLModel's: a value that is no dict is read for attributes (and said so)
    model_config = ConfigDict(from_attributes=True)


class CustomerIn(_Record):
    name: str = Field(min_length=1, max_length=200)
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=40)
    language: Language = Language.en
    default_address: str | None = Field(default=None, max_length=500)
    id: str = RecordId


class ProductIn(_Record):
    name: str = Field(min_length=1, max_length=300)
    description: str = Field(default="", max_length=5000)
    price: float = Field(ge=0)
    currency: str = Field(default="USD", min_length=3, max_length=3)
    attributes: dict[str, Any] = Field(default_factory=dict)
    id: str = RecordId


class OrderItemIn(_Record):
    product_id: str | None = Field(default=None, max_length=64)
    name: str = Field(min_length=1, max_length=300)
    qty: int = Field(ge=1)
    price: float = Field(ge=0)


class OrderIn(_Record):
    customer_id: str = Field(max_length=64)
    status: OrderStatus
    created_at: datetime
    total: float = Field(ge=0)
    currency: str = Field(default="USD", min_length=3, max_length=3)
    shipping_address: str | None = Field(default=None, max_length=500)
    carrier: str | None = Field(default=None, max_length=60)
    tracking_number: str | None = Field(default=None, max_length=80)
    shipped_at: datetime | None = None
    delivered_at: datetime | None = None
    id: str = RecordId
    items: list[OrderItemIn] = Field(default_factory=list, max_length=500)

    @field_validator("created_at", "shipped_at", "delivered_at")
    @classmethod
    def _to_utc(cls, value: datetime | None) -> datetime | None:
        return as_utc(value)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.shipped_at and self.shipped_at < self.created_at:
            raise ValueError("shipped_at is before created_at")
        if self.delivered_at and self.shipped_at and self.delivered_at < self.shipped_at:
            raise ValueError("delivered_at is before shipped_at")
        return self


class RefundIn(_Record):
    order_id: str = Field(max_length=64)
    status: RefundStatus
    amount: float = Field(ge=0)
    created_at: datetime
    refunded_at: datetime | None = None
    reason: str | None = Field(default=None, max_length=1000)
    id: str = RecordId

    @field_validator("created_at", "refunded_at")
    @classmethod
    def _to_utc(cls, value: datetime | None) -> datetime | None:
        return as_utc(value)
