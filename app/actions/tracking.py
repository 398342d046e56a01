"""Read-only look-ups of the shopper's own orders and refunds: ``track_order``, ``track_refund``."""

from __future__ import annotations

from typing import Any

from app.actions.base import (
    CENT,
    NOT_YOUR_ORDER,
    ActionContext,
    ActionParams,
    OrderId,
    Refusal,
    iso,
    items_facts,
)
from app.models._common import OrderStatus
from app.policy import StorePolicy
from app.store.connector import OrderSnapshot, RefundSnapshot

# without an order id, the shopper's most recent orders are shown
RECENT_ORDERS = 5
RECENT_REFUNDS = 10
# how far back a customer-wide refund look-up searches
REFUND_SCAN_ORDERS = 100


class OrderLookup(ActionParams):
    order_id: OrderId | None = None


def order_facts(order: OrderSnapshot) -> dict[str, Any]:
    return {
        "order_id": order.id,
        "status": str(order.status),
        "created_at": iso(order.created_at),
        "shipped_at": iso(order.shipped_at),
        "delivered_at": iso(order.delivered_at),
        "carrier": order.carrier,
        "tracking_number": order.tracking_number,
        "shipping_address": order.shipping_address,
        "items": items_facts(order),
        "total": order.total,
        "currency": order.currency,
    }


def refund_facts(refund: RefundSnapshot, order: OrderSnapshot | None = None,
                 policy: StorePolicy | None = None) -> dict[str, Any]:
    facts = {
        "refund_id": refund.id,
        "order_id": refund.order_id,
        "status": str(refund.status),
        "amount": refund.amount,
        "created_at": iso(refund.created_at),
        "refunded_at": iso(refund.refunded_at),
        # why, as the store recorded it ("outside_window", "item used"): said with a rejection
        "reason": refund.reason,
    }
    if order is not None:
        facts["currency"] = order.currency
        if policy is not None:
            facts |= _return_shipping_kept(refund, order, policy)
    return facts




def _return_shipping_kept(refund: RefundSnapshot, order: OrderSnapshot,
                          policy: StorePolicy) -> dict[str, Any]:
    """"Why only 5 euros back, it cost 9.90?": a refund that is the order's, a line's or
    an item's value less exactly the policy's return shipping fee kept that fee."""
    fee = policy.return_fee(None, order.currency)
    values = [order.total, *(i.price * i.qty for i in order.items),
              *(i.price for i in order.items)]
    for value in values:
        if fee > 0 and abs(value - refund.amount - fee) < CENT:
            return {"goods_value": round(value, 2), "return_shipping_kept": fee}
    return {}


def _check_lookup(params: OrderLookup, ctx: ActionContext) -> Refusal | None:
    if params.order_id is not None and ctx.owned_order(params.order_id) is None:
        return NOT_YOUR_ORDER
    return None


class TrackOrder:
    """Status, carrier, tracking number and dates of one order, or of the latest few."""

    name = "track_order"
    writes = False
    needs_customer = True
    params_model = OrderLookup

    def check(self, params: OrderLookup, ctx: ActionContext) -> Refusal | None:
        return _check_lookup(params, ctx)

    def run(self, params: OrderLookup, ctx: ActionContext) -> dict[str, Any]:
        if params.order_id is not None:
            return order_facts(ctx.require_order(params.order_id))
        orders = ctx.connector.list_orders(ctx.require_customer(), limit=RECENT_ORDERS)
        return {"orders": [order_facts(o) for o in orders], "count": len(orders)}


class TrackRefund:
    """Refunds of one order, or the customer's latest refunds across orders."""

    name = "track_refund"
    writes = False
    needs_customer = True
    params_model = OrderLookup

    def check(self, params: OrderLookup, ctx: ActionContext) -> Refusal | None:
        return _check_lookup(params, ctx)

    def run(self, params: OrderLookup, ctx: ActionContext) -> dict[str, Any]:
        if params.order_id is not None:
            order = ctx.require_order(params.order_id)
            refunds = sorted(order.refunds, key=lambda r: r.created_at, reverse=True)
            return {
                "order_id": order.id,
                "order_status": str(order.status),
                "refunds": [refund_facts(r, order, ctx.policy) for r in refunds],
                "count": len(refunds),
                # what a cancelled paid order gives back: its total
                "order_total": order.total, "currency": order.currency,
                # and whether it had been paid, where Kefu itself cancelled it
                "cancellation": (ctx.done("cancel_order", order.id)
                                 if order.status == OrderStatus.cancelled else None),
            }
        orders = ctx.connector.list_orders(ctx.require_customer(), limit=REFUND_SCAN_ORDERS)
        every = sorted(
            ((r, o) for o in orders for r in o.refunds), key=lambda ro: ro[0].created_at,
            reverse=True)[:RECENT_REFUNDS]
        return {"refunds": [refund_facts(r, o, ctx.policy) for r, o in every],
                "count": len(every)}
