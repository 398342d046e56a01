"""Actions: the shopper confirms or declines, an agent proposes, approves or refuses.

The action layer decides and audits every attempt (refused ones too); this router
commits that audit before it turns a refusal into an HTTP error, and adds the
outcome as a message so the shopper's chat shows what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends
from sqlmodel import Session, col, select

from app.actions import ActionOutcome, Actor, confirm_action, propose_action, reject_action
from app.actions.records import PENDING
from app.api import access
from app.api.schemas import ActionDecisionOut, ActionOut, MessageOut, ProposeIn
from app.api.turns import outcome_text
from app.assist.conversations import add_message, update_state
from app.auth import STAFF, Principal, require
from app.db import session_scope
from app.errors import ConflictError, NotFoundError
from app.models import ActionRecord, Conversation
from app.settings import get_settings

router = APIRouter(prefix="/api", tags=["actions"])

Shopper = Annotated[Principal, Depends(require("shopper"))]
Agent = Annotated[Principal, Depends(require(*STAFF))]
Reader = Annotated[Principal, Depends(require("shopper", *STAFF))]
CONFLICTS = ("needs_shopper_confirmation", "needs_agent_approval", "not_pending")
Decider = Callable[..., ActionOutcome]


def _outcome_out(outcome: ActionOutcome, conversation_id: str | None) -> ActionOut:
    return ActionOut(id=outcome.action_id, name=outcome.name, params=outcome.params,
                     status=outcome.status, result=outcome.result,
                     conversation_id=conversation_id)


def _tell(session: Session, row: ActionRecord, outcome: ActionOutcome,
          role: str | None) -> MessageOut | None:
    """Clear the pending marker and, if ``role`` is given, post the outcome as a reply."""
    conv = session.get(Conversation, row.conversation_id) if row.conversation_id else None
    if conv is None:
        return None
    if (conv.state or {}).get("pending_action_id") == row.id:
        update_state(conv, pending_action_id=None)
        session.add(conv)
    if role is None:
        return None
    text = outcome_text(get_settings(), language=conv.language, outcome=outcome)
    message = add_message(session=session, conversation=conv, role=role, text=text,
                          channel=conv.channel, language=conv.language)
    return access.message_out(message)


def _decide(action_id: int, principal: Principal, decider: Decider,
            reply_as: str | None) -> ActionDecisionOut:
    with session_scope(write=True) as session:
        row = access.visible_action(session, principal, action_id)
        was_pending = row.status in PENDING
        outcome = decider(session=session, action_id=action_id, actor=principal.actor)
        reason = (outcome.result or {}).get("reason")
        refused = outcome.status == "blocked" and reason in (*CONFLICTS, "not_your_action")
        message = None
        if was_pending and not refused:
            message = _tell(session, row, outcome, reply_as)
        decision = ActionDecisionOut(action=_outcome_out(outcome, row.conversation_id),
                                     message=message)
    # raised after the commit, so the refused attempt stays in the audit trail
    if reason == "not_your_action":
        raise NotFoundError("action not found")
    if refused:
        detail = (outcome.result or {}).get("detail") or reason
        raise ConflictError(f"action {action_id}: {detail}")
    return decision


@router.post("/actions/{action_id}/confirm", response_model=ActionDecisionOut)
def confirm(action_id: int, principal: Shopper) -> ActionDecisionOut:
    """The shopper says yes to their pending action; it runs if policy still allows."""
    return _decide(action_id, principal, confirm_action, "bot")


@router.post("/actions/{action_id}/reject", response_model=ActionDecisionOut)
def decline(action_id: int, principal: Shopper) -> ActionDecisionOut:
    """The shopper says no; nothing changes."""
    return _decide(action_id, principal, reject_action, "bot")


@router.post("/actions/{action_id}/approve", response_model=ActionDecisionOut)
def approve(action_id: int, principal: Agent) -> ActionDecisionOut:
    """An agent approves an action proposed from the console (``needs_approval``)."""
    return _decide(action_id, principal, confirm_action, "agent")


@router.post("/actions/{action_id}/refuse", response_model=ActionDecisionOut)
def refuse(action_id: int, principal: Agent) -> ActionDecisionOut:
    """An agent refuses a pending action; nothing changes and the shopper is not told."""
    return _decide(action_id, principal, reject_action, None)


@router.get("/conversations/{conversation_id}/actions", response_model=list[ActionOut])
def list_actions(conversation_id: str, principal: Reader) -> list[ActionOut]:
    """The conversation's actions, newest first."""
    with session_scope() as session:
        access.visible_conversation(session, principal, conversation_id)
        rows = session.exec(select(ActionRecord).where(
            ActionRecord.conversation_id == conversation_id)
            .order_by(col(ActionRecord.id).desc())).all()
        return [access.action_out(r) for r in rows]


@router.post("/conversations/{conversation_id}/actions", response_model=ActionOut)
def propose(conversation_id: str, body: ProposeIn, principal: Agent) -> ActionOut:
    """An agent proposes an action for the conversation's customer; a write waits for an
    agent's approval (``needs_approval``), a read-only one runs at once. Bad params or
    a policy refusal come back as a ``failed`` or ``blocked`` outcome, not an error."""
    with session_scope(write=True) as session:
        access.visible_conversation(session, principal, conversation_id)
        outcome = propose_action(session=session, name=body.name, params=body.params,
                                 actor=Actor.agent(principal.name),
                                 conversation_id=conversation_id, mode="console")
    return _outcome_out(outcome, conversation_id)
