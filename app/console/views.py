"""The staff's view of a conversation: who owns it, its service levels, what it is
about, who is typing; shoppers never get it."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field
from sqlmodel import Session, col, select

from app.console import notes, sla
from app.console.sla import SlaView
from app.console.typing import Typist
from app.models import Conversation, Customer, Message
from app.settings import Settings


class TypingOut(BaseModel):
    role: str = Field(description="shopper | agent")
    name: str


class StaffInfo(BaseModel):
    assignee: str | None = Field(description='An agent, "team:<name>", or null')
    customer_name: str | None
    priority: str
    intent: str | None = Field(description="The intent of the shopper's latest message")
    last_message: str | None = Field(description="The shopper's latest message (300 chars)")
    first_response_at: datetime | None
    resolved_at: datetime | None
    notes: int = Field(description="How many internal notes it has")
    sla: SlaView | None = Field(description="Service-level clocks; null when the "
                                                "conversation never needed a person")
    typing: list[TypingOut] = Field(default_factory=list)


def staff_info(session: Session, settings: Settings, conv: Conversation, *,
               now: datetime, typing: list[Typist] | None = None) -> StaffInfo:
    last = session.exec(select(Message).where(
        Message.conversation_id == conv.id, Message.role == "shopper")
        .order_by(col(Message.id).desc())).first()
    customer = session.get(Customer, conv.customer_id)
    clocks = sla.conversation_view(session, settings, conv, now)
    return StaffInfo(
        assignee=conv.assignee, customer_name=customer.name if customer else None,
        priority=clocks.priority if clocks else sla.priority_of(conv, None),
        intent=last.intent if last else None, last_message=last.text[:300] if last else None,
        first_response_at=conv.first_response_at, resolved_at=conv.resolved_at,
        notes=notes.count_notes(session, conv.id), sla=clocks,
        typing=[TypingOut(role=t.role, name=t.name) for t in typing or []])
