"""The FastAPI application."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from app import __version__
from app.api import health
from app.db import check_schema
from app.errors import KefuError
from app.logs import setup_logging
from app.settings import get_settings

log = logging.getLogger(__name__)


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    settings = get_settings()
    setup_logging(settings, stderr_level=logging.INFO)
    check_schema()
    log.info("kefu %s ready (home %s)", __version__, settings.home.resolve())
    yield


async def _kefu_error(_request: Request, exc: Exception) -> JSONResponse:
    status = exc.status_code if isinstance(exc, KefuError) else 500
    if status >= 500:
        log.error("request failed: %s", exc)
    return JSONResponse(status_code=status, content={"detail": str(exc)})


def create_app() -> FastAPI:
    app = FastAPI(
        title="Kefu",
        version=__version__,
        description="Agent-assist for e-commerce customer service (zh/en).",
        lifespan=_lifespan,
    )
    app.add_exception_handler(KefuError, _kefu_error)
    app.include_router(health.router)
    return app
