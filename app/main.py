"""The FastAPI application."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles

from app import __version__, retention, runtime
from app.api import (
    actions,
    admin,
    analytics,
    canned,
    channel_admin,
    channels,
    chat_sessions,
    console,
    conversations,
    health,
    idempotency,
    knowledge,
    learning,
    limits,
    metrics,
    openapi,
    orders,
    pages,
    queue,
    security,
    suggestions,
    webhooks,
)
from app.api.errors import kefu_error, validation_error
from app.db import check_schema
from app.errors import KefuError
from app.logs import setup_logging
from app.runtime import Runtime

log = logging.getLogger(__name__)

DESCRIPTION = """Agent-assist for e-commerce customer service (zh/en).

Authenticate with `Authorization: Bearer <token>` (`kefu token create`, or the demo
tokens `kefu init` prints). Roles: **shopper** (bound to one customer), **agent**,
**analyst**, **admin** (all staff routes), **channel** (webhook only).

Refusals: no or unknown token 401; a role that may not use a route 403; a shopper
asking for another customer's conversation, order or action 404, exactly as for an
id that does not exist. Malformed requests are 422 with a one-line `detail` and the
list of `errors`; Kefu's own input errors 400; state conflicts (already decided ...)
409; bodies over the size limit 413.

Every POST takes an `Idempotency-Key` header: a retry with the same key and body is
answered from the first attempt (header `Idempotent-Replayed: true`) without doing
the work again; the same key with another request is 409.
"""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    rt: Runtime = app.state.runtime
    setup_logging(rt.settings, stderr_level=logging.INFO)
    check_schema(rt.engine)
    await _warm(rt)
    rt.channels.start()  # adapters, their listeners and the delivery worker
    purging = asyncio.create_task(retention.keep_purging(rt))
    log.info("kefu %s ready (home %s)", __version__, rt.settings.home.resolve())
    yield
    purging.cancel()
    rt.channels.close()
    rt.drafter.close()


async def _warm(rt: Runtime) -> None:
    """Models loaded before the first shopper arrives (and before /health answers)."""
    from app.assist.warmup import warm_up

    try:
        await asyncio.to_thread(warm_up, rt)
    except Exception:  # a store still empty, a broken KB: the service starts anyway
        log.warning("warm-up failed; the first turns will load the models", exc_info=True)


def create_app(rt: Runtime | None = None) -> FastAPI:
    """The application serving ``rt`` (default: the process's runtime, from the
    environment's settings)."""
    app = FastAPI(title="Kefu", version=__version__, description=DESCRIPTION,
                  lifespan=_lifespan)
    app.state.runtime = rt or runtime.current()
    app.add_exception_handler(KefuError, kefu_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(idempotency.IdempotentReplay, idempotency.replay_response)
    # the last added runs first: headers on every answer, then metrics, then the body
    # guard (size, Unicode), then the Idempotency-Key
    app.add_middleware(idempotency.IdempotencyMiddleware)
    app.add_middleware(limits.RequestGuardMiddleware,
                       max_bytes=app.state.runtime.settings.max_body_bytes)
    app.add_middleware(metrics.MetricsMiddleware)
    app.add_middleware(security.SecurityHeadersMiddleware,
                       settings=app.state.runtime.settings)
    for module in (health, metrics, conversations, webhooks, queue, suggestions, actions,
                   orders, knowledge, admin, analytics, chat_sessions, channels,
                   channel_admin, console, canned, learning, pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=pages.STATIC_DIR), name="static")
    openapi.install(app)
    return app
