"""Service levels: how long a person may take to answer and to resolve, per priority.

Targets come from settings (``KEFU_SLA_FIRST_RESPONSE_S``, ``KEFU_SLA_RESOLUTION_S``).
Only conversations that needed a person are held to them: the bot's own answers are
not a person's response. A conversation needs a person from its *entry*: the first
shopper message the bot did not answer itself (an ``agent_review`` turn) or its first
hand-off ticket, whichever came first.

* **reply**: runs while a person owes the shopper an answer (a shopper message after
  the last person's answer; after a hand-off the bot's replies do not count), from
  when the shopper started waiting, never before the entry. Its target is the
  first-response target of the priority.
* **first response**: from the entry to ``first_response_at`` (kept for reports).
* **resolution**: from a ticket's creation to its closing.

Every function takes ``now`` so that tests and reports can fix the clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import BaseModel, Field
from sqlalchemy import exists, func
from sqlmodel import Session, col, select

from app.assist.state import load_state
from app.domain import TicketStatus
from app.models import Conversation, Message, Suggestion, Ticket
from app.settings import Settings

BOT = "bot"  # who a suggestion the bot sent by itself is decided by (app.analytics)


class Clock(BaseModel):
    started_at: datetime
    due_at: datetime
    target_s: float
    left_s: float = Field(description="Seconds left before the target (negative: overdue "
                                      "by that much); for a stopped clock, the margin")
    breached: bool
    done_at: datetime | None = Field(default=None, description="When it stopped (answered, "
                                     "resolved); null while it runs")


class SlaView(BaseModel):
    priority: str
    reply: Clock | None = Field(default=None, description="Running while a reply is owed")
    first_response: Clock | None = Field(default=None, description="The first answer, done")
    resolution: Clock | None = Field(default=None, description="The latest ticket's")
    breached: list[str] = Field(default_factory=list,
                                description="Names of the breached clocks")


def clock(started: datetime, target_s: float, now: datetime,
          done_at: datetime | None = None) -> Clock:
    due = started + timedelta(seconds=target_s)
    left = (due - (done_at or now)).total_seconds()
    return Clock(started_at=started, due_at=due, target_s=target_s, left_s=round(left, 1),
                 breached=left < 0, done_at=done_at)


def entry_times(session: Session, conversation_ids: list[str]) -> dict[str, datetime]:
    """When each conversation first needed a person (absent: it never did)."""
    if not conversation_ids:
        return {}
    bot_sent = exists().where(col(Suggestion.message_id) == col(Message.id),
                              col(Suggestion.decided_by) == BOT)
    reviews = session.exec(
        select(Message.conversation_id, func.min(Message.created_at))
        .where(col(Message.conversation_id).in_(conversation_ids), Message.role == "shopper",
               ~bot_sent).group_by(col(Message.conversation_id))).all()
    tickets = session.exec(
        select(Ticket.conversation_id, func.min(Ticket.created_at))
        .where(col(Ticket.conversation_id).in_(conversation_ids))
        .group_by(col(Ticket.conversation_id))).all()
    out: dict[str, datetime] = {}
    for conv_id, at in [*reviews, *tickets]:
        if at is not None and (conv_id not in out or at < out[conv_id]):
            out[conv_id] = at
    return out


def owed_since(session: Session, conversation_id: str, ticket: Ticket | None
               ) -> datetime | None:
    """When the shopper started waiting for an answer nobody has given yet (None: no
    answer is owed). After a hand-off only a person's answer counts."""
    answered_by = ("agent",) if ticket else ("agent", "bot")
    last_answer = session.exec(select(func.max(Message.id)).where(
        Message.conversation_id == conversation_id, col(Message.role).in_(answered_by))).first()
    first_open = session.exec(select(Message.created_at).where(
        Message.conversation_id == conversation_id, Message.role == "shopper",
        col(Message.id) > (last_answer or 0)).order_by(col(Message.id))).first()
    return first_open


def latest_ticket(session: Session, conversation_id: str) -> Ticket | None:
    return session.exec(select(Ticket).where(Ticket.conversation_id == conversation_id)
                        .order_by(col(Ticket.created_at).desc())).first()


def priority_of(conv: Conversation, ticket: Ticket | None) -> str:
    return ticket.priority if ticket is not None else str(load_state(conv).priority)


def target_for(targets: dict[str, float], priority: str) -> float:
    return targets.get(priority, targets["normal"])


def view(settings: Settings, *, conv: Conversation, entry: datetime | None,
         owed: datetime | None, ticket: Ticket | None, now: datetime) -> SlaView | None:
    """The conversation's clocks; None when it never needed a person. ``ticket``: the
    latest ticket, open or closed (a closed one's resolution is shown as done)."""
    if entry is None:
        return None
    is_open = ticket is not None and ticket.status != TicketStatus.closed
    out = SlaView(priority=priority_of(conv, ticket if is_open else None))
    first = target_for(settings.sla_first_response_s, out.priority)
    if owed is not None:
        out.reply = clock(max(owed, entry), first, now)
    if conv.first_response_at is not None and conv.first_response_at >= entry:
        out.first_response = clock(entry, first, now, conv.first_response_at)
    if ticket is not None:
        out.resolution = clock(ticket.created_at, target_for(settings.sla_resolution_s,
                                                          ticket.priority), now, ticket.closed_at)
    running = {"reply": out.reply, "resolution": out.resolution}
    out.breached = [name for name, c in running.items() if c is not None and c.breached]
    return out


def conversation_view(session: Session, settings: Settings, conv: Conversation,
                      now: datetime) -> SlaView | None:
    """One conversation's clocks, for the console's conversation view."""
    ticket = latest_ticket(session, conv.id)
    open_ticket = ticket if ticket is not None and ticket.status != TicketStatus.closed else None
    return view(settings, conv=conv, entry=entry_times(session, [conv.id]).get(conv.id),
                owed=owed_since(session, conv.id, open_ticket), ticket=ticket, now=now)
