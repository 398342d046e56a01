"""``get_invoice``: the facts of an order's electronic invoice, where policy allows one."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.actions.base import (
    NOT_YOUR_ORDER,
    ActionContext,
    ActionParams,
    OrderId,
    Refusal,
    iso,
    items_facts,
    status_refusal,
)
from app.domain import Reason


class InvoiceParams(ActionParams):
    order_id: OrderId


class GetInvoice:
    """Read-only: an invoice exists for allowed statuses within invoice_request_days of
    the purchase date."""

    name = "get_invoice"
    writes = False
    needs_customer = True
    params_model = InvoiceParams

    def check(self, params: InvoiceParams, ctx: ActionContext) -> Refusal | None:
        order = ctx.owned_order(params.order_id)
        if order is None:
            return NOT_YOUR_ORDER
        refused = status_refusal(order, ctx.policy.invoice_statuses, "an invoice")
        if refused:
            return refused
        deadline = order.created_at + timedelta(days=ctx.policy.invoice_request_days)
        if ctx.now > deadline:
            return Refusal(Reason.invoice_window_closed,
                f"Invoices can be requested up to {ctx.policy.invoice_request_days} days "
                f"after the purchase date; for order {order.id} that was {iso(deadline)}.",
                {"order_id": order.id, "order_status": str(order.status),
                 "purchase_date": iso(order.created_at), "request_deadline": iso(deadline),
                 "invoice_request_days": ctx.policy.invoice_request_days},
            )
        return None

    def run(self, params: InvoiceParams, ctx: ActionContext) -> dict[str, Any]:
        order = ctx.require_order(params.order_id)
        customer = ctx.connector.get_customer(order.customer_id)
        deadline = order.created_at + timedelta(days=ctx.policy.invoice_request_days)
        return {
            "order_id": order.id,
            "order_status": str(order.status),
            "billed_to": customer.name if customer else None,
            "purchase_date": iso(order.created_at),
            "items": items_facts(order),
            "total": order.total,
            "currency": order.currency,
            "request_deadline": iso(deadline),
            "delivery": "email",
        }
