"""Who a channel's sender is in the store.

A sender is linked to a customer when the channel vouches for an email address or
phone number that a customer has, when an agent binds them, or when the shopper opens
a signed link on the store's site while signed in there. Anyone else becomes a guest
customer (``Customer.guest``): a guest has no orders, so the pipeline can answer policy
questions and never shows order data, and is asked to link their account first.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import re
import time
from dataclasses import dataclass

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.channels.base import Sender
from app.errors import ForbiddenError, InputError, NotFoundError
from app.models import ChannelIdentity, Conversation, Customer
from app.models._common import utcnow
from app.runtime import Runtime
from app.settings import Settings

log = logging.getLogger(__name__)

LINK_TTL_S = 24 * 3600
MIN_PHONE_DIGITS = 7


@dataclass(frozen=True)
class Identity:
    customer_id: str
    verified: bool
    guest: bool


def guest_id(channel: str, external_user: str) -> str:
    """Stable per sender, so a guest keeps their conversations between messages."""
    digest = hashlib.sha256(f"{channel}\x00{external_user}".encode()).hexdigest()
    return f"guest-{channel[:12]}-{digest[:20]}"


def resolve(rt: Runtime, channel: str, sender: Sender) -> Identity:
    """The customer behind ``sender`` (a guest when nothing links them), creating the
    identity on first contact. Two first messages at once: the loser reads the winner's."""
    for attempt in (1, 2):
        try:
            with rt.session(write=True) as session:
                return _resolve(session, channel, sender)
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _resolve(session: Session, channel: str, sender: Sender) -> Identity:
    row = session.exec(select(ChannelIdentity).where(
        ChannelIdentity.channel == channel,
        ChannelIdentity.external_user == sender.external_user)).first()
    if row is not None and row.verified:
        return _identity(session, row)
    match = match_customer(session, email=sender.email, phone=sender.phone)
    if match is not None:
        customer, how = match
        row = _link(session, row, channel, sender.external_user, customer.id, how)
        return _identity(session, row)
    if row is None:
        guest = _guest(session, channel, sender)
        row = ChannelIdentity(channel=channel, external_user=sender.external_user,
                              customer_id=guest.id, verified=False)
        session.add(row)
        session.flush()
        log.info("channel %s: new guest %s", channel, guest.id)
    return _identity(session, row)


def _identity(session: Session, row: ChannelIdentity) -> Identity:
    customer = session.get(Customer, row.customer_id)
    return Identity(customer_id=row.customer_id, verified=row.verified,
                    guest=bool(customer is not None and customer.guest))


def _guest(session: Session, channel: str, sender: Sender) -> Customer:
    cid = guest_id(channel, sender.external_user)
    found = session.get(Customer, cid)
    if found is not None:
        return found
    name = (sender.name or "").strip()[:200] or f"Guest ({channel})"
    guest = Customer(id=cid, name=name, guest=True)
    session.add(guest)
    session.flush()
    return guest


def _digits(phone: str | None) -> str:
    return re.sub(r"\D", "", phone or "")


def match_customer(session: Session, *, email: str | None,
                   phone: str | None) -> tuple[Customer, str] | None:
    """A real (non-guest) customer with this email address or phone number."""
    if email and "@" in email:
        found = session.exec(select(Customer).where(
            func.lower(Customer.email) == email.strip().lower(),
            col(Customer.guest).is_(False))).first()
        if found is not None:
            return found, "email"
    digits = _digits(phone)
    if len(digits) >= MIN_PHONE_DIGITS:
        # stored numbers come in any format ("+86 138-0013-8000"): narrow by the last
        # four digits in SQL, compare the digits here; a missing country code still matches
        rows = session.exec(select(Customer).where(
            col(Customer.phone).like(f"%{digits[-4:]}"), col(Customer.guest).is_(False)))
        for customer in rows:
            stored = _digits(customer.phone)
            short, long = sorted((stored, digits), key=len)
            if len(short) >= MIN_PHONE_DIGITS and long.endswith(short):
                return customer, "phone"
    return None


