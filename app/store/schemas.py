"""Validation schemas of the store import format (DESIGN.md, `kefu import-store`).

Unknown fields are ignored (SQLModel's default), so newer exports still load.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from app.models.store import CustomerBase, OrderBase, OrderItemBase, ProductBase, RefundBase

RecordId = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


class CustomerIn(CustomerBase):
    id: str = RecordId


class ProductIn(ProductBase):
    id: str = RecordId


class OrderItemIn(OrderItemBase):
    pass


class OrderIn(OrderBase):
    id: str = RecordId
    items: list[OrderItemIn] = Field(default_factory=list, max_length=500)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.shipped_at and self.shipped_at < self.created_at:
            raise ValueError("shipped_at is before created_at")
        if self.delivered_at and self.shipped_at and self.delivered_at < self.shipped_at:
            raise ValueError("delivered_at is before shipped_at")
        return self


class RefundIn(RefundBase):
    id: str = RecordId
