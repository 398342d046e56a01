"""``change_order``: replace an order's items, quantities or variants while policy allows.

A variant (size, colour) is its own product in the catalogue, so changing a variant
means naming the other product id.
"""

from __future__ import annotations

from typing import Annotated, Any, Self

from pydantic import Field, model_validator

from app.actions.base import (
    NOT_YOUR_ORDER,
    ActionContext,
    ActionParams,
    OrderId,
    ProductId,
    Refusal,
    items_facts,
    status_refusal,
)
from app.domain import Reason
from app.errors import ConflictError
from app.store.connector import NewItem, OrderSnapshot, ProductSnapshot
from app.store.product_attributes import price_in


class ChangeItem(ActionParams):
    product_id: ProductId
    qty: Annotated[int, Field(ge=1, le=99)] = 1


class ChangeOrderParams(ActionParams):
    order_id: OrderId
    # the order's complete new contents, not a diff
    items: Annotated[list[ChangeItem], Field(min_length=1, max_length=50)]

    @model_validator(mode="after")
    def _one_entry_per_product(self) -> Self:
        ids = [item.product_id for item in self.items]
        if len(ids) != len(set(ids)):
            raise ValueError("each product_id may appear only once in items")
        return self


def _unit_prices(order: OrderSnapshot, params: ChangeOrderParams,
                 products: dict[str, ProductSnapshot]) -> dict[str, float] | Refusal:
    """Each new line's unit price in the order's currency: the catalogue's (its own or its
    ``price_<code>`` attribute), or, for a product the order already holds that the
    catalogue prices in another currency only, what the order's own line was priced at."""
    missing = [i.product_id for i in params.items if i.product_id not in products]
    if missing:
        return Refusal(Reason.unknown_product,
            "These products are not in the catalogue.",
            {"order_id": order.id, "product_ids": missing},
        )
    held = {line.product_id: line.price for line in order.items if line.product_id}
    prices: dict[str, float] = {}
    for item in params.items:
        product = products[item.product_id]
        listed = price_in(product, order.currency)
        if listed is not None:
            prices[item.product_id] = listed
        elif item.product_id in held:
            prices[item.product_id] = held[item.product_id]
    foreign = sorted({i.product_id for i in params.items} - set(prices))
    if foreign:
        return Refusal(Reason.currency_mismatch,
            f"These products are not sold in the order's currency ({order.currency}).",
            {"order_id": order.id, "product_ids": foreign, "currency": order.currency},
        )
    return prices


class ChangeOrder:
    """Only while the order's status is in order_change_statuses."""

    name = "change_order"
    writes = True
    needs_customer = True
    params_model = ChangeOrderParams

    def guard_order(self, order_id: str, ctx: ActionContext) -> Refusal | None:
        order = ctx.owned_order(order_id)
        if order is None:
            return NOT_YOUR_ORDER
        return status_refusal(order, ctx.policy.order_change_statuses, "changing the items")

    def check(self, params: ChangeOrderParams, ctx: ActionContext) -> Refusal | None:
        refused = self.guard_order(params.order_id, ctx)
        if refused:
            return refused
        order = ctx.require_order(params.order_id)
        products = ctx.connector.get_products([i.product_id for i in params.items])
        prices = _unit_prices(order, params, products)
        return prices if isinstance(prices, Refusal) else None

    def preview(self, params: ChangeOrderParams, ctx: ActionContext) -> dict[str, Any]:
        """What the order would cost with its new contents ("what would the total be
        then?"): the proposal says it before the yes."""
        order = ctx.require_order(params.order_id)
        products = ctx.connector.get_products([i.product_id for i in params.items])
        prices = _unit_prices(order, params, products)
        if isinstance(prices, Refusal):
            return {}
        total = round(sum(prices[i.product_id] * i.qty for i in params.items), 2)
        return {"total": total, "previous_total": order.total, "currency": order.currency}

    def run(self, params: ChangeOrderParams, ctx: ActionContext) -> dict[str, Any]:
        before = ctx.require_order(params.order_id)
        products = ctx.connector.get_products([i.product_id for i in params.items])
        prices = _unit_prices(before, params, products)
        if isinstance(prices, Refusal):
            raise ConflictError(f"catalogue changed while changing order {before.id}")
        new_items = [
            NewItem(product_id=i.product_id, name=products[i.product_id].name, qty=i.qty,
                    price=prices[i.product_id])
            for i in params.items
        ]
        after = ctx.connector.replace_items(before.id, new_items)
        return {
            "order_id": after.id,
            "order_status": str(after.status),
            "items": items_facts(after),
            "total": after.total,
            "previous_total": before.total,
            "currency": after.currency,
        }
