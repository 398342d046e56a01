"""The in-process broker: subscribers of this process only (SQLite homes)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import event
from sqlmodel import Session

from app.pubsub.base import Callback, Event, Fanout


class LocalBroker:
    name = "local"
    spans_processes = False

    def __init__(self) -> None:
        self._fanout = Fanout()

    def publish(self, events: Sequence[Event]) -> None:
        self._fanout.deliver(self._fanout.stamp(events))

    def publish_on_commit(self, session: Session, events: Sequence[Event]) -> None:
        stamped = self._fanout.stamp(events)
        event.listen(session, "after_commit", lambda _s: self._fanout.deliver(stamped),
                     once=True)

    def subscribe(self, callback: Callback) -> Callable[[], None]:
        return self._fanout.subscribe(callback)

    def close(self) -> None:
        pass
