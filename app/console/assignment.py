"""Who owns a conversation in the console, so that two agents never answer one shopper.

A conversation is unassigned, assigned to an agent (their token name) or to a team
(``team:<name>``, any agent of the team may pick it up). A person answering (reply,
accept, edit, action) claims an unassigned or team conversation; answering one that
belongs to somebody else is a conflict until it is reassigned.
"""

from __future__ import annotations

import re

from sqlmodel import Session, col, select

from app.auth import STAFF, Principal
from app.domain import TicketStatus
from app.errors import ConflictError, InputError, NotFoundError
from app.models import ApiToken, Conversation, Ticket
from app.runtime import Runtime

ME = "me"
TEAM_PREFIX = "team:"
TEAM_PATTERN = re.compile(r"^team:[A-Za-z0-9][A-Za-z0-9_.-]{0,40}$")


def staff_names(session: Session) -> list[str]:
    """Names of the people who may own conversations (agents and admins with a live
    token)."""
    rows = session.exec(select(ApiToken.name).where(
        col(ApiToken.role).in_(STAFF), col(ApiToken.revoked_at).is_(None)).distinct())
    return sorted(set(rows))


def known_teams(session: Session) -> list[str]:
    rows = session.exec(select(Conversation.assignee).where(
        col(Conversation.assignee).startswith(TEAM_PREFIX)).distinct())
    return sorted({r for r in rows if r})


def resolve(session: Session, principal: Principal, value: str | None) -> str | None:
    """``me``, an agent's name, ``team:<name>`` or None, as the value to store."""
    if value is None:
        return None
    value = value.strip()
    if value == ME:
        return principal.name
    if value.startswith(TEAM_PREFIX):
        if not TEAM_PATTERN.match(value):
            raise InputError("a team is team:<name> (letters, digits, _ . -; at most 40)")
        return value
    if value not in staff_names(session):
        raise InputError(f"no agent named {value!r}")
    return value


def _sync_ticket(session: Session, conv: Conversation) -> None:
    """The open ticket follows the conversation's owner (its status says whether it
    has one)."""
    ticket = session.exec(select(Ticket).where(Ticket.conversation_id == conv.id,
                                               Ticket.status != TicketStatus.closed)).first()
    if ticket is not None:
        ticket.assignee = conv.assignee
        ticket.status = TicketStatus.assigned if conv.assignee else TicketStatus.open
        session.add(ticket)


def assign(rt: Runtime, *, conversation_id: str, value: str | None,
           principal: Principal) -> Conversation:
    with rt.session(write=True) as session:
        conv = session.get(Conversation, conversation_id)
        if conv is None:
            raise NotFoundError("conversation not found")
        conv.assignee = resolve(session, principal, value)
        session.add(conv)
        _sync_ticket(session, conv)
        session.flush()
        session.refresh(conv)
        session.expunge(conv)
        return conv


def is_team(assignee: str | None) -> bool:
    return bool(assignee) and str(assignee).startswith(TEAM_PREFIX)


def claim(session: Session, conv: Conversation, principal: Principal) -> None:
    """Before ``principal`` answers: somebody else's conversation is a conflict; an
    unassigned or team conversation becomes theirs."""
    if conv.assignee and not is_team(conv.assignee) and conv.assignee != principal.name:
        raise ConflictError(f"conversation {conv.id} is assigned to {conv.assignee}; "
                            "assign it to yourself to answer")
    if conv.assignee != principal.name:
        conv.assignee = principal.name
        session.add(conv)
        _sync_ticket(session, conv)


def matches(assignee: str | None, wanted: str, principal: Principal) -> bool:
    """The search and queue filter: ``me``, ``none`` (unassigned), ``any``, a name, a
    team."""
    if wanted == ME:
        return assignee == principal.name
    if wanted == "none":
        return assignee is None
    if wanted == "any":
        return assignee is not None
    return assignee == wanted
