"""Step 1: language, intent, sentiment and slots of one shopper message (no LLM), read
in the light of the conversation so far."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.assist.state import DialogueState
from app.intents import action_intents
from app.store.catalogue import StoreFacts
from app.store.connector import OrderSnapshot
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


def understand(*, text: str, prediction: IntentPrediction, history: Sequence[str],
               orders: Sequence[OrderSnapshot], state: DialogueState, facts: StoreFacts,
               lookup: Lookup | None = None) -> Understanding:
    slots = extract_slots(text=text, language=prediction.language, history=history,
                          orders=orders, previous=state.slots if state.turn else None,
                          intent=prediction.intent, facts=facts, lookup=lookup)
    runner_up = prediction.top[1][1] if len(prediction.top) > 1 else 0.0
    u = Understanding(language=prediction.language, intent=prediction.intent,
                      intent_confidence=prediction.confidence,
                      sentiment=analyze_sentiment(text, prediction.language), slots=slots,
                      margin=prediction.confidence - runner_up, vector=prediction.vector,
                      vector_model=prediction.embedder)
    reconcile(u, text=text, state=state, orders=orders)
    return u


# sending something back, in either language
RETURN_CUES = re.compile(r"退货|退回|退掉|寄回|退|\breturn|\bsend\s+(?:it|this|them)\s+back"
                         r"|\brefund", re.I)
# asking about a refund that is already under way, not starting one
PROGRESS_CUES = re.compile(r"状态|进度|到账|到哪|多久|什么时候|\bstatus\b|\bwhere\b|\bwhen\b"
                           r"|\byet\b|\barrive|\bhow\s+long\b", re.I)


def _answers_question(u: Understanding, text: str, state: DialogueState) -> bool:
    """The message gives what the last reply asked for and little else ("it's #1042")."""
    slots = u.slots
    given = set()
    if (slots.order_id and slots.order_source == "message") or slots.order_mention:
        given.add("order_id")
    if slots.address:
        given.add("address")
    if slots.item_products:
        given.add("items")
    leftover = text
    for value in (slots.order_id, slots.order_mention, slots.address):
        if value:
            leftover = leftover.replace(value, "")
    return bool(set(state.awaiting) & given) and (
        len(leftover.strip()) <= SHORT_REPLY or u.intent_confidence < CARRY_CONFIDENCE)


def reconcile(u: Understanding, *, text: str, state: DialogueState,
              orders: Sequence[OrderSnapshot] = ()) -> None:
    """Domain rules on top of the classifier, each about what the words mean in this
    conversation and this store, never about particular wordings."""
    previous = state.intent
    slots = u.slots
    acting = action_intents()
    if previous in acting and u.intent != previous:
        follows = (slots.refers_to_other_order or slots.refers_to_last_order) and (
            u.intent_confidence < CARRY_CONFIDENCE or u.intent not in acting)
        if _answers_question(u, text, state) or follows:
            u.intent, u.intent_confidence = str(previous), CARRY_CONFIDENCE
            u.margin, u.carried = CARRY_CONFIDENCE, True
    named_order = (slots.order_id is not None and slots.order_source == "message") or bool(
        slots.order_mention)
    status = {o.id: o.status for o in orders}.get(slots.order_id or "")
    if slots.address and named_order and u.intent in (
            "change_order", "set_up_shipping_address", "track_order", "other"):
        u.intent = "change_shipping_address"  # an order and a new address: send it there
    elif u.intent == "check_refund_policy" and (named_order or (
            slots.order_source == "item_reference" and RETURN_CUES.search(text))):
        u.intent = "get_refund"  # "can I return this order?" asks about that order
    elif (u.intent in ("track_refund", "change_shipping_address") and slots.order_id
          and slots.return_reason and not PROGRESS_CUES.search(text)):
        u.intent = "get_refund"  # a reason to send it back is a return request
    elif u.intent == "cancel_order" and status == "delivered" and RETURN_CUES.search(text):
        u.intent = "get_refund"  # a delivered order can only be sent back
