"""Conversations from the shopper's side: start, send (optionally streamed), read, rate."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlmodel import col, select
from sse_starlette import EventSourceResponse

from app.api import access, idempotency, staff
from app.api.deps import Reader, RuntimeDep, Shopper
from app.api.events import changes_of, reply_events, watch
from app.api.schemas import ConversationIn, ConversationOut, MessageIn, RatingIn
from app.assist.conversations import open_conversation
from app.assist.schemas import TurnOut
from app.assist.service import run_turn
from app.console.search import search
from app.errors import ForbiddenError
from app.models import Conversation

router = APIRouter(prefix="/api/conversations", tags=["conversations"])

SSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/event-stream": {}}, "description": "server-sent events"}}


@router.post("", response_model=ConversationOut, status_code=201)
def start(rt: RuntimeDep, body: ConversationIn, principal: Shopper) -> ConversationOut:
    """Start a conversation (or continue the one with the same ``label``)."""
    assert principal.customer_id is not None
    with rt.session(write=True) as session:
        conv = open_conversation(session=session, customer_id=principal.customer_id,
                                 label=body.label, channel=body.channel)
        return access.conversation_out(session, conv)


@router.get("", response_model=list[ConversationOut],
            responses={403: {"description": "A shopper giving a staff search filter"}})
def list_conversations(rt: RuntimeDep, principal: Reader, filters: staff.SearchFilters,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[ConversationOut]:
    """A shopper's own conversations, newest first. Staff search them all with the
    filters (none: the latest) and get each with its ``staff`` part (owner, SLA)."""
    if principal.role != "shopper":
        with rt.session() as session:
            return [staff.conversation_out(rt, session, principal, c, with_messages=False)
                    for c in search(session, filters, principal, limit=limit)]
    if staff.staff_only_filters(filters):
        raise ForbiddenError("search filters are for staff")
    query = select(Conversation).order_by(col(Conversation.updated_at).desc()).limit(limit)
    query = query.where(Conversation.customer_id == principal.customer_id)
    with rt.session() as session:
        return [access.conversation_out(session, c, with_messages=False)
                for c in session.exec(query)]


@router.post("/{conversation_id}/messages", response_model=TurnOut,
             responses={**SSE, 400: {"description": "empty or oversized text"}})
def send_message(rt: RuntimeDep, request: Request, conversation_id: str, body: MessageIn,
                 principal: Shopper, stream: bool = False) -> Any:
    """Run the pipeline on a shopper message.

    Returns the AssistResult and what the shopper sees: the reply on ``auto_send`` or
    ``handoff``, otherwise a line saying an agent will answer. With ``?stream=1`` the
    answer is a server-sent event stream: ``meta``, ``token``..., ``done``.
    """
    assert principal.customer_id is not None
    with rt.session() as session:
        access.visible_conversation(session, principal, conversation_id)
    keep = None if stream else idempotency.keep_with(request)
    turn = run_turn(rt, customer_id=principal.customer_id, text=body.text,
                    channel=body.channel, conversation_id=conversation_id,
                    within=None if keep is None else
                    lambda session, out: keep(session, 200, out.model_dump_json()))
    if stream:
        return EventSourceResponse(reply_events(turn))
    return turn


@router.get("/{conversation_id}", response_model=ConversationOut)
def get_conversation(rt: RuntimeDep, conversation_id: str, principal: Reader) -> ConversationOut:
    """The conversation with its messages and open ticket (staff: and its ``staff``
    part: owner, SLA clocks, notes, who is typing)."""
    with rt.session() as session:
        conv = access.visible_conversation(session, principal, conversation_id)
        return staff.conversation_out(rt, session, principal, conv)


@router.get("/{conversation_id}/events", responses=SSE)
def conversation_events(rt: RuntimeDep,
    conversation_id: str, principal: Reader, request: Request,
    max_s: Annotated[float, Query(gt=0, le=3600)] = 300,
) -> EventSourceResponse:
    """Server-sent ``conversation`` events whenever a message, status or ticket changes
    (agent replies reach the shopper this way), ``typing`` events when the other side
    starts or stops typing; ``end`` after ``max_s`` seconds."""
    with rt.session() as session:
        access.visible_conversation(session, principal, conversation_id)

    def snapshot() -> dict[str, Any]:
        with rt.session() as session:
            conv = access.visible_conversation(session, principal, conversation_id)
            return access.conversation_out(session, conv).model_dump(mode="json")

    return EventSourceResponse(watch(request, name="conversation", fetch=snapshot,
                                     max_s=max_s, also={"typing": lambda: staff.typing_in(
                                         rt, principal, conversation_id)},
                                     poll_s=rt.settings.event_poll_s,
                                     changes=changes_of(rt, conversation_id)))


@router.post("/{conversation_id}/rating", response_model=ConversationOut)
def rate(rt: RuntimeDep, conversation_id: str, body: RatingIn,
         principal: Shopper) -> ConversationOut:
    """Customer satisfaction, 1 (bad) to 5 (great); rating again replaces it."""
    with rt.session(write=True) as session:
        conv = access.visible_conversation(session, principal, conversation_id)
        conv.csat = body.score
        session.add(conv)
        session.flush()
        return access.conversation_out(session, conv, with_messages=False)
