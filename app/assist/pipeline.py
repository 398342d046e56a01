"""The way of one shopper message: understand -> retrieve -> act -> draft -> score -> route.

Everything the shopper is told comes from templates filled with action facts and
policy, from knowledge-base passages, or from an LLM draft that passed the
groundedness check; the LLM never acts and is never required for a reply.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlmodel import Session

from app.actions import Actor, propose_action
from app.assist import acting, candidates, conversations, drafting, routing
from app.assist.schemas import ActionView, AssistResult, Suggestion
from app.assist.turn import Turn
from app.assist.understand import reconcile, understand
from app.errors import InputError, NotFoundError
from app.knowledge import search_knowledge
from app.models import Customer
from app.models import Suggestion as SuggestionRow
from app.settings import Settings
from app.store.connector import CONNECTORS
from app.understanding.intent import IntentPrediction, classify

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 4000
KB_HITS = 8


def assist(*, session: Session, settings: Settings, customer_id: str, text: str,
           label: str | None = None, conversation_id: str | None = None,
           channel: str = "web", llm: Any = None,
           external_id: str | None = None) -> AssistResult:
    text = _clean(text)
    # The CPU-heavy steps touch no database: done before the first query, they run
    # outside the write transaction, so concurrent turns only queue for the writes.
    prediction = classify(text)
    hits = _search(text, prediction)
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFoundError(f"unknown customer {customer_id!r}")
    conv = conversations.open_conversation(session=session, customer_id=customer_id,
                                           label=label, conversation_id=conversation_id,
                                           channel=channel)
    past = conversations.history(session=session, conversation_id=conv.id)
    orders = CONNECTORS["sql"](session=session).list_orders(customer_id, limit=20)
    u = understand(text=text, history=[m.text for m in past if m.role == "shopper"],
                   orders=orders, previous=(conv.state or {}).get("slots"),
                   prediction=prediction)
    reconcile(u, text=text, state=conv.state or {}, action_intents=set(acting.INTENT_ACTIONS),
              orders=orders)
    shopper_msg = conversations.add_message(session=session, conversation=conv, role="shopper",
                                            text=text, channel=channel, language=u.language,
                                            intent=u.intent, external_id=external_id)
    turn = Turn(settings, session, customer, conv, text, channel, u, orders, intent=u.intent,
                hits=hits)
    _decide_step(turn)
    drafts = candidates.drafts(turn, llm=llm, past=past)
    return _finish(turn, drafts, shopper_msg.id or 0)


def _search(text: str, prediction: IntentPrediction) -> list[Any]:
    return search_knowledge(query=text, k=KB_HITS, languages=[prediction.language],
                            query_vector=prediction.vector, vector_model=prediction.embedder)


def _clean(text: str) -> str:
    text = text.strip()
    if not text:
        raise InputError("empty message")
    if len(text) > MAX_MESSAGE_CHARS:
        raise InputError(f"message too long ({len(text)} characters, at most "
                         f"{MAX_MESSAGE_CHARS})")
    return text


def _decide_step(turn: Turn) -> None:
    state = turn.conversation.state or {}
    pending = state.get("pending_action_id")
    if pending and turn.u.slots.affirmation in ("yes", "no"):
        yes = turn.u.slots.affirmation == "yes"
        outcome = acting.answer_pending(session=turn.session, action_id=int(pending), yes=yes,
                                        customer_id=turn.customer.id)
        turn.step = acting.ActStep(outcome=outcome)
        turn.intent = str(state.get("pending_intent") or outcome.name)
        turn.template = turn.intent if yes else "_declined"
        conversations.update_state(turn.conversation, pending_action_id=None)
        return
    if turn.conversation.status == "handed_off":
        turn.handoff = routing.Handoff("human_request", "normal")
    else:
        s = turn.u.sentiment
        # a bare "ok"/"好的" with nothing pending is not an out-of-scope question
        bare_answer = turn.u.slots.affirmation is not None and turn.u.intent == "other"
        turn.handoff = routing.handoff_for(routing.Signals(
            intent="" if bare_answer else turn.u.intent,
            intent_confidence=turn.u.intent_confidence, anger=s.anger,
            complaint=s.complaint, wants_human=s.wants_human,
            threatens_to_leave=s.threatens_to_leave))
    if turn.handoff is not None:
        _hand_off(turn)
        return
    turn.step = acting.act(session=turn.session, intent=turn.intent, slots=turn.u.slots,
                           customer_id=turn.customer.id, conversation_id=turn.conversation.id,
                           default_address=turn.customer.default_address)
    proposed = turn.step.outcome
    if proposed is not None and proposed.status == "needs_confirmation":
        conversations.update_state(turn.conversation, pending_action_id=proposed.action_id,
                                   pending_intent=turn.intent)
    turn.template = "_ask" if turn.step.status in ("missing", "ambiguous") else turn.intent


def _hand_off(turn: Turn) -> None:
    assert turn.handoff is not None
    outcome = propose_action(session=turn.session, name="handoff",
                             params={"reason": turn.handoff.reason},
                             actor=Actor.system(customer_id=turn.customer.id),
                             conversation_id=turn.conversation.id)
    ticket = conversations.open_ticket(session=turn.session, conversation=turn.conversation,
                                       priority=turn.handoff.priority,
                                       reason=turn.handoff.reason)
    turn.ticket_id = ticket.id
    turn.step = acting.ActStep(outcome=outcome)
    turn.template = "_handoff"


def _finish(turn: Turn, drafts: list[drafting.Draft], message_id: int) -> AssistResult:
    suggestions = candidates.score(turn, drafts)
    best = suggestions[0] if suggestions else None
    confidence = best.confidence if best else 0.0
    limit = routing.threshold(turn.settings, intent=turn.intent, channel=turn.channel)
    decision = "handoff" if turn.handoff else (
        "auto_send" if best and confidence >= limit and _may_auto_send(turn) else "agent_review")
    failed_now = _unresolved(turn)
    if turn.handoff is None:
        turn.handoff = routing.repeated_failure(
            unresolved_before=turn.conversation.unresolved_turns, resolved_now=not failed_now,
            max_unresolved=turn.settings.max_unresolved_turns)
        if turn.handoff is not None:
            return _escalate(turn, message_id)
    unresolved = turn.conversation.unresolved_turns + 1 if failed_now else 0
    _persist(turn, suggestions, message_id, decision, best, unresolved)
    outcome = turn.step.outcome
    return AssistResult(
        conversation_id=turn.conversation.id, language=turn.u.language,
        intent=turn.intent, intent_confidence=round(turn.u.intent_confidence, 4),
        sentiment=turn.u.sentiment.label,
        action=ActionView(**outcome.model_dump()) if outcome else None,
        reply=best.text if best else "", suggestions=suggestions, confidence=confidence,
        decision=decision, priority=turn.handoff.priority if turn.handoff
        else routing.normal_priority(turn.u.sentiment.anger), ticket_id=turn.ticket_id)


def _awaiting(turn: Turn) -> list[str] | None:
    """What the reply asked the shopper for, so that their next message can answer it."""
    outcome = turn.step.outcome
    if outcome is not None and isinstance(outcome.result, dict) and (
            outcome.result.get("reason") == "not_your_order"):
        return ["order_id"]  # "please check the order number"
    return turn.step.missing or None


def _unresolved(turn: Turn) -> bool:
    """The bot could not move the request forward this turn (a declined action could)."""
    outcome = turn.step.outcome
    if outcome is not None and isinstance(outcome.result, dict) and (
            outcome.result.get("reason") == "rejected"):
        return False
    return (turn.step.status in ("failed", "blocked", "missing", "ambiguous")
            or turn.u.intent_confidence < routing.OUT_OF_SCOPE_CONFIDENCE)


def _may_auto_send(turn: Turn) -> bool:
    """Some outcomes always want a person, whatever the confidence."""
    return (turn.step.status not in ("failed", "needs_approval")
            and turn.intent != "change_order" and not turn.llm_failed)


def _escalate(turn: Turn, message_id: int) -> AssistResult:
    _hand_off(turn)
    drafts = candidates.drafts(turn, llm=None, past=[])
    conversations.update_state(turn.conversation, slots=turn.u.slots.model_dump(mode="json"))
    return _finish(turn, drafts, message_id)


def _persist(turn: Turn, suggestions: list[Suggestion], message_id: int, decision: str,
             best: Suggestion | None, unresolved: int) -> None:
    for rank, s in enumerate(suggestions):
        turn.session.add(SuggestionRow(
            conversation_id=turn.conversation.id, message_id=message_id, kind=s.kind,
            text=s.text, confidence=s.confidence, rank=rank,
            sources=[src.model_dump() for src in s.sources],
            decision="accepted" if decision != "agent_review" and rank == 0 else None,
            decided_by="bot" if decision != "agent_review" and rank == 0 else None))
    if decision != "agent_review" and best is not None:
        conversations.add_message(session=turn.session, conversation=turn.conversation,
                                  role="bot", text=best.text, channel=turn.channel,
                                  language=turn.u.language, intent=turn.intent)
    turn.conversation.unresolved_turns = unresolved
    turn.conversation.language = turn.u.language
    conversations.update_state(turn.conversation, slots=turn.u.slots.model_dump(mode="json"),
                               intent=turn.intent, awaiting=_awaiting(turn))
