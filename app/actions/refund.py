"""``get_refund``: open a refund request for a delivered order inside the returns window."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any, Self

from pydantic import Field, model_validator

from app.actions.base import (
    CENT,
    NOT_YOUR_ORDER,
    ActionContext,
    ActionParams,
    OrderId,
    ProductId,
    ReasonText,
    Refusal,
    iso,
    status_refusal,
)
from app.domain import Reason
from app.errors import ConflictError
from app.models._common import RefundStatus
from app.policy import ReturnReason, StorePolicy
from app.store.connector import OrderSnapshot
from app.store.product_attributes import categories

OPEN_REFUNDS = frozenset({RefundStatus.requested, RefundStatus.approved})


class RefundItem(ActionParams):
    product_id: ProductId
    qty: Annotated[int, Field(ge=1, le=999)] = 1


class RefundParams(ActionParams):
    order_id: OrderId
    # None: the whole order
    items: Annotated[list[RefundItem], Field(min_length=1, max_length=50)] | None = None
    reason: ReasonText | None = None
    # why it comes back: the policy waives the return shipping for some reasons
    return_reason: ReturnReason | None = None
    # the shopper says it is unopened: items taken back only unopened may come back
    unopened: bool | None = None

    @model_validator(mode="after")
    def _one_entry_per_product(self) -> Self:
        ids = [item.product_id for item in self.items or []]
        if len(ids) != len(set(ids)):
            raise ValueError("each product_id may appear only once in items")
        return self


def _window_refusal(order: OrderSnapshot, ctx: ActionContext,
                    reason: str | None) -> Refusal | None:
    if order.delivered_at is None:
        return Refusal(Reason.delivery_date_unknown,
            f"Order {order.id} has no delivery date, so the returns window cannot be checked.",
            {"order_id": order.id, "order_status": str(order.status)},
        )
    days = ctx.policy.return_window(reason)
    closes = ctx.policy.return_window_closes(order.delivered_at, reason)
    if ctx.now <= closes:
        return None
    return Refusal(Reason.returns_window_closed,
        f"Refunds can be requested within {days} days of delivery; for order {order.id} "
        f"the window closed on {iso(closes)}.",
        {"order_id": order.id, "order_status": str(order.status),
         "delivered_at": iso(order.delivered_at), "returns_window_days": days,
         "window_closed_at": iso(closes)},
    )


def _opened_refusal(order: OrderSnapshot, params: RefundParams,
                    ctx: ActionContext) -> Refusal | None:
    """Items the policy takes back once opened only when faulty ("opened toothbrushes"),
    asked back for any other reason (or none given)."""
    if params.unopened or params.return_reason in ctx.policy.free_return_reasons:
        return None
    if not ctx.policy.opened_return_exclusions:
        return None
    asked = {i.product_id for i in params.items} if params.items else None
    ids = [i.product_id for i in order.items
           if i.product_id and (asked is None or i.product_id in asked)]
    products = ctx.connector.get_products(ids)
    names = [item.name for item in order.items if item.product_id in products and (
        ctx.policy.excluded_once_opened(item.product_id,
                                        categories(products[item.product_id].attributes)))]
    if not names:
        return None
    return Refusal(Reason.not_returnable_once_opened,
                   f"Opened, {', '.join(names)} can be returned only when faulty.",
                   {"order_id": order.id, "items": names})


def _open_refund(order: OrderSnapshot) -> Refusal | None:
    for refund in order.refunds:
        if refund.status in OPEN_REFUNDS:
            return Refusal(Reason.refund_already_open,
                f"Order {order.id} already has a refund request that is {refund.status}.",
                {"order_id": order.id, "refund_id": refund.id,
                 "refund_status": str(refund.status)},
            )
    return None


def refund_amount(order: OrderSnapshot, items: list[RefundItem] | None) -> float | Refusal:
    """The order total, or the listed items' value; a Refusal if an item does not fit."""
    if items is None:
        return round(order.total, 2)
    ordered: Counter[str] = Counter()
    price: dict[str, float] = {}
    for line in order.items:
        if line.product_id:
            ordered[line.product_id] += line.qty
            price[line.product_id] = line.price
    wrong = [i.product_id for i in items if i.qty > ordered[i.product_id]]
    if wrong:
        return Refusal(Reason.item_not_in_order,
            f"Order {order.id} does not contain these items in that quantity.",
            {"order_id": order.id, "product_ids": wrong},
        )
    return round(sum(price[i.product_id] * i.qty for i in items), 2)


