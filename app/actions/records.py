"""The ``action`` rows and the ``action_audit`` trail: keys, look-ups, transitions, audit."""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.actions.types import ActionOutcome, Actor
from app.domain import PENDING_STATUSES, ROW_REJECTED, ActionStatus
from app.models._common import as_utc
from app.models.actions import ActionAudit, ActionRecord

log = logging.getLogger(__name__)

PENDING = PENDING_STATUSES
REJECTED = ROW_REJECTED
# An identical proposal this soon after execution is a duplicate delivery (a retried
# request, a double click) and replays; later it is a new request and acts again.
EXECUTED_REPLAY_WINDOW = timedelta(hours=1)
_KEY_VERSION = "v1"


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def json_safe(value: Any) -> Any:
    """Raw caller input made storable: anything JSON cannot hold becomes its repr."""
    return json.loads(json.dumps(value, default=repr, ensure_ascii=False))


def idempotency_key(*, scope: str, name: str, params: dict[str, Any]) -> str:
    """Same scope (conversation or customer), action and canonical params -> same key."""
    digest = hashlib.sha256(canonical_json([scope, name, params]).encode("utf-8"))
    return f"{_KEY_VERSION}:{digest.hexdigest()}"


def one_off_key() -> str:
    """Read-only actions are not deduplicated: facts may change between two look-ups."""
    return f"once:{uuid.uuid4().hex}"


def find_by_key(session: Session, key: str) -> ActionRecord | None:
    return session.exec(select(ActionRecord).where(ActionRecord.idempotency_key == key)).first()


# how far back the log is read for what was done to one order: a customer's own actions
DONE_LOOKBACK = 50


def last_done(session: Session, customer_id: str, name: str, order_id: str,
              ) -> dict[str, Any] | None:
    """The result of the customer's last executed ``name`` on ``order_id``, with ``at``."""
    rows = session.exec(
        select(ActionRecord).where(ActionRecord.customer_id == customer_id,
                                   ActionRecord.name == name,
                                   ActionRecord.status == ActionStatus.executed)
        .order_by(ActionRecord.id.desc()).limit(DONE_LOOKBACK)  # type: ignore[union-attr]
    ).all()
    row = next((r for r in rows if (r.params or {}).get("order_id") == order_id), None)
    if row is None:
        return None
    at = as_utc(row.updated_at)
    return {**(row.result or {}), "at": at.isoformat() if at else None}


def load_for_update(session: Session, action_id: int) -> ActionRecord | None:
    # FOR UPDATE serialises two confirmations of one row on Postgres; SQLite's
    # BEGIN IMMEDIATE already does
    return session.exec(
        select(ActionRecord).where(ActionRecord.id == action_id).with_for_update()
    ).first()


def replayable(row: ActionRecord, now: datetime) -> bool:
    if row.status in PENDING:
        return True
    return row.status == "executed" and now - row.updated_at <= EXECUTED_REPLAY_WINDOW


def retire(session: Session, row: ActionRecord) -> None:
    """Free a finished row's key so an identical proposal can become a new action."""
    row.idempotency_key = f"{row.idempotency_key}#{row.id}"
    session.add(row)
    session.flush()


def insert(session: Session, row: ActionRecord) -> ActionRecord:
    """Insert, or return the row a concurrent proposal stored under the same key."""
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        existing = find_by_key(session, row.idempotency_key)
        if existing is None:
            raise
        return existing
    return row


def finish(
    session: Session, row: ActionRecord, status: str, result: dict[str, Any] | None,
    now: datetime,
) -> None:
    row.status = status
    row.result = result
    row.updated_at = now
    session.add(row)
    session.flush()
    log.info("action %s (%s) -> %s", row.id, row.name, status)


def audit(
    session: Session, *, action_id: int | None, name: str, event: str, actor: Actor,
    detail: dict[str, Any], now: datetime,
) -> None:
    session.add(ActionAudit(action_id=action_id, action_name=name[:64], event=event,
                            actor=actor.label[:64], detail=json_safe(detail), created_at=now))
    session.flush()


def outcome_of(row: ActionRecord) -> ActionOutcome:
    """A stored row as an outcome; a rejected row reads as ``blocked`` (see service)."""
    status = ActionStatus.blocked if row.status == REJECTED else ActionStatus(row.status)
    return ActionOutcome(name=row.name, params=row.params, status=status, result=row.result,
                         action_id=row.id)
