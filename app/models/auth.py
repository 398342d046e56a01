"""API tokens: only a SHA-256 of each bearer token is stored, never the token itself."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.models._common import utcnow


class ApiTokenBase(SQLModel):
    name: str = Field(max_length=48, index=True)
    role: str = Field(max_length=16)  # shopper | agent | analyst | admin | channel
    # a shopper token is bound to one customer and only ever sees that customer's data
    customer_id: str | None = Field(default=None, foreign_key="customer.id", max_length=64)


class ApiToken(ApiTokenBase, table=True):
    __tablename__ = "api_token"
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, max_length=64)
    demo: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None
    expires_at: datetime | None = None  # None: until revoked
