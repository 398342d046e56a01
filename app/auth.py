"""Bearer tokens and roles.

Roles:

* ``shopper`` - bound to one customer; sees and touches only that customer's
  conversations, orders and actions;
* ``agent`` - works the queue in the console: suggestions, tickets, approvals;
* ``analyst`` - reads analytics;
* ``admin`` - everything staff can do, plus ingestion, store import and tokens;
* ``channel`` - a channel gateway: may only post to the inbound webhook.

Refusals are consistent: no or an unknown token is 401; a known token whose role
may not use a route is 403; a shopper asking for another customer's conversation,
order or action gets the same 404 as for an id that does not exist, so a refusal
never tells whether something exists.

Only a SHA-256 of each token is stored. Demo tokens are derived from a random secret
kept in ``KEFU_HOME/demo-token-secret``, so ``kefu init`` prints the same ones every
time for the same home, and a fresh home gets fresh ones.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal, get_args

from pydantic import BaseModel, ConfigDict
from sqlmodel import Session, col, select

from app.actions import Actor
from app.errors import AuthError, ConflictError, InputError, NotFoundError
from app.models import ApiToken, Customer
from app.models._common import as_utc, utcnow
from app.settings import Settings

if TYPE_CHECKING:
    from app.runtime import Runtime

log = logging.getLogger(__name__)

Role = Literal["shopper", "agent", "analyst", "admin", "channel"]
ROLES: tuple[Role, ...] = get_args(Role)
STAFF: tuple[Role, ...] = ("agent", "admin")
ANALYSTS: tuple[Role, ...] = ("analyst", "admin")
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@:-]{0,47}$")  # what Actor accepts
DEMO_SECRET_FILE = "demo-token-secret"
# last_used_at is a hint for admins, not an audit: refreshing it on every request
# would take SQLite's write lock for every read
_TOUCH_EVERY = timedelta(minutes=5)


class Principal(BaseModel):
    """Who is calling: the token's owner and role."""

    model_config = ConfigDict(frozen=True)

    token_id: int
    name: str
    role: Role
    customer_id: str | None = None

    @property
    def actor(self) -> Actor:
        """The action layer's view: shoppers act on their own account, staff as agents."""
        if self.role == "shopper" and self.customer_id:
            return Actor.shopper(self.customer_id)
        return Actor.agent(self.name)

    @property
    def label(self) -> str:
        return f"{self.role}:{self.customer_id or self.name}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _check_new(session: Session, *, role: str, name: str, customer_id: str | None) -> None:
    if role not in ROLES:
        raise InputError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if not NAME_PATTERN.match(name):
        raise InputError("token name: 1-48 letters, digits or _ . @ : - (starting with a "
                         "letter or digit)")
    if role == "shopper":
        if not customer_id:
            raise InputError("a shopper token needs a customer id")
        if session.get(Customer, customer_id) is None:
            raise NotFoundError(f"unknown customer {customer_id!r}")
    elif customer_id:
        raise InputError("only shopper tokens are bound to a customer")


def create_token(*, session: Session, role: str, name: str, customer_id: str | None = None,
                 ttl: timedelta | None = None) -> tuple[ApiToken, str]:
    """A new token, valid for ``ttl`` (None: until revoked); the plain token is returned
    once and never stored."""
    _check_new(session, role=role, name=name, customer_id=customer_id)
    if ttl is not None and ttl <= timedelta(0):
        raise InputError("a token's lifetime must be positive")
    token = f"kefu_{secrets.token_urlsafe(32)}"
    row = ApiToken(name=name, role=role, customer_id=customer_id, token_hash=hash_token(token),
                   expires_at=None if ttl is None else utcnow() + ttl)
    session.add(row)
    session.flush()
    log.info("token %s created: %s %s", row.id, role, customer_id or name)
    return row, token


def default_ttl(settings: Settings) -> timedelta | None:
    days = settings.token_ttl_days
    return None if days is None else timedelta(days=days)


def rotate_token(*, session: Session, token_id: int, ttl: timedelta | None,
                 grace: timedelta = timedelta(0)) -> tuple[ApiToken, str]:
    """A new token for the same holder and role; the old one stops working after
    ``grace`` (at once by default), time for its clients to switch."""
    old = session.get(ApiToken, token_id)
    if old is None:
        raise NotFoundError(f"no token with id {token_id}")
    if not is_usable(old):
        raise ConflictError(f"token {token_id} is revoked or expired: create a new one")
    row, plain = create_token(session=session, role=old.role, name=old.name,
                              customer_id=old.customer_id, ttl=ttl)
    if grace <= timedelta(0):
        old.revoked_at = utcnow()
    else:
        ends = utcnow() + grace
        current_end = as_utc(old.expires_at)
        old.expires_at = ends if current_end is None else min(current_end, ends)
    session.add(old)
    log.info("token %s rotated to %s", token_id, row.id)
    return row, plain


