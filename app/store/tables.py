"""The store's tables for SQLAlchemy core statements (bulk reads and writes build no
ORM objects: at 100k orders that is most of the cost), portable across databases."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table

from app.models.store import Customer, Order, OrderItem, Product, Refund


def table_of(model: type) -> Table:
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


CUSTOMERS = table_of(Customer)
PRODUCTS = table_of(Product)
ORDERS = table_of(Order)
ITEMS = table_of(OrderItem)
REFUNDS = table_of(Refund)
