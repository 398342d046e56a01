"""Canned replies (macros): admins manage them, agents read them and insert them with
``/shortcut``, with the customer's and the order's facts filled in."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from app.api.deps import Admin, Agent, RuntimeDep
from app.api.schemas import RowId
from app.api.team_schemas import CannedReplyIn, CannedReplyOut, RenderedOut, Responses
from app.console import canned
from app.models import CannedReply

router = APIRouter(prefix="/api/canned-replies", tags=["canned replies"])

CONFLICT: Responses = {409: {"description": "The shortcut exists already in that language"}}
BAD_TEXT: Responses = {400: {"description": "The text uses an unknown {{variable}}"}}


def _out(row: CannedReply) -> CannedReplyOut:
    assert row.id is not None
    return CannedReplyOut(id=row.id, title=row.title, shortcut=row.shortcut,
                          language=row.language, text=row.text,
                          variables=canned.variables_in(row.text), created_by=row.created_by,
                          created_at=row.created_at, updated_at=row.updated_at)


def _draft(body: CannedReplyIn) -> canned.Draft:
    return canned.Draft(title=body.title, shortcut=body.shortcut, language=body.language,
                        text=body.text)


@router.get("", response_model=list[CannedReplyOut])
def list_replies(rt: RuntimeDep, principal: Agent,
                 language: Literal["en", "zh"] | None = None) -> list[CannedReplyOut]:
    """Every canned reply, by shortcut (``language``: only that language's)."""
    with rt.session() as session:
        return [_out(r) for r in canned.list_replies(session, language)]


@router.post("", response_model=CannedReplyOut, status_code=201,
             responses={**CONFLICT, **BAD_TEXT})
def create(rt: RuntimeDep, body: CannedReplyIn, principal: Admin) -> CannedReplyOut:
    """A new canned reply (admins)."""
    return _out(canned.create(rt, _draft(body), by=principal.name))


@router.get("/{reply_id}", response_model=CannedReplyOut)
def get_reply(rt: RuntimeDep, reply_id: RowId, principal: Agent) -> CannedReplyOut:
    with rt.session() as session:
        return _out(canned.get_reply(session, reply_id))


@router.put("/{reply_id}", response_model=CannedReplyOut, responses={**CONFLICT, **BAD_TEXT})
def update(rt: RuntimeDep, reply_id: RowId, body: CannedReplyIn,
           principal: Admin) -> CannedReplyOut:
    """Replace a canned reply (admins)."""
    return _out(canned.update(rt, reply_id, _draft(body)))


@router.delete("/{reply_id}", status_code=204)
def delete(rt: RuntimeDep, reply_id: RowId, principal: Admin) -> Response:
    """Delete a canned reply (admins)."""
    canned.delete(rt, reply_id)
    return Response(status_code=204)


@router.post("/{reply_id}/render", response_model=RenderedOut)
def render(rt: RuntimeDep, reply_id: RowId, principal: Agent,
           conversation_id: Annotated[str, Query(min_length=1, max_length=40)],
           order_id: Annotated[str | None, Query(max_length=64)] = None) -> RenderedOut:
    """The reply's text with its variables filled from the conversation's customer and
    the order in focus (``order_id``, else the one the conversation last discussed, else
    the customer's latest). Variables without a value stay as they are, in
    ``missing``."""
    out = canned.render(rt, reply_id=reply_id, conversation_id=conversation_id,
                        agent=principal.name, order_id=order_id)
    return RenderedOut(text=out.text, language=out.language, order_id=out.order_id,
                       missing=out.missing)