def is_usable(row: ApiToken, now: datetime | None = None) -> bool:
    """Neither revoked nor past its expiry."""
    expires = as_utc(row.expires_at)
    return row.revoked_at is None and (expires is None or expires > (now or utcnow()))


def list_tokens(*, session: Session) -> list[ApiToken]:
    return list(session.exec(select(ApiToken).order_by(col(ApiToken.id))))


def revoke_token(*, session: Session, token_id: int) -> ApiToken:
    row = session.get(ApiToken, token_id)
    if row is None:
        raise NotFoundError(f"no token with id {token_id}")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        session.add(row)
        log.info("token %s revoked", token_id)
    return row


def authenticate(rt: Runtime, *, token: str) -> Principal:
    """The principal for a bearer token; AuthError for an unknown or revoked one."""
    digest = hash_token(token)
    with rt.session() as session:
        row = session.exec(select(ApiToken).where(ApiToken.token_hash == digest)).first()
    if row is None or row.id is None or not is_usable(row):
        # one answer for unknown, revoked and expired tokens: nothing to learn by guessing
        raise AuthError("invalid, revoked or expired token")
    last = as_utc(row.last_used_at)
    if last is None or utcnow() - last > _TOUCH_EVERY:
        with rt.session(write=True) as session:
            fresh = session.get(ApiToken, row.id)
            if fresh is not None:
                fresh.last_used_at = utcnow()
    return Principal(token_id=row.id, name=row.name, role=row.role,
                     customer_id=row.customer_id)


# --- demo tokens ----------------------------------------------------------------------


@dataclass(frozen=True)
class DemoToken:
    role: str
    name: str
    customer_id: str | None
    token: str
    revoked: bool = False


STAFF_DEMO_SET: tuple[tuple[str, str], ...] = (
    ("admin", "demo-admin"),
    ("agent", "demo-agent"),
    ("analyst", "demo-analyst"),
    ("channel", "demo-channel"),
)
DEMO_SHOPPERS = 2  # the store's first customers get a shopper token to try the chat


def _demo_secret(settings: Settings) -> bytes:
    path = settings.home / DEMO_SECRET_FILE
    if not path.exists():
        path.write_text(secrets.token_hex(32), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip().encode("ascii")


def _demo_token(secret: bytes, role: str, name: str) -> str:
    mac = hmac.new(secret, f"{role}:{name}".encode(), hashlib.sha256).hexdigest()
    return f"kefu-demo-{role}-{mac[:24]}"


def _demo_set(session: Session) -> list[tuple[str, str, str | None]]:
    shoppers = session.exec(select(Customer.id).order_by(col(Customer.id))
                            .limit(DEMO_SHOPPERS)).all()
    return [*((role, name, None) for role, name in STAFF_DEMO_SET),
            *(("shopper", f"demo-shopper-{cid}"[:48], cid) for cid in shoppers
              if NAME_PATTERN.match(f"demo-shopper-{cid}"[:48]))]


def ensure_demo_tokens(rt: Runtime) -> list[DemoToken]:
    """Store the demo tokens (idempotent) and return them in plain text: one per staff
    role, and a shopper token for each of the store's first customers (none in an
    empty store). A demo token an admin revoked stays revoked."""
    secret = _demo_secret(rt.settings)
    out: list[DemoToken] = []
    with rt.session(write=True) as session:
        for role, name, customer_id in _demo_set(session):
            token = _demo_token(secret, role, name)
            digest = hash_token(token)
            row = session.exec(select(ApiToken).where(ApiToken.token_hash == digest)).first()
            if row is None:
                row = ApiToken(name=name, role=role, customer_id=customer_id,
                               token_hash=digest, demo=True)
                session.add(row)
            out.append(DemoToken(role, name, customer_id, token, row.revoked_at is not None))
    return out


def describe_demo_tokens(tokens: list[DemoToken]) -> str:
    """One block for `kefu init`: role, owner and token per line."""
    lines = ["demo tokens (print again with `kefu token demo`):"]
    for t in tokens:
        who = f"{t.role} {t.customer_id}" if t.customer_id else t.role
        lines.append(f"  {who:<14} {t.token}{'  (revoked)' if t.revoked else ''}")
    return "\n".join(lines)
