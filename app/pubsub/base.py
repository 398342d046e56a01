"""The broker seam: one protocol, one module per implementation, chosen by URL."""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Engine
from sqlmodel import Session

log = logging.getLogger(__name__)

Callback = Callable[["Event"], None]


@dataclass(frozen=True)
class Event:
    """``topic``: what kind of thing changed; ``key``: which one (a conversation id);
    ``data``: a small payload (PostgreSQL caps a notification at 8000 bytes);
    ``origin``: the broker that published it, so it never hears itself twice."""

    topic: str
    key: str = ""
    data: dict[str, Any] | None = None
    origin: str = ""

    def encode(self) -> str:
        return json.dumps({"t": self.topic, "k": self.key, "d": self.data, "o": self.origin},
                          ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def decode(cls, payload: str) -> Event:
        raw = json.loads(payload)
        return cls(str(raw["t"]), str(raw.get("k") or ""), raw.get("d"), str(raw.get("o") or ""))


class Broker(Protocol):
    name: str
    # whether other processes hear what this one publishes (streams may poll less)
    spans_processes: bool

    def publish(self, events: Sequence[Event]) -> None:
        """Send now, outside any transaction."""

    def publish_on_commit(self, session: Session, events: Sequence[Event]) -> None:
        """Send when ``session`` commits; nothing is sent if it rolls back."""

    def subscribe(self, callback: Callback) -> Callable[[], None]:
        """Call ``callback`` (from any thread) with every event; returns unsubscribe."""

    def close(self) -> None: ...


@dataclass
class Fanout:
    """The subscribers of one broker in this process, and the stamp of its events."""

    origin: str = field(default_factory=lambda: uuid.uuid4().hex[:16])
    _callbacks: list[Callback] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def stamp(self, events: Sequence[Event]) -> list[Event]:
        return [Event(e.topic, e.key, e.data, self.origin) for e in events]

    def subscribe(self, callback: Callback) -> Callable[[], None]:
        with self._lock:
            self._callbacks.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._callbacks:
                    self._callbacks.remove(callback)

        return unsubscribe

    def deliver(self, events: Sequence[Event]) -> None:
        with self._lock:
            callbacks = list(self._callbacks)
        for event in events:
            for callback in callbacks:
                try:
                    callback(event)
                except Exception:  # one broken subscriber must not starve the others
                    log.exception("event subscriber failed on %s", event.topic)


def _local(engine: Engine) -> Broker:
    from app.pubsub.local import LocalBroker

    return LocalBroker()


def _postgres(engine: Engine) -> Broker:
    from app.pubsub.postgres import PgBroker

    return PgBroker(engine)


# by the engine's dialect; anything unknown gets the in-process broker
BROKERS: dict[str, Callable[[Engine], Broker]] = {"sqlite": _local, "postgresql": _postgres}


def make_broker(engine: Engine) -> Broker:
    """The broker for the database ``engine`` talks to."""
    return BROKERS.get(engine.url.get_backend_name(), _local)(engine)
