"""Step 1: language, intent, sentiment and slots of one shopper message (no LLM)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.store.connector import OrderSnapshot
from app.understanding.intent import IntentPrediction, classify
from app.understanding.sentiment import Sentiment, analyze_sentiment
from app.understanding.slots import Slots, extract_slots

CARRY_CONFIDENCE = 0.9  # prior for an intent carried over from the turn before
SHORT_REPLY = 24  # characters left once the slot value is removed: "it's A10023"


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


def understand(*, text: str, history: Sequence[str], orders: Sequence[OrderSnapshot],
               previous: dict[str, Any] | None,
               prediction: IntentPrediction | None = None) -> Understanding:
    prediction = prediction or classify(text)
    language = prediction.language
    previous_slots = Slots.model_validate(previous) if previous else None
    slots = extract_slots(text=text, language=language, history=history, orders=orders,
                          previous=previous_slots, intent=prediction.intent)
    runner_up = prediction.top[1][1] if len(prediction.top) > 1 else 0.0
    return Understanding(language=language, intent=prediction.intent,
                         intent_confidence=prediction.confidence,
                         sentiment=analyze_sentiment(text, language), slots=slots,
                         margin=prediction.confidence - runner_up, vector=prediction.vector,
                         vector_model=prediction.embedder)


RETURN_CUES = re.compile(r"退|return|send (?:it )?back|refund", re.I)
# asking to send something back (not about a refund already under way)
WANT_RETURN = re.compile(
    r"想退|要退|退掉|退了|退款到|全额退款|want to return|like to return|return (?:it|this|them)"
    r"|send (?:it |this |them )?back|refund (?:order|my order|it|this|me)", re.I)
PROGRESS_CUES = re.compile(r"状态|进度|到账|到哪|多久|status|where|when|yet|arrive", re.I)


def reconcile(u: Understanding, *, text: str, state: dict[str, Any],
              action_intents: set[str], orders: Sequence[OrderSnapshot] = ()) -> None:
    """Read a message in the light of the turn before it.

    "A10177" after "which order?" or "and the other one?" after a tracking answer
    carry no intent of their own; they continue the previous request.
    """
    previous = state.get("intent")
    slots = u.slots
    if previous in action_intents and u.intent != previous:
        awaiting = set(state.get("awaiting") or ())
        given = {"order_id"} if slots.order_id and slots.order_source == "message" else set()
        if slots.address:
            given.add("address")
        leftover = text
        for value in (slots.order_id, slots.address):
            if value:
                leftover = leftover.replace(value, "")
        answers = bool(awaiting & given) and (len(leftover.strip()) <= SHORT_REPLY
                                              or u.intent_confidence < CARRY_CONFIDENCE)
        follows = (slots.refers_to_other_order or slots.refers_to_last_order) and (
            u.intent_confidence < CARRY_CONFIDENCE or u.intent not in action_intents)
        if answers or follows:
            u.intent, u.intent_confidence = str(previous), CARRY_CONFIDENCE
            u.margin = CARRY_CONFIDENCE
    explicit_order = slots.order_id is not None and slots.order_source == "message"
    if slots.address and slots.order_id and u.intent in (
            "change_order", "set_up_shipping_address", "track_order", "other"):
        u.intent = "change_shipping_address"
    elif u.intent == "check_refund_policy" and (explicit_order or (
            slots.order_source == "item_reference" and RETURN_CUES.search(text))):
        u.intent = "get_refund"  # "can I return A10652?" asks about that order, not the rules
    elif (u.intent in ("track_refund", "change_shipping_address") and slots.order_id
          and WANT_RETURN.search(text) and not PROGRESS_CUES.search(text)):
        u.intent = "get_refund"
    elif u.intent == "cancel_order" and RETURN_CUES.search(text):
        # "我要退A10475" on a delivered order means sending it back: cancelling is over
        status = {o.id: o.status for o in orders}.get(slots.order_id or "")
        if status == "delivered":
            u.intent = "get_refund"
