"""Server-sent event streams: a bot reply token by token, and live changes to watch.

Watching streams poll the database (cheap indexed queries) and push only changes;
they end after ``max_s`` seconds and clients reconnect, so a stream never outlives
its usefulness or pins a worker thread.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from app.assist.schemas import TurnOut

CHUNK_DELAY_S = 0.03
POLL_S = 1.0
# CJK text has no spaces: stream it two characters at a time, other text word by word
_CHUNK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]{1,2}|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+")


def chunks(text: str) -> list[str]:
    """Pieces of ``text`` for streaming; joined they give the text back exactly."""
    return _CHUNK.findall(text)


def event(name: str, data: Any) -> dict[str, str]:
    return {"event": name, "data": json.dumps(data, ensure_ascii=False, default=str)}


async def reply_events(turn: TurnOut) -> AsyncIterator[dict[str, str]]:
    """``meta`` (the turn without the shopper's text), ``token`` pieces, then ``done``."""
    text = turn.shopper.text
    meta = turn.model_copy(update={"shopper": turn.shopper.model_copy(update={"text": ""})})
    yield event("meta", meta.model_dump(mode="json"))
    for piece in chunks(text):
        yield event("token", {"text": piece})
        await asyncio.sleep(CHUNK_DELAY_S)
    yield event("done", {"text": text})


async def watch(request: Request, *, name: str, fetch: Callable[[], Any],
                max_s: float, poll_s: float = POLL_S,
                also: Mapping[str, Callable[[], Any]] | None = None,
                ) -> AsyncIterator[dict[str, str]]:
    """Emit ``fetch()`` under ``name`` whenever it changes (and once at the start);
    ``also``: more events, each emitted the same way under its own name."""
    deadline = time.monotonic() + max_s
    fetchers = {name: fetch, **(also or {})}
    last: dict[str, Any] = {}
    while time.monotonic() < deadline:
        if await request.is_disconnected():
            return
        for each, get in fetchers.items():
            current = await run_in_threadpool(get)
            if each not in last or current != last[each]:
                yield event(each, current)
                last[each] = current
        await asyncio.sleep(min(poll_s, max(0.0, deadline - time.monotonic())))
    yield event("end", {"reconnect": True})
