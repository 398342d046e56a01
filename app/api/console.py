"""The team's routes on a conversation: assignment, internal notes, reopening, typing,
and what the shopper saw.

Notes are internal: a shopper asking for them gets 404, as for something that does not
exist. Assignment keeps two agents from answering one shopper: answering a
conversation that somebody else owns is a 409 until it is reassigned.
"""

from __future__ import annotations

from fastapi import APIRouter, Response
from sqlmodel import Session

from app.api import access, staff
from app.api.deps import Agent, Reader, RuntimeDep
from app.api.schemas import ConversationOut
from app.api.team_schemas import AgentsOut, AssignIn, NoteIn, NoteOut, Responses, TypingIn
from app.auth import Principal
from app.console import assignment, lifecycle, notes
from app.console.seen import SeenTurn, seen_turns
from app.console.typing import Typist, announce
from app.errors import NotFoundError
from app.models import Conversation, Note
from app.runtime import Runtime

router = APIRouter(prefix="/api", tags=["console"])

NOT_STAFF: Responses = {404: {"description": "Unknown conversation; always for a shopper "
                                             "(notes are internal)"}}


def _staff_conversation(session: Session, principal: Principal,
                        conversation_id: str) -> Conversation:
    if not staff.is_staff(principal):
        raise NotFoundError("not found")
    return access.visible_conversation(session, principal, conversation_id)


def _conversation(rt: Runtime, principal: Principal, conversation_id: str) -> ConversationOut:
    with rt.session() as session:
        conv = access.visible_conversation(session, principal, conversation_id)
        return staff.conversation_out(rt, session, principal, conv)


def _note_out(note: Note) -> NoteOut:
    return NoteOut.model_validate(note, from_attributes=True)


@router.post("/conversations/{conversation_id}/assign", response_model=ConversationOut,
             responses={400: {"description": "No agent of that name, or a malformed team"}})
def assign(rt: RuntimeDep, conversation_id: str, body: AssignIn,
           principal: Agent) -> ConversationOut:
    """Give the conversation to ``me``, a colleague (their token name), a team
    (``team:<name>``) or nobody (null). The open ticket follows."""
    assignment.assign(rt, conversation_id=conversation_id, value=body.assignee,
                      principal=principal)
    return _conversation(rt, principal, conversation_id)


@router.get("/conversations/{conversation_id}/notes", response_model=list[NoteOut],
            responses=NOT_STAFF)
def list_notes(rt: RuntimeDep, conversation_id: str, principal: Reader) -> list[NoteOut]:
    """Internal notes, oldest first (staff only)."""
    with rt.session() as session:
        _staff_conversation(session, principal, conversation_id)
        return [_note_out(n) for n in notes.list_notes(session, conversation_id)]


@router.post("/conversations/{conversation_id}/notes", response_model=NoteOut,
             status_code=201, responses=NOT_STAFF)
def add_note(rt: RuntimeDep, conversation_id: str, body: NoteIn, principal: Reader) -> NoteOut:
    """Add an internal note; the shopper never sees it."""
    with rt.session() as session:
        _staff_conversation(session, principal, conversation_id)
    return _note_out(notes.add_note(rt, conversation_id=conversation_id, author=principal.name,
                                    text=body.text))


@router.post("/conversations/{conversation_id}/reopen", response_model=ConversationOut,
             responses={409: {"description": "The conversation is not resolved"}})
def reopen(rt: RuntimeDep, conversation_id: str, principal: Agent) -> ConversationOut:
    """Reopen a resolved conversation: a new ticket (reason ``reopened``) puts it back
    in the queue, owned by whoever reopened it unless somebody already owns it."""
    lifecycle.reopen(rt, conversation_id=conversation_id, principal=principal)
    return _conversation(rt, principal, conversation_id)


@router.post("/conversations/{conversation_id}/typing", status_code=204)
def typing(rt: RuntimeDep, conversation_id: str, body: TypingIn, principal: Reader) -> Response:
    """Say that the caller is typing (or stopped); it shows on the other side's event
    stream for a few seconds. Kept in memory, announced to every worker."""
    with rt.session() as session:
        conv = access.visible_conversation(session, principal, conversation_id)
    if staff.is_staff(principal):
        who = Typist(role="agent", name=principal.name)
    else:
        who = Typist(role="shopper", name=conv.customer_id)
    announce(rt, conversation_id, who, body.typing)
    return Response(status_code=204)


@router.get("/conversations/{conversation_id}/seen", response_model=list[SeenTurn])
def seen(rt: RuntimeDep, conversation_id: str, principal: Agent) -> list[SeenTurn]:
    """What the shopper was shown after each of their messages: the reply, a yes/no
    card (with what became of it), a "someone will answer" notice, or nothing."""
    with rt.session() as session:
        access.visible_conversation(session, principal, conversation_id)
        return seen_turns(rt, session, conversation_id)


@router.get("/agents", response_model=AgentsOut)
def agents(rt: RuntimeDep, principal: Agent) -> AgentsOut:
    """Who conversations can be assigned to: staff names and the teams in use."""
    with rt.session() as session:
        return AgentsOut(agents=assignment.staff_names(session),
                         teams=assignment.known_teams(session))
