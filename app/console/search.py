"""Finding conversations again: text, customer, order, intent, status, owner, priority,
channel, language and date, newest activity first.

``q`` matches a conversation's id and label, its customer's id, name and e-mail, and the
text of any of its messages (case-insensitive). ``order_id`` finds the conversations
that discussed an order: named in a message, in the dialogue state or in an action.
``since``/``until`` bound the latest activity (``updated_at``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import String, cast, exists, or_
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from app.auth import Principal
from app.console.assignment import ME
from app.console.sla import latest_ticket, priority_of
from app.domain import TicketStatus
from app.models import ActionRecord, Conversation, Customer, Message

# a priority is not a column (an open ticket's, else the dialogue state's): filtered
# after the query, over at most this many rows
SCAN_LIMIT = 2000


@dataclass(frozen=True)
class Filters:
    q: str | None = None
    status: str | None = None
    assignee: str | None = None  # me | none | any | <agent> | team:<name>
    priority: str | None = None
    channel: str | None = None
    language: str | None = None
    intent: str | None = None
    customer_id: str | None = None
    order_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text(q: str) -> ColumnElement[bool]:
    like = _like(q.strip())
    in_messages = exists().where(col(Message.conversation_id) == col(Conversation.id),
                                 col(Message.text).ilike(like, escape="\\"))
    in_customer = exists().where(col(Customer.id) == col(Conversation.customer_id), or_(
        col(Customer.name).ilike(like, escape="\\"), col(Customer.email).ilike(like, escape="\\")))
    return or_(col(Conversation.id).ilike(like, escape="\\"),
               col(Conversation.label).ilike(like, escape="\\"),
               col(Conversation.customer_id).ilike(like, escape="\\"), in_messages, in_customer)


def _order(order_id: str) -> ColumnElement[bool]:
    quoted = _like(f'"{order_id}"')
    in_messages = exists().where(col(Message.conversation_id) == col(Conversation.id),
                                 col(Message.text).contains(order_id, autoescape=True))
    in_actions = exists().where(col(ActionRecord.conversation_id) == col(Conversation.id),
                                cast(col(ActionRecord.params), String).like(quoted, escape="\\"))
    in_state = cast(col(Conversation.state), String).like(quoted, escape="\\")
    return or_(in_messages, in_actions, in_state)


def _assignee(wanted: str, principal: Principal) -> ColumnElement[bool]:
    column = col(Conversation.assignee)
    if wanted == ME:
        return column == principal.name
    if wanted == "none":
        return column.is_(None)
    if wanted == "any":
        return column.is_not(None)
    return column == wanted


def _conditions(f: Filters, principal: Principal) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    for column, value in ((Conversation.status, f.status), (Conversation.channel, f.channel),
                          (Conversation.language, f.language),
                          (Conversation.customer_id, f.customer_id)):
        if value:
            where.append(col(column) == value)
    if f.q and f.q.strip():
        where.append(_text(f.q))
    if f.assignee:
        where.append(_assignee(f.assignee, principal))
    if f.intent:
        where.append(exists().where(col(Message.conversation_id) == col(Conversation.id),
                                    col(Message.intent) == f.intent))
    if f.order_id:
        where.append(_order(f.order_id))
    if f.since:
        where.append(col(Conversation.updated_at) >= f.since)
    if f.until:
        where.append(col(Conversation.updated_at) <= f.until)
    return where


def search(session: Session, f: Filters, principal: Principal, *,
           limit: int) -> list[Conversation]:
    query = select(Conversation).where(*_conditions(f, principal)).order_by(
        col(Conversation.updated_at).desc())
    rows = list(session.exec(query.limit(SCAN_LIMIT if f.priority else limit)))
    if f.priority:
        rows = [c for c in rows if _priority(session, c) == f.priority][:limit]
    return rows


def _priority(session: Session, conv: Conversation) -> str:
    ticket = latest_ticket(session, conv.id)
    return priority_of(conv, ticket if ticket and ticket.status != TicketStatus.closed else None)
