"""``Idempotency-Key`` on every POST: a retry is answered from the first attempt.

Clients that may not see an answer (a lost response, a timeout, a crash) send a key of
their choice with the POST and the same key with its retries. The first request with
a key reserves it; its response (status and body, anything below 500) is stored in
``idempotent_request`` and sent again, with ``Idempotent-Replayed: true``, to every
retry by the same principal with the same method, path, query and body, and the work
is not done again. The same key with another request is a 409, and so is a retry
while the first attempt is still running. A 5xx, or an error before the response,
frees the key. Keys expire after ``KEFU_IDEMPOTENCY_TTL_S``.

Two parts, so that no route needs code of its own:

* :class:`IdempotencyMiddleware` (pure ASGI) hashes the request body of a POST that
  carries the header, and stores the response the route sent;
* :func:`begin`, called by the authentication dependency (app.api.deps.require) once
  the principal is known, reserves the key or answers from the stored attempt.
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from anyio import to_thread
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.limits import read_body, replay_receive
from app.errors import ConflictError
from app.models import IdempotentRequest
from app.models._common import as_utc, utcnow
from app.runtime import Runtime

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
KEY_PATTERN = r"^[\x21-\x7e]{1,100}$"  # visible ASCII
_KEY = re.compile(KEY_PATTERN)
_SCOPE_KEY = "kefu.idempotency"
MAX_STORED_BYTES = 1_048_576  # a longer response is sent but not kept (the key is freed)
# a reservation this old belongs to a process that died (no turn takes this long: the
# LLM is never on a request's path); sooner where its process is known to be gone
ABANDONED_S = 120.0
# who holds a reservation, kept in its response column until the answer replaces it
_OWNER = f"owner:{socket.gethostname()}:{os.getpid()}"
PURGE_EVERY_S = 300.0
STORED_TYPES = {"application/json", "text/event-stream"}


class IdempotentReplay(Exception):
    """Answer with the stored response of the first attempt."""

    def __init__(self, status_code: int, body: str) -> None:
        super().__init__(f"replay of a {status_code} response")
        self.status_code = status_code
        self.body = body


@dataclass
class Attempt:
    """One POST carrying the header, from the middleware to :func:`begin` and back."""

    client_key: str
    method: str
    path: str
    body_hash: str
    runtime: Runtime | None = None
    key: str | None = None  # set once this request holds the reservation
    chunks: list[bytes] = field(default_factory=list)
    size: int = 0
    status: int = 500
    media: str = ""
    done: bool = False


def body_hash(query: bytes, body: bytes) -> str:
    """What makes two requests to one path the same request: query and body."""
    return hashlib.sha256(query + b"\0" + body).hexdigest()


def _ttl(rt: Runtime) -> timedelta:
    return timedelta(seconds=rt.settings.idempotency_ttl_s)


def _age_s(row: IdempotentRequest, now: datetime) -> float:
    created = as_utc(row.created_at)
    return (now - created).total_seconds() if created else 0.0


def begin(rt: Runtime, request: Request, principal: str) -> None:
    """Reserve the request's key for ``principal``, or answer from its first attempt
    (IdempotentReplay); a conflicting use is a ConflictError. No header: nothing."""
    attempt = request.scope.get(_SCOPE_KEY)
    if not isinstance(attempt, Attempt) or attempt.key is not None:
        return  # no header, or reserved already (a route with two role dependencies)
    if not _KEY.match(attempt.client_key):
        raise RequestValidationError([{
            "type": "string_pattern_mismatch", "loc": ("header", HEADER),
            "msg": "1-100 visible ASCII characters", "input": None}])
    key = f"{len(principal)}:{principal}:{attempt.client_key}"
    now = utcnow()
    stored: IdempotentReplay | None = None
    try:
        with rt.session(write=True) as session:
            row = session.get(IdempotentRequest, key)
            if row is not None and _age_s(row, now) < _ttl(rt).total_seconds():
                if (row.method, row.path, row.body_hash) != (
                        attempt.method, attempt.path, attempt.body_hash):
                    raise ConflictError(f"{HEADER} reused with another request")
                if row.status_code:
                    stored = IdempotentReplay(row.status_code, row.response or "")
                elif not _abandoned(row, now):
                    raise ConflictError(f"a request with this {HEADER} is still running; "
                                        "retry when it has been answered")
            if stored is None:
                row = row or IdempotentRequest(key=key, method=attempt.method,
                                               path=attempt.path, body_hash="")
                row.method, row.path, row.body_hash = (attempt.method, attempt.path,
                                                       attempt.body_hash)
                row.status_code, row.response, row.created_at = 0, _OWNER, now
                session.add(row)
    except IntegrityError as exc:  # another attempt reserved it first
        raise ConflictError(f"a request with this {HEADER} is still running; retry when "
                            "it has been answered") from exc
    if stored is not None:
        raise stored
    attempt.runtime, attempt.key = rt, key


def _abandoned(row: IdempotentRequest, now: datetime) -> bool:
    """Whether a reservation's request can no longer answer: too old, or held by a
    process of this host that is gone (killed, crashed, restarted)."""
    if _age_s(row, now) >= ABANDONED_S:
        return True
    owner = (row.response or "").split(":")
    if len(owner) != 3 or owner[0] != "owner" or owner[1] != socket.gethostname():
        return False
    return owner[2].isdigit() and not _alive(int(owner[2]))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def keep_with(request: Request) -> Callable[[Session, int, str], None] | None:
    """For a route whose work commits in one transaction: a function that stores the
    answer in that same transaction, so a crash between the commit and the response
    still leaves the retry its answer (and never does the work twice). None when the
    request holds no reservation."""
    attempt = request.scope.get(_SCOPE_KEY)
    if not isinstance(attempt, Attempt) or attempt.key is None:
        return None
    key = attempt.key

    def keep(session: Session, status: int, body: str) -> None:
        row = session.get(IdempotentRequest, key)
        if row is not None and len(body.encode("utf-8")) <= MAX_STORED_BYTES:
            row.status_code, row.response = status, body
            session.add(row)

    return keep


async def replay_response(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, IdempotentReplay)
    media = "text/event-stream" if exc.body.startswith(("event:", "data:", ":")) \
        else "application/json"
    return Response(exc.body, status_code=exc.status_code, media_type=media,
                    headers={REPLAYED: "true"})


_last_purge = 0.0


def _finish(attempt: Attempt) -> None:
    """Store the response for the retries, or free the key."""
    global _last_purge
    rt, key, status = attempt.runtime, attempt.key, attempt.status
    assert rt is not None and key is not None
    body: str | None = None
    if status < 500 and attempt.media in STORED_TYPES and attempt.size <= MAX_STORED_BYTES:
        try:
            body = b"".join(attempt.chunks).decode("utf-8")
        except UnicodeDecodeError:
            body = None
    with rt.session(write=True) as session:
        row = session.get(IdempotentRequest, key)
        if row is not None and body is not None:
            row.status_code, row.response = status, body
            session.add(row)
        elif row is not None:
            session.delete(row)
        if time.monotonic() - _last_purge > PURGE_EVERY_S:
            _last_purge = time.monotonic()
            session.exec(delete(IdempotentRequest).where(
                col(IdempotentRequest.created_at) < utcnow() - _ttl(rt)))


class IdempotencyMiddleware:
    """Hash the body of a POST with an Idempotency-Key; keep what the route answers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client_key = _header(scope)
        if scope["type"] != "http" or scope.get("method") != "POST" or client_key is None:
            await self.app(scope, receive, send)
            return
        body, after = await read_body(receive)  # bounded by RequestGuardMiddleware
        attempt = Attempt(client_key=client_key, method="POST",
                          path=str(scope.get("path", ""))[:500],
                          body_hash=body_hash(scope.get("query_string", b""), body))
        scope[_SCOPE_KEY] = attempt

        async def keep(message: Message) -> None:
            if attempt.key is not None and not attempt.done:
                if message["type"] == "http.response.start":
                    attempt.status, attempt.media = int(message["status"]), _media(message)
                elif message["type"] == "http.response.body":
                    chunk = message.get("body", b"")
                    attempt.size += len(chunk)
                    if attempt.size <= MAX_STORED_BYTES:
                        attempt.chunks.append(chunk)
                    if not message.get("more_body", False):
                        # stored before the last byte leaves: a client that saw the
                        # answer and retries at once is answered from it
                        attempt.done = True
                        await to_thread.run_sync(_finish, attempt)
            await send(message)

        try:
            await self.app(scope, replay_receive(body, after, receive), keep)
        finally:
            if attempt.key is not None and not attempt.done:
                attempt.done, attempt.status = True, 500
                await to_thread.run_sync(_finish, attempt)


def _header(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"idempotency-key":
            return value.decode("latin-1").strip()
    return None


def _media(message: Message) -> str:
    for name, value in message.get("headers", ()):
        if name.lower() == b"content-type":
            return str(value.decode("latin-1").split(";", 1)[0].strip().lower())
    return ""


def describe() -> dict[str, object]:
    """The header as an OpenAPI parameter (app.api.openapi adds it to every POST)."""
    return {"name": HEADER, "in": "header", "required": False,
            "description": "Any client-chosen key (1-100 visible ASCII characters): a "
                           "retry with the same key and body is answered from the first "
                           "attempt; the same key with another request is a 409",
            "schema": {"type": "string", "pattern": KEY_PATTERN}}
