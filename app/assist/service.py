"""The application service of a turn: the one way a shopper message is handled.

The API, the CLI, the webhook, every channel, evaluation and the benchmark call
:func:`run_turn`. It owns the write transaction, keeps the console's priority, and
after the commit records metrics, hands LLM drafting to the background and tells the
channel what the shopper sees. It also owns what follows a turn: a shopper or agent
answering an action, and a ticket closing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from sqlmodel import Session, col, select

from app.actions import ActionOutcome, Actor, confirm_action, reject_action
from app.actions.records import PENDING
from app.assist import conversations
from app.assist.pipeline import TurnResult, assist
from app.assist.schemas import Confirmation, ShopperView, TurnOut
from app.assist.shopper import notice, outcome_text, shopper_view
from app.assist.state import load_state, save_state
from app.channels import hooks as channel_hooks
from app.domain import ActionStatus, ConversationStatus, Decision, Reason, TicketStatus
from app.errors import ConflictError, NotFoundError
from app.models import ActionRecord, Conversation, Message, Suggestion as SuggestionRow, Ticket
from app.models._common import utcnow
from app.runtime import Runtime
from app.telemetry import record_turn
from app.understanding.text import clean_message

log = logging.getLogger(__name__)

DECISION_CONFLICTS = (Reason.needs_shopper_confirmation, Reason.needs_agent_approval,
                      Reason.not_pending)


def run_turn(rt: Runtime, *, customer_id: str, text: str, channel: str = "web",
             conversation_id: str | None = None, label: str | None = None,
             external_id: str | None = None, draft_later: bool = True,
             within: Callable[[Session, TurnOut], None] | None = None) -> TurnOut:
    """One shopper message through the pipeline, in one write transaction; ``within``
    runs in that transaction with the answer (to keep it for a retry, say)."""
    started = time.perf_counter()
    with rt.session(write=True, key=customer_key(customer_id)) as session:
        human_owned = _human_owned(session, conversation_id)
        turn = assist(rt, session=session, customer_id=customer_id, text=text, label=label,
                      conversation_id=conversation_id, channel=channel,
                      external_id=external_id)
        view = shopper_view(rt, turn.result, human_owned=human_owned)
        # a channel's shopper gets the same view, queued in this transaction (app.channels)
        view = channel_hooks.after_turn(rt, session, turn, view)
        out = TurnOut(conversation_id=turn.result.conversation_id,
                      message_id=turn.message_id, result=turn.result, shopper=view,
                      flags=turn.result.flags)
        if within is not None:
            within(session, out)
    result = turn.result
    elapsed = time.perf_counter() - started
    record_turn(result.decision, elapsed)
    if draft_later and turn.draft is not None and turn.draft.wanted:
        rt.drafter.submit(turn.draft)
    log.info("turn %s/%s: %s %s in %.0f ms", result.conversation_id, turn.message_id,
             result.intent, result.decision, elapsed * 1000)
    return out


def assist_once(rt: Runtime, *, customer_id: str, text: str, label: str | None = None,
                channel: str = "web") -> TurnResult:
    """A turn for evaluation and the benchmark: the same transaction, no side effects
    beyond the database (no drafting queue, no metrics)."""
    with rt.session(write=True, key=customer_key(customer_id)) as session:
        return assist(rt, session=session, customer_id=customer_id, text=text, label=label,
                      channel=channel)


def customer_key(customer_id: str | None) -> str | None:
    """The write-lock key of everything one customer's turns and actions touch (their
    conversations, orders, actions): on PostgreSQL, turns of different customers write
    in parallel, while two workers handling the same customer still take turns, so a
    confirmation is never executed twice (app.db)."""
    return None if customer_id is None else f"customer:{customer_id}"


def _action_key(rt: Runtime, action_id: int) -> str | None:
    with rt.session() as session:
        row = session.get(ActionRecord, action_id)
        if row is None:
            return None
        owner = row.customer_id
        if owner is None and row.conversation_id:
            conv = session.get(Conversation, row.conversation_id)
            owner = conv.customer_id if conv is not None else None
    return customer_key(owner)


def _human_owned(session: Session, conversation_id: str | None) -> bool:
    if conversation_id is None:
        return False
    conv = session.get(Conversation, conversation_id)
    return conv is not None and conv.status == ConversationStatus.handed_off


Decider = Callable[..., ActionOutcome]


def decide_action(rt: Runtime, *, action_id: int, actor: Actor, yes: bool,
                  reply_as: str | None) -> tuple[ActionOutcome, Message | None, str | None]:
    """A shopper's or agent's answer to a pending action (the chat's buttons, the
    console's approve/refuse). Returns the outcome, the reply posted to the
    conversation (``reply_as`` bot or agent; None posts nothing) and its conversation.

    An action that is not the actor's reads as not found; one already decided is a
    conflict whose message is in the conversation's language.
    """
    with rt.session(write=True, key=_action_key(rt, action_id)) as session:
        row = session.get(ActionRecord, action_id)
        if row is None or (actor.kind == "shopper" and row.customer_id != actor.customer_id):
            raise NotFoundError("action not found")
        was_pending = row.status in PENDING
        if yes:
            outcome = confirm_action(session=session, action_id=action_id, actor=actor,
                                     policy=rt.policy)
        else:
            outcome = reject_action(session=session, action_id=action_id, actor=actor)
        refused = outcome.status == ActionStatus.blocked and outcome.reason in DECISION_CONFLICTS
        conv = session.get(Conversation, row.conversation_id) if row.conversation_id else None
        message = None
        if was_pending and not refused and conv is not None:
            # "cancel both" asked one question: its button answers it for every order
            more = [confirm_action(session=session, action_id=other, actor=actor,
                                   policy=rt.policy) if yes
                    else reject_action(session=session, action_id=other, actor=actor)
                    for other in _asked_with(conv, action_id)]
            message = _tell(rt, session, conv, row, [outcome, *more], reply_as)
        language = conv.language if conv else None
    # raised after the commit, so the refused attempt stays in the audit trail
    if refused and outcome.reason == Reason.not_pending and actor.kind == "shopper":
        # the shopper pressed a button of a question already answered: say so in their
        # language, not in the action layer's words
        raise ConflictError(notice(rt, "_already_decided", language)
                            or f"action {action_id} was already answered")
    if refused:
        detail = (outcome.result or {}).get("detail") or str(outcome.reason)
        raise ConflictError(f"action {action_id}: {detail}")
    return outcome, message, row.conversation_id


def _asked_with(conv: Conversation, action_id: int) -> list[int]:
    """The other writes the same question waits on ("cancel both")."""
    pending = load_state(conv).pending
    if pending is None or pending.action_id is None:
        return []
    asked = [pending.action_id, *pending.more_action_ids]
    return [other for other in asked if other != action_id] if action_id in asked else []


def _tell(rt: Runtime, session: Session, conv: Conversation, row: ActionRecord,
          outcomes: list[ActionOutcome], role: str | None) -> Message | None:
    """Clear the pending question and, if ``role`` is given, post the outcomes as a reply."""
    state = load_state(conv)
    if state.pending is not None and row.id in (state.pending.action_id,
                                                 *state.pending.more_action_ids):
        state.pending = None
        save_state(conv, state)
        session.add(conv)
    if role is None:
        return None
    text = "\n".join(outcome_text(rt, language=conv.language, outcome=outcome)
                     for outcome in outcomes)
    message = conversations.add_message(session=session, conversation=conv, role=role,
                                        text=text, channel=conv.channel,
                                        language=conv.language)
    channel_hooks.after_message(session, conv, message)
    return message


def close_ticket(rt: Runtime, *, ticket_id: str, by: str) -> Ticket:
    """A person is done: the ticket closes and the conversation returns to the bot, which
    says so to the shopper."""
    with rt.session(write=True) as session:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise NotFoundError("ticket not found")
        if ticket.status == TicketStatus.closed:
            return ticket
        ticket.status = TicketStatus.closed
        ticket.closed_at = utcnow()
        session.add(ticket)
        conv = session.get(Conversation, ticket.conversation_id)
        if conv is not None and conv.status == ConversationStatus.handed_off:
            conv.status = ConversationStatus.resolved
            conv.resolved_at = ticket.closed_at  # the service-level clock stops
            conv.unresolved_turns = 0
            state = load_state(conv)
            state.pending, state.waiting_for_agent, state.off_topic_turns = None, False, 0
            save_state(conv, state)
            resumed = conversations.add_message(
                session=session, conversation=conv, role="system",
                text=notice(rt, "_resumed", conv.language), channel=conv.channel,
                language=conv.language)
            channel_hooks.after_message(session, conv, resumed)
        log.info("ticket %s closed by %s", ticket_id, by)
        return ticket


def replayed_turn(rt: Runtime, *, channel: str, external_id: str, customer_id: str,
                  text: str) -> tuple[str, int, str, ShopperView] | None:
    """The first delivery's outcome for a repeated one (conversation, message, decision,
    shopper view); None for a new delivery. A different message under a used id is a
    ConflictError that reveals nothing of the first."""
    from app.analytics import classify_turns

    with rt.session() as session:
        message = session.exec(select(Message).where(
            Message.channel == channel, Message.external_id == external_id)).first()
        if message is None or message.id is None:
            return None
        conv = session.get(Conversation, message.conversation_id)
        if conv is None or conv.customer_id != customer_id or message.text != clean_message(
                text):
            raise ConflictError("external_id was already used for another message")
        decision = classify_turns(session, [message]).get(message.id, Decision.agent_review)
        sent = session.exec(select(SuggestionRow).where(
            SuggestionRow.message_id == message.id, SuggestionRow.decided_by == "bot")).first()
        view = _replayed_view(rt, session, message, decision, sent)
        return message.conversation_id, message.id, str(decision), view


def _replayed_view(rt: Runtime, session: Session, message: Message, decision: str,
                   sent: SuggestionRow | None) -> ShopperView:
    if decision == Decision.agent_review or sent is None:
        return ShopperView(state="waiting", text=notice(rt, "_waiting", message.language))
    if decision == Decision.handoff:
        return ShopperView(state="handoff", text=sent.text, handed_off=True)
    proposed = session.exec(select(ActionRecord).where(
        ActionRecord.conversation_id == message.conversation_id,
        col(ActionRecord.created_at) >= message.created_at,
        ActionRecord.status == ActionStatus.needs_confirmation)
        .order_by(col(ActionRecord.id))).first()
    if proposed is not None and proposed.id is not None:
        confirmation = Confirmation(action_id=proposed.id, name=proposed.name,
                                    params=proposed.params or {}, prompt=sent.text)
        return ShopperView(state="confirm", text=sent.text, confirmation=confirmation)
    return ShopperView(state="answered", text=sent.text)
