"""Shopper sessions over HTTP: the store's sign-in links, the session cookie they set,
and the chat's current conversation (see app.sessions).

* ``POST /api/admin/shopper-links`` (admin): a signed sign-in link for one customer;
* ``GET /chat/start?t=...``: opens a link, sets the cookie and shows ``/chat``; a
  forged or expired link signs nobody in and shows ``/chat?signin=failed``;
* ``DELETE /api/session``: signs the shopper out;
* ``POST /api/conversations/current`` (shopper): the conversation the chat shows, the
  same in every browser, created when there is none.

The chat page, and the link that opens it, may be framed by the origins in
``KEFU_CHAT_FRAME_ANCESTORS`` (and Kefu's own); every other page by none.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app import sessions
from app.api import access, security
from app.api.deps import Admin, RuntimeDep, Shopper, set_session_cookie
from app.api.schemas import ConversationOut, ShopperLinkIn, ShopperLinkOut
from app.errors import AuthError
from app.settings import Settings

log = logging.getLogger(__name__)

router = APIRouter(tags=["shopper sessions"])

CHAT_PAGE = "/chat"
LANGUAGES = ("en", "zh")
NO_STORE = {"Cache-Control": "no-store"}


def chat_frame_ancestors(settings: Settings) -> str:
    """CSP ``frame-ancestors`` of the chat: Kefu itself and the configured origins."""
    return " ".join(["'self'", *settings.chat_frame_ancestors])


for _path in (CHAT_PAGE, sessions.START_PATH):
    security.EMBEDDABLE[_path] = chat_frame_ancestors


@router.post("/api/admin/shopper-links", response_model=ShopperLinkOut, status_code=201,
             tags=["admin"], responses={
                 400: {"description": "a lifetime beyond KEFU_SHOPPER_SESSION_MAX_S"},
                 404: {"description": "unknown customer"}})
def new_link(rt: RuntimeDep, body: ShopperLinkIn, principal: Admin,
             request: Request) -> ShopperLinkOut:
    """A sign-in link for one customer, for the store to put on its pages (an iframe's
    ``src`` or a "chat with us" link). Anyone holding it can open that customer's chat
    until it expires, so issue one per page view and keep its lifetime short."""
    base = body.base_url or rt.settings.public_url or str(request.base_url)
    with rt.session() as session:
        link = sessions.issue_link(session, rt.settings, customer_id=body.customer_id,
                                   ttl_s=body.ttl_s, base_url=base)
    log.info("sign-in link for %s issued by %s", body.customer_id, principal.label)
    return ShopperLinkOut(customer_id=link.customer_id, url=link.url, token=link.token,
                          expires_at=link.expires_at)


def _see_other(target: str) -> Response:
    # an (empty) HTML answer, so that it carries the chat's framing policy: a store's
    # iframe opens the link
    return Response(status_code=303, headers={"Location": target, **NO_STORE},
                    media_type="text/html")


@router.get(sessions.START_PATH, include_in_schema=False)
def open_link(rt: RuntimeDep, request: Request,
              t: Annotated[str, Query(max_length=sessions.MAX_TOKEN_CHARS)] = "",
              lang: str | None = None) -> Response:
    """Sign in with a link, then show the chat (the token leaves the address bar)."""
    try:
        with rt.session() as session:
            shopper = sessions.redeem_link(session, rt.settings, t)
    except AuthError as exc:
        log.info("sign-in link refused: %s", exc)
        refused = _see_other(f"{CHAT_PAGE}?signin=failed")
        # whoever was signed in here, a refused link signs nobody in
        refused.delete_cookie(sessions.COOKIE, path="/", httponly=True, samesite="strict")
        return refused
    target = f"{CHAT_PAGE}?lang={lang}" if lang in LANGUAGES else CHAT_PAGE
    response = _see_other(target)
    set_session_cookie(rt, request, response, shopper)
    return response


@router.delete("/api/session", status_code=204, tags=["conversations"])
def sign_out(principal: Shopper) -> Response:
    """End the shopper's session (the cookie is cleared; bearer tokens are unaffected)."""
    response = Response(status_code=204)
    response.delete_cookie(sessions.COOKIE, path="/", httponly=True, samesite="strict")
    return response


@router.post("/api/conversations/current", response_model=ConversationOut,
             tags=["conversations"])
def current(rt: RuntimeDep, principal: Shopper) -> ConversationOut:
    """The shopper's current chat conversation with its history, the same in every
    browser; a new one when there is none (``POST /api/conversations`` starts another,
    which then becomes the current one)."""
    assert principal.customer_id is not None
    with rt.session(write=True) as session:
        conv, _ = sessions.current_conversation(session, customer_id=principal.customer_id)
        return access.conversation_out(session, conv)
