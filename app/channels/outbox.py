"""The delivery queue (the ``delivery`` table): every message for a shopper on a channel
is written here in the same transaction as the message itself, so a crash or a channel
that is down loses nothing, and a message is queued exactly once.

A row is claimed by bumping ``attempts`` where it still has the value the claimer read
(two workers, or a worker and a passive WeChat reply, never both send it); a claim
also pushes ``next_attempt_at`` out by a lease, so a worker that died mid-send is
retried later. Failures back off exponentially; a row that keeps failing, or that the
platform refuses for good, is kept as ``dead`` for `kefu deliveries --retry`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import event, func, update
from sqlmodel import Session, col, select

from app.channels.base import DeliveryKind
from app.models import Conversation, Delivery
from app.models._common import as_utc, utcnow
from app.runtime import Runtime
from app.telemetry import record_delivery

log = logging.getLogger(__name__)

PENDING, SENT, DEAD = "pending", "sent", "dead"
STATUSES = (PENDING, SENT, DEAD)
LEASE_S = 120.0
MAX_BACKOFF_S = 3600.0
SCAN_LIMIT = 500
ERROR_CHARS = 500

# workers to wake once a transaction that queued something has committed
_listeners: set[Callable[[], None]] = set()


def subscribe(callback: Callable[[], None]) -> None:
    _listeners.add(callback)


def unsubscribe(callback: Callable[[], None]) -> None:
    _listeners.discard(callback)


def _committed(session: Session) -> None:
    session.info.pop("kefu_queued", None)
    for callback in list(_listeners):
        callback()


def _wake_after_commit(session: Session) -> None:
    if not session.info.get("kefu_queued"):
        session.info["kefu_queued"] = True
        event.listen(session, "after_commit", _committed, once=True)


def enqueue(session: Session, *, conv: Conversation, kind: DeliveryKind, text: str,
            role: str, language: str | None, message_id: int | None = None,
            reply_to: int | None = None, address: dict[str, Any] | None = None,
            hold_s: float = 0.0) -> Delivery | None:
    """Queue ``text`` for the conversation's channel. ``address`` is where it goes (by
    default the conversation's last one); ``reply_to`` the shopper message it answers;
    ``hold_s`` keeps the worker off it while a callback may still answer synchronously."""
    address = address or last_address(session, conv.id)
    if not address:
        log.warning("conversation %s on %s has no delivery address; %s not queued",
                    conv.id, conv.channel, kind)
        return None
    row = Delivery(channel=conv.channel, conversation_id=conv.id, message_id=message_id,
                   kind=str(kind), next_attempt_at=utcnow() + timedelta(seconds=hold_s),
                   payload={"text": text, "role": role, "language": language,
                            "address": address, "reply_to": reply_to})
    session.add(row)
    session.flush()
    _wake_after_commit(session)
    record_delivery(conv.channel, "queued")
    return row


def last_address(session: Session, conversation_id: str) -> dict[str, Any] | None:
    rows = session.exec(select(Delivery.payload).where(
        Delivery.conversation_id == conversation_id)
        .order_by(col(Delivery.id).desc()).limit(20)).all()
    for payload in rows:
        if payload and payload.get("address"):
            return dict(payload["address"])
    return None


# --- passive replies (a callback that answers with the reply itself) ---------------------
def _held(session: Session, conversation_id: str, reply_to: int) -> list[Delivery]:
    rows = session.exec(select(Delivery).where(
        Delivery.conversation_id == conversation_id, col(Delivery.kind) != DeliveryKind.note)
        .order_by(col(Delivery.id))).all()
    return [r for r in rows if (r.payload or {}).get("reply_to") == reply_to]


def claim_passive(rt: Runtime, *, conversation_id: str, reply_to: int) -> str | None:
    """The text to answer the callback with: the turn's delivery if no worker has
    touched it yet (it is then sent), or the one already sent this way (the platform
    repeats a callback whose answer it never got). None: the queue sends it."""
    with rt.session(write=True) as session:
        for row in _held(session, conversation_id, reply_to):
            payload = dict(row.payload or {})
            if row.status == SENT and payload.get("passive"):
                return str(payload.get("text") or "")
            if row.status != PENDING or row.attempts != 0:
                continue
            payload["passive"] = True
            done = session.execute(update(Delivery).where(
                col(Delivery.id) == row.id, col(Delivery.status) == PENDING,
                col(Delivery.attempts) == 0).values(status=SENT, sent_at=utcnow(),
                                                    payload=payload))
            if done.rowcount == 1:  # type: ignore[attr-defined]
                record_delivery(row.channel, "passive")
                return str(payload.get("text") or "")
    return None


def release(rt: Runtime, *, conversation_id: str, reply_to: int) -> None:
    """The callback gave up waiting: send the turn's reply as soon as it is ready."""
    with rt.session(write=True) as session:
        for row in _held(session, conversation_id, reply_to):
            if row.status == PENDING and row.attempts == 0:
                row.next_attempt_at = utcnow()
                session.add(row)


