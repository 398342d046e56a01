"""The staff's additions to conversation bodies: owner, service levels, notes, typing.

Shoppers get the bodies without them (``staff`` stays null); typing reaches them only
as "an agent is typing", never who.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, Query
from sqlmodel import Session

from app.api import access
from app.api.schemas import ConversationOut
from app.auth import Principal
from app.console.search import Filters
from app.console.typing import board
from app.console.views import staff_info
from app.models import Conversation
from app.models._common import as_utc, utcnow
from app.runtime import Runtime


def is_staff(principal: Principal) -> bool:
    return principal.role != "shopper"


def conversation_out(rt: Runtime, session: Session, principal: Principal, conv: Conversation,
                     *, with_messages: bool = True) -> ConversationOut:
    out = access.conversation_out(session, conv, with_messages=with_messages)
    if not is_staff(principal):
        return out
    info = staff_info(session, rt.settings, conv, now=utcnow(),
                      typing=board(rt).in_conversation(conv.id))
    return out.model_copy(update={"staff": info})


def typing_in(rt: Runtime, principal: Principal, conversation_id: str) -> dict[str, Any]:
    """``typing`` event data of one conversation, as the caller may see it."""
    typists = board(rt).in_conversation(conversation_id)
    data: dict[str, Any] = {"shopper": any(t.role == "shopper" for t in typists),
                            "agent": any(t.role == "agent" for t in typists)}
    if is_staff(principal):
        data["agents"] = [t.name for t in typists if t.role == "agent"]
    return data


def typing_everywhere(rt: Runtime) -> dict[str, dict[str, Any]]:
    """``typing`` event data of the queue stream: per conversation, who types."""
    return {conv: {"shopper": any(t.role == "shopper" for t in typists),
                   "agents": [t.name for t in typists if t.role == "agent"]}
            for conv, typists in board(rt).everywhere().items()}


def search_filters(
    q: Annotated[str | None, Query(max_length=200, description="Text in a message, the "
                                   "customer's id, name or e-mail, the conversation's id "
                                   "or label")] = None,
    status: Literal["open", "handed_off", "resolved"] | None = None,
    assignee: Annotated[str | None, Query(max_length=64, description='"me", "none" '
                                          '(unassigned), "any", an agent or "team:<name>"')
                        ] = None,
    priority: Literal["low", "normal", "high", "urgent"] | None = None,
    channel: Annotated[str | None, Query(max_length=32)] = None,
    language: Literal["en", "zh"] | None = None,
    intent: Annotated[str | None, Query(max_length=64)] = None,
    customer_id: Annotated[str | None, Query(max_length=64)] = None,
    order_id: Annotated[str | None, Query(max_length=64, description="Conversations that "
                                          "discussed this order")] = None,
    since: Annotated[datetime | None, Query(description="Latest activity at or after")] = None,
    until: Annotated[datetime | None, Query(description="Latest activity at or before")
                     ] = None,
) -> Filters:
    """The staff's search filters (``GET /api/conversations``)."""
    return Filters(q=q, status=status, assignee=assignee, priority=priority, channel=channel,
                   language=language, intent=intent, customer_id=customer_id,
                   order_id=order_id, since=as_utc(since), until=as_utc(until))


SearchFilters = Annotated[Filters, Depends(search_filters)]


def staff_only_filters(filters: Filters) -> bool:
    """Whether a filter beyond the shopper's own list (customer_id) was given."""
    return any(value for name, value in vars(filters).items() if name != "customer_id")
