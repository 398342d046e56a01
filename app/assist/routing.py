"""Routing: auto-send, agent review or hand-off, with a priority.

Hand-off rules need no LLM and no retrieval: complaints and anger, a request for a
person, out-of-scope messages and repeated failure go to a human at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.settings import Settings

HandoffReason = Literal["complaint", "anger", "human_request", "out_of_scope",
                        "repeated_failure"]
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
    priority: Literal["low", "normal", "high", "urgent"]


def handoff_for(signals: Signals) -> Handoff | None:
    """The hand-off this message calls for, if any (first matching rule wins)."""
    furious = signals.anger >= URGENT_ANGER or (signals.threatens_to_leave and
                                                 signals.anger >= ANGER_HANDOFF)
    if signals.wants_human or signals.intent == "contact_human_agent":
        return Handoff("human_request", "urgent" if furious else
                       "high" if signals.anger >= ANGER_HANDOFF else "normal")
    if signals.complaint or signals.intent == "complaint":
        return Handoff("complaint", "urgent" if furious else "high")
    if signals.anger >= ANGER_HANDOFF:
        return Handoff("anger", "urgent" if furious else "high")
    if signals.intent == "other" and signals.intent_confidence >= OUT_OF_SCOPE_CONFIDENCE:
        return Handoff("out_of_scope", "low")
    return None


def repeated_failure(*, unresolved_before: int, resolved_now: bool,
                     max_unresolved: int) -> Handoff | None:
    """The Nth unresolved turn in a row hands the conversation to a person."""
    if not resolved_now and unresolved_before + 1 >= max_unresolved:
        return Handoff("repeated_failure", "high")
    return None


def threshold(settings: Settings, *, intent: str, channel: str) -> float:
    """The stricter of the intent's and the channel's thresholds (default otherwise)."""
    candidates = [settings.auto_send_threshold]
    if intent in settings.intent_thresholds:
        candidates = [settings.intent_thresholds[intent]]
    if channel in settings.channel_thresholds:
        candidates.append(settings.channel_thresholds[channel])
    return max(candidates)


def normal_priority(anger: float) -> Literal["low", "normal", "high"]:
    return "high" if anger >= 0.4 else "normal"
