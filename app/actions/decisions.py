"""Confirm (shopper), approve (agent) or reject a pending write action.

Outcomes of ``confirm_action``:

* the row is pending and the actor may decide it: guards run again on the store as it
  is now; ``executed``, or ``blocked`` if e.g. the order shipped meanwhile;
* the row was already decided: its stored outcome again, with no new store change
  (a replayed confirmation never applies twice);
* wrong kind of actor: ``blocked`` with ``needs_shopper_confirmation`` or
  ``needs_agent_approval``; the row stays pending;
* unknown id, or another customer's action: ``blocked`` ``not_your_action``, the same
  bytes in both cases.

``reject_action`` stores status ``rejected`` in the row and returns it as ``blocked``
with result ``{"reason": "rejected", ...}``: AssistResult has no ``rejected`` status,
and "refused, nothing was changed" is what ``blocked`` tells a caller.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import ValidationError
from sqlmodel import Session

from app.actions import records
from app.actions.base import Refusal
from app.actions.registry import ACTIONS
from app.actions.service import NOT_YOUR_ACTION, UNKNOWN, Call, execute, make_call
from app.actions.types import ActionOutcome, Actor
from app.domain import ActionStatus, Reason
from app.models.actions import ActionRecord
from app.policy import StorePolicy
from app.store.connector import StoreConnector

REJECTED_DETAIL = "The action was rejected; nothing was changed."


def _row_for(call: Call, action_id: int) -> ActionRecord | None:
    """The row if this actor may see it: any row for a staff actor not bound to a
    customer, else only rows on the actor's own customer account."""
    row = records.load_for_update(call.session, action_id)
    if row is None:
        return None
    if call.actor.customer_id is not None and row.customer_id != call.actor.customer_id:
        return None
    return row


def _not_yours(call: Call, action_id: int, event: str) -> ActionOutcome:
    # the audit keeps the truth (which id was tried); the caller learns nothing
    found = records.load_for_update(call.session, action_id)
    call.audit(found.name if found else UNKNOWN, "blocked",
               {"on": event, "requested_id": action_id, "result": NOT_YOUR_ACTION.as_result()},
               found.id if found else None)
    return ActionOutcome(name=UNKNOWN, params={}, status=ActionStatus.blocked,
                         result=NOT_YOUR_ACTION.as_result(), action_id=None)


def _decider_refusal(row: ActionRecord, actor: Actor) -> Refusal | None:
    if row.status == "needs_confirmation" and actor.kind != "shopper":
        return Refusal(Reason.needs_shopper_confirmation,
                       "Only the shopper can confirm this action.")
    if row.status == "needs_approval" and actor.kind != "agent":
        return Refusal(Reason.needs_agent_approval, "Only an agent can approve this action.")
    return None


def _apply(call: Call, row: ActionRecord) -> ActionOutcome:
    """Re-validate, re-check and run a pending row that its decider just agreed to."""
    action = ACTIONS.get(row.name)
    try:
        parsed = action.params_model.model_validate(row.params) if action else None
    except ValidationError:  # stored under an older params schema
        parsed = None
    if action is None or parsed is None:
        reason = Reason.unknown_action if action is None else Reason.invalid_params
        records.finish(call.session, row, "failed", {"reason": reason}, call.now)
        call.audit(row.name, "failed", {"result": row.result}, row.id)
        return records.outcome_of(row)
    ctx = call.context(row.customer_id)
    refusal = action.check(parsed, ctx)
    if refusal:
        records.finish(call.session, row, "blocked", refusal.as_result(), call.now)
    else:
        status, result = execute(call, action, parsed, ctx)
        records.finish(call.session, row, status, result, call.now)
    call.audit(row.name, row.status, {"result": row.result}, row.id)
    return records.outcome_of(row)


def confirm_action(
    *, session: Session, action_id: int, actor: Actor, policy: StorePolicy,
    now: datetime | None = None, connector: StoreConnector | None = None,
) -> ActionOutcome:
    """The shopper confirms a ``needs_confirmation`` row, an agent approves a
    ``needs_approval`` one; see the module docstring for every outcome."""
    call = make_call(session, actor, now, connector, policy)
    row = _row_for(call, action_id)
    if row is None:
        return _not_yours(call, action_id, "confirm")
    if row.status not in records.PENDING:
        call.audit(row.name, "replayed", {"on": "confirm", "status": row.status}, row.id)
        return records.outcome_of(row)
    refusal = _decider_refusal(row, actor)
    if refusal:
        return call.refuse(row.name, row.params, ActionStatus.blocked, refusal.as_result(), row)
    event = "confirmed" if row.status == "needs_confirmation" else "approved"
    call.audit(row.name, event, {"status": row.status}, row.id)
    return _apply(call, row)


def reject_action(
    *, session: Session, action_id: int, actor: Actor, now: datetime | None = None,
) -> ActionOutcome:
    """Decline a pending row (its shopper, or any agent). Returns ``blocked`` with
    reason ``rejected``; a row already executed, blocked or failed stays as it is and
    the answer is ``blocked`` with reason ``not_pending``."""
    call = make_call(session, actor, now, None, None)  # rejecting runs no guard
    row = _row_for(call, action_id)
    if row is None:
        return _not_yours(call, action_id, "reject")
    if row.status == records.REJECTED:
        call.audit(row.name, "replayed", {"on": "reject", "status": row.status}, row.id)
        return records.outcome_of(row)
    if row.status not in records.PENDING:
        refusal = Refusal(Reason.not_pending, f"The action is already {row.status}.",
                          {"action_status": row.status})
        return call.refuse(row.name, row.params, ActionStatus.blocked, refusal.as_result(), row)
    result = {"reason": Reason.rejected, "detail": REJECTED_DETAIL, "rejected_by": actor.kind}
    records.finish(call.session, row, records.REJECTED, result, call.now)
    call.audit(row.name, "rejected", {"result": result}, row.id)
    return records.outcome_of(row)
