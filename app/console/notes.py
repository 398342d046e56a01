"""Internal notes on a conversation: written by agents for agents, never shown to the
shopper (no shopper-facing route reads them, and the notes routes answer shoppers 404)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from app.errors import NotFoundError
from app.models import Conversation, Note
from app.runtime import Runtime

NOTES_LIMIT = 500


def list_notes(session: Session, conversation_id: str) -> list[Note]:
    """Oldest first, like the conversation itself."""
    return list(session.exec(select(Note).where(Note.conversation_id == conversation_id)
                             .order_by(col(Note.id)).limit(NOTES_LIMIT)))


def count_notes(session: Session, conversation_id: str) -> int:
    return len(session.exec(select(Note.id).where(
        Note.conversation_id == conversation_id)).all())


def add_note(rt: Runtime, *, conversation_id: str, author: str, text: str) -> Note:
    with rt.session(write=True) as session:
        if session.get(Conversation, conversation_id) is None:
            raise NotFoundError("conversation not found")
        note = Note(conversation_id=conversation_id, author=author, text=text)
        session.add(note)
        session.flush()
        session.refresh(note)
        session.expunge(note)
        return note
