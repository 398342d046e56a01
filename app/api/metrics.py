"""Prometheus metrics: requests by route, turn decisions, pipeline latency; `/metrics`.

Routes are labelled by their template (``/api/conversations/{conversation_id}``), not
the concrete path, and unknown paths share one label, so the number of series stays
bounded whatever clients request.
"""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

router = APIRouter(tags=["health"])

REQUESTS = Counter("kefu_http_requests_total", "HTTP requests", ["method", "route", "status"])
LATENCY = Histogram("kefu_http_request_duration_seconds", "HTTP request latency",
                    ["method", "route"])
UNMATCHED = "unmatched"


class MetricsMiddleware:
    """Pure ASGI, so streaming responses pass through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 500}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            route: Any = scope.get("route")
            label = getattr(route, "path", None) or UNMATCHED
            method = str(scope.get("method", ""))
            REQUESTS.labels(method=method, route=label, status=str(status["code"])).inc()
            LATENCY.labels(method=method, route=label).observe(time.perf_counter() - started)


@router.get("/metrics", response_class=Response,
            responses={200: {"content": {"text/plain": {}}}})
def metrics() -> Response:
    """Prometheus text format."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
