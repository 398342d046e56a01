"""Request bodies the application may read: at most ``KEFU_MAX_BODY_BYTES``, and JSON
that is real Unicode.

Pure ASGI, so responses (server-sent event streams included) pass through untouched.
A declared ``Content-Length`` over the limit is refused with 413 before a byte of the
body is read; a chunked body is counted as it arrives and refused the moment it goes
over. The body (at most the limit) is then handed to the application as it came.

JSON text may spell lone UTF-16 surrogates (``"\\ud800"``), which Python decodes into
strings that cannot be encoded again: stored, logged or echoed they become a server
error (and a dropped connection). Such a body, or one that is not UTF-8, is a 422 with
the standard validation body before any route sees it, whatever its fields.
"""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import problem_response

DEFAULT_MAX_BODY_BYTES = 1_048_576
# a surrogate's escape: only then is the body parsed to find out whether it is alone
_SUSPECT = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class BodyTooLarge(Exception):
    """The body went over the limit while it was being read."""


def too_large(limit: int) -> dict[str, Any]:
    return {"detail": f"request body too large (at most {limit} bytes)"}


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"content-type":
            media = value.split(b";", 1)[0].strip().lower()
            return media == b"application/json" or media.endswith(b"+json")
    return True  # FastAPI reads a body without a content type as JSON


def lone_surrogate(value: Any, where: str = "") -> str | None:
    """Where in a decoded JSON value a string (or key) holds a lone surrogate."""
    if isinstance(value, str):
        return (where or "body") if _SURROGATE.search(value) else None
    if isinstance(value, list):
        for i, item in enumerate(value):
            found = lone_surrogate(item, f"{where}.{i}" if where else str(i))
            if found:
                return found
    if isinstance(value, dict):
        for key, item in value.items():
            if lone_surrogate(key):
                return where or "body"
            found = lone_surrogate(item, f"{where}.{key}" if where else str(key))
            if found:
                return found
    return None


def text_problem(body: bytes) -> tuple[str, str] | None:
    """(field, message) when a JSON body is not UTF-8 or spells a lone surrogate."""
    if not body:
        return None
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return "body", "not valid UTF-8"
    if not _SUSPECT.search(body):
        return None
    try:
        value = json.loads(body)
    except ValueError:
        return None  # malformed JSON: the route's own validation says so
    where = lone_surrogate(value)
    return (where, "lone UTF-16 surrogate in text") if where else None


class RequestGuardMiddleware:
    """413 for bodies over ``max_bytes``; 422 for JSON bodies that are not Unicode."""

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await _send_json(send, 413, too_large(self.max_bytes))
            return
        try:
            body, after = await read_body(receive, self.max_bytes)
        except BodyTooLarge:
            await _send_json(send, 413, too_large(self.max_bytes))
            return
        problem = text_problem(body) if _is_json(scope) else None
        if problem is not None:
            response = problem_response([{"field": problem[0], "msg": problem[1]}])
            await response(scope, receive, send)
            return
        await self.app(scope, replay_receive(body, after, receive), send)


async def read_body(receive: Receive, limit: int | None = None) -> tuple[bytes, Message | None]:
    """The whole body (BodyTooLarge past ``limit``), and the disconnect that came
    instead of its end, if one did."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks), message
        chunk = message.get("body", b"")
        size += len(chunk)
        if limit is not None and size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), None


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def replay_receive(body: bytes, after: Message | None, receive: Receive) -> Receive:
    """A ``receive`` that gives ``body`` (already read) first, then the real one."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            if after is not None and not body:
                return after
            return {"type": "http.request", "body": body, "more_body": False}
        if after is not None:
            return after
        return await receive()

    return replay


async def _send_json(send: Send, status: int, content: dict[str, Any]) -> None:
    data = json.dumps(content).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(data)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": data})
