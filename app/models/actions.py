"""Proposed and executed actions, and their audit trail (every attempt, refused ones too)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from app.models._common import utcnow


class ActionBase(SQLModel):
    name: str = Field(max_length=64)
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    # executed | needs_confirmation | needs_approval | blocked | failed | rejected
    status: str = Field(max_length=24)
    result: Any = Field(default=None, sa_column=Column(JSON))


class ActionRecord(ActionBase, table=True):
    __tablename__ = "action"
    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str | None = Field(
        default=None, foreign_key="conversation.id", index=True, max_length=40
    )
    customer_id: str | None = Field(default=None, index=True, max_length=64)
    # Same key -> same action: a replayed confirmation finds the row instead of acting twice.
    idempotency_key: str = Field(unique=True, max_length=128)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class ActionPublic(ActionBase):
    id: int
    conversation_id: str | None


class ActionAudit(SQLModel, table=True):
    __tablename__ = "action_audit"
    id: int | None = Field(default=None, primary_key=True)
    action_id: int | None = Field(default=None, foreign_key="action.id", index=True)
    action_name: str = Field(max_length=64)
    event: str = Field(max_length=32)  # proposed | confirmed | executed | blocked | failed ...
    actor: str = Field(max_length=64)  # shopper:C001 | agent:alice | system
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)