def _amount_refusal(order: OrderSnapshot, amount: float) -> Refusal | None:
    refunded = sum(r.amount for r in order.refunds if r.status == RefundStatus.refunded)
    remaining = round(order.total - refunded, 2)
    if 0 < amount <= remaining + CENT:
        return None
    return Refusal(Reason.refund_exceeds_remaining,
        f"Order {order.id} has {remaining:.2f} {order.currency} left to refund.",
        {"order_id": order.id, "amount": amount, "remaining": remaining,
         "currency": order.currency},
    )


class GetRefund:
    """Amount is the order total unless ``items`` name what comes back."""

    name = "get_refund"
    writes = True
    needs_customer = True
    params_model = RefundParams

    def check(self, params: RefundParams, ctx: ActionContext) -> Refusal | None:
        order = ctx.owned_order(params.order_id)
        if order is None:
            return NOT_YOUR_ORDER
        refused = (
            status_refusal(order, ctx.policy.refundable_statuses, "a refund")
            or _window_refusal(order, ctx, params.return_reason)
            or _open_refund(order)
            or _opened_refusal(order, params, ctx)
        )
        if refused:
            return refused
        amount = refund_amount(order, params.items)
        if isinstance(amount, Refusal):
            return amount
        return _amount_refusal(order, amount)

    def preview(self, params: RefundParams, ctx: ActionContext) -> dict[str, Any]:
        """The amount the refund would be recorded for, the fee kept from it if any."""
        order = ctx.require_order(params.order_id)
        value = refund_amount(order, params.items)
        if isinstance(value, Refusal):
            return {}
        fee = ctx.policy.return_fee(params.return_reason, order.currency)
        kept = fee_kept(ctx.policy, fee, value)
        out: dict[str, Any] = {"amount": round(value - kept, 2), "currency": order.currency}
        if kept:
            out |= {"goods_value": value, "return_shipping_kept": kept}
        return out

    def run(self, params: RefundParams, ctx: ActionContext) -> dict[str, Any]:
        order = ctx.require_order(params.order_id)
        amount = refund_amount(order, params.items)
        if isinstance(amount, Refusal):  # check() passed in this transaction, so a bug
            raise ConflictError(f"refund no longer fits order {order.id}: {amount.reason}")
        fee = ctx.policy.return_fee(params.return_reason, order.currency)
        kept = fee_kept(ctx.policy, fee, amount)
        refund = ctx.connector.create_refund(
            order.id, amount=round(amount - kept, 2), reason=params.reason, created_at=ctx.now
        )
        facts = {
            "refund_id": refund.id,
            "order_id": order.id,
            "status": str(refund.status),
            "amount": refund.amount,
            "currency": order.currency,
            "return_shipping_fee": fee,
            "return_reason": params.return_reason,
            "refund_processing_business_days": ctx.policy.refund_processing_business_days,
        }
        if kept:
            facts |= {"goods_value": amount, "return_shipping_kept": kept}
        return facts


def fee_kept(policy: StorePolicy, fee: float, value: float) -> float:
    """The return fee the refund is recorded without: where the store deducts it, for
    any return whose reason does not waive it (none said is the ordinary return: the
    proposal says so, and a fault said before the yes proposes it again, free), and never
    the whole of a cheap item's value."""
    if not policy.return_fee_deducted_from_refund or fee >= value:
        return 0.0
    return fee
