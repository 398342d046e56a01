"""Agents' decisions on suggestions as an evaluation dataset (`kefu export-feedback`).

One JSON object per decided suggestion: the shopper's message, its intent, the
suggestion as drafted, the decision and the text that was finally sent. Suggestions
the bot sent by itself are left out unless asked for: they carry no human judgement.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any, TextIO

from sqlmodel import Session, col, select

from app.models import Conversation, Message, Suggestion
from app.privacy import redact

log = logging.getLogger(__name__)

DECISIONS = ("accepted", "edited", "rejected")
BOT = "bot"


def feedback_records(*, session: Session, include_bot: bool = False) -> Iterator[dict[str, Any]]:
    """Decided suggestions, oldest decision first."""
    query = (
        select(Suggestion, Message, Conversation)
        .join(Message, col(Message.id) == col(Suggestion.message_id))
        .join(Conversation, col(Conversation.id) == col(Suggestion.conversation_id))
        .where(col(Suggestion.decision).in_(DECISIONS))
        .order_by(col(Suggestion.decided_at), col(Suggestion.id))
    )
    if not include_bot:
        query = query.where(col(Suggestion.decided_by) != BOT)
    for suggestion, message, conversation in session.exec(query):
        yield {
            "suggestion_id": suggestion.id,
            "conversation_id": suggestion.conversation_id,
            "channel": message.channel,
            "language": message.language or conversation.language,
            "message": message.text,
            "intent": message.intent,
            "suggestion": suggestion.text,
            "kind": suggestion.kind,
            "confidence": suggestion.confidence,
            "rank": suggestion.rank,
            "sources": suggestion.sources or [],
            "decision": suggestion.decision,
            "final_text": suggestion.final_text,
            "decided_by": suggestion.decided_by,
            "decided_at": suggestion.decided_at.isoformat() if suggestion.decided_at else None,
        }


REDACTED_FIELDS = ("message", "suggestion", "final_text")


def export_feedback(*, session: Session, out: TextIO, include_bot: bool = False,
                    redacted: bool = True) -> int:
    """Write the records as JSONL to ``out``; returns how many. Personal data in the texts
    (emails, phones, card numbers, addresses) is redacted unless ``redacted`` is False."""
    count = 0
    for record in feedback_records(session=session, include_bot=include_bot):
        if redacted:
            record.update({k: redact(record[k]) for k in REDACTED_FIELDS if record[k]})
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    log.info("exported %d feedback records", count)
    return count
