"""``cancel_order``: only while the order's status is in cancellable_statuses."""

from __future__ import annotations

from typing import Any

from app.actions.base import (
    NOT_YOUR_ORDER,
    ActionContext,
    ActionParams,
    OrderId,
    ReasonText,
    Refusal,
    status_refusal,
)
from app.models._common import OrderStatus


class CancelParams(ActionParams):
    order_id: OrderId
    reason: ReasonText | None = None


class CancelOrder:
    name = "cancel_order"
    writes = True
    needs_customer = True
    params_model = CancelParams

    def check(self, params: CancelParams, ctx: ActionContext) -> Refusal | None:
        order = ctx.owned_order(params.order_id)
        if order is None:
            return NOT_YOUR_ORDER
        return status_refusal(order, ctx.policy.cancellable_statuses, "cancelling")

    def preview(self, params: CancelParams, ctx: ActionContext) -> dict[str, Any]:
        """What goes back if the order is cancelled: asked "how much do I get back?"
        before the yes, the proposal says it."""
        order = ctx.require_order(params.order_id)
        if order.status == OrderStatus.pending:
            return {}
        return {"payment_refund": _back(order.total, ctx.policy.cancellation_fee),
                "currency": order.currency}

    def run(self, params: CancelParams, ctx: ActionContext) -> dict[str, Any]:
        before = ctx.require_order(params.order_id)
        after = ctx.connector.cancel_order(before.id)
        # a pending order was never charged, so only a paid one has money to return
        charged = before.status != OrderStatus.pending
        fee = ctx.policy.cancellation_fee
        return {
            "order_id": after.id,
            "order_status": str(after.status),
            "previous_status": str(before.status),
            "cancellation_fee": fee,
            "payment_refund": _back(before.total, fee) if charged else 0.0,
            "currency": after.currency,
            "refund_business_days": (ctx.policy.refund_after_cancellation_business_days
                                     if charged else None),
        }


def _back(total: float, fee: float) -> float:
    return round(max(total - fee, 0.0), 2)
