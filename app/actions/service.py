"""Proposing actions, and what every service call shares: scope, execution, audit.

``confirm_action`` and ``reject_action`` live in :mod:`app.actions.decisions`. The
caller owns the transaction (``session_scope(write=True)``); these functions only
flush. Execution runs in a savepoint so a failed change leaves no half-written store,
while its ``failed`` row and audit entry still commit with the caller's transaction.

Authority comes from the actor and the store alone: the customer whose orders may be
touched is the shopper, or the conversation's customer, never anything in ``params``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session

from app.actions import records
from app.actions.base import (
    Action,
    ActionContext,
    ActionParams,
    GuardsOrder,
    Previewing,
    Refusal,
)
from app.actions.registry import ACTIONS
from app.actions.types import ActionOutcome, Actor, Mode
from app.domain import ActionStatus, Reason
from app.errors import ConfigError, InputError, KefuError
from app.models._common import as_utc
from app.models.actions import ActionRecord
from app.models.conversations import Conversation
from app.policy import StorePolicy
from app.store.connector import CONNECTORS, StoreConnector

log = logging.getLogger(__name__)

DEFAULT_CONNECTOR = "sql"
UNKNOWN = "unknown"
_FIELD_LABEL_MAX = 64

NOT_YOUR_CONVERSATION = Refusal(Reason.not_your_conversation)
# Same for an unknown id and another customer's action, like not_your_order.
NOT_YOUR_ACTION = Refusal(Reason.not_your_action)


@dataclass(frozen=True)
class Call:
    """One service call's fixed parts, so helpers need not pass six arguments around."""

    session: Session
    actor: Actor
    now: datetime
    connector: StoreConnector | None
    policy: StorePolicy | None  # None only for calls that run no guard (rejecting)

    def context(self, customer_id: str | None) -> ActionContext:
        connector = self.connector or CONNECTORS[DEFAULT_CONNECTOR](session=self.session)
        if self.policy is None:
            raise ConfigError("an action guard needs the store policy")
        def done(name: str, order_id: str) -> dict[str, Any] | None:
            if customer_id is None:
                return None
            return records.last_done(self.session, customer_id, name, order_id)

        return ActionContext(connector=connector, policy=self.policy,
                             customer_id=customer_id, now=self.now, done=done)

    def audit(self, name: str, event: str, detail: dict[str, Any],
              action_id: int | None = None) -> None:
        records.audit(self.session, action_id=action_id, name=name, event=event,
                      actor=self.actor, detail=detail, now=self.now)

    def refuse(self, name: str, params: dict[str, Any], status: ActionStatus,
               result: dict[str, Any], row: ActionRecord | None = None) -> ActionOutcome:
        """An outcome that changes no row; audited as ``blocked`` or ``failed``."""
        self.audit(name, status, {"params": params, "result": result},
                   row.id if row else None)
        log.info("action %s %s for %s: %s", name, status, self.actor.label, result)
        return ActionOutcome(name=name, params=params, status=status, result=result,
                             action_id=row.id if row else None)


@dataclass(frozen=True)
class _Scope:
    customer_id: str | None
    conversation_id: str | None

    @property
    def key(self) -> str:
        if self.conversation_id is not None:
            return f"conversation:{self.conversation_id}"
        return f"customer:{self.customer_id}"


def make_call(session: Session, actor: Actor, now: datetime | None,
              connector: StoreConnector | None, policy: StorePolicy | None) -> Call:
    at = as_utc(now) or datetime.now(UTC)
    return Call(session=session, actor=actor, now=at, connector=connector, policy=policy)


def _clean(params: ActionParams) -> dict[str, Any]:
    """Canonical params: what is stored, echoed and hashed into the idempotency key."""
    return params.model_dump(mode="json", exclude_none=True)


def _raw(params: Any) -> dict[str, Any]:
    """Unvalidated params echoed back in a ``failed`` outcome, made JSON-safe."""
    return records.json_safe(params) if isinstance(params, dict) else {}


def _parse(action: Action, params: Any) -> ActionParams | dict[str, Any]:
    """The validated params, or the ``failed`` result saying what is missing or wrong."""
    if not isinstance(params, dict):
        return {"reason": Reason.invalid_params,
                "detail": [{"field": "", "msg": "params must be an object"}]}
    try:
        return action.params_model.model_validate(params)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False, include_context=False)
        labels = [".".join(str(p) for p in e["loc"])[:_FIELD_LABEL_MAX] for e in errors]
        missing = [label for label, e in zip(labels, errors, strict=True)
                   if e["type"] == "missing"]
        if missing:
            return {"reason": Reason.missing_params, "missing": missing}
        return {"reason": Reason.invalid_params,
                "detail": [{"field": label, "msg": e["msg"]}
                           for label, e in zip(labels, errors, strict=True)]}


def _scope(call: Call, conversation_id: str | None, needs_customer: bool) -> _Scope | Refusal:
    actor = call.actor
    if conversation_id is not None:
        conv = call.session.get(Conversation, conversation_id)
        if actor.kind == "shopper":
            if conv is None or conv.customer_id != actor.customer_id:
                return NOT_YOUR_CONVERSATION
        elif conv is None:
            return Refusal(Reason.unknown_conversation, "There is no such conversation.")
        elif actor.customer_id is not None and actor.customer_id != conv.customer_id:
            return Refusal(Reason.customer_mismatch,
                           "The conversation belongs to another customer than the one given.")
        return _Scope(conv.customer_id, conv.id)
    if needs_customer and actor.customer_id is None:
        return Refusal(Reason.no_customer, "This action needs a customer: give a conversation.")
    return _Scope(actor.customer_id, None)