def _link(session: Session, row: ChannelIdentity | None, channel: str, external_user: str,
          customer_id: str, how: str) -> ChannelIdentity:
    """Point the sender at ``customer_id``; a guest's conversations move along, so the
    thread goes on with the real account."""
    if row is None:
        row = ChannelIdentity(channel=channel, external_user=external_user,
                              customer_id=customer_id)
    previous = row.customer_id
    row.customer_id, row.verified, row.linked_by = customer_id, True, how[:64]
    row.updated_at = utcnow()
    session.add(row)
    session.flush()
    old = session.get(Customer, previous) if previous != customer_id else None
    if old is not None and old.guest:
        session.execute(update(Conversation).where(col(Conversation.customer_id) == previous)
                        .values(customer_id=customer_id))
    log.info("channel %s: sender linked to %s (%s)", channel, customer_id, how)
    return row


def bind(rt: Runtime, *, channel: str, external_user: str, customer_id: str,
         by: str) -> ChannelIdentity:
    """An agent's (or a signed link's) word that this sender is this customer."""
    with rt.session(write=True) as session:
        customer = session.get(Customer, customer_id)
        if customer is None or customer.guest:
            raise NotFoundError(f"unknown customer {customer_id!r}")
        row = session.exec(select(ChannelIdentity).where(
            ChannelIdentity.channel == channel,
            ChannelIdentity.external_user == external_user)).first()
        return _link(session, row, channel, external_user, customer_id, by)


# --- signed links -------------------------------------------------------------------------
def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(secret: str, payload: str) -> str:
    return _b64(hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest())


def link_token(settings: Settings, *, channel: str, external_user: str,
               ttl_s: int = LINK_TTL_S, now: float | None = None) -> str | None:
    """A token naming this sender, for the store's "link this chat" page; None when
    KEFU_CHANNEL_LINK_SECRET is not set."""
    if not settings.channel_link_secret:
        return None
    expires = int((now or time.time()) + ttl_s)
    payload = _b64(json.dumps({"c": channel, "u": external_user, "e": expires},
                              separators=(",", ":")).encode())
    return f"{payload}.{_sign(settings.channel_link_secret, payload)}"


def link_url(settings: Settings, *, channel: str, external_user: str) -> str | None:
    token = link_token(settings, channel=channel, external_user=external_user)
    if token is None or not settings.channel_link_url:
        return None
    return settings.channel_link_url.replace("{token}", token)


def redeem(rt: Runtime, *, token: str, customer_id: str) -> ChannelIdentity:
    """Link the sender a token names to ``customer_id`` (the store has signed the
    shopper in). A forged, altered or expired token is refused."""
    secret = rt.settings.channel_link_secret
    if not secret:  # then no token is valid: refused as one would be
        raise ForbiddenError("account links are off (set KEFU_CHANNEL_LINK_SECRET)")
    payload, _, signature = token.partition(".")
    if not payload or not hmac.compare_digest(signature, _sign(secret, payload)):
        raise ForbiddenError("invalid link token")
    try:
        data = json.loads(_unb64(payload))
        channel, user, expires = str(data["c"]), str(data["u"]), int(data["e"])
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError("malformed link token") from exc
    if expires < time.time():
        raise ForbiddenError("link token expired")
    return bind(rt, channel=channel, external_user=user, customer_id=customer_id, by="link")


def sender_of(session: Session, channel: str, customer_id: str) -> str | None:
    """The channel user behind a customer (the newest link), for a guest's link."""
    row = session.exec(select(ChannelIdentity).where(
        ChannelIdentity.channel == channel, ChannelIdentity.customer_id == customer_id)
        .order_by(col(ChannelIdentity.updated_at).desc())).first()
    return row.external_user if row is not None else None
