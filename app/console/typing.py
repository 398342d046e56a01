"""Who is typing in which conversation: a small ephemeral board per runtime.

Typing is a hint that is stale within seconds, so it is kept in memory with an expiry,
never in the database. Every announcement also goes through the runtime's broker
(app.pubsub), and each runtime's board applies what the others announce: on
PostgreSQL a shopper served by one worker and an agent by another see each other
type. (On SQLite the broker is in-process: several workers of one home each keep
their own board.)
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from app.pubsub import Event

if TYPE_CHECKING:
    from app.runtime import Runtime

TTL_S = 6.0  # a client re-announces every few seconds while the person keeps typing
Side = Literal["shopper", "agent"]
TOPIC = "typing"


@dataclass(frozen=True)
class Typist:
    role: Side
    name: str  # the agent's name, or the customer id for a shopper


class TypingBoard:
    """(conversation, typist) -> expiry; thread-safe, expired entries dropped on read."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._lock = threading.Lock()
        self._until: dict[tuple[str, Typist], float] = {}
        self._clock = clock

    def set(self, conversation_id: str, typist: Typist, typing: bool) -> None:
        with self._lock:
            if typing:
                self._until[(conversation_id, typist)] = self._clock() + TTL_S
            else:
                self._until.pop((conversation_id, typist), None)

    def _live(self) -> dict[str, list[Typist]]:
        now = self._clock()
        out: dict[str, list[Typist]] = {}
        with self._lock:
            for key in [k for k, until in self._until.items() if until <= now]:
                del self._until[key]
            for (conv, typist) in sorted(self._until, key=lambda k: (k[0], k[1].name)):
                out.setdefault(conv, []).append(typist)
        return out

    def in_conversation(self, conversation_id: str) -> list[Typist]:
        return self._live().get(conversation_id, [])

    def everywhere(self) -> dict[str, list[Typist]]:
        return self._live()


_boards: weakref.WeakKeyDictionary[Runtime, TypingBoard] = weakref.WeakKeyDictionary()
_boards_lock = threading.Lock()


def board(rt: Runtime) -> TypingBoard:
    """The runtime's board (one per served home, as long as the runtime lives), fed by
    the announcements of every worker."""
    with _boards_lock:
        found = _boards.get(rt)
        if found is None:
            found = _boards[rt] = TypingBoard()
            rt.broker.subscribe(_applier(found))
        return found


def _applier(target: TypingBoard) -> Callable[[Event], None]:
    def apply(event: Event) -> None:
        data = event.data or {}
        if event.topic != TOPIC or data.get("role") not in ("shopper", "agent"):
            return
        typist = Typist(role=data["role"], name=str(data.get("name", "")))
        target.set(event.key, typist, bool(data.get("typing")))

    return apply


def announce(rt: Runtime, conversation_id: str, typist: Typist, typing: bool) -> None:
    """``typist`` started (or stopped) typing: on this worker's board and every other's."""
    board(rt)  # subscribed before publishing, so this worker applies it too
    rt.broker.publish([Event(TOPIC, conversation_id,
                             {"role": typist.role, "name": typist.name, "typing": typing})])
