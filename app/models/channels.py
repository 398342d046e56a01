"""Channels: who a channel's sender is in the store, and the replies on their way out."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models._common import utcnow


class ChannelIdentity(SQLModel, table=True):
    """A channel's sender (a WeChat openid, an email address, a Chatwoot contact) linked
    to a customer; ``verified`` once the link is proven (email/phone match, an agent, a
    signed link), else the customer is a guest who sees no order data."""

    __tablename__ = "channel_identity"
    __table_args__ = (UniqueConstraint("channel", "external_user", name="uq_channel_user"),)
    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=32)
    external_user: str = Field(max_length=320)
    customer_id: str = Field(foreign_key="customer.id", index=True, max_length=64)
    verified: bool = False
    linked_by: str | None = Field(default=None, max_length=64)  # email | phone | agent:x | link
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Delivery(SQLModel, table=True):
    """One message on its way to a channel: retried with back-off until sent, kept as
    ``dead`` (never dropped) when the channel keeps refusing it."""

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=32, index=True)
    conversation_id: str = Field(foreign_key="conversation.id", index=True, max_length=40)
    message_id: int | None = Field(default=None, foreign_key="message.id")
    kind: str = Field(default="reply", max_length=16)  # reply | confirmation | handoff | note
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    status: str = Field(default="pending", max_length=16, index=True)  # pending|sent|dead
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, index=True)
    last_error: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None
