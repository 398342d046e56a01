"""What a support team keeps beside the conversations: internal notes, canned replies,
knowledge-base candidates learned from agents' answers."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.models._common import utcnow


class Note(SQLModel, table=True):
    """An internal note on a conversation: agents only, never shown to the shopper."""

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(foreign_key="conversation.id", index=True, max_length=40)
    author: str = Field(max_length=64)
    text: str = Field(max_length=4000)
    created_at: datetime = Field(default_factory=utcnow)


class CannedReply(SQLModel, table=True):
    """A macro: text with {{name}}, {{order_id}}, {{tracking_number}} ... filled from the
    conversation's customer and order when inserted."""

    __tablename__ = "canned_reply"
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=120)
    shortcut: str = Field(max_length=32, index=True)  # typed as /shortcut in the editor
    language: str = Field(max_length=8)
    text: str = Field(max_length=4000)
    created_by: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class KnowledgeCandidate(SQLModel, table=True):
    """An agent's accepted or edited answer, proposed as a knowledge-base entry; an admin
    approves (it is ingested) or rejects it."""

    __tablename__ = "knowledge_candidate"
    id: int | None = Field(default=None, primary_key=True)
    suggestion_id: int | None = Field(default=None, foreign_key="suggestion.id", index=True)
    question: str = Field(max_length=4000)
    answer: str = Field(max_length=8000)
    language: str = Field(max_length=8)
    intent: str | None = Field(default=None, max_length=64)
    status: str = Field(default="pending", max_length=16)  # pending | approved | rejected
    decided_by: str | None = Field(default=None, max_length=64)
    decided_at: datetime | None = None
    doc_id: str | None = Field(default=None, max_length=200)  # once approved and ingested
    created_at: datetime = Field(default_factory=utcnow)


class IdempotentRequest(SQLModel, table=True):
    """The first answer to a POST sent with an Idempotency-Key, replayed to its retries."""

    __tablename__ = "idempotent_request"
    key: str = Field(primary_key=True, max_length=200)  # principal + the client's key
    method: str = Field(max_length=8)
    path: str = Field(max_length=500)
    body_hash: str = Field(max_length=64)
    status_code: int = 0  # 0 while the first request is still being processed
    response: str | None = None  # the JSON body as sent
    created_at: datetime = Field(default_factory=utcnow)
