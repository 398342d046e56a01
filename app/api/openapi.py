"""The OpenAPI document says what the server really sends, for every route, new ones
included, without code in the routes.

After FastAPI has built the document, each operation gets:

* 422 as the server sends it (``detail``, a sentence, and ``errors``: field + msg;
  app.api.errors.problem_response), on every operation that takes input;
* 401 and 403 where a bearer token is needed;
* 404 where the path names something;
* 413, 409 and the ``Idempotency-Key`` header on POSTs (bodies over the limit,
  a reused or still running key), 413 on every other method with a body;
* the ``Error`` body (``detail``) on every error a route documents itself (a route
  adds its own codes, such as 400 or 409, with ``responses=`` and a description).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, Field

from app.api import idempotency


class ErrorOut(BaseModel):
    detail: str = Field(description="What went wrong, in one line")


class ProblemOut(BaseModel):
    field: str = Field(description="`text` for a body field, `query days` for a parameter, "
                                    "`header Idempotency-Key`, or `body`")
    msg: str


class ValidationErrorOut(BaseModel):
    detail: str = Field(description="`invalid request: field: message; ...`")
    errors: list[ProblemOut]


ERROR_REF = "#/components/schemas/ErrorOut"
VALIDATION_REF = "#/components/schemas/ValidationErrorOut"
DEFAULT_DESCRIPTIONS = {
    "400": "The input is well formed but Kefu cannot use it",
    "401": "No token, or an unknown, expired or revoked one",
    "403": "The token's role may not use this route",
    "404": "Not found (or not the caller's: a shopper sees other customers' things as "
           "missing)",
    "409": "The state does not allow it, or the Idempotency-Key was used for another "
           "request or its first request is still running",
    "413": "Request body over the size limit (KEFU_MAX_BODY_BYTES)",
    "422": "Malformed request: one-line `detail` and the list of `errors`",
}
BODY_METHODS = ("post", "put", "patch", "delete")


def _json(ref: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": ref}}}


def _error(responses: dict[str, Any], code: str) -> None:
    entry = responses.setdefault(code, {})
    entry.setdefault("description", DEFAULT_DESCRIPTIONS.get(code, "Error"))
    if "$ref" not in str(entry.get("content", "")):
        entry["content"] = _json(ERROR_REF)


def _operation(method: str, op: dict[str, Any]) -> None:
    responses: dict[str, Any] = op.setdefault("responses", {})
    params: list[dict[str, Any]] = op.setdefault("parameters", [])
    secured = bool(op.get("security"))
    if secured and method == "post" and not any(
            p.get("name") == idempotency.HEADER for p in params):
        params.append(idempotency.describe())
        _error(responses, "409")
    if not params:
        op.pop("parameters")
    if secured:
        _error(responses, "401")
        _error(responses, "403")
    if any(p.get("in") == "path" for p in params):
        _error(responses, "404")
    if method in BODY_METHODS:
        _error(responses, "413")
    for code in list(responses):
        if code.startswith("4") and code != "422":
            _error(responses, code)
    if params or op.get("requestBody") or method in BODY_METHODS:
        responses["422"] = {"description": DEFAULT_DESCRIPTIONS["422"],
                            "content": _json(VALIDATION_REF)}


def document(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the responses and headers above to every operation of ``schema``."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (ErrorOut, ValidationErrorOut):
        found = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(found.pop("$defs", {}))
        components[model.__name__] = found
    for item in schema.get("paths", {}).values():
        for method, op in item.items():
            if isinstance(op, dict):
                _operation(method, op)
    # FastAPI's own 422 body is never sent
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    return schema


def install(app: FastAPI) -> None:
    """Serve the documented schema at /openapi.json (built once)."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if not getattr(app.state, "openapi_documented", False):
            document(build())
            app.state.openapi_documented = True
        assert app.openapi_schema is not None
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
