"""What the shopper saw after each of their messages, for the console.

The shopper is not shown every message the same way (app.assist.shopper): a proposed
write shows only its yes/no card, an ``agent_review`` turn a "someone will answer"
notice that is never stored as a message, and nothing at all while a person owns the
conversation. The console rebuilds that story from what the turn left behind (the bot's
sent suggestion, the hand-off ticket, the action the bot proposed), so the agent reads
the conversation exactly as the shopper did.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field
from sqlmodel import Session, col, select

from app.analytics import classify_turns
from app.assist.shopper import notice
from app.models import ActionAudit, ActionRecord, Message, Ticket
from app.runtime import Runtime

State = Literal["answered", "confirm", "waiting", "handoff", "silent"]
# an action row's status, as the shopper's card reads it
CARD_STATUS = {"needs_confirmation": "pending", "executed": "confirmed", "rejected": "declined"}


class SeenConfirmation(BaseModel):
    action_id: int
    name: str
    params: dict[str, Any]
    status: str = Field(description="pending | confirmed | declined | blocked | failed")


class SeenTurn(BaseModel):
    message_id: int = Field(description="The shopper's message")
    state: State
    text: str = Field(description="What the shopper was shown (empty when silent)")
    reply_id: int | None = Field(default=None, description="The bot message that carried "
                                 "it, for answered, confirm and handoff")
    confirmation: SeenConfirmation | None = None


def _owned_by_person(tickets: list[Ticket], m: Message) -> bool:
    """Whether a ticket was already open when the shopper wrote ``m``."""
    return any(t.created_at < m.created_at and (t.closed_at is None or m.created_at < t.closed_at)
               for t in tickets)


def _shopper_proposed(session: Session, conversation_id: str) -> list[ActionRecord]:
    """Actions the bot put to the shopper for a yes or no, oldest first."""
    proposed = select(ActionAudit.action_id).where(
        ActionAudit.event == "proposed", col(ActionAudit.actor).startswith("shopper:"))
    return list(session.exec(select(ActionRecord).where(
        ActionRecord.conversation_id == conversation_id, col(ActionRecord.id).in_(proposed))
        .order_by(col(ActionRecord.id))))


def seen_turns(rt: Runtime, session: Session, conversation_id: str) -> list[SeenTurn]:
    messages = list(session.exec(select(Message).where(
        Message.conversation_id == conversation_id).order_by(col(Message.id))))
    shopper = [m for m in messages if m.role == "shopper"]
    decisions = classify_turns(session, shopper)
    tickets = list(session.exec(select(Ticket).where(Ticket.conversation_id == conversation_id)))
    proposed = _shopper_proposed(session, conversation_id)
    out = []
    for n, m in enumerate(shopper):
        assert m.id is not None
        following = shopper[n + 1] if n + 1 < len(shopper) else None
        within = [x for x in messages if x.id and x.id > m.id
                  and (following is None or x.id < (following.id or 0))]
        reply = next((x for x in within if x.role == "bot"), None)
        out.append(_turn(rt, m, decisions.get(m.id, "agent_review"), reply, tickets,
                         [a for a in proposed if a.created_at >= m.created_at
                          and (following is None or a.created_at < following.created_at)]))
    return out


def _turn(rt: Runtime, m: Message, decision: str, reply: Message | None,
          tickets: list[Ticket], proposed: list[ActionRecord]) -> SeenTurn:
    assert m.id is not None
    if _owned_by_person(tickets, m):
        return SeenTurn(message_id=m.id, state="silent", text="")
    if decision == "agent_review" or reply is None:
        return SeenTurn(message_id=m.id, state="waiting",
                        text=notice(rt, "_waiting", m.language))
    state: State = "handoff" if decision == "handoff" else "answered"
    card = None
    if state == "answered" and proposed and proposed[0].id is not None:
        action = proposed[0]
        state = "confirm"
        card = SeenConfirmation(action_id=action.id, name=action.name,
                                params=action.params or {},
                                status=CARD_STATUS.get(action.status, action.status))
    return SeenTurn(message_id=m.id, state=state, text=reply.text, reply_id=reply.id,
                    confirmation=card)
