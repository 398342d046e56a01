"""Reopening a resolved conversation: it goes back to a person.

Closing is the turn service's (app.assist.service.close_ticket: the ticket closes, the
conversation is resolved and ``resolved_at`` set). Reopening opens a new ticket
(reason ``reopened``, the last ticket's priority), so the conversation is in the queue
again and its resolution clock starts afresh; the person who reopened it owns it unless
somebody already does. The shopper is not messaged: the agent will write.
"""

from __future__ import annotations

from sqlmodel import col, select

from app.assist.conversations import new_id
from app.assist.state import load_state, save_state
from app.auth import Principal
from app.domain import ConversationStatus, TicketStatus
from app.errors import ConflictError, NotFoundError
from app.models import Conversation, Ticket
from app.runtime import Runtime

REOPENED = "reopened"


def reopen(rt: Runtime, *, conversation_id: str, principal: Principal) -> None:
    with rt.session(write=True) as session:
        conv = session.get(Conversation, conversation_id)
        if conv is None:
            raise NotFoundError("conversation not found")
        if conv.status != ConversationStatus.resolved:
            raise ConflictError(f"conversation {conversation_id} is {conv.status}, "
                                "not resolved")
        last = session.exec(select(Ticket).where(Ticket.conversation_id == conv.id)
                            .order_by(col(Ticket.created_at).desc())).first()
        state = load_state(conv)
        priority = last.priority if last is not None else str(state.priority)
        conv.assignee = conv.assignee or principal.name
        session.add(Ticket(id=new_id("t"), conversation_id=conv.id, priority=priority,
                           reason=REOPENED, assignee=conv.assignee,
                           status=TicketStatus.assigned))
        conv.status = ConversationStatus.handed_off
        conv.resolved_at = None
        state.waiting_for_agent = True
        save_state(conv, state)
        session.add(conv)
