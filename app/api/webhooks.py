"""The generic inbound webhook for channels (email gateways, WeChat, apps ...).

Idempotent on (channel, external_id): channels deliver at least once, so a replayed
delivery answers with the first delivery's outcome and creates nothing. A replay must
be the same delivery (same channel, customer and text); anything else under a used
id is a 409 that says nothing about the first one. Two deliveries racing past the
look-up are stopped by the message table's unique constraint on (channel,
external_id): the loser rolls back and replays the winner.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from sqlalchemy.exc import IntegrityError

from app.api.deps import Gateway, RuntimeDep
from app.api.schemas import Channel, WebhookIn, WebhookOut
from app.assist.service import replayed_turn, run_turn
from app.errors import NotFoundError
from app.models import Customer
from app.runtime import Runtime

router = APIRouter(prefix="/api/webhooks", tags=["webhooks"])


def _replay(rt: Runtime, channel: str, body: WebhookIn) -> WebhookOut | None:
    found = replayed_turn(rt, channel=channel, external_id=body.external_id,
                          customer_id=body.customer_id, text=body.text)
    if found is None:
        return None
    conversation_id, message_id, decision, view = found
    return WebhookOut(conversation_id=conversation_id, message_id=message_id,
                      duplicate=True, decision=decision, shopper=view)


@router.post("/{channel}", response_model=WebhookOut,
             responses={404: {"description": "unknown customer"},
                        409: {"description": "external_id already used for another message"}})
def inbound(rt: RuntimeDep,
            channel: Annotated[Channel, Path(description="web, app, email, wechat ...")],
            body: WebhookIn, principal: Gateway) -> WebhookOut:
    """One inbound shopper message from a channel; runs the pipeline once per
    ``external_id``. One conversation per customer and channel unless ``thread`` names
    the channel's own thread."""
    replay = _replay(rt, channel, body)
    if replay is not None:
        return replay
    with rt.session() as session:
        if session.get(Customer, body.customer_id) is None:
            raise NotFoundError(f"unknown customer {body.customer_id!r}")
    label = f"{channel}:{body.thread or body.customer_id}"
    try:
        turn = run_turn(rt, customer_id=body.customer_id, text=body.text, channel=channel,
                        label=label, external_id=body.external_id)
    except IntegrityError:
        replay = _replay(rt, channel, body)
        if replay is None:
            raise
        return replay
    return WebhookOut(conversation_id=turn.conversation_id, message_id=turn.message_id,
                      duplicate=False, decision=turn.result.decision, shopper=turn.shopper,
                      result=turn.result)
