"""The agent queue and tickets.

A conversation is in the queue while it has an open ticket (a hand-off), or while its
last message is the shopper's (an ``agent_review`` turn nobody has answered yet).
Most urgent first, then longest waiting.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from sqlalchemy import func
from sqlmodel import Session, col, select
from sse_starlette import EventSourceResponse

from app.api import access, staff
from app.api.deps import Agent, RuntimeDep
from app.api.events import changes_of, watch
from app.api.schemas import QueueItem, TicketOut
from app.assist import service
from app.assist.state import load_state
from app.auth import Principal
from app.console import sla
from app.console.assignment import matches
from app.domain import Priority, TicketStatus
from app.errors import ConflictError, NotFoundError
from app.models import Conversation, Customer, Message, Ticket
from app.models._common import utcnow
from app.settings import Settings

router = APIRouter(prefix="/api", tags=["queue"])

PRIORITY_RANK = {p.value: p.rank for p in Priority}
STREAM_EXCLUDE: Any = {"waiting_s": True, "sla": {"reply": {"left_s"},
                                                  "first_response": {"left_s"},
                                                  "resolution": {"left_s"}}}
QUEUE_LIMIT = 200


def _awaiting_reply(session: Session) -> set[str]:
    """Conversations whose newest message is the shopper's."""
    last = (select(Message.conversation_id, func.max(Message.id).label("last_id"))
            .group_by(col(Message.conversation_id)).subquery())
    rows = session.exec(select(Message.conversation_id).join(
        last, col(Message.id) == last.c.last_id).where(Message.role == "shopper"))
    return set(rows)


def _item(session: Session, settings: Settings, conv: Conversation, ticket: Ticket | None,
          now: datetime, entry: datetime | None) -> QueueItem:
    # after a hand-off the bot's replies do not count: only a person answers then
    owed = sla.owed_since(session, conv.id, ticket)
    since = owed or (ticket.created_at if ticket else now)
    last = session.exec(select(Message).where(
        Message.conversation_id == conv.id, Message.role == "shopper")
        .order_by(col(Message.id).desc())).first()
    customer = session.get(Customer, conv.customer_id)
    priority = ticket.priority if ticket else str(load_state(conv).priority)
    return QueueItem(
        conversation_id=conv.id, customer_id=conv.customer_id,
        customer_name=customer.name if customer else None, channel=conv.channel,
        language=conv.language, status=conv.status,
        reason=ticket.reason if ticket else "review", priority=priority,
        ticket_id=ticket.id if ticket else None, waiting_since=since,
        waiting_s=round(max(0.0, (now - since).total_seconds()), 1),
        last_message=last.text[:300] if last else None, intent=last.intent if last else None,
        assignee=conv.assignee, sla=sla.view(settings, conv=conv, entry=entry, owed=owed,
                                             ticket=ticket, now=now))


def build_queue(session: Session, settings: Settings, *, now: datetime | None = None,
                assignee: str | None = None, principal: Principal | None = None,
                ) -> list[QueueItem]:
    """The queue (``assignee``: only the conversations that filter keeps, as in search:
    me, none, any, an agent or a team)."""
    at = now or utcnow()
    tickets = {t.conversation_id: t for t in session.exec(
        select(Ticket).where(Ticket.status != "closed"))}
    ids = set(tickets) | _awaiting_reply(session)
    convs = session.exec(select(Conversation).where(col(Conversation.id).in_(ids))).all()
    if assignee and principal is not None:
        convs = [c for c in convs if matches(c.assignee, assignee, principal)]
    entries = sla.entry_times(session, [c.id for c in convs])
    items = [_item(session, settings, c, tickets.get(c.id), at, entries.get(c.id))
             for c in convs]
    items.sort(key=lambda i: (-PRIORITY_RANK.get(i.priority, 1), i.waiting_since))
    return items[:QUEUE_LIMIT]


AssigneeFilter = Annotated[str | None, Query(max_length=64, description='"me", "none" '
                          '(unassigned), "any", an agent or "team:<name>"; default: all')]


@router.get("/queue", response_model=list[QueueItem])
def queue(rt: RuntimeDep, principal: Agent, assignee: AssigneeFilter = None) -> list[QueueItem]:
    """Conversations that need an agent, most urgent and longest waiting first, with
    their owner and service-level clocks."""
    with rt.session() as session:
        return build_queue(session, rt.settings, assignee=assignee, principal=principal)


@router.get("/queue/stream", responses={200: {"content": {"text/event-stream": {}}}})
def queue_stream(rt: RuntimeDep, principal: Agent, request: Request,
                 max_s: Annotated[float, Query(gt=0, le=3600)] = 300,
                 assignee: AssigneeFilter = None) -> EventSourceResponse:
    """Server-sent ``queue`` events: the queue again whenever it changes (a new turn,
    new suggestions, a hand-off, an assignment, a clock breached); ``typing`` events:
    who is typing where; ``end`` after ``max_s`` seconds."""

    def snapshot() -> list[dict[str, Any]]:
        with rt.session() as session:
            # waiting and time left change every second; clients count them themselves
            return [i.model_dump(mode="json", exclude=STREAM_EXCLUDE)
                    for i in build_queue(session, rt.settings, assignee=assignee,
                                         principal=principal)]

    return EventSourceResponse(watch(request, name="queue", fetch=snapshot, max_s=max_s,
                                     also={"typing": lambda: staff.typing_everywhere(rt)},
                                     poll_s=rt.settings.event_poll_s, changes=changes_of(rt)))


@router.get("/tickets", response_model=list[TicketOut])
def list_tickets(rt: RuntimeDep, principal: Agent, status: Annotated[
        Literal["open", "closed", "all"], Query()] = "open") -> list[TicketOut]:
    """Tickets, newest first: ``open`` (default), ``closed`` or ``all``."""
    query = select(Ticket).order_by(col(Ticket.created_at).desc()).limit(QUEUE_LIMIT)
    if status == "open":
        query = query.where(Ticket.status != "closed")
    elif status == "closed":
        query = query.where(Ticket.status == "closed")
    with rt.session() as session:
        return [access.ticket_out(t) for t in session.exec(query)]


@router.post("/tickets/{ticket_id}/close", response_model=TicketOut)
def close_ticket(rt: RuntimeDep, ticket_id: str, principal: Agent) -> TicketOut:
    """Close a ticket; the conversation goes back to the bot, which tells the shopper."""
    with rt.session() as session:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise NotFoundError("ticket not found")
        if ticket.status == TicketStatus.closed:
            raise ConflictError(f"ticket {ticket_id} is already closed")
    return access.ticket_out(service.close_ticket(rt, ticket_id=ticket_id, by=principal.name))
