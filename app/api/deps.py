"""FastAPI dependencies every router uses: the runtime, its settings, a database session
and the current principal, with one alias per set of roles.

The runtime is the application's (``app.state.runtime``), so a test or an evaluation
can serve any home side by side without touching the environment.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from app import sessions
from app.api import idempotency
from app.auth import ANALYSTS, ROLES, STAFF, Principal, Role, authenticate
from app.errors import AuthError, ForbiddenError
from app.models._common import utcnow
from app.runtime import Runtime
from app.settings import Settings


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def get_settings_dep(rt: RuntimeDep) -> Settings:
    return rt.settings


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def get_session(rt: RuntimeDep) -> Iterator[Session]:
    """A read session for the request (writes open their own transaction through
    ``rt.session(write=True)``, so a commit happens before the response is sent)."""
    with rt.session() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_bearer = HTTPBearer(auto_error=False, description="`Authorization: Bearer <token>`")


def require(*roles: Role) -> Callable[..., Principal]:
    """A dependency that returns the caller if their role is one of ``roles``: the
    bearer token's owner, or else the shopper of a session cookie (app.sessions)."""
    allowed = frozenset(roles)

    def dependency(
        rt: RuntimeDep,
        request: Request,
        response: Response,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Principal:
        cookie = request.cookies.get(sessions.COOKIE)
        if credentials is not None and credentials.credentials:
            principal = authenticate(rt, token=credentials.credentials)
        elif cookie:
            principal = session_principal(rt, request, response, cookie)
        else:
            raise AuthError("missing bearer token (Authorization: Bearer <token>)")
        if principal.role not in allowed:
            raise ForbiddenError(f"role {principal.role!r} may not use this route "
                                 f"(needs {' or '.join(sorted(allowed))})")
        # a POST with an Idempotency-Key: reserve it, or answer from the first attempt
        idempotency.begin(rt, request, principal.label)
        return principal

    return dependency


def session_principal(rt: Runtime, request: Request, response: Response,
                      cookie: str) -> Principal:
    """The shopper of a session cookie, whose expiry slides forward; a request that
    changes something must come from Kefu's own pages (its Origin)."""
    shopper = sessions.read_cookie(rt.settings, cookie)
    own = f"{request.url.scheme}://{request.url.netloc}"
    if request.method not in SAFE_METHODS and not sessions.origin_allowed(
            request.headers.get("origin"), own, rt.settings):
        raise ForbiddenError("cross-site request refused (Origin)")
    later = sessions.refreshed(rt.settings, shopper)
    if later is not None:
        set_session_cookie(rt, request, response, later)
    return shopper.principal


def set_session_cookie(rt: Runtime, request: Request, response: Response,
                       shopper: sessions.ShopperSession) -> None:
    """HttpOnly, SameSite=Strict, Secure over https; it lasts as long as the session."""
    max_age = max(0, int((shopper.expires - utcnow()).total_seconds()))
    response.set_cookie(sessions.COOKIE, sessions.cookie_value(rt.settings, shopper),
                        max_age=max_age, path="/", httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")


Shopper = Annotated[Principal, Depends(require("shopper"))]
Agent = Annotated[Principal, Depends(require(*STAFF))]
Admin = Annotated[Principal, Depends(require("admin"))]
Analyst = Annotated[Principal, Depends(require(*ANALYSTS))]
Gateway = Annotated[Principal, Depends(require("channel", "admin"))]
Anyone = Annotated[Principal, Depends(require(*ROLES))]
# a shopper (own data only) or staff
Reader = Annotated[Principal, Depends(require("shopper", *STAFF))]
