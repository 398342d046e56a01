"""The store's records: customers, products, orders with items, refunds."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import field_validator
from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from app.models._common import Language, OrderStatus, RefundStatus, as_utc, utcnow


class CustomerBase(SQLModel):
    name: str = Field(min_length=1, max_length=200)
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=40)
    language: Language = Language.en
    default_address: str | None = Field(default=None, max_length=500)


class Customer(CustomerBase, table=True):
    id: str = Field(primary_key=True, max_length=64)
    # made for an unknown channel sender: may ask about policy, sees no orders until
    # the sender is linked to a real customer
    guest: bool = False


class CustomerPublic(CustomerBase):
    id: str


class ProductBase(SQLModel):
    name: str = Field(min_length=1, max_length=300)
    description: str = Field(default="", max_length=5000)
    price: float = Field(ge=0)
    currency: str = Field(default="USD", min_length=3, max_length=3)
    attributes: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))


class Product(ProductBase, table=True):
    id: str = Field(primary_key=True, max_length=64)


class ProductPublic(ProductBase):
    id: str


class OrderItemBase(SQLModel):
    product_id: str | None = Field(default=None, max_length=64)
    name: str = Field(min_length=1, max_length=300)
    qty: int = Field(ge=1)
    price: float = Field(ge=0)


class OrderItem(OrderItemBase, table=True):
    __tablename__ = "order_item"
    order_id: str = Field(foreign_key="order.id", primary_key=True, max_length=64)
    line: int = Field(primary_key=True, ge=0)


class OrderBase(SQLModel):
    customer_id: str = Field(foreign_key="customer.id", index=True, max_length=64)
    status: OrderStatus
    created_at: datetime
    total: float = Field(ge=0)
    currency: str = Field(default="USD", min_length=3, max_length=3)
    shipping_address: str | None = Field(default=None, max_length=500)
    carrier: str | None = Field(default=None, max_length=60)
    tracking_number: str | None = Field(default=None, max_length=80)
    shipped_at: datetime | None = None
    delivered_at: datetime | None = None

    @field_validator("created_at", "shipped_at", "delivered_at")
    @classmethod
    def _to_utc(cls, value: datetime | None) -> datetime | None:
        return as_utc(value)


class Order(OrderBase, table=True):
    id: str = Field(primary_key=True, max_length=64)
    # the id in the spelling every mention of it shares (app.store.id_shapes.normalise)
    ref_key: str = Field(default="", index=True, max_length=64)
    updated_at: datetime = Field(default_factory=utcnow)


class OrderPublic(OrderBase):
    id: str
    items: list[OrderItemBase] = []


class RefundBase(SQLModel):
    order_id: str = Field(foreign_key="order.id", index=True, max_length=64)
    status: RefundStatus
    amount: float = Field(ge=0)
    created_at: datetime
    refunded_at: datetime | None = None
    reason: str | None = Field(default=None, max_length=1000)

    @field_validator("created_at", "refunded_at")
    @classmethod
    def _to_utc(cls, value: datetime | None) -> datetime | None:
        return as_utc(value)


class Refund(RefundBase, table=True):
    id: str = Field(primary_key=True, max_length=64)


class RefundPublic(RefundBase):
    id: str


class StoreMeta(SQLModel, table=True):
    """Facts about the store as a whole, kept up to date by every import: the shapes of
    its ids and a generation counter that tells workers to rebuild what they derive."""

    __tablename__ = "store_meta"
    key: str = Field(primary_key=True, max_length=64)
    value: Any = Field(default=None, sa_column=Column(JSON))
