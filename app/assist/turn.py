"""The state of one turn, passed between the pipeline's steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from app.assist import acting, routing
from app.assist.understand import Understanding
from app.models import Conversation, Customer
from app.settings import Settings
from app.store.connector import OrderSnapshot


@dataclass
class Turn:
    """Everything one turn works on, passed between the steps."""

    settings: Settings
    session: Session
    customer: Customer
    conversation: Conversation
    text: str
    channel: str
    u: Understanding
    orders: list[OrderSnapshot]
    step: acting.ActStep = field(default_factory=acting.ActStep)
    intent: str = ""
    handoff: routing.Handoff | None = None
    template: str = ""
    ticket_id: str | None = None
    hits: list[Any] = field(default_factory=list)
    llm_failed: bool = False


