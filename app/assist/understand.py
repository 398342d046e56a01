"""Step 1: language, intent, sentiment and slots of one shopper message (no LLM). What
the message means in its conversation is settled next, in :mod:`app.assist.dialogue`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.assist.state import DialogueState
from app.store.connector import OrderSnapshot
from app.store.store_facts import StoreFacts
from app.understanding.delivery_details import street_of
from app.understanding.intent import IntentPrediction
from app.understanding.references import Lookup
from app.understanding.sentiment import Sentiment, analyze_sentiment
from app.understanding.slots import Slots, extract_slots

CARRY_CONFIDENCE = 0.9  # prior for an intent carried over from the turn before
SHORT_REPLY = 24  # characters left once the slot value is removed: "it's #1042"


@dataclass
class Understanding:
    language: str
    intent: str
    intent_confidence: float
    sentiment: Sentiment
    slots: Slots
    margin: float = 1.0  # top probability minus the runner-up: a narrow call is a risky one
    vector: Any = None  # the message's sentence embedding, reused by retrieval
    vector_model: str = ""
    carried: bool = False  # the intent continues the previous request
    # a question about the shop in general, answered without asking for an order
    general: bool = False
    # the classifier's ranking (intent, probability), best first
    alternatives: list[tuple[str, float]] = field(default_factory=list)


def understand(*, text: str, prediction: IntentPrediction, history: Sequence[str],
               orders: Sequence[OrderSnapshot], state: DialogueState, facts: StoreFacts,
               lookup: Lookup | None = None) -> Understanding:
    slots = extract_slots(text=text, language=prediction.language, history=history,
                          orders=orders, previous=state.slots if state.turn else None,
                          intent=prediction.intent, facts=facts, lookup=lookup,
                          expects_order="order_id" in state.awaiting)
    runner_up = prediction.top[1][1] if len(prediction.top) > 1 else 0.0
    # an address is read for its place, not its mood: "湖坑镇洪坑村" holds no "坑" of a rip-off
    # (the address as said: "湖坑镇洪坑村" is a place, no "坑" of being cheated)
    felt = text.replace(street_of(slots.address), " ") if slots.address else text
    return Understanding(language=prediction.language, intent=prediction.intent,
                         intent_confidence=prediction.confidence,
                         sentiment=analyze_sentiment(felt, prediction.language), slots=slots,
                         margin=prediction.confidence - runner_up, vector=prediction.vector,
                         vector_model=prediction.embedder,
                         alternatives=[(i, float(p)) for i, p in prediction.top])
