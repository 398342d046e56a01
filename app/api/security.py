"""Security headers on every response (pure ASGI, so streams pass through untouched).

* ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: same-origin`` everywhere;
* a Content-Security-Policy: API answers (JSON, event streams) may load nothing
  (``default-src 'none'``); the HTML pages load only their own scripts, styles,
  images and API calls; the OpenAPI docs pages also their CDN's Swagger/ReDoc files;
* framing: nobody may frame a response (``frame-ancestors 'none'`` and
  ``X-Frame-Options: DENY``) unless a page is registered as embeddable.

Embedding hook: a page that may be framed by other sites (the shopper chat on a
store's own pages) registers a function of the settings that returns its CSP
``frame-ancestors`` sources, or None to keep it unframeable::

    security.EMBEDDABLE["/chat"] = lambda settings: settings.chat_frame_ancestors

A header the route set itself is kept as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.settings import Settings

NO_FRAMES = "'none'"
API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
# inline style attributes stay allowed (the pages set a few); scripts never inline
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            "base-uri 'self'; form-action 'self'; frame-ancestors {ancestors}")
_CDN = "https://cdn.jsdelivr.net"
DOCS_CSP = (f"default-src 'self'; script-src 'self' 'unsafe-inline' {_CDN}; "
            f"style-src 'self' 'unsafe-inline' {_CDN}; img-src 'self' data: {_CDN} "
            "https://fastapi.tiangolo.com; connect-src 'self'; worker-src 'self' blob:; "
            "object-src 'none'; base-uri 'self'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")
# same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on the pages'
# own POSTs, which the session-cookie check (app.sessions) rightly refuses
COMMON = {"x-content-type-options": "nosniff", "referrer-policy": "same-origin"}

# path -> the frame-ancestors sources of an embeddable page (None: not embeddable)
EMBEDDABLE: dict[str, Callable[[Settings], str | None]] = {}


def frame_ancestors(path: str, settings: Settings) -> str:
    """The CSP ``frame-ancestors`` sources of the page at ``path``."""
    allowed = EMBEDDABLE.get(path.rstrip("/") or "/")
    sources = allowed(settings) if allowed is not None else None
    return sources.strip() if sources and sources.strip() else NO_FRAMES


def headers_for(path: str, content_type: str, settings: Settings) -> dict[str, str]:
    """The security headers of one response."""
    headers = dict(COMMON)
    if path.startswith(DOCS_PATHS):
        headers["content-security-policy"] = DOCS_CSP
        ancestors = NO_FRAMES
    elif content_type.startswith("text/html"):
        ancestors = frame_ancestors(path, settings)
        headers["content-security-policy"] = PAGE_CSP.format(ancestors=ancestors)
    else:
        headers["content-security-policy"] = API_CSP
        ancestors = NO_FRAMES
    if ancestors == NO_FRAMES:
        headers["x-frame-options"] = "DENY"
    return headers


class SecurityHeadersMiddleware:
    """Adds :func:`headers_for` to every HTTP response."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                present = {name.lower() for name, _ in raw}
                content_type = next((v.decode("latin-1").lower() for n, v in raw
                                     if n.lower() == b"content-type"), "")
                for name, value in headers_for(path, content_type, self.settings).items():
                    if name.encode() not in present:
                        raw.append((name.encode(), value.encode()))
                message = {**message, "headers": raw}
            await send(message)

        await self.app(scope, receive, send_wrapper)
