"""What each intent needs, stated once: its action, required slots, how it is answered,
whether it may be auto-sent and whether it hands off.

Adding an intent (say "exchange an item") means one entry here, one action in
``app/actions/`` (registered in ``app/actions/registry.py``) and one template per
language in ``prompts/templates/<lang>/<intent>.j2``; the pipeline, the evaluation
and the console read everything else from this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from app.domain import HandoffReason

SlotName = Literal["order_id", "address", "items"]
SLOT_NAMES: tuple[SlotName, ...] = get_args(SlotName)
Answer = Literal["template", "knowledge"]


@dataclass(frozen=True)
class IntentSpec:
    name: str
    # the action that serves it (app.actions.registry), None when words answer it
    action: str | None = None
    # slots that must be known before the action can be proposed
    required: tuple[SlotName, ...] = ()
    # knowledge-base passages answer it (a template could only say "see below")
    answer: Answer = "template"
    # False: a person always looks before the reply goes out, however confident
    auto_send: bool = True
    # the intent itself is a reason to hand the conversation to a person
    handoff: HandoffReason | None = None
    # it is about one of the shopper's orders even when the message names none
    about_order: bool = False
    # about an order still on its way: asked "which one?", the orders not yet delivered
    # are the ones to choose from
    on_its_way: bool = False

    @property
    def writes(self) -> bool:
        from app.actions.registry import ACTIONS

        return self.action is not None and ACTIONS[self.action].writes


def _specs(*specs: IntentSpec) -> dict[str, IntentSpec]:
    return {spec.name: spec for spec in specs}


INTENTS: dict[str, IntentSpec] = _specs(
    # orders: an action reads or changes the store
    IntentSpec("track_order", action="track_order", required=("order_id",), about_order=True,
               on_its_way=True),
    IntentSpec("cancel_order", action="cancel_order", required=("order_id",),
               about_order=True, on_its_way=True),
    IntentSpec("change_shipping_address", action="change_shipping_address",
               required=("order_id", "address"), about_order=True, on_its_way=True),
    # "items" is the order's complete new contents: the bot proposes a change only when
    # the message settles them, else a person settles it with the shopper
    IntentSpec("change_order", action="change_order", required=("order_id", "items"),
               about_order=True, on_its_way=True),
    IntentSpec("get_refund", action="get_refund", required=("order_id",), about_order=True),
    # without an order it reports the shopper's recent refunds
    IntentSpec("track_refund", action="track_refund", about_order=True),
    IntentSpec("get_invoice", action="get_invoice", required=("order_id",), about_order=True),
    IntentSpec("check_invoice", action="get_invoice", required=("order_id",),
               about_order=True),
    IntentSpec("set_up_shipping_address", action="set_up_shipping_address",
               required=("address",)),
    # policy and account questions: a template fills in the store's policy
    IntentSpec("check_cancellation_fee"),
    IntentSpec("check_payment_methods"),
    IntentSpec("check_refund_policy"),
    IntentSpec("delivery_options"),
    IntentSpec("delivery_period"),
    IntentSpec("payment_issue"),
    IntentSpec("place_order"),
    IntentSpec("create_account"),
    IntentSpec("delete_account"),
    IntentSpec("edit_account"),
    IntentSpec("switch_account"),
    IntentSpec("recover_password"),
    IntentSpec("registration_problems"),
    IntentSpec("newsletter_subscription"),
    IntentSpec("review"),
    IntentSpec("contact_customer_service"),
    # the knowledge base answers
    IntentSpec("product_question", answer="knowledge"),
    IntentSpec("promotion_question", answer="knowledge"),
    # hand-offs
    IntentSpec("complaint", handoff=HandoffReason.complaint),
    IntentSpec("contact_human_agent", handoff=HandoffReason.human_request),
    IntentSpec("other", handoff=HandoffReason.out_of_scope),
)
INTENT_NAMES: tuple[str, ...] = tuple(INTENTS)


def spec(name: str) -> IntentSpec:
    """The spec of ``name``; an unknown name reads as ``other`` (out of scope)."""
    return INTENTS.get(name, INTENTS["other"])


def action_intents() -> frozenset[str]:
    return frozenset(name for name, s in INTENTS.items() if s.action is not None)


def handoff_intents() -> frozenset[str]:
    return frozenset(name for name, s in INTENTS.items() if s.handoff is not None)
