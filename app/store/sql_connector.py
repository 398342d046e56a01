"""The store connector on Kefu's own SQLModel tables, inside the caller's session.

It flushes but never commits: the caller's transaction decides whether a change stays.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select

from app.errors import BackendError, NotFoundError
from app.models._common import OrderStatus, RefundStatus, utcnow
from app.models.store import Customer, Order, OrderItem, Product, Refund
from app.store.connector import (
    CustomerSnapshot,
    ItemSnapshot,
    NewItem,
    OrderSnapshot,
    ProductSnapshot,
    RefundSnapshot,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

# Order snapshots already read in this session (one turn's transaction): the pipeline
# lists the shopper's orders and an action's guard then asks for one of them again,
# three queries each time (the ORM rows are gone by then: its identity map is weak).
# Only until the session's first write through the connector: after it every read goes
# to the database, so a write rolled back to its savepoint leaves nothing stale behind.
# No other writer changes them meanwhile: a turn and an action decision hold their
# customer's write lock for the whole transaction, an unkeyed writer everybody's (app.db).
_READ = "kefu.order_snapshots"


@contextmanager
def _store_errors(what: str) -> Iterator[None]:
    try:
        yield
    except SQLAlchemyError as exc:
        raise BackendError(f"store {what} failed: {exc}") from exc


class SqlStoreConnector:
    """:class:`~app.store.connector.StoreConnector` over the ``order``/``refund``/... tables."""

    def __init__(self, *, session: Session) -> None:
        self.session = session

    def _read(self, what: str, fn: Callable[[], T]) -> T:
        with _store_errors(what):
            return fn()

    def _seen(self) -> dict[str, OrderSnapshot]:
        """Remembered snapshots; a throw-away dict once the session has written."""
        seen: dict[str, OrderSnapshot] | None = self.session.info.setdefault(_READ, {})
        return {} if seen is None else seen

    def _forget(self) -> None:
        self.session.info[_READ] = None

    def _snapshot(self, order: Order) -> OrderSnapshot:
        return self._snapshots([order])[0]

    def _snapshots(self, orders: Sequence[Order]) -> list[OrderSnapshot]:
        """Snapshots with items and refunds, in two queries however many orders."""
        ids = [o.id for o in orders]
        items: dict[str, list[OrderItem]] = {i: [] for i in ids}
        refunds: dict[str, list[Refund]] = {i: [] for i in ids}
        for item in self.session.exec(select(OrderItem).where(col(OrderItem.order_id).in_(ids))
                                      .order_by(col(OrderItem.line))):
            items[item.order_id].append(item)
        for refund in self.session.exec(select(Refund).where(col(Refund.order_id).in_(ids))
                                        .order_by(col(Refund.created_at))):
            refunds[refund.order_id].append(refund)
        snapshots = [OrderSnapshot(
            **order.model_dump(exclude={"updated_at"}),
            items=tuple(ItemSnapshot.model_validate(i, from_attributes=True)
                        for i in items[order.id]),
            refunds=tuple(RefundSnapshot.model_validate(r, from_attributes=True)
                          for r in refunds[order.id]),
        ) for order in orders]
        self._seen().update((o.id, o) for o in snapshots)
        return snapshots

    def _order_row(self, order_id: str) -> Order:
        order = self.session.get(Order, order_id)
        if order is None:
            raise NotFoundError(f"order {order_id} not found")
        return order

    def get_order(self, order_id: str) -> OrderSnapshot | None:
        def read() -> OrderSnapshot | None:
            seen = self._seen().get(order_id)
            if seen is not None:
                return seen
            order = self.session.get(Order, order_id)
            return None if order is None else self._snapshot(order)

        return self._read("read", read)

    def list_orders(self, customer_id: str, *, limit: int = 20) -> list[OrderSnapshot]:
        def read() -> list[OrderSnapshot]:
            rows = self.session.exec(
                select(Order)
                .where(Order.customer_id == customer_id)
                .order_by(col(Order.created_at).desc(), col(Order.id).desc())
                .limit(limit)
            ).all()
            return self._snapshots(rows)

        return self._read("read", read)

    def get_customer(self, customer_id: str) -> CustomerSnapshot | None:
        def read() -> CustomerSnapshot | None:
            row = self.session.get(Customer, customer_id)
            return None if row is None else CustomerSnapshot.model_validate(
                row, from_attributes=True
            )

        return self._read("read", read)

    def get_products(self, product_ids: Sequence[str]) -> dict[str, ProductSnapshot]:
        def read() -> dict[str, ProductSnapshot]:
            rows = self.session.exec(select(Product).where(col(Product.id).in_(list(product_ids))))
            return {p.id: ProductSnapshot.model_validate(p, from_attributes=True) for p in rows}

        return self._read("read", read)

    def _change_order(self, order_id: str, change: Callable[[Order], None]) -> OrderSnapshot:
        self._forget()
        with _store_errors("write"):
            order = self._order_row(order_id)
            change(order)
            order.updated_at = utcnow()
            self.session.add(order)
            self.session.flush()
            return self._snapshot(order)

    def set_shipping_address(self, order_id: str, address: str) -> OrderSnapshot:
        def change(order: Order) -> None:
            order.shipping_address = address

        return self._change_order(order_id, change)

    def cancel_order(self, order_id: str) -> OrderSnapshot:
        def change(order: Order) -> None:
            order.status = OrderStatus.cancelled

        return self._change_order(order_id, change)

    def replace_items(self, order_id: str, items: Sequence[NewItem]) -> OrderSnapshot:
        def change(order: Order) -> None:
            old = self.session.exec(select(OrderItem).where(OrderItem.order_id == order_id))
            for row in old:
                self.session.delete(row)
            # the old lines must be gone before new ones reuse their (order_id, line) keys
            self.session.flush()
            for line, item in enumerate(items):
                self.session.add(OrderItem(order_id=order_id, line=line, **item.model_dump()))
            order.total = round(sum(item.price * item.qty for item in items), 2)

        return self._change_order(order_id, change)

    def create_refund(
        self, order_id: str, *, amount: float, reason: str | None, created_at: datetime
    ) -> RefundSnapshot:
        self._forget()
        with _store_errors("write"):
            self._order_row(order_id)
            refund = Refund(
                id=f"RF-{secrets.token_hex(5).upper()}",
                order_id=order_id,
                status=RefundStatus.requested,
                amount=round(amount, 2),
                created_at=created_at,
                reason=reason,
            )
            self.session.add(refund)
            self.session.flush()
            log.info("refund %s requested for order %s", refund.id, order_id)
            return RefundSnapshot.model_validate(refund, from_attributes=True)

    def set_default_address(self, customer_id: str, address: str) -> CustomerSnapshot:
        with _store_errors("write"):
            customer = self.session.get(Customer, customer_id)
            if customer is None:
                raise NotFoundError(f"customer {customer_id} not found")
            customer.default_address = address
            self.session.add(customer)
            self.session.flush()
            return CustomerSnapshot.model_validate(customer, from_attributes=True)
