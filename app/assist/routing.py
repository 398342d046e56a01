"""Routing: auto-send, agent review or hand-off, with a priority.

Hand-off rules need no LLM and no retrieval: complaints and anger, a request for a
person, out-of-scope messages and repeated failure go to a human at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain import HandoffReason, Priority
from app.intents import spec
from app.settings import Settings

ANGER_HANDOFF = 0.6
URGENT_ANGER = 0.85
OUT_OF_SCOPE_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Signals:
    intent: str
    intent_confidence: float
    anger: float
    complaint: bool
    wants_human: bool
    threatens_to_leave: bool


@dataclass(frozen=True)
class Handoff:
    reason: HandoffReason
    priority: Priority


def handoff_for(signals: Signals) -> Handoff | None:
    """The hand-off this message calls for, if any (first matching rule wins)."""
    furious = signals.anger >= URGENT_ANGER or (signals.threatens_to_leave and
                                                 signals.anger >= ANGER_HANDOFF)
    by_intent = spec(signals.intent).handoff if signals.intent else None
    if signals.wants_human or by_intent == HandoffReason.human_request:
        return Handoff(HandoffReason.human_request, Priority.urgent if furious else
                       Priority.high if signals.anger >= ANGER_HANDOFF else Priority.normal)
    if signals.complaint or by_intent == HandoffReason.complaint:
        return Handoff(HandoffReason.complaint, Priority.urgent if furious else Priority.high)
    if signals.anger >= ANGER_HANDOFF:
        return Handoff(HandoffReason.anger, Priority.urgent if furious else Priority.high)
    if (by_intent == HandoffReason.out_of_scope
            and signals.intent_confidence >= OUT_OF_SCOPE_CONFIDENCE):
        return Handoff(HandoffReason.out_of_scope, Priority.low)
    return None


def repeated_failure(*, unresolved_before: int, resolved_now: bool,
                     max_unresolved: int) -> Handoff | None:
    """The Nth unresolved turn in a row hands the conversation to a person."""
    if not resolved_now and unresolved_before + 1 >= max_unresolved:
        return Handoff(HandoffReason.repeated_failure, Priority.high)
    return None


def threshold(settings: Settings, *, intent: str, channel: str) -> float:
    """The stricter of the intent's and the channel's thresholds (default otherwise)."""
    candidates = [settings.auto_send_threshold]
    if intent in settings.intent_thresholds:
        candidates = [settings.intent_thresholds[intent]]
    if channel in settings.channel_thresholds:
        candidates.append(settings.channel_thresholds[channel])
    return max(candidates)


def normal_priority(anger: float) -> Priority:
    return Priority.high if anger >= 0.4 else Priority.normal
