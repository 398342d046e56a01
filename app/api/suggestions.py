"""The agent's side of a conversation: suggestions to accept, edit or reject; free replies.

Every decision is stored on the suggestion (decision, final text, who, when); what is
sent becomes an ``agent`` message in the conversation, which the shopper's chat shows.
Answering claims the conversation; one owned by another agent is a 409 (the answers
service, app.console.answers, owns all of it).
"""

from __future__ import annotations

from fastapi import APIRouter
from sqlmodel import col, select

from app.api import access
from app.api.deps import Agent, RuntimeDep
from app.api.schemas import MessageOut, RowId, SuggestionDecisionOut, SuggestionOut, TextIn
from app.api.team_schemas import Responses
from app.auth import Principal
from app.console import answers
from app.models import Suggestion
from app.runtime import Runtime

router = APIRouter(prefix="/api", tags=["suggestions"])

OWNED: Responses = {409: {"description": "Already decided, or the conversation belongs to another "
                              "agent (reassign it first)"}}


@router.get("/conversations/{conversation_id}/suggestions", response_model=list[SuggestionOut])
def list_suggestions(rt: RuntimeDep, conversation_id: str, principal: Agent) -> list[SuggestionOut]:
    """Every suggestion of the conversation, newest turn first, best first within a turn."""
    with rt.session() as session:
        access.visible_conversation(session, principal, conversation_id)
        rows = session.exec(select(Suggestion).where(
            Suggestion.conversation_id == conversation_id)
            .order_by(col(Suggestion.message_id).desc(), col(Suggestion.rank))).all()
        return [access.suggestion_out(s) for s in rows]


def _decide(rt: Runtime, suggestion_id: int, principal: Principal, decision: str,
            edited: str | None = None) -> SuggestionDecisionOut:
    done = answers.decide(rt, suggestion_id=suggestion_id, principal=principal,
                          decision=decision, edited=edited)
    sent = access.message_out(done.message) if done.message is not None else None
    return SuggestionDecisionOut(suggestion=access.suggestion_out(done.suggestion), message=sent)


@router.post("/suggestions/{suggestion_id}/accept", response_model=SuggestionDecisionOut,
             responses=OWNED)
def accept(rt: RuntimeDep, suggestion_id: RowId, principal: Agent) -> SuggestionDecisionOut:
    """Send the suggestion as it is."""
    return _decide(rt, suggestion_id, principal, "accepted")


@router.post("/suggestions/{suggestion_id}/edit", response_model=SuggestionDecisionOut,
             responses=OWNED)
def edit(rt: RuntimeDep, suggestion_id: RowId, body: TextIn,
         principal: Agent) -> SuggestionDecisionOut:
    """Send an edited version; the draft and the final text are both kept."""
    return _decide(rt, suggestion_id, principal, "edited", body.text)


@router.post("/suggestions/{suggestion_id}/reject", response_model=SuggestionDecisionOut,
             responses=OWNED)
def reject(rt: RuntimeDep, suggestion_id: RowId, principal: Agent) -> SuggestionDecisionOut:
    """Mark the suggestion as wrong; nothing is sent."""
    return _decide(rt, suggestion_id, principal, "rejected")


@router.post("/conversations/{conversation_id}/reply", response_model=MessageOut,
             status_code=201, responses=OWNED)
def reply(rt: RuntimeDep, conversation_id: str, body: TextIn, principal: Agent) -> MessageOut:
    """A reply the agent wrote themselves (no suggestion fitted, or after a hand-off)."""
    return access.message_out(answers.reply(rt, conversation_id=conversation_id,
                                            principal=principal, text=body.text))
