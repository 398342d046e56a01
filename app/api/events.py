"""Server-sent event streams: a bot reply as soon as it exists, and live changes to watch.

Watching streams read the database (cheap indexed queries) and push only changes:
at once when the runtime's broker (app.pubsub) announces a change they care about,
made by this worker or, on PostgreSQL, by any other; otherwise every ``poll_s``
seconds, which also catches what no announcement covers (clocks running out). They
end after ``max_s`` seconds and clients reconnect, so a stream never outlives its
usefulness or pins a worker thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from app.assist.schemas import TurnOut
from app.pubsub import Broker, Event
from app.runtime import Runtime

POLL_S = 1.0
# after a wake-up, wait this long before reading, so a burst of commits is read once
COALESCE_S = 0.05


@dataclass(frozen=True)
class Changes:
    """The announcements that should wake a stream: ``wanted(event)`` says which."""

    broker: Broker
    wanted: Callable[[Event], bool]


def changes_of(rt: Runtime, conversation_id: str | None = None) -> Changes:
    """Announcements about one conversation (its rows, who types in it), or about any
    conversation with None (the queue)."""
    return Changes(rt.broker, lambda e: conversation_id is None or e.key == conversation_id)


def _subscribe(changes: Changes | None, woken: asyncio.Event) -> Callable[[], None]:
    if changes is None:
        return lambda: None
    loop = asyncio.get_running_loop()

    def heard(event: Event) -> None:
        if changes.wanted(event):
            # RuntimeError: the stream's loop is gone; it unsubscribes shortly
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(woken.set)

    return changes.broker.subscribe(heard)


def event(name: str, data: Any) -> dict[str, str]:
    return {"event": name, "data": json.dumps(data, ensure_ascii=False, default=str)}


async def reply_events(turn: TurnOut, tokens: AsyncIterator[str] | None = None,
                       ) -> AsyncIterator[dict[str, str]]:
    """``meta`` (the turn without the shopper's text), ``token`` pieces, then ``done``.

    A reply decided from an action, a template or the knowledge base exists in full
    when the turn ends: it goes out at once as one ``token``, never paced to look
    typed. ``tokens`` is a generation still running (an LLM answer shown to the
    shopper): its pieces are forwarded as they come.
    """
    text = turn.shopper.text
    meta = turn.model_copy(update={"shopper": turn.shopper.model_copy(update={"text": ""})})
    yield event("meta", meta.model_dump(mode="json"))
    if tokens is not None:
        pieces = []
        async for piece in tokens:
            pieces.append(piece)
            yield event("token", {"text": piece})
        text = "".join(pieces)
    elif text:
        yield event("token", {"text": text})
    yield event("done", {"text": text})


async def watch(request: Request, *, name: str, fetch: Callable[[], Any],
                max_s: float, poll_s: float = POLL_S,
                also: Mapping[str, Callable[[], Any]] | None = None,
                changes: Changes | None = None,
                ) -> AsyncIterator[dict[str, str]]:
    """Emit ``fetch()`` under ``name`` whenever it changes (and once at the start);
    ``also``: more events, each emitted the same way under its own name; ``changes``:
    the announcements that make it read again before ``poll_s`` is up."""
    deadline = time.monotonic() + max_s
    fetchers = {name: fetch, **(also or {})}
    last: dict[str, Any] = {}
    woken = asyncio.Event()
    unsubscribe = _subscribe(changes, woken)
    try:
        while time.monotonic() < deadline:
            if await request.is_disconnected():
                return
            woken.clear()  # before reading: a change committed meanwhile reads again
            for each, get in fetchers.items():
                current = await run_in_threadpool(get)
                if each not in last or current != last[each]:
                    yield event(each, current)
                    last[each] = current
            wait = min(poll_s, max(0.0, deadline - time.monotonic()))
            try:
                await asyncio.wait_for(woken.wait(), timeout=wait)
                await asyncio.sleep(COALESCE_S)
            except TimeoutError:
                pass
        yield event("end", {"reconnect": True})
    finally:
        unsubscribe()
