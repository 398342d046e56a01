"""The agent's side of a conversation: suggestions to accept, edit or reject; free replies.

Every decision is stored on the suggestion (decision, final text, who, when); what is
sent becomes an ``agent`` message in the conversation, which the shopper's chat shows.
"""

from __future__ import annotations

from fastapi import APIRouter
from sqlmodel import Session, col, select

from app.api import access
from app.api.deps import Agent, RuntimeDep
from app.api.schemas import MessageOut, RowId, SuggestionDecisionOut, SuggestionOut, TextIn
from app.assist.conversations import add_message
from app.auth import Principal
from app.channels.hooks import after_message
from app.errors import ConflictError, NotFoundError
from app.models import Conversation, Message, Suggestion
from app.models._common import utcnow
from app.runtime import Runtime

router = APIRouter(prefix="/api", tags=["suggestions"])



@router.get("/conversations/{conversation_id}/suggestions", response_model=list[SuggestionOut])
def list_suggestions(rt: RuntimeDep, conversation_id: str, principal: Agent) -> list[SuggestionOut]:
    """Every suggestion of the conversation, newest turn first, best first within a turn."""
    with rt.session() as session:
        access.visible_conversation(session, principal, conversation_id)
        rows = session.exec(select(Suggestion).where(
            Suggestion.conversation_id == conversation_id)
            .order_by(col(Suggestion.message_id).desc(), col(Suggestion.rank))).all()
        return [access.suggestion_out(s) for s in rows]


def _send(session: Session, conv: Conversation, text: str, language: str | None) -> Message:
    message = add_message(session=session, conversation=conv, role="agent", text=text,
                          channel=conv.channel, language=language or conv.language)
    after_message(session, conv, message)  # on a channel, it goes out to the shopper too
    # an agent answered: the pipeline's count of unresolved turns starts again, so
    # answered turns do not add up to an automatic hand-off
    conv.unresolved_turns = 0
    session.add(conv)
    return message


def _decide(rt: Runtime, suggestion_id: int, principal: Principal, decision: str,
            edited: str | None = None) -> SuggestionDecisionOut:
    """Store the decision; accepted sends the draft, edited sends ``edited``."""
    with rt.session(write=True) as session:
        row = session.get(Suggestion, suggestion_id)
        if row is None:
            raise NotFoundError("suggestion not found")
        if row.decision is not None:
            raise ConflictError(f"suggestion {suggestion_id} is already {row.decision}")
        final_text = {"accepted": row.text, "edited": edited}.get(decision)
        row.decision, row.decided_by, row.decided_at = decision, principal.name, utcnow()
        row.final_text = final_text
        session.add(row)
        sent = None
        if final_text is not None:
            conv = session.get(Conversation, row.conversation_id)
            shopper_msg = session.get(Message, row.message_id)
            assert conv is not None
            sent = access.message_out(_send(session, conv, final_text,
                                            shopper_msg.language if shopper_msg else None))
        session.flush()
        return SuggestionDecisionOut(suggestion=access.suggestion_out(row), message=sent)


@router.post("/suggestions/{suggestion_id}/accept", response_model=SuggestionDecisionOut)
def accept(rt: RuntimeDep, suggestion_id: RowId, principal: Agent) -> SuggestionDecisionOut:
    """Send the suggestion as it is."""
    return _decide(rt, suggestion_id, principal, "accepted")


@router.post("/suggestions/{suggestion_id}/edit", response_model=SuggestionDecisionOut)
def edit(rt: RuntimeDep, suggestion_id: RowId, body: TextIn,
         principal: Agent) -> SuggestionDecisionOut:
    """Send an edited version; the draft and the final text are both kept."""
    return _decide(rt, suggestion_id, principal, "edited", body.text)


@router.post("/suggestions/{suggestion_id}/reject", response_model=SuggestionDecisionOut)
def reject(rt: RuntimeDep, suggestion_id: RowId, principal: Agent) -> SuggestionDecisionOut:
    """Mark the suggestion as wrong; nothing is sent."""
    return _decide(rt, suggestion_id, principal, "rejected")


@router.post("/conversations/{conversation_id}/reply", response_model=MessageOut,
             status_code=201)
def reply(rt: RuntimeDep, conversation_id: str, body: TextIn, principal: Agent) -> MessageOut:
    """A reply the agent wrote themselves (no suggestion fitted, or after a hand-off)."""
    with rt.session(write=True) as session:
        conv = access.visible_conversation(session, principal, conversation_id)
        return access.message_out(_send(session, conv, body.text, None))
