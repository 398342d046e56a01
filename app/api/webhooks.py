"""The generic inbound webhook for channels (email gateways, WeChat, apps ...).

Idempotent on (channel, external_id): channels deliver at least once, so a replayed
delivery answers with the first delivery's outcome and creates nothing. Two
deliveries racing past the look-up are stopped by the message table's unique
constraint on (channel, external_id): the loser rolls back and replays the winner.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.api.schemas import Channel, WebhookIn, WebhookOut
from app.api.turns import replayed_view, run_turn
from app.auth import Principal, require
from app.db import session_scope
from app.errors import NotFoundError
from app.models import Customer, Message

router = APIRouter(prefix="/api/webhooks", tags=["webhooks"])

Gateway = Annotated[Principal, Depends(require("channel", "admin"))]


def _delivered(session: Session, channel: str, external_id: str) -> Message | None:
    return session.exec(select(Message).where(Message.channel == channel,
                                              Message.external_id == external_id)).first()


def _replay(channel: str, external_id: str) -> WebhookOut | None:
    with session_scope() as session:
        message = _delivered(session, channel, external_id)
        if message is None or message.id is None:
            return None
        decision, view = replayed_view(session, message)
        return WebhookOut(conversation_id=message.conversation_id, message_id=message.id,
                          duplicate=True, decision=decision, shopper=view)


@router.post("/{channel}", response_model=WebhookOut)
def inbound(channel: Annotated[Channel, Path(description="web, app, email, wechat ...")],
            body: WebhookIn, principal: Gateway) -> WebhookOut:
    """One inbound shopper message from a channel; runs the pipeline once per
    ``external_id``. One conversation per customer and channel unless ``thread`` names
    the channel's own thread."""
    replay = _replay(channel, body.external_id)
    if replay is not None:
        return replay
    with session_scope() as session:
        if session.get(Customer, body.customer_id) is None:
            raise NotFoundError(f"unknown customer {body.customer_id!r}")
    label = f"{channel}:{body.thread or body.customer_id}"
    try:
        turn = run_turn(customer_id=body.customer_id, text=body.text, channel=channel,
                        label=label, external_id=body.external_id)
    except IntegrityError:
        replay = _replay(channel, body.external_id)
        if replay is None:
            raise
        return replay
    return WebhookOut(conversation_id=turn.conversation_id, message_id=turn.message_id,
                      duplicate=False, decision=turn.result.decision, shopper=turn.shopper,
                      result=turn.result)
