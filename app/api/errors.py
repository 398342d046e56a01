"""Error responses: Kefu's own errors and malformed requests, as one-line JSON details."""

from __future__ import annotations

import logging

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from app.errors import (
    AuthError,
    BackendError,
    ConflictError,
    ForbiddenError,
    InputError,
    KefuError,
    NotFoundError,
)

log = logging.getLogger(__name__)

# the most specific class wins (checked in this order)
STATUS = ((InputError, 400), (AuthError, 401), (ForbiddenError, 403), (NotFoundError, 404),
          (ConflictError, 409), (BackendError, 503))


def status_of(exc: Exception) -> int:
    for cls, status in STATUS:
        if isinstance(exc, cls):
            return status
    return 500

MAX_PROBLEMS = 5


def safe_text(value: object) -> str:
    """``str(value)`` that can always be encoded (a lone surrogate from the input would
    otherwise turn the error response itself into a server error)."""
    return str(value).encode("utf-8", "replace").decode("utf-8")


async def kefu_error(_request: Request, exc: Exception) -> JSONResponse:
    status = status_of(exc) if isinstance(exc, KefuError) else 500
    if status >= 500:
        log.error("request failed: %s", safe_text(exc))
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, AuthError) else None
    return JSONResponse(status_code=status, content={"detail": safe_text(exc)},
                        headers=headers)


def _where(loc: tuple[int | str, ...], kind: str) -> str:
    """``text`` for a body field, ``query days`` for a parameter, ``body`` for the body."""
    parts = [str(p) for p in loc]
    if not parts or kind == "json_invalid":
        return "body"
    if parts[0] == "body":
        return ".".join(parts[1:]) or "body"
    return f"{parts[0]} {'.'.join(parts[1:])}".strip()


async def validation_error(_request: Request, exc: Exception) -> JSONResponse:
    """422 with a short sentence (``body.text: must not be empty``) and the list."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    problems = []
    for err in errors:
        msg = safe_text(err.get("msg", "invalid")).removeprefix("Value error, ")
        if err.get("type") == "json_invalid":
            msg = "malformed JSON"
        where = _where(tuple(err.get("loc", ())), str(err.get("type", "")))
        problems.append({"field": safe_text(where), "msg": msg})
    return problem_response(problems)


def problem_response(problems: list[dict[str, str]]) -> JSONResponse:
    """The one 422 body: ``detail`` (a sentence) and ``errors`` (field, msg) - see
    app.api.openapi, which documents it on every route."""
    shown = "; ".join(f"{p['field']}: {p['msg']}" for p in problems[:MAX_PROBLEMS])
    more = f" (+{len(problems) - MAX_PROBLEMS} more)" if len(problems) > MAX_PROBLEMS else ""
    return JSONResponse(status_code=422,
                        content={"detail": f"invalid request: {shown}{more}",
                                 "errors": problems})
