"""Shopper sessions: signed sign-in links issued by the store, and the session cookie.

The store (its backend, through ``POST /api/admin/shopper-links`` or
``kefu token link``) issues a sign-in link for one customer; opening it sets a
short-lived session cookie, and the chat then works without any pasted token.

Both are ``base64url(JSON payload) "." base64url(HMAC-SHA256)``, signed with a key
derived per purpose from a random secret kept in ``KEFU_HOME/session-secret``, so a
link is never accepted as a cookie or the other way round, and every worker sharing
the home accepts what any of them signed. Deleting that file (and restarting) signs
every shopper out and voids every link not yet used.

* a link carries the customer and its expiry (``KEFU_SHOPPER_LINK_TTL_S``); it may be
  opened again until it expires (a second browser of the same shopper);
* a session cookie carries the customer, when the session started and when it
  expires; every request re-issues it with a new expiry (sliding, at most once a
  minute), up to ``KEFU_SHOPPER_SESSION_MAX_S`` after it started.

A session is a shopper principal exactly like a shopper bearer token: it sees only
its customer's conversations, orders and actions (app.auth). Requests that change
something with cookie authentication must come from Kefu's own pages: their
``Origin`` is checked (:func:`origin_allowed`), on top of ``SameSite=Strict``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from sqlmodel import Session, col, select

from app.assist.conversations import open_conversation
from app.auth import Principal
from app.errors import AuthError, InputError, NotFoundError
from app.models import Conversation, Customer
from app.models._common import utcnow
from app.settings import Settings

SECRET_FILE = "session-secret"
COOKIE = "kefu_session"
START_PATH = "/chat/start"  # opens a link: sets the cookie, then shows /chat
LINK, SESSION = "link", "session"
MAX_TOKEN_CHARS = 2048
REFRESH_AFTER = timedelta(minutes=1)  # re-issue a cookie at most this often
SESSION_TOKEN_ID = 0  # sessions are no row of api_token


@dataclass(frozen=True)
class ShopperLink:
    customer_id: str
    token: str
    url: str
    expires_at: datetime


@dataclass(frozen=True)
class ShopperSession:
    customer_id: str
    started: datetime
    expires: datetime

    @property
    def principal(self) -> Principal:
        return Principal(token_id=SESSION_TOKEN_ID, name="shopper-session", role="shopper",
                         customer_id=self.customer_id)


# --- the secret and the keys ----------------------------------------------------------

_keys_lock = threading.Lock()
_keys: dict[tuple[str, int], bytes] = {}


def _secret(home: Path) -> bytes:
    """The home's secret, created on first use (0600; written aside and linked into
    place, so another worker never reads a half-written file)."""
    path = home / SECRET_FILE
    if not path.exists():
        spare = home / f".{SECRET_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(spare, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_hex(32))
        try:
            os.link(spare, path)
        except FileExistsError:
            pass  # another worker made it first: use theirs
        finally:
            spare.unlink()
    key = (str(path.resolve()), path.stat().st_mtime_ns)
    with _keys_lock:
        if key not in _keys:
            _keys[key] = path.read_text(encoding="ascii").strip().encode("ascii")
        return _keys[key]


def _key(settings: Settings, purpose: str) -> bytes:
    return hmac.new(_secret(settings.home), f"kefu-{purpose}".encode(), hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(settings: Settings, purpose: str, payload: dict[str, Any]) -> str:
    body = _b64(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode())
    mac = hmac.new(_key(settings, purpose), body.encode("ascii"), hashlib.sha256).digest()
    return f"{body}.{_b64(mac)}"


def unsign(settings: Settings, purpose: str, token: str) -> dict[str, Any]:
    """The payload of a token this home signed for ``purpose``; AuthError otherwise
    (the message never says which part was wrong)."""
    body, _, mac = token.partition(".")
    if not body or not mac or len(token) > MAX_TOKEN_CHARS:
        raise AuthError(f"invalid {purpose}")
    expected = hmac.new(_key(settings, purpose), body.encode("ascii", "replace"),
                        hashlib.sha256).digest()
    try:
        valid = hmac.compare_digest(_unb64(mac), expected)
        payload = json.loads(_unb64(body)) if valid else None
    except (binascii.Error, ValueError):
        valid, payload = False, None
    if not valid or not isinstance(payload, dict) or payload.get("p") != purpose:
        raise AuthError(f"invalid {purpose}")
    return payload


def _at(value: Any) -> datetime:
    if not isinstance(value, int):
        raise AuthError("invalid token time")
    return datetime.fromtimestamp(value, UTC)


# --- links -------------------------------------------------------------------------------


def issue_link(session: Session, settings: Settings, *, customer_id: str,
               ttl_s: int | None = None, base_url: str | None = None,
               now: datetime | None = None) -> ShopperLink:
    """A sign-in link for ``customer_id`` (who must exist), valid ``ttl_s`` seconds."""
    if session.get(Customer, customer_id) is None:
        raise NotFoundError(f"unknown customer {customer_id!r}")
    ttl = settings.shopper_link_ttl_s if ttl_s is None else ttl_s
    if not 1 <= ttl <= settings.shopper_session_max_s:
        raise InputError(f"link lifetime: 1 to {settings.shopper_session_max_s} seconds")
    expires = (now or utcnow()) + timedelta(seconds=ttl)
    token = sign(settings, LINK, {"p": LINK, "c": customer_id,
                                  "e": int(expires.timestamp()), "n": secrets.token_hex(4)})
    base = (base_url or settings.public_url or f"http://{settings.host}:{settings.port}")
    url = f"{base.rstrip('/')}{START_PATH}?{urlencode({'t': token})}"
    return ShopperLink(customer_id=customer_id, token=token, url=url, expires_at=expires)


def redeem_link(session: Session, settings: Settings, token: str, *,
                now: datetime | None = None) -> ShopperSession:
    """The session a valid, unexpired link opens (its customer must still exist)."""
    payload = unsign(settings, LINK, token)
    at = now or utcnow()
    customer_id = payload.get("c")
    if _at(payload.get("e")) <= at:
        raise AuthError("sign-in link expired")
    if not isinstance(customer_id, str) or session.get(Customer, customer_id) is None:
        raise AuthError("invalid link")
    return new_session(settings, customer_id, now=at)


# --- session cookies ---------------------------------------------------------------------


def new_session(settings: Settings, customer_id: str, *,
                now: datetime | None = None) -> ShopperSession:
    at = (now or utcnow()).replace(microsecond=0)
    return ShopperSession(customer_id=customer_id, started=at, expires=_expiry(settings, at, at))


def _expiry(settings: Settings, started: datetime, now: datetime) -> datetime:
    return min(now + timedelta(seconds=settings.shopper_session_ttl_s),
               started + timedelta(seconds=settings.shopper_session_max_s))


def cookie_value(settings: Settings, shopper: ShopperSession) -> str:
    return sign(settings, SESSION, {"p": SESSION, "c": shopper.customer_id,
                                    "s": int(shopper.started.timestamp()),
                                    "e": int(shopper.expires.timestamp())})


def read_cookie(settings: Settings, value: str, *,
                now: datetime | None = None) -> ShopperSession:
    """The live session a cookie carries; AuthError when forged or expired."""
    payload = unsign(settings, SESSION, value)
    started, expires = _at(payload.get("s")), _at(payload.get("e"))
    customer_id = payload.get("c")
    if not isinstance(customer_id, str) or expires <= (now or utcnow()):
        raise AuthError("session expired: open the chat again from the store")
    return ShopperSession(customer_id=customer_id, started=started, expires=expires)


def refreshed(settings: Settings, shopper: ShopperSession, *,
              now: datetime | None = None) -> ShopperSession | None:
    """The session with its expiry slid forward, or None when it is too soon to bother
    (or the session has reached its maximum age)."""
    at = (now or utcnow()).replace(microsecond=0)
    expires = _expiry(settings, shopper.started, at)
    if expires - shopper.expires < REFRESH_AFTER:
        return None
    return ShopperSession(customer_id=shopper.customer_id, started=shopper.started,
                          expires=expires)


def origin_allowed(origin: str | None, own: str, settings: Settings) -> bool:
    """Whether a state-changing request with cookie authentication comes from Kefu's own
    pages: its ``Origin`` is this server's (``own``, as the request reached it) or
    ``KEFU_PUBLIC_URL``'s (set it behind a proxy). No Origin, or ``null``, is refused:
    browsers send one with every such request."""
    if not origin or origin == "null":
        return False
    allowed = {_origin_of(own)}
    if settings.public_url:
        allowed.add(_origin_of(settings.public_url))
    return _origin_of(origin) in allowed


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    default = {"http": ":80", "https": ":443"}.get(parts.scheme, "")
    netloc = parts.netloc.lower().removesuffix(default)
    return f"{parts.scheme.lower()}://{netloc}" if parts.scheme and netloc else "-"


# --- the conversation a session resumes --------------------------------------------------


def current_conversation(session: Session, *, customer_id: str,
                         channel: str = "web") -> tuple[Conversation, bool]:
    """The shopper's current chat conversation (the one last active on ``channel``),
    or a new one; True when it was created. One conversation per shopper, whichever
    browser they use, until they start a new one."""
    found = session.exec(select(Conversation).where(
        Conversation.customer_id == customer_id, Conversation.channel == channel,
        col(Conversation.label).is_(None))
        .order_by(col(Conversation.updated_at).desc(), col(Conversation.created_at).desc())
    ).first()
    if found is not None:
        return found, False
    return open_conversation(session=session, customer_id=customer_id, channel=channel), True
