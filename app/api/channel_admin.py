"""Channel identities and the delivery queue, for staff.

- ``POST /api/channels/identities``: an agent links a channel sender to a customer
  (the guest's conversations move to the customer);
- ``POST /api/channels/link``: redeem a signed link token; the store's backend (a
  ``channel`` token, naming the customer it signed in) or the shopper themselves;
- ``GET /api/channels/deliveries`` and ``POST /api/channels/deliveries/retry``: the
  queue, and dead deliveries put back in it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from sqlmodel import col, select

from app.api.deps import Admin, Agent, RuntimeDep, require
from app.api.schemas import Channel
from app.auth import Principal
from app.channels import identity, outbox
from app.domain import RecordId
from app.errors import ForbiddenError, InputError
from app.models import ChannelIdentity, Delivery

router = APIRouter(prefix="/api/channels", tags=["channels"])


class IdentityIn(BaseModel):
    channel: Channel
    external_user: str = Field(min_length=1, max_length=320)
    customer_id: RecordId


class IdentityOut(BaseModel):
    channel: str
    external_user: str
    customer_id: str
    verified: bool
    linked_by: str | None
    updated_at: datetime


class LinkIn(BaseModel):
    token: str = Field(min_length=10, max_length=2000)
    customer_id: RecordId | None = Field(
        default=None, description="The customer the store signed in (gateway callers)")


class DeliveryOut(BaseModel):
    id: int
    channel: str
    conversation_id: str
    message_id: int | None
    kind: str
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None


class RetryIn(BaseModel):
    ids: list[Annotated[int, Field(ge=1)]] | None = Field(
        default=None, max_length=1000, description="Dead deliveries to retry; null: all")


class RetryOut(BaseModel):
    retried: int


def _identity_out(row: ChannelIdentity) -> IdentityOut:
    return IdentityOut(channel=row.channel, external_user=row.external_user,
                       customer_id=row.customer_id, verified=row.verified,
                       linked_by=row.linked_by, updated_at=row.updated_at)


@router.post("/identities", response_model=IdentityOut,
             responses={404: {"description": "unknown customer"}})
def bind_identity(rt: RuntimeDep, body: IdentityIn, principal: Agent) -> IdentityOut:
    """Link a channel sender (WeChat openid, email address, Chatwoot account:contact)
    to a store customer; from now on they see that customer's orders."""
    row = identity.bind(rt, channel=body.channel, external_user=body.external_user,
                        customer_id=body.customer_id, by=f"agent:{principal.name}"[:64])
    return _identity_out(row)


@router.get("/identities", response_model=list[IdentityOut])
def list_identities(rt: RuntimeDep, principal: Agent, customer_id: str | None = None,
                    channel: str | None = None,
                    limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[IdentityOut]:
    query = select(ChannelIdentity).order_by(col(ChannelIdentity.updated_at).desc())
    if customer_id:
        query = query.where(ChannelIdentity.customer_id == customer_id)
    if channel:
        query = query.where(ChannelIdentity.channel == channel)
    with rt.session() as session:
        return [_identity_out(r) for r in session.exec(query.limit(limit))]


Linker = Annotated[Principal, Depends(require("shopper", "channel", "admin"))]


@router.post("/link", response_model=IdentityOut, responses={
    400: {"description": "malformed token, or staff gave no customer_id"},
    403: {"description": "invalid or expired token, or account links are off"},
    404: {"description": "unknown customer"}})
def redeem_link(rt: RuntimeDep, body: LinkIn, principal: Linker) -> IdentityOut:
    """Redeem a signed link token from the "please link your account" message: a
    shopper for their own account, or the store's backend (``channel`` token) for the
    customer it has signed in."""
    customer_id = _linker(principal, body.customer_id)
    return _identity_out(identity.redeem(rt, token=body.token, customer_id=customer_id))


@router.get("/deliveries", response_model=list[DeliveryOut])
def list_deliveries(rt: RuntimeDep, principal: Agent,
                    status: Literal["pending", "sent", "dead"] | None = None,
                    channel: str | None = None,
                    limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[DeliveryOut]:
    """The delivery queue, newest first (``status=dead``: what never got through)."""
    with rt.session() as session:
        rows = outbox.listing(session, status=status, channel=channel, limit=limit)
        return [_delivery_out(r) for r in rows]


def _delivery_out(row: Delivery) -> DeliveryOut:
    data: dict[str, Any] = row.model_dump(exclude={"payload"})
    return DeliveryOut(**data)


@router.post("/deliveries/retry", response_model=RetryOut)
def retry_deliveries(rt: RuntimeDep, body: RetryIn, principal: Admin) -> RetryOut:
    """Put dead deliveries back in the queue (after the channel is fixed)."""
    retried = outbox.retry(rt, body.ids)
    rt.channels.worker.wake()
    return RetryOut(retried=retried)


def _linker(principal: Principal, customer_id: str | None) -> str:
    if principal.role == "shopper":
        if customer_id is not None and customer_id != principal.customer_id:
            raise ForbiddenError("a shopper links chats to their own account only")
        assert principal.customer_id is not None
        return principal.customer_id
    if customer_id is None:
        raise InputError("customer_id is required")
    return customer_id
