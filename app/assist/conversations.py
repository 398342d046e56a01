"""Conversations, their messages and tickets."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session, col, select

from app.models import Conversation, Message, Ticket
from app.models._common import utcnow

HISTORY_LIMIT = 10


def new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:16]}"


def open_conversation(*, session: Session, customer_id: str, label: str | None = None,
                      conversation_id: str | None = None, channel: str = "web") -> Conversation:
    """The conversation named by id or by (customer, label); a new one otherwise."""
    if conversation_id is not None:
        found = session.get(Conversation, conversation_id)
        if found is not None and found.customer_id == customer_id:
            return found
    if label is not None:
        found = session.exec(select(Conversation).where(
            Conversation.customer_id == customer_id, Conversation.label == label)).first()
        if found is not None:
            return found
    conversation = Conversation(id=new_id("c"), customer_id=customer_id, label=label,
                                channel=channel)
    session.add(conversation)
    session.flush()
    return conversation


def add_message(*, session: Session, conversation: Conversation, role: str, text: str,
                channel: str, language: str | None = None, intent: str | None = None,
                external_id: str | None = None) -> Message:
    message = Message(conversation_id=conversation.id, role=role, text=text, channel=channel,
                      language=language, intent=intent, external_id=external_id)
    session.add(message)
    conversation.updated_at = utcnow()
    session.flush()
    return message


def history(*, session: Session, conversation_id: str,
            limit: int = HISTORY_LIMIT) -> list[Message]:
    rows = session.exec(select(Message).where(Message.conversation_id == conversation_id)
                        .order_by(col(Message.id).desc()).limit(limit)).all()
    return list(reversed(rows))


def open_ticket(*, session: Session, conversation: Conversation, priority: str,
                reason: str) -> Ticket:
    """One open ticket per conversation: a second hand-off raises its priority instead."""
    existing = session.exec(select(Ticket).where(Ticket.conversation_id == conversation.id,
                                                 Ticket.status != "closed")).first()
    order = ["low", "normal", "high", "urgent"]
    if existing is not None:
        if order.index(priority) > order.index(existing.priority):
            existing.priority = priority
        return existing
    ticket = Ticket(id=new_id("t"), conversation_id=conversation.id, priority=priority,
                    reason=reason)
    session.add(ticket)
    conversation.status = "handed_off"
    session.flush()
    return ticket


def update_state(conversation: Conversation, **changes: Any) -> None:
    # a new dict, so SQLAlchemy sees the JSON column change
    conversation.state = {**(conversation.state or {}), **changes}
