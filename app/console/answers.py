"""What an agent sends: a decision on a suggestion, or a reply of their own.

Every answer goes through :func:`send`, in one transaction: the agent claims the
conversation (a conversation of somebody else's is a conflict, app.console.assignment),
the message is added, the pipeline's count of unresolved turns starts again, and the
first person's answer after the shopper starts the service-level record
(``first_response_at``). Accepted and edited answers are proposed to the knowledge base
(app.console.learning).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from app.assist.conversations import add_message
from app.auth import Principal
from app.channels.hooks import after_message
from app.console import learning
from app.console.assignment import claim
from app.errors import ConflictError, NotFoundError
from app.models import ActionRecord, Conversation, Message, Suggestion
from app.models._common import utcnow
from app.runtime import Runtime

DECISIONS = ("accepted", "edited", "rejected")


@dataclass
class Decided:
    suggestion: Suggestion
    message: Message | None


def mark_first_response(session: Session, conv: Conversation) -> None:
    """A person answered: the first such answer after a shopper message is recorded."""
    if conv.first_response_at is not None:
        return
    asked = session.exec(select(Message.id).where(
        Message.conversation_id == conv.id, Message.role == "shopper")).first()
    if asked is not None:
        conv.first_response_at = utcnow()
        session.add(conv)


def send(session: Session, conv: Conversation, principal: Principal, text: str,
         language: str | None) -> Message:
    claim(session, conv, principal)
    message = add_message(session=session, conversation=conv, role="agent", text=text,
                          channel=conv.channel, language=language or conv.language)
    after_message(session, conv, message)  # on a channel, it goes out to the shopper too
    # an agent answered: the pipeline's count of unresolved turns starts again, so
    # answered turns do not add up to an automatic hand-off
    conv.unresolved_turns = 0
    mark_first_response(session, conv)
    session.add(conv)
    return message


def _conversation(session: Session, conversation_id: str | None) -> Conversation:
    conv = session.get(Conversation, conversation_id) if conversation_id else None
    if conv is None:
        raise NotFoundError("conversation not found")
    return conv


def decide(rt: Runtime, *, suggestion_id: int, principal: Principal, decision: str,
           edited: str | None = None) -> Decided:
    """Store the decision; ``accepted`` sends the draft, ``edited`` sends ``edited``."""
    with rt.session(write=True) as session:
        row = session.get(Suggestion, suggestion_id)
        if row is None:
            raise NotFoundError("suggestion not found")
        if row.decision is not None:
            raise ConflictError(f"suggestion {suggestion_id} is already {row.decision}")
        conv = _conversation(session, row.conversation_id)
        claim(session, conv, principal)
        final_text = {"accepted": row.text, "edited": edited}.get(decision)
        row.decision, row.decided_by, row.decided_at = decision, principal.name, utcnow()
        row.final_text = final_text
        session.add(row)
        sent = None
        if final_text is not None:
            asked = session.get(Message, row.message_id)
            sent = send(session, conv, principal, final_text, asked.language if asked else None)
            if asked is not None:
                learning.propose(session, row, asked, conv)
        session.flush()
        for obj in (row, sent):
            if obj is not None:
                session.refresh(obj)
                session.expunge(obj)
        return Decided(row, sent)


def reply(rt: Runtime, *, conversation_id: str, principal: Principal, text: str) -> Message:
    """A reply the agent wrote themselves."""
    with rt.session(write=True) as session:
        message = send(session, _conversation(session, conversation_id), principal, text, None)
        session.flush()
        session.refresh(message)
        session.expunge(message)
        return message


def claim_conversation(rt: Runtime, *, conversation_id: str, principal: Principal) -> None:
    """Before an agent acts in a conversation (proposes or approves an action)."""
    with rt.session(write=True) as session:
        claim(session, _conversation(session, conversation_id), principal)


def claim_for_action(rt: Runtime, *, action_id: int, principal: Principal) -> None:
    with rt.session() as session:
        row = session.get(ActionRecord, action_id)
        conversation_id = row.conversation_id if row is not None else None
    if conversation_id is not None:
        claim_conversation(rt, conversation_id=conversation_id, principal=principal)


def answered_by_action(rt: Runtime, conversation_id: str | None) -> None:
    """An approved action told the shopper its outcome: a person's answer too."""
    if conversation_id is None:
        return
    with rt.session(write=True) as session:
        conv = session.get(Conversation, conversation_id)
        if conv is not None:
            mark_first_response(session, conv)
