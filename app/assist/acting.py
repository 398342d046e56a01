"""From an understood message to an action proposal.

The intent's spec picks the action; parameters come only from the extracted slots
(what the shopper wrote, resolved against their own orders). Authority never comes
from here: the action layer decides from the actor and the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from app.actions import (
    ActionOutcome,
    Actor,
    Mode,
    confirm_action,
    preflight_action,
    propose_action,
    reject_action,
)
from app.domain import Reason
from app.intents import spec
from app.policy import StorePolicy
from app.store.connector import OrderSnapshot, order_of
from app.understanding.slots import Slots, missing_slots


@dataclass
class ActStep:
    """What the act step decided: an outcome, or what is missing to act at all."""

    outcome: ActionOutcome | None = None
    missing: list[str] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    # the request is clear enough for a person to carry out, not for the bot to propose
    # ("change the phone number on it", items named but the new contents unsettled)
    for_a_person: bool = False

    @property
    def reason(self) -> str | None:
        return self.outcome.reason if self.outcome is not None else None

    @property
    def status(self) -> str:
        if self.outcome is not None:
            return str(self.outcome.status)
        if self.candidates:
            return "ambiguous"
        return "missing" if self.missing else "none"


def build_params(action: str, slots: Slots, default_address: str | None) -> dict[str, Any]:
    params: dict[str, Any] = {}
    order = slots.order_id or slots.order_mention
    if order:
        # "3868 6012 0068": a number written in groups is one id (ids hold no spaces)
        params["order_id"] = "".join(order.split())
    address = slots.address
    if address is None and slots.address_kind == "home" and default_address:
        address = default_address
    if action in ("change_shipping_address", "set_up_shipping_address") and address:
        params["address"] = address
    if action == "set_up_shipping_address":
        params.pop("order_id", None)
    if action == "get_refund" and slots.return_reason:
        params["return_reason"] = slots.return_reason
    if action == "get_refund" and slots.unopened:
        params["unopened"] = True
    if slots.new_items:  # only an intent that needs the order's new contents settles them
        params["items"] = [line.model_dump() for line in slots.new_items]
    return params


def refund_items(slots: Slots, order: OrderSnapshot | None) -> list[dict[str, Any]] | None:
    """The lines of the order the shopper named ("just the light"), whole quantities, or
    some units of one product ("one of the two bags"); None for the whole order (nothing
    named, or everything)."""
    if order is None:
        return None
    named = [i for i in order.items if i.product_id in slots.item_products] or (
        list(order.items) if slots.part_count else [])
    qty: dict[str, int] = {}
    for line in named:
        if line.product_id is not None:
            qty[line.product_id] = qty.get(line.product_id, 0) + line.qty
    if len(qty) == 1 and slots.part_count and slots.part_count < sum(qty.values()):
        return [{"product_id": next(iter(qty)), "qty": slots.part_count}]
    if not named or len(named) == len(order.items):
        return None
    return [{"product_id": pid, "qty": n} for pid, n in qty.items()]


def act(*, session: Session, intent: str, slots: Slots, customer_id: str, policy: StorePolicy,
        conversation_id: str, default_address: str | None, mode: Mode = "bot",
        orders: Sequence[OrderSnapshot] = (), general: bool = False) -> ActStep:
    intent_spec = spec(intent)
    action = intent_spec.action
    # a question about the shop in general is about an order only when it names one (the
    # order the conversation was about does not make "how soon do invoices come?" its own)
    named = slots.order_mention or slots.order_source in ("message", "item_reference")
    if action is None or (general and not named):
        return ActStep()
    if slots.order_candidates and not slots.order_id:
        return ActStep(candidates=list(slots.order_candidates))
    missing = missing_slots(intent, slots)
    if (action == "change_shipping_address" and "address" not in missing and not slots.address
            and not (slots.address_kind == "home" and default_address)):
        missing.append("address")  # "my work address": we do not know it, so ask
    order = slots.order_id or slots.order_mention
    if missing == ["items"] and (slots.phone or slots.email) and not slots.item_products:
        # a new phone number or email on the order: a person's change whatever its state
        return ActStep(for_a_person=True)
    if missing and order and "order_id" not in missing:
        # an order that cannot change is said to be so before the shopper is asked for
        # a new address or the items
        refused = preflight_action(session=session, name=action, order_id=order,
                                   actor=Actor.shopper(customer_id), policy=policy,
                                   conversation_id=conversation_id)
        if refused is not None:
            return ActStep(outcome=refused)
    if slots.order_mention and "order_id" not in missing:
        missing = []  # an order we cannot find is answered at once, not asked about
    if missing == ["items"] and slots.item_products:
        return ActStep(for_a_person=True)  # named, but not as contents the bot can propose
    if missing:
        return ActStep(missing=missing)
    params = build_params(action, slots, default_address)
    if action == "get_refund":
        items = refund_items(slots, order_of(orders, slots.order_id))
        if items:
            params["items"] = items
    outcome = propose_action(
        session=session, name=action, params=params, actor=Actor.shopper(customer_id),
        policy=policy, conversation_id=conversation_id, mode=mode)
    if outcome.reason in UNPRICED:
        # contents the bot worked out that the catalogue cannot price for this order (its
        # currency, say): the change asked is a person's to settle, not refused
        return ActStep(for_a_person=True)
    return ActStep(outcome=outcome)


UNPRICED = frozenset({Reason.currency_mismatch, Reason.unknown_product})


def answer_pending(*, session: Session, action_id: int, yes: bool, customer_id: str,
                   policy: StorePolicy) -> ActionOutcome:
    """The shopper's yes/no binds to the pending action of their conversation."""
    actor = Actor.shopper(customer_id)
    if yes:
        return confirm_action(session=session, action_id=action_id, actor=actor, policy=policy)
    return reject_action(session=session, action_id=action_id, actor=actor)
