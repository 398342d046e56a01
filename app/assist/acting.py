"""From an understood message to an action proposal.

The intent picks the action; parameters come only from the extracted slots (what
the shopper wrote, resolved against their own orders). Authority never comes from
here: the action layer decides from the actor and the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from app.actions import ActionOutcome, Actor, confirm_action, propose_action, reject_action
from app.understanding.slots import Slots, missing_slots

# intent -> action; intents not listed are answered from knowledge and policy
INTENT_ACTIONS = {
    "track_order": "track_order",
    "change_shipping_address": "change_shipping_address",
    "cancel_order": "cancel_order",
    "get_refund": "get_refund",
    "track_refund": "track_refund",
    "get_invoice": "get_invoice",
    "check_invoice": "get_invoice",
    "set_up_shipping_address": "set_up_shipping_address",
    "change_order": "change_order",
}


@dataclass
class ActStep:
    """What the act step decided: an outcome, or what is missing to act at all."""

    outcome: ActionOutcome | None = None
    missing: list[str] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.outcome is not None:
            return self.outcome.status
        if self.candidates:
            return "ambiguous"
        return "missing" if self.missing else "none"


def build_params(action: str, slots: Slots, default_address: str | None) -> dict[str, Any]:
    params: dict[str, Any] = {}
    if slots.order_id:
        params["order_id"] = slots.order_id
    address = slots.address
    if address is None and slots.address_kind == "home" and default_address:
        address = default_address
    if action in ("change_shipping_address", "set_up_shipping_address") and address:
        params["address"] = address
    if action == "set_up_shipping_address":
        params.pop("order_id", None)
    return params


def act(*, session: Session, intent: str, slots: Slots, customer_id: str,
        conversation_id: str, default_address: str | None, mode: str = "bot") -> ActStep:
    action = INTENT_ACTIONS.get(intent)
    if action is None:
        return ActStep()
    if slots.order_candidates and not slots.order_id:
        return ActStep(candidates=list(slots.order_candidates))
    missing = missing_slots(intent, slots)
    if (action == "change_shipping_address" and "address" not in missing and not slots.address
            and not (slots.address_kind == "home" and default_address)):
        missing.append("address")  # "my work address": we do not know it, so ask
    if action == "change_order":
        missing = [*missing, "items"] if "items" not in missing else missing
    if missing:
        return ActStep(missing=missing)
    outcome = propose_action(
        session=session, name=action, params=build_params(action, slots, default_address),
        actor=Actor.shopper(customer_id), conversation_id=conversation_id,
        mode="bot" if mode == "bot" else "console")
    return ActStep(outcome=outcome)


def answer_pending(*, session: Session, action_id: int, yes: bool,
                   customer_id: str) -> ActionOutcome:
    """The shopper's yes/no binds to the pending action of their conversation."""
    actor = Actor.shopper(customer_id)
    if yes:
        return confirm_action(session=session, action_id=action_id, actor=actor)
    return reject_action(session=session, action_id=action_id, actor=actor)
