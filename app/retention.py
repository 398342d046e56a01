"""How long shoppers' words are kept: texts older than ``KEFU_MESSAGE_RETENTION_DAYS`` are
replaced, and whatever quotes them (suggestions, notes, audit details, outbound payloads,
replayable idempotent answers) goes with them.

Rows stay, so counts, analytics, decisions and the audit trail keep their shape; only the
words (and the personal data in them) go. Purging twice changes nothing the second time.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, cast, delete, update
from sqlalchemy.engine import CursorResult
from sqlmodel import Session, col, select

from app.models import Message, Suggestion
from app.models._common import utcnow
from app.models.actions import ActionAudit
from app.models.channels import Delivery
from app.models.team import IdempotentRequest, KnowledgeCandidate, Note
from app.privacy import redact_value

if TYPE_CHECKING:
    from app.runtime import Runtime

log = logging.getLogger(__name__)

REMOVED = "[removed]"
PURGE_EVERY_S = 3600.0
REDACTED_MARK = "_redacted"
_AUDIT_BATCH = 500


@dataclass
class PurgeReport:
    messages: int = 0
    suggestions: int = 0
    notes: int = 0
    audit_entries: int = 0
    deliveries: int = 0
    candidates: int = 0
    idempotent_answers: int = 0

    def total(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))

    def lines(self) -> list[str]:
        return [f"{f.name.replace('_', ' ')}: {getattr(self, f.name)}" for f in fields(self)]


def _rows(session: Session, statement: Any) -> int:
    """How many rows an UPDATE or DELETE touched."""
    result: CursorResult[Any] = session.execute(statement)  # type: ignore[assignment]
    return result.rowcount


def cutoff_for(days: int, now: datetime | None = None) -> datetime:
    return (now or utcnow()) - timedelta(days=days)


def _texts(session: Session, cutoff: datetime, report: PurgeReport) -> None:
    report.messages = _rows(session,
        update(Message).where(col(Message.created_at) < cutoff, col(Message.text) != REMOVED)
        .values(text=REMOVED))
    report.suggestions = _rows(session,
        update(Suggestion).where(col(Suggestion.created_at) < cutoff,
                                 col(Suggestion.text) != REMOVED)
        .values(text=REMOVED, final_text=None))
    report.notes = _rows(session,
        update(Note).where(col(Note.created_at) < cutoff, col(Note.text) != REMOVED)
        .values(text=REMOVED))
    # an approved candidate is knowledge now (its own document); a pending one still
    # quotes a shopper's question
    report.candidates = _rows(session,
        update(KnowledgeCandidate).where(col(KnowledgeCandidate.created_at) < cutoff,
                                         col(KnowledgeCandidate.status) != "approved",
                                         col(KnowledgeCandidate.question) != REMOVED)
        .values(question=REMOVED))


def _audit(session: Session, cutoff: datetime) -> int:
    """Audit entries keep who did what to which action; their details lose personal data."""
    count, last_id = 0, 0
    while True:
        rows = session.exec(
            select(ActionAudit).where(col(ActionAudit.created_at) < cutoff,
                                      col(ActionAudit.id) > last_id)
            .order_by(col(ActionAudit.id)).limit(_AUDIT_BATCH)).all()
        if not rows:
            return count
        for row in rows:
            last_id = row.id or last_id
            if (row.detail or {}).get(REDACTED_MARK):
                continue
            row.detail = {**redact_value(row.detail or {}), REDACTED_MARK: True}
            session.add(row)
            count += 1
        session.flush()


def _deliveries(session: Session, cutoff: datetime) -> int:
    """Finished deliveries (sent, or dead and kept for a person) lose the text they carried."""
    still_holds_text = cast(col(Delivery.payload), String) != "{}"
    return _rows(session,
        update(Delivery).where(col(Delivery.created_at) < cutoff, still_holds_text,
                               col(Delivery.status).in_(("sent", "dead")))
        .values(payload={}))


def purge(session: Session, *, older_than_days: int, now: datetime | None = None,
          dry_run: bool = False) -> PurgeReport:
    """Remove texts older than ``older_than_days``; the caller's session commits (or, with
    ``dry_run``, this rolls back and reports what would have changed)."""
    cutoff = cutoff_for(older_than_days, now)
    report = PurgeReport()
    _texts(session, cutoff, report)
    report.audit_entries = _audit(session, cutoff)
    report.deliveries = _deliveries(session, cutoff)
    report.idempotent_answers = _rows(session,
        delete(IdempotentRequest).where(col(IdempotentRequest.created_at) < cutoff))
    if dry_run:
        session.rollback()
    return report


def purge_once(rt: Runtime) -> PurgeReport | None:
    days = rt.settings.message_retention_days
    if days is None:
        return None
    with rt.session(write=True) as session:
        report = purge(session, older_than_days=days)
    if report.total():
        log.info("retention: %d rows older than %d days purged", report.total(), days)
    return report


async def keep_purging(rt: Runtime, every_s: float = PURGE_EVERY_S) -> None:
    """The service's own schedule (every worker may run it: purging is idempotent)."""
    while rt.settings.message_retention_days is not None:
        try:
            await asyncio.to_thread(purge_once, rt)
        except Exception:  # a failed round must not stop the next
            log.exception("retention purge failed; trying again in %.0f s", every_s)
        await asyncio.sleep(every_s)
