"""The one question a conversation may have open: a write waiting for the shopper's yes,
or the offer of a person. A new one replaces the old (its proposal withdrawn), so a late
"yes" never executes something the shopper has moved on from."""

from __future__ import annotations

from typing import Any

from app.actions import Actor, reject_action
from app.assist.state import Pending
from app.assist.turn import Turn
from app.domain import ActionStatus, Reason
from app.intents import spec
from app.models.actions import ActionRecord


def supersede(turn: Turn, new_id: int | None) -> None:
    """A new question replaces the one still open ("just the light, then"): the old
    proposal is withdrawn, so only one write ever waits for the shopper's yes."""
    old = turn.state.pending
    if old is None or old.kind != "action" or old.action_id in (None, new_id):
        return
    assert old.action_id is not None
    for action_id in (old.action_id, *old.more_action_ids):
        reject_action(session=turn.session, action_id=action_id,
                      actor=Actor.system(customer_id=turn.customer.id))


def proposal_of(turn: Turn, pending: Pending) -> ActionRecord | None:
    """The record of the write waiting, as it was proposed (items, address, terms)."""
    return turn.session.get(ActionRecord, pending.action_id) if pending.action_id else None


def proposed_params(turn: Turn, pending: Pending) -> dict[str, Any] | None:
    """The parameters the write waiting was proposed with; None without its record."""
    record = proposal_of(turn, pending)
    if record is None:
        return None
    return record.params if isinstance(record.params, dict) else {}


def names_another_order(turn: Turn) -> bool:
    """"yes, cancel the blender one" to "shall I cancel the kettle order?": the message
    names another order than the write waiting, so its yes is no yes to that write."""
    pending, slots = turn.state.pending, turn.u.slots
    if pending is None or pending.kind != "action" or pending.order_id is None:
        return False
    if slots.order_mention:
        return True
    if slots.order_ids and pending.order_id in slots.order_ids:
        return False  # "yes, both": the write waiting is one of them
    return slots.order_source in ("message", "item_reference") and slots.order_id not in (
        None, pending.order_id)


def another_reason(turn: Turn, pending: Pending) -> bool:
    """"好的，那就按质量问题退吧" to a return proposed with no fault said: the yes gives another
    reason than the proposal's, which changes what the return costs, so the return is
    proposed again on that reason rather than opened on the old terms."""
    said = turn.u.slots.return_reason
    if pending.kind != "action" or pending.intent != "get_refund" or said is None:
        return False
    params = proposed_params(turn, pending)
    return params is not None and params.get("return_reason") != said


def lapse(turn: Turn) -> None:
    """The open question no longer stands: forget it and withdraw its proposal, so the
    chat's Yes/No card closes too and a late "yes" executes nothing."""
    supersede(turn, None)
    turn.state.pending = None


def remember(turn: Turn, reply: str) -> None:
    """What this turn leaves waiting for an answer (``reply``: the reply chosen)."""
    outcome = turn.step.outcome
    turn.state.refused = outcome is not None and outcome.status == ActionStatus.blocked
    if _a_change_tried_instead(turn, turn.intent) and not turn.state.refused:
        lapse(turn)  # a change taken instead (proposed, or noted for a person) replaces it
    if outcome is not None and outcome.status == ActionStatus.needs_confirmation:
        supersede(turn, outcome.action_id)
        order_id = (outcome.params or {}).get("order_id")
        more = [s.outcome.action_id for s in turn.more_steps if s.outcome is not None
                and s.outcome.status == ActionStatus.needs_confirmation]
        turn.state.pending = Pending(kind="action", intent=turn.intent,
                                     action_id=outcome.action_id, asked_turn=turn.state.turn,
                                     order_id=str(order_id) if order_id else None,
                                     more_action_ids=[a for a in more if a is not None])
    elif outcome is not None and outcome.reason == Reason.refund_already_open:
        # "...no need to open another one. I can check its progress for you": a yes
        # asks for that look-up
        _offer(turn, "track_refund")
    elif _cancel_offered(turn):
        _offer(turn, "cancel_order")
    elif turn.template == "other" and turn.handoff is None:
        # a write waiting before the question the bot could not answer still waits
        waiting = turn.state.pending
        turn.state.pending = Pending(
            kind="handoff_offer", intent="contact_human_agent", asked_turn=turn.state.turn,
            earlier=waiting if waiting and waiting.kind == "action" else None)
    elif turn.warranty_offer and turn.warranty_offer == reply and turn.handoff is None:
        waiting = turn.state.pending
        turn.state.pending = Pending(
            kind="handoff_offer", intent="contact_human_agent", asked_turn=turn.state.turn,
            about="warranty", earlier=waiting if waiting and waiting.kind == "action" else None)
    elif turn.u.carried and turn.state.pending and turn.state.pending.kind == "action":
        # what it would pay, or a change tried instead and refused: the write still waits
        turn.state.pending.asked_turn = turn.state.turn  # ("好吧 那还是先退")


def _offer(turn: Turn, intent: str) -> None:
    order_id = (turn.step.outcome.params or {}).get("order_id") if turn.step.outcome else None
    turn.state.pending = Pending(kind="request_offer", intent=intent, asked_turn=turn.state.turn,
                                 order_id=str(order_id) if order_id else None)


def _cancel_offered(turn: Turn) -> bool:
    """Items that can no longer change on an order that can still be cancelled: the reply
    offers to cancel it, so that they can order again."""
    outcome = turn.step.outcome
    if turn.intent != "change_order" or outcome is None or outcome.status != ActionStatus.blocked:
        return False
    status = (outcome.result or {}).get("order_status")
    return outcome.reason == Reason.status_not_allowed and (
        status in turn.rt.policy.cancellable_statuses)


def _a_change_tried_instead(turn: Turn, intent: str) -> bool:
    """"换成L码吧 不走退货了": a change of items carried on while another write waits."""
    waiting = turn.state.pending
    return (waiting is not None and waiting.kind == "action" and waiting.intent != intent
            and turn.u.carried and intent == "change_order")


def changes_topic(turn: Turn) -> bool:
    """Another request than the one waiting for a yes: a side question ("how many days
    do I have again?") leaves the question open, a new action closes it."""
    pending = turn.state.pending
    assert pending is not None
    if turn.u.intent == pending.intent:
        return False
    if _a_change_tried_instead(turn, turn.u.intent):
        return False  # a proposal of it replaces the one waiting, a refusal leaves it standing
    if pending.kind == "action":
        # "wait, when would the money be back?" while a cancellation waits: a look-up
        # on the side; another write, or a request about another order, replaces it
        new = spec(turn.u.intent)
        return new.writes or (bool(new.action) and names_another_order(turn))
    return bool(spec(turn.u.intent).action)
