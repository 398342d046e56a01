"""The PostgreSQL broker: LISTEN/NOTIFY on one channel, heard by every worker process.

Notifications sent inside a transaction are delivered by the server when it commits
and dropped when it rolls back, so a stream never sees a change that did not happen.
One daemon thread per broker, started by the first subscriber (a CLI command that only
writes never opens it), holds a dedicated connection that LISTENs and hands what it
hears to the subscribers; it reconnects with back-off if the connection drops (the
streams' periodic database reads cover the gap). What this process publishes is also
delivered to its own subscribers directly, without waiting for the round trip.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

import psycopg
from sqlalchemy import Engine, event as sa_event
from sqlmodel import Session

from app.pubsub.base import Callback, Event, Fanout

log = logging.getLogger(__name__)

CHANNEL = "kefu_events"
_NOTIFY = "SELECT pg_notify(%(c)s, p) FROM unnest(%(p)s::text[]) AS p"
RECONNECT_MAX_S = 10.0
POLL_S = 0.5  # how often the listener looks up from the socket to check for close()


def libpq_url(engine: Engine) -> str:
    """The engine's URL as libpq takes it (no driver part, the password kept)."""
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


class PgBroker:
    name = "postgres"
    spans_processes = True

    def __init__(self, engine: Engine, *, channel: str = CHANNEL) -> None:
        self._engine = engine
        self._channel = channel
        self._fanout = Fanout()
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._start_lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def wait_listening(self, timeout_s: float = 10.0) -> bool:
        """True once the LISTEN is in place (events published before it may be missed)."""
        return self._listening.wait(timeout_s)

    def publish(self, events: Sequence[Event]) -> None:
        stamped = self._fanout.stamp(events)
        self._fanout.deliver(stamped)
        with self._engine.begin() as conn:
            conn.exec_driver_sql(_NOTIFY, self._params(stamped))

    def publish_on_commit(self, session: Session, events: Sequence[Event]) -> None:
        stamped = self._fanout.stamp(events)
        session.connection().exec_driver_sql(_NOTIFY, self._params(stamped))
        sa_event.listen(session, "after_commit", lambda _s: self._fanout.deliver(stamped),
                        once=True)

    def subscribe(self, callback: Callback) -> Callable[[], None]:
        unsubscribe = self._fanout.subscribe(callback)
        with self._start_lock:
            if self._thread is None and not self._stop.is_set():
                self._thread = threading.Thread(target=self._listen, name="kefu-pubsub",
                                                daemon=True)
                self._thread.start()
        return unsubscribe

    def close(self) -> None:
        self._stop.set()
        with self._start_lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=POLL_S * 4)

    def _params(self, events: Sequence[Event]) -> dict[str, object]:
        return {"c": self._channel, "p": [e.encode() for e in events]}

    def _listen(self) -> None:
        delay = 0.2
        while not self._stop.is_set():
            try:
                with psycopg.connect(libpq_url(self._engine), autocommit=True) as conn:
                    conn.execute(f"LISTEN {self._channel}")
                    self._listening.set()
                    delay = 0.2
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=POLL_S):
                            self._heard(note.payload)
            except psycopg.Error as exc:
                self._listening.clear()
                if self._stop.is_set():
                    return
                log.warning("event listener lost its connection (%s); retrying in %.1f s",
                            exc, delay)
                self._stop.wait(delay)
                delay = min(delay * 2, RECONNECT_MAX_S)

    def _heard(self, payload: str) -> None:
        try:
            event = Event.decode(payload)
        except (ValueError, KeyError, TypeError):
            log.warning("ignoring a malformed notification on %s", self._channel)
            return
        if event.origin != self._fanout.origin:  # our own were delivered at once
            self._fanout.deliver([event])
