"""Conversations with shoppers, their messages, suggested replies and tickets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._common import utcnow


class ConversationBase(SQLModel):
    customer_id: str = Field(foreign_key="customer.id", index=True, max_length=64)
    channel: str = Field(default="web", max_length=32)
    label: str | None = Field(default=None, max_length=200, index=True)
    language: str | None = Field(default=None, max_length=8)
    status: str = Field(default="open", max_length=16)  # open | handed_off | resolved
    unresolved_turns: int = 0
    csat: int | None = Field(default=None, ge=1, le=5)


class Conversation(ConversationBase, table=True):
    id: str = Field(primary_key=True, max_length=40)
    # the typed dialogue state (app.assist.state), as JSON
    state: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    # the agent (or "team:<name>") who owns it in the console; None: unassigned
    assignee: str | None = Field(default=None, max_length=64, index=True)
    # the channel's own thread (an email's Message-ID chain, a Chatwoot conversation)
    external_thread: str | None = Field(default=None, max_length=300, index=True)
    # service-level clock: when a person first answered, when it was resolved
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class ConversationPublic(ConversationBase):
    id: str
    created_at: datetime
    updated_at: datetime


class MessageBase(SQLModel):
    role: str = Field(max_length=16)  # shopper | bot | agent | system
    text: str
    channel: str = Field(default="web", max_length=32)
    language: str | None = Field(default=None, max_length=8)
    intent: str | None = Field(default=None, max_length=64)


class Message(MessageBase, table=True):
    __table_args__ = (UniqueConstraint("channel", "external_id", name="uq_message_external"),)
    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(foreign_key="conversation.id", index=True, max_length=40)
    external_id: str | None = Field(default=None, max_length=200)
    # why a person must look: "injection", ... (shown in the console)
    flags: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)


class MessagePublic(MessageBase):
    id: int
    conversation_id: str
    created_at: datetime


class SuggestionBase(SQLModel):
    kind: str = Field(max_length=16)  # llm | kb | template
    text: str
    confidence: float = Field(ge=0, le=1)
    sources: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    rank: int = 0


class Suggestion(SuggestionBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(foreign_key="conversation.id", index=True, max_length=40)
    message_id: int = Field(foreign_key="message.id", index=True)
    decision: str | None = Field(default=None, max_length=16)  # accepted | edited | rejected
    final_text: str | None = None
    decided_by: str | None = Field(default=None, max_length=64)
    decided_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


class SuggestionPublic(SuggestionBase):
    id: int
    conversation_id: str
    message_id: int
    decision: str | None
    final_text: str | None


class TicketBase(SQLModel):
    priority: str = Field(default="normal", max_length=8)  # low | normal | high | urgent
    reason: str = Field(max_length=200)
    status: str = Field(default="open", max_length=16)  # open | assigned | closed


class Ticket(TicketBase, table=True):
    id: str = Field(primary_key=True, max_length=40)
    conversation_id: str = Field(foreign_key="conversation.id", index=True, max_length=40)
    assignee: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    closed_at: datetime | None = None


class TicketPublic(TicketBase):
    id: str
    conversation_id: str
    assignee: str | None
    created_at: datetime
