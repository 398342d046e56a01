"""Conversations, their messages and tickets."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from app.assist.state import save_state
from app.assist.template_context import offered_orders
from app.domain import ConversationStatus, Decision, HandoffReason, Priority, Reason
from app.intents import SLOT_NAMES, spec
from app.models import Conversation, Message, Ticket
from app.models._common import utcnow

if TYPE_CHECKING:
    from app.assist.turn import Turn

# when two hand-off reasons meet on one ticket, the one a person most needs to see
_REASON_RANK: dict[str, int] = {HandoffReason.out_of_scope: 0, HandoffReason.repeated_failure: 1,
                HandoffReason.human_request: 2, HandoffReason.anger: 3,
                HandoffReason.complaint: 4}

HISTORY_LIMIT = 10


def new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:16]}"


def open_conversation(*, session: Session, customer_id: str, label: str | None = None,
                      conversation_id: str | None = None, channel: str = "web") -> Conversation:
    """The conversation named by id or by (customer, label); a new one otherwise."""
    if conversation_id is not None:
        found = session.get(Conversation, conversation_id)
        if found is not None and found.customer_id == customer_id:
            return found
    if label is not None:
        found = session.exec(select(Conversation).where(
            Conversation.customer_id == customer_id, Conversation.label == label)).first()
        if found is not None:
            return found
    conversation = Conversation(id=new_id("c"), customer_id=customer_id, label=label,
                                channel=channel)
    session.add(conversation)
    session.flush()
    return conversation


def add_message(*, session: Session, conversation: Conversation, role: str, text: str,
                channel: str, language: str | None = None, intent: str | None = None,
                external_id: str | None = None, flush: bool = True) -> Message:
    """``flush=False`` leaves the insert to the transaction's last flush (the message has
    no id until then), where the conversation's other changes join the same UPDATE."""
    message = Message(conversation_id=conversation.id, role=role, text=text, channel=channel,
                      language=language, intent=intent, external_id=external_id)
    session.add(message)
    conversation.updated_at = utcnow()
    if flush:
        session.flush()
    return message


def history(*, session: Session, conversation_id: str,
            limit: int = HISTORY_LIMIT) -> list[Message]:
    rows = session.exec(select(Message).where(Message.conversation_id == conversation_id)
                        .order_by(col(Message.id).desc()).limit(limit)).all()
    return list(reversed(rows))


def open_ticket(*, session: Session, conversation: Conversation, priority: Priority,
                reason: HandoffReason) -> Ticket:
    """One open ticket per conversation: a later hand-off raises its priority (and takes
    over its reason when it is the more urgent one) instead of opening a second."""
    existing = current_ticket(session, conversation.id)
    if existing is not None:
        if priority.rank > Priority(existing.priority).rank:
            existing.priority = priority
            existing.reason = reason
            session.add(existing)
        elif _REASON_RANK.get(reason, 0) > _REASON_RANK.get(existing.reason, 0):
            existing.reason = reason
            session.add(existing)
        conversation.status = ConversationStatus.handed_off
        return existing
    ticket = Ticket(id=new_id("t"), conversation_id=conversation.id, priority=priority,
                    reason=reason)
    session.add(ticket)
    conversation.status = ConversationStatus.handed_off
    session.flush()
    return ticket


def save_turn_state(turn: Turn, *, priority: Priority, decision: Decision) -> None:
    """What this turn leaves for the next one to read. A greeting, thanks or "ok" leaves
    the request on the table as it was: "ok" after "which order?", then "it's for the
    jasmine tea", still answers the question."""
    state, u = turn.state, turn.u
    state.priority = priority
    state.waiting_for_agent = decision != Decision.auto_send
    if turn.social:
        save_state(turn.conversation, state)
        return
    before, state.slots = state.slots, u.slots
    state.intent = turn.intent
    if spec(turn.intent).action:
        state.last_request = turn.intent
    state.awaiting = [m for m in SLOT_NAMES if m in turn.step.missing]
    if turn.step.reason == Reason.not_your_order:
        state.awaiting = ["order_id"]  # "please check the order number"
    if "order_id" in state.awaiting and not u.slots.order_candidates and turn.orders:
        # the reply listed the newest orders to pick from: "the first one", "the hair
        # dryer one" pick among those
        shown = [o.id for o in offered_orders(turn)]
        if len(shown) > 1:  # one order is no choice: "mine" is that one anyway
            state.slots = u.slots.model_copy(update={"order_candidates": shown})
    if (turn.intent == "change_shipping_address" and u.slots.address is None
            and before.address and before.address_kind != "partial"):
        # the new address stays known past the yes: "the litter order too, same address"
        state.slots = state.slots.model_copy(update={"address": before.address,
                                                     "address_kind": before.address_kind})
    state.discussed(u.slots.order_id, u.slots.item_products)
    if u.slots.return_reason is not None:
        state.return_reason = u.slots.return_reason
        state.return_reason_order = u.slots.order_id or state.return_reason_order
    save_state(turn.conversation, state)


def current_ticket(session: Session, conversation_id: str) -> Ticket | None:
    return session.exec(select(Ticket).where(Ticket.conversation_id == conversation_id,
                                             Ticket.status != "closed")).first()


def flag_message(session: Session, message_id: int, flags: list[str]) -> None:
    message = session.get(Message, message_id)
    if message is not None:
        message.flags = sorted({*(message.flags or []), *flags})
        session.add(message)
