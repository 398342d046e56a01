"""What a transaction changed, as events: every conversation whose rows it touched.

A flush listener notes the conversation of each new, changed or deleted row of a
tracked session (the runtime's sessions are tracked); just before the commit the
runtime hands the list to its broker, which sends it with the commit. Streams then
read the conversation (or the queue) again: the event says where to look, never
what changed, so a missed or merged event costs nothing but a poll's delay.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from app.models import Conversation, Delivery
from app.pubsub.base import Broker, Event

CONVERSATION = "conversation"
TRACK = "kefu_track"
_CHANGED = "kefu_changed"
# rows that carry a conversation_id but change nothing a person looks at
_QUIET = (Delivery,)


def track(session: Session) -> None:
    session.info[TRACK] = True


def _conversation_of(obj: Any) -> str | None:
    if isinstance(obj, Conversation):
        return obj.id
    if isinstance(obj, _QUIET):
        return None
    value = getattr(obj, "conversation_id", None)
    return value if isinstance(value, str) else None


@event.listens_for(OrmSession, "after_flush")
def _noted(session: OrmSession, _context: Any) -> None:
    if not session.info.get(TRACK):
        return
    changed: set[str] = session.info.setdefault(_CHANGED, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        conv = _conversation_of(obj)
        if conv:
            changed.add(conv)


def publish_changes(broker: Broker, session: Session) -> None:
    """Hand the session's changed conversations to ``broker``, sent with the commit."""
    changed: set[str] | None = session.info.pop(_CHANGED, None)
    if changed:
        broker.publish_on_commit(session, [Event(CONVERSATION, conv)
                                           for conv in sorted(changed)])