# --- the worker's side ---------------------------------------------------------------------
@dataclass(frozen=True)
class Claimed:
    id: int
    channel: str
    conversation_id: str
    kind: str
    payload: dict[str, Any]
    attempts: int  # including this one


def due(session: Session, *, limit: int = 50) -> list[Delivery]:
    """Deliveries to try now, oldest first, and never one that would overtake an
    earlier message of its conversation still waiting (held, or backing off)."""
    now = utcnow()
    rows = session.exec(select(Delivery).where(Delivery.status == PENDING)
                        .order_by(col(Delivery.id)).limit(SCAN_LIMIT)).all()
    blocked: set[str] = set()
    found: list[Delivery] = []
    for row in rows:
        if row.conversation_id in blocked:
            continue
        blocked.add(row.conversation_id)  # one at a time per conversation, in order
        when = as_utc(row.next_attempt_at)
        if when is not None and when <= now:
            found.append(row)
            if len(found) >= limit:
                break
    return found


def claim(rt: Runtime, row: Delivery) -> Claimed | None:
    with rt.session(write=True) as session:
        done = session.execute(update(Delivery).where(
            col(Delivery.id) == row.id, col(Delivery.status) == PENDING,
            col(Delivery.attempts) == row.attempts).values(
            attempts=row.attempts + 1,
            next_attempt_at=utcnow() + timedelta(seconds=LEASE_S)))
        if done.rowcount != 1:  # type: ignore[attr-defined]
            return None
    assert row.id is not None
    return Claimed(id=row.id, channel=row.channel, conversation_id=row.conversation_id,
                   kind=row.kind, payload=dict(row.payload or {}), attempts=row.attempts + 1)


def backoff_s(base_s: float, attempts: int) -> float:
    return float(min(MAX_BACKOFF_S, base_s * 2 ** max(0, attempts - 1)))


def finish(rt: Runtime, claimed: Claimed, *, error: str | None = None,
           permanent: bool = False) -> str:
    """Record the attempt's outcome; returns the new status."""
    settings = rt.settings
    if error is None:
        status = SENT
    elif permanent or claimed.attempts >= settings.delivery_max_attempts:
        status = DEAD
    else:
        status = PENDING
    values: dict[str, Any] = {"status": status,
                              "last_error": error[:ERROR_CHARS] if error else None}
    if status == SENT:
        values["sent_at"] = utcnow()
    elif status == PENDING:
        delay = backoff_s(settings.delivery_backoff_s, claimed.attempts)
        values["next_attempt_at"] = utcnow() + timedelta(seconds=delay)
    with rt.session(write=True) as session:
        session.execute(update(Delivery).where(
            col(Delivery.id) == claimed.id, col(Delivery.attempts) == claimed.attempts)
            .values(**values))
    record_delivery(claimed.channel, {SENT: "sent", DEAD: "dead"}.get(status, "retry"))
    if status != SENT:
        log.warning("delivery %s (%s, %s) attempt %s failed: %s -> %s", claimed.id,
                    claimed.channel, claimed.kind, claimed.attempts, error, status)
    return status


# --- operators ---------------------------------------------------------------------------
def listing(session: Session, *, status: str | None = None, channel: str | None = None,
            limit: int = 50) -> list[Delivery]:
    query = select(Delivery).order_by(col(Delivery.id).desc()).limit(limit)
    if status:
        query = query.where(Delivery.status == status)
    if channel:
        query = query.where(Delivery.channel == channel)
    return list(session.exec(query).all())


def counts(session: Session) -> dict[str, int]:
    rows = session.exec(select(Delivery.status, func.count()).group_by(Delivery.status)).all()
    return {status: int(n) for status, n in rows}


def retry(rt: Runtime, ids: list[int] | None = None) -> int:
    """Put dead deliveries (these, or all) back in the queue with a fresh count."""
    with rt.session(write=True) as session:
        query = update(Delivery).where(col(Delivery.status) == DEAD)
        if ids is not None:
            query = query.where(col(Delivery.id).in_(ids))
        done = session.execute(query.values(status=PENDING, attempts=0,
                                            next_attempt_at=utcnow()))
        return int(done.rowcount)  # type: ignore[attr-defined]
