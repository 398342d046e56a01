"""Address writes: ``change_shipping_address`` (one order) and ``set_up_shipping_address``
(the customer's default for future orders)."""

from __future__ import annotations

from typing import Any

from app.actions.base import (
    NOT_YOUR_ORDER,
    ActionContext,
    ActionParams,
    Address,
    OrderId,
    Refusal,
    status_refusal,
)
from app.countries import country_name, country_of
from app.domain import Reason


class ChangeAddressParams(ActionParams):
    order_id: OrderId
    address: Address


class DefaultAddressParams(ActionParams):
    address: Address


class ChangeShippingAddress:
    """Only while the order's status is in address_change_statuses (before it ships)."""

    name = "change_shipping_address"
    writes = True
    needs_customer = True
    params_model = ChangeAddressParams

    def guard_order(self, order_id: str, ctx: ActionContext) -> Refusal | None:
        order = ctx.owned_order(order_id)
        if order is None:
            return NOT_YOUR_ORDER
        return status_refusal(
            order, ctx.policy.address_change_statuses, "changing the shipping address"
        )

    def check(self, params: ChangeAddressParams, ctx: ActionContext) -> Refusal | None:
        refused = self.guard_order(params.order_id, ctx)
        served = {code.upper() for code in ctx.policy.ships_to}
        there = country_of(params.address) if served and refused is None else None
        if there is None or there in served:
            return refused  # (an address that says no country stays the shopper's word)
        return Refusal(Reason.not_delivered_there,
                       "The store does not deliver to the country of the new address.",
                       {"order_id": params.order_id,
                        "country": {"en": country_name(there, "en"),
                                    "zh": country_name(there, "zh")}})

    def run(self, params: ChangeAddressParams, ctx: ActionContext) -> dict[str, Any]:
        before = ctx.require_order(params.order_id)
        after = ctx.connector.set_shipping_address(before.id, params.address)
        return {
            "order_id": after.id,
            "order_status": str(after.status),
            "shipping_address": after.shipping_address,
            "previous_address": before.shipping_address,
        }


class SetUpShippingAddress:
    """The default address of the actor's own customer account; no order is touched."""

    name = "set_up_shipping_address"
    writes = True
    needs_customer = True
    params_model = DefaultAddressParams

    def check(self, params: DefaultAddressParams, ctx: ActionContext) -> Refusal | None:
        if ctx.connector.get_customer(ctx.require_customer()) is None:
            return Refusal(Reason.unknown_customer,
                           "No customer account is linked to this request.")
        return None

    def run(self, params: DefaultAddressParams, ctx: ActionContext) -> dict[str, Any]:
        customer_id = ctx.require_customer()
        before = ctx.connector.get_customer(customer_id)
        after = ctx.connector.set_default_address(customer_id, params.address)
        return {
            "customer_id": after.id,
            "default_address": after.default_address,
            "previous_address": before.default_address if before else None,
        }
