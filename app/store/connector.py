"""The store connector: the one interface through which actions read and change the store.

Reads return immutable snapshots, so an action can never change the store by
mutating what it was given; every change goes through one named write method.
Implementations are chosen by name from :data:`CONNECTORS`; tests register fakes
the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from app.models._common import OrderStatus, RefundStatus


class Snapshot(BaseModel):
    model_config = ConfigDict(frozen=True)


class ItemSnapshot(Snapshot):
    line: int
    product_id: str | None
    name: str
    qty: int
    price: float


class RefundSnapshot(Snapshot):
    id: str
    order_id: str
    status: RefundStatus
    amount: float
    created_at: datetime
    refunded_at: datetime | None = None
    reason: str | None = None


class OrderSnapshot(Snapshot):
    id: str
    customer_id: str
    status: OrderStatus
    created_at: datetime
    total: float
    currency: str
    shipping_address: str | None = None
    carrier: str | None = None
    tracking_number: str | None = None
    shipped_at: datetime | None = None
    delivered_at: datetime | None = None
    items: tuple[ItemSnapshot, ...] = ()
    refunds: tuple[RefundSnapshot, ...] = ()


def order_of(orders: Sequence[OrderSnapshot], order_id: str | None) -> OrderSnapshot | None:
    """The order with that id among the shopper's, if it is there."""
    return next((o for o in orders if o.id == order_id), None)


class CustomerSnapshot(Snapshot):
    id: str
    name: str
    language: str
    default_address: str | None = None


class ProductSnapshot(Snapshot):
    id: str
    name: str
    price: float
    currency: str
    # the store's own attributes (category, colour, ...), as imported
    attributes: dict[str, Any] = Field(default_factory=dict)


class NewItem(Snapshot):
    """One line of an order's new contents (``replace_items``)."""

    product_id: str
    name: str
    qty: int
    price: float


class StoreConnector(Protocol):
    """Reads and writes of the store. Writes raise NotFoundError for an unknown id and
    BackendError when the store itself fails; they never check policy (actions do)."""

    def get_order(self, order_id: str) -> OrderSnapshot | None: ...

    def list_orders(self, customer_id: str, *, limit: int = 20) -> list[OrderSnapshot]:
        """The customer's orders, newest first."""
        ...

    def get_customer(self, customer_id: str) -> CustomerSnapshot | None: ...

    def get_products(self, product_ids: Sequence[str]) -> dict[str, ProductSnapshot]:
        """The products that exist among ``product_ids``, by id."""
        ...

    def set_shipping_address(self, order_id: str, address: str) -> OrderSnapshot: ...

    def cancel_order(self, order_id: str) -> OrderSnapshot: ...

    def replace_items(self, order_id: str, items: Sequence[NewItem]) -> OrderSnapshot:
        """Make the order's lines exactly ``items`` and its total their sum."""
        ...

    def create_refund(
        self, order_id: str, *, amount: float, reason: str | None, created_at: datetime
    ) -> RefundSnapshot:
        """Open a refund request (status ``requested``)."""
        ...

    def set_default_address(self, customer_id: str, address: str) -> CustomerSnapshot: ...


def _sql_connector(**kwargs: Any) -> StoreConnector:
    # imported here so that the interface module does not depend on its implementations
    from app.store.sql_connector import SqlStoreConnector

    return SqlStoreConnector(**kwargs)


CONNECTORS: dict[str, Callable[..., StoreConnector]] = {"sql": _sql_connector}
