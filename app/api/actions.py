"""Actions: the shopper confirms or declines, an agent proposes, approves or refuses.

The action layer decides and audits every attempt (refused ones too); the turn service
commits that audit before a refusal becomes an HTTP error, and adds the outcome as a
message so the shopper's chat shows what happened.
"""

from __future__ import annotations

from fastapi import APIRouter
from sqlmodel import col, select

from app.actions import ActionOutcome, Actor, propose_action
from app.api import access
from app.api.deps import Agent, Reader, RuntimeDep, Shopper
from app.api.schemas import ActionDecisionOut, ActionId, ActionOut, ProposeIn
from app.assist.service import decide_action
from app.auth import Principal
from app.console import answers
from app.models import ActionRecord
from app.runtime import Runtime

router = APIRouter(prefix="/api", tags=["actions"])



def _outcome_out(outcome: ActionOutcome, conversation_id: str | None) -> ActionOut:
    return ActionOut(id=outcome.action_id, name=outcome.name, params=outcome.params,
                     status=outcome.status, result=outcome.result,
                     conversation_id=conversation_id)


def _decide(rt: Runtime, action_id: int, principal: Principal, yes: bool,
            reply_as: str | None) -> ActionDecisionOut:
    if principal.role != "shopper":
        # an agent acting answers the shopper: not in somebody else's conversation
        answers.claim_for_action(rt, action_id=action_id, principal=principal)
    outcome, message, conversation_id = decide_action(
        rt, action_id=action_id, actor=principal.actor, yes=yes, reply_as=reply_as)
    if message is not None and message.role == "agent":
        answers.answered_by_action(rt, conversation_id)
    return ActionDecisionOut(action=_outcome_out(outcome, conversation_id),
                             message=access.message_out(message) if message else None)


@router.post("/actions/{action_id}/confirm", response_model=ActionDecisionOut)
def confirm(rt: RuntimeDep, action_id: ActionId, principal: Shopper) -> ActionDecisionOut:
    """The shopper says yes to their pending action; it runs if policy still allows."""
    return _decide(rt, action_id, principal, True, "bot")


@router.post("/actions/{action_id}/reject", response_model=ActionDecisionOut)
def decline(rt: RuntimeDep, action_id: ActionId, principal: Shopper) -> ActionDecisionOut:
    """The shopper says no; nothing changes."""
    return _decide(rt, action_id, principal, False, "bot")


@router.post("/actions/{action_id}/approve", response_model=ActionDecisionOut)
def approve(rt: RuntimeDep, action_id: ActionId, principal: Agent) -> ActionDecisionOut:
    """An agent approves an action proposed from the console (``needs_approval``)."""
    return _decide(rt, action_id, principal, True, "agent")


@router.post("/actions/{action_id}/refuse", response_model=ActionDecisionOut)
def refuse(rt: RuntimeDep, action_id: ActionId, principal: Agent) -> ActionDecisionOut:
    """An agent refuses a pending action; nothing changes and the shopper is not told."""
    return _decide(rt, action_id, principal, False, None)


@router.get("/conversations/{conversation_id}/actions", response_model=list[ActionOut])
def list_actions(rt: RuntimeDep, conversation_id: str, principal: Reader) -> list[ActionOut]:
    """The conversation's actions, newest first."""
    with rt.session() as session:
        access.visible_conversation(session, principal, conversation_id)
        rows = session.exec(select(ActionRecord).where(
            ActionRecord.conversation_id == conversation_id)
            .order_by(col(ActionRecord.id).desc())).all()
        return [access.action_out(r) for r in rows]


@router.post("/conversations/{conversation_id}/actions", response_model=ActionOut)
def propose(rt: RuntimeDep, conversation_id: str, body: ProposeIn, principal: Agent) -> ActionOut:
    """An agent proposes an action for the conversation's customer; a write waits for an
    agent's approval (``needs_approval``), a read-only one runs at once. Bad params or
    a policy refusal come back as a ``failed`` or ``blocked`` outcome, not an error."""
    answers.claim_conversation(rt, conversation_id=conversation_id, principal=principal)
    with rt.session(write=True) as session:
        access.visible_conversation(session, principal, conversation_id)
        outcome = propose_action(session=session, name=body.name, params=body.params,
                                 actor=Actor.agent(principal.name), policy=rt.policy,
                                 conversation_id=conversation_id, mode="console")
    return _outcome_out(outcome, conversation_id)
