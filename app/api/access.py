"""Who may see what, and rows as response bodies.

A shopper asking for another customer's conversation, order or action gets exactly
the 404 an unknown id gets (see app.auth), so ids cannot be probed.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from app.api.schemas import (
    ActionOut,
    ConversationOut,
    MessageOut,
    SuggestionOut,
    TicketOut,
)
from app.auth import Principal
from app.errors import InputError, NotFoundError
from app.models import ActionRecord, Conversation, Message, Suggestion, Ticket
from app.store.connector import CONNECTORS, OrderSnapshot

ORDERS_LIMIT = 50


def visible_conversation(session: Session, principal: Principal,
                         conversation_id: str) -> Conversation:
    conv = session.get(Conversation, conversation_id)
    if conv is None or (principal.role == "shopper"
                        and conv.customer_id != principal.customer_id):
        raise NotFoundError("conversation not found")
    return conv


def visible_action(session: Session, principal: Principal, action_id: int) -> ActionRecord:
    row = session.get(ActionRecord, action_id)
    if row is None or (principal.role == "shopper"
                       and row.customer_id != principal.customer_id):
        raise NotFoundError("action not found")
    return row


def customer_scope(principal: Principal, customer_id: str | None) -> str:
    """The customer whose orders are listed: always the shopper's own for a shopper."""
    if principal.role == "shopper":
        assert principal.customer_id is not None
        if customer_id not in (None, principal.customer_id):
            raise NotFoundError("customer not found")
        return principal.customer_id
    if not customer_id:
        raise InputError("give ?customer_id=...")
    return customer_id


def list_orders(session: Session, customer_id: str) -> list[OrderSnapshot]:
    return CONNECTORS["sql"](session=session).list_orders(customer_id, limit=ORDERS_LIMIT)


def visible_order(session: Session, principal: Principal, order_id: str) -> OrderSnapshot:
    order = CONNECTORS["sql"](session=session).get_order(order_id)
    if order is None or (principal.role == "shopper"
                         and order.customer_id != principal.customer_id):
        raise NotFoundError("order not found")
    return order


def open_ticket(session: Session, conversation_id: str) -> Ticket | None:
    return session.exec(select(Ticket).where(Ticket.conversation_id == conversation_id,
                                             Ticket.status != "closed")).first()


def message_out(m: Message) -> MessageOut:
    assert m.id is not None
    return MessageOut(id=m.id, role=m.role, text=m.text, channel=m.channel,
                      language=m.language, intent=m.intent, created_at=m.created_at)


def ticket_out(t: Ticket) -> TicketOut:
    return TicketOut.model_validate(t, from_attributes=True)


def action_out(row: ActionRecord) -> ActionOut:
    return ActionOut(id=row.id, name=row.name, params=row.params or {}, status=row.status,
                     result=row.result, conversation_id=row.conversation_id,
                     created_at=row.created_at)


def suggestion_out(s: Suggestion) -> SuggestionOut:
    return SuggestionOut.model_validate(s, from_attributes=True)


def conversation_out(session: Session, conv: Conversation, *,
                     with_messages: bool = True) -> ConversationOut:
    messages: list[Message] = []
    if with_messages:
        messages = list(session.exec(select(Message).where(
            Message.conversation_id == conv.id).order_by(col(Message.id))))
    ticket = open_ticket(session, conv.id)
    return ConversationOut(
        id=conv.id, customer_id=conv.customer_id, channel=conv.channel, label=conv.label,
        language=conv.language, status=conv.status, csat=conv.csat,
        created_at=conv.created_at, updated_at=conv.updated_at,
        messages=[message_out(m) for m in messages],
        ticket=ticket_out(ticket) if ticket else None)