def execute(call: Call, action: Action, params: ActionParams,
             ctx: ActionContext) -> tuple[ActionStatus, dict[str, Any]]:
    try:
        with call.session.begin_nested():
            return ActionStatus.executed, action.run(params, ctx)
    except KefuError as exc:
        log.warning("action %s failed for %s: %s", action.name, call.actor.label, exc)
        return ActionStatus.failed, {"reason": Reason.execution_failed}


def _run_now(call: Call, action: Action, params: ActionParams, scope: _Scope) -> ActionOutcome:
    """Read-only actions (and handoff): check, run and record at once."""
    clean = _clean(params)
    ctx = call.context(scope.customer_id)
    refusal = action.check(params, ctx)
    if refusal:
        return call.refuse(action.name, clean, ActionStatus.blocked, refusal.as_result())
    status, result = execute(call, action, params, ctx)
    row = ActionRecord(name=action.name, params=clean, status=status, result=result,
                       conversation_id=scope.conversation_id, customer_id=scope.customer_id,
                       idempotency_key=records.one_off_key(), created_at=call.now,
                       updated_at=call.now)
    row = records.insert(call.session, row)
    call.audit(action.name, status, {"params": clean, "result": result}, row.id)
    return records.outcome_of(row)


def _propose_write(call: Call, action: Action, params: ActionParams, scope: _Scope,
                   mode: Mode) -> ActionOutcome:
    clean = _clean(params)
    key = records.idempotency_key(scope=scope.key, name=action.name, params=clean)
    ctx = call.context(scope.customer_id)
    existing = records.find_by_key(call.session, key)
    if existing is not None and records.replayable(existing, call.now):
        return _replay_proposal(call, action, params, ctx, existing)
    detail: dict[str, Any] = {"params": clean}
    if existing is not None:
        records.retire(call.session, existing)
        detail["supersedes"] = existing.id
    refusal = action.check(params, ctx)
    if refusal:
        return call.refuse(action.name, clean, ActionStatus.blocked, refusal.as_result())
    status = "needs_confirmation" if mode == "bot" else "needs_approval"
    # what it would do, said with the question ("you'd get €84.10 back")
    preview = action.preview(params, ctx) if isinstance(action, Previewing) else None
    row = records.insert(call.session, ActionRecord(
        name=action.name, params=clean, status=status, result=preview,
        conversation_id=scope.conversation_id, customer_id=scope.customer_id,
        idempotency_key=key, created_at=call.now, updated_at=call.now))
    call.audit(action.name, "proposed", {**detail, "status": row.status}, row.id)
    return records.outcome_of(row)


def _replay_proposal(call: Call, action: Action, params: ActionParams, ctx: ActionContext,
                     row: ActionRecord) -> ActionOutcome:
    """The same proposal again: a pending row is re-checked, an executed one replayed."""
    if row.status in records.PENDING:
        refusal = action.check(params, ctx)
        if refusal:
            records.finish(call.session, row, "blocked", refusal.as_result(), call.now)
            call.audit(row.name, "blocked", {"result": row.result, "on": "repropose"}, row.id)
            return records.outcome_of(row)
    call.audit(row.name, "replayed", {"status": row.status, "on": "propose"}, row.id)
    return records.outcome_of(row)


def propose_action(
    *, session: Session, name: str, params: Any, actor: Actor, policy: StorePolicy,
    conversation_id: str | None = None, mode: Mode = "bot", now: datetime | None = None,
    connector: StoreConnector | None = None,
) -> ActionOutcome:
    """Validate, authorize and guard an action; run it if read-only, else store it pending.

    Never raises for bad params, foreign orders or policy: those are ``failed`` or
    ``blocked`` outcomes. ``mode`` picks who must agree to a write: the shopper
    (``bot`` -> needs_confirmation) or an agent (``console`` -> needs_approval).
    The same write proposed again in the same conversation (or, without one, for the
    same customer) returns the existing pending row, whatever ``mode`` it came with;
    an executed one is replayed for ``records.EXECUTED_REPLAY_WINDOW``.
    """
    if mode not in ("bot", "console"):
        raise InputError(f"mode must be 'bot' or 'console', not {mode!r}")
    call = make_call(session, actor, now, connector, policy)
    action = ACTIONS.get(name)
    if action is None:
        return call.refuse(name[:64] or UNKNOWN, _raw(params), ActionStatus.failed,
                           {"reason": Reason.unknown_action})
    parsed = _parse(action, params)
    if isinstance(parsed, dict):
        return call.refuse(name, _raw(params), ActionStatus.failed, parsed)
    scope = _scope(call, conversation_id, action.needs_customer)
    if isinstance(scope, Refusal):
        return call.refuse(name, _clean(parsed), ActionStatus.blocked, scope.as_result())
    if not action.writes:
        return _run_now(call, action, parsed, scope)
    return _propose_write(call, action, parsed, scope, mode)


def preflight_action(
    *, session: Session, name: str, order_id: str, actor: Actor, policy: StorePolicy,
    conversation_id: str | None = None,
) -> ActionOutcome | None:
    """The refusal an action gives on its order alone (audited as ``blocked``), or None
    when the order allows it and the rest of its parameters are worth asking for."""
    action = ACTIONS.get(name)
    if not isinstance(action, GuardsOrder):
        return None
    call = make_call(session, actor, None, None, policy)
    scope = _scope(call, conversation_id, needs_customer=True)
    params = {"order_id": order_id}
    if isinstance(scope, Refusal):
        return call.refuse(name, params, ActionStatus.blocked, scope.as_result())
    refusal = action.guard_order(order_id, call.context(scope.customer_id))
    if refusal is None:
        return None
    return call.refuse(name, params, ActionStatus.blocked, refusal.as_result())
