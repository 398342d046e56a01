"""Channel callbacks: ``GET|POST /channels/{name}`` for every enabled adapter.

Platforms authenticate by their own means (WeChat's signature, Chatwoot's token), not
by Kefu's bearer tokens, so these routes check nothing themselves: the adapter does.
A refused or malformed request is answered with a clear 4xx and logged by channel,
status and reason, never with its body.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from app.api.deps import RuntimeDep
from app.api.errors import status_of
from app.channels.base import ChannelResponse, RawRequest
from app.channels.inbound import receive
from app.errors import InputError, KefuError
from app.runtime import Runtime

log = logging.getLogger(__name__)

router = APIRouter(prefix="/channels", tags=["channels"])

MAX_BODY = 1024 * 1024
ChannelName = Annotated[str, Path(pattern=r"^[a-z][a-z0-9_-]{0,31}$")]


async def _raw(request: Request) -> RawRequest:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY:
        raise InputError("request body too large")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_BODY:
            raise InputError("request body too large")
    return RawRequest(method=request.method, query=dict(request.query_params),
                      headers={k.lower(): v for k, v in request.headers.items()},
                      body=bytes(body))


def _answer(found: ChannelResponse) -> Response:
    return Response(content=found.body, media_type=found.media_type,
                    status_code=found.status)


def _handshake(rt: Runtime, name: str, raw: RawRequest) -> ChannelResponse:
    channel = rt.channels.get(name)
    channel.verify(raw)
    return channel.handshake(raw)


def _receive(rt: Runtime, name: str, raw: RawRequest) -> ChannelResponse:
    return receive(rt, rt.channels.get(name), raw)


@router.get("/{name}", response_class=Response,
            responses={403: {"description": "bad signature or token"},
                       404: {"description": "channel not enabled"}})
async def handshake(rt: RuntimeDep, name: ChannelName, request: Request) -> Response:
    """The platform's URL check (WeChat: echo ``echostr`` when the signature holds)."""
    try:
        raw = await _raw(request)
        return _answer(await run_in_threadpool(_handshake, rt, name, raw))
    except KefuError as exc:
        _log_refusal(name, "GET", exc)
        raise


@router.post("/{name}", response_class=Response,
             responses={400: {"description": "malformed request"},
                        403: {"description": "bad signature or token"},
                        404: {"description": "channel not enabled"},
                        409: {"description": "message id already used for another message"}})
async def callback(rt: RuntimeDep, name: ChannelName, request: Request) -> Response:
    """Messages from the platform; each runs the pipeline once per platform message id."""
    try:
        raw = await _raw(request)
        return _answer(await run_in_threadpool(_receive, rt, name, raw))
    except KefuError as exc:
        _log_refusal(name, "POST", exc)
        raise


def _log_refusal(name: str, method: str, exc: KefuError) -> None:
    status = status_of(exc)
    level = logging.ERROR if status >= 500 else logging.WARNING
    log.log(level, "channel %s %s refused (%s): %s", name, method, status, exc)
