"""Where the rest of Kefu tells the channels that something must reach the shopper.

:func:`after_turn` runs inside a turn's write transaction (``app.assist.service``), and
:func:`after_message` beside every bot, agent or system message added outside a turn.
Both queue the message in that same transaction, so it goes out exactly once: a
replayed delivery never runs a turn, and a rolled-back turn queues nothing.

A conversation is delivered to only when a channel adapter opened it (it then has an
``external_thread``); web chat and generic-webhook conversations are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from app.channels import outbox
from app.channels.base import DeliveryKind, Inbound
from app.domain import Decision
from app.intents import spec
from app.models import Conversation, Customer, Message

if TYPE_CHECKING:
    from app.assist.pipeline import TurnResult
    from app.assist.schemas import AssistResult, ShopperView
    from app.runtime import Runtime

KINDS = {"answered": DeliveryKind.reply, "confirm": DeliveryKind.confirmation,
         "handoff": DeliveryKind.handoff, "waiting": DeliveryKind.waiting}
NOTE_SUGGESTIONS = 3
# passive replies: the worker leaves a turn's reply alone this long after the deadline
HOLD_MARGIN_S = 1.0


@dataclass(frozen=True)
class InboundContext:
    channel: str
    message: Inbound
    hold_s: float
    team_notes: bool


_INBOUND: ContextVar[InboundContext | None] = ContextVar("kefu_inbound", default=None)


@contextmanager
def inbound(context: InboundContext) -> Iterator[None]:
    """Mark the turn run inside as answering ``context.message`` (its thread, where
    replies go, whether a callback waits for the answer)."""
    token = _INBOUND.set(context)
    try:
        yield
    finally:
        _INBOUND.reset(token)


def after_turn(rt: Runtime, session: Session, turn: TurnResult,
               view: ShopperView) -> ShopperView:
    """Queue what the shopper is shown for this turn; a guest asking about orders is
    asked to link their account instead. Returns the (possibly changed) view."""
    result = turn.result
    conv = session.get(Conversation, result.conversation_id)
    if conv is None:
        return view
    customer = session.get(Customer, conv.customer_id)
    if customer is not None and customer.guest:
        view = _guest_view(rt, session, conv, turn, view)
    ctx = _INBOUND.get()
    if ctx is not None and ctx.channel != conv.channel:
        ctx = None
    if ctx is not None and conv.external_thread is None:
        conv.external_thread = ctx.message.thread[:300]
        session.add(conv)
    if conv.external_thread is None:
        return view
    address = ctx.message.address if ctx is not None else None
    kind = KINDS.get(view.state)
    if kind is not None and view.text:
        outbox.enqueue(session, conv=conv, kind=kind, text=view.text, role="bot",
                       language=result.language, reply_to=turn.message_id, address=address,
                       message_id=_bot_message(session, conv.id, turn.message_id),
                       hold_s=ctx.hold_s if ctx is not None else 0.0)
    if ctx is not None and ctx.team_notes and result.decision != Decision.auto_send:
        outbox.enqueue(session, conv=conv, kind=DeliveryKind.note, role="bot",
                       text=suggestion_note(result), language=result.language,
                       reply_to=turn.message_id, address=address)
    return view


def after_message(session: Session, conv: Conversation, message: Message) -> None:
    """Queue a bot, agent or system message added outside a turn (an agent's reply, an
    action's outcome, "the assistant is back")."""
    if conv.external_thread is None or message.role == "shopper":
        return
    kind = DeliveryKind.notice if message.role == "system" else DeliveryKind.reply
    outbox.enqueue(session, conv=conv, kind=kind, text=message.text, role=message.role,
                   language=message.language or conv.language, message_id=message.id)


def _bot_message(session: Session, conversation_id: str, after_id: int) -> int | None:
    return session.exec(select(Message.id).where(
        Message.conversation_id == conversation_id, Message.role == "bot",
        col(Message.id) > after_id).order_by(col(Message.id))).first()


def _about_orders(result: AssistResult) -> bool:
    action = result.action
    return (spec(result.intent).about_order or "order_id" in result.asked_for
            or (action is not None and action.name != "handoff"))


def _guest_view(rt: Runtime, session: Session, conv: Conversation, turn: TurnResult,
                view: ShopperView) -> ShopperView:
    """A guest has no orders, so nothing about one can be shown; instead of "which
    order?" or "I can't find it" they are told how to link their account. A hand-off
    still says a person takes over, and nothing is said while a person owns it."""
    from app.assist.schemas import ShopperView
    from app.assist.shopper import notice
    from app.channels.identity import link_url, sender_of

    if view.state in ("silent", "handoff") or not _about_orders(turn.result):
        return view
    user = sender_of(session, conv.channel, conv.customer_id)
    link = link_url(rt.settings, channel=conv.channel, external_user=user) if user else None
    text = notice(rt, "_verify_identity", turn.result.language, link=link or "")
    bot_id = _bot_message(session, conv.id, turn.message_id)
    bot = session.get(Message, bot_id) if bot_id is not None else None
    if bot is not None:  # the transcript shows what the shopper was really told
        bot.text = text
        session.add(bot)
    return ShopperView(state="answered", text=text)


def suggestion_note(result: AssistResult) -> str:
    """A private note for a team working in its own inbox: what Kefu would answer."""
    lines = [f"Kefu: {result.decision} · intent {result.intent} "
             f"({result.intent_confidence:.2f}) · confidence {result.confidence:.2f}"
             + (f" · ticket {result.ticket_id} ({result.priority})" if result.ticket_id
                else "")]
    if result.action is not None:
        lines.append(f"Action {result.action.name}: {result.action.status}")
    for n, s in enumerate(result.suggestions[:NOTE_SUGGESTIONS], start=1):
        sources = ", ".join(src.id for src in s.sources[:3])
        lines.append(f"{n}. [{s.kind} {s.confidence:.2f}] {s.text}"
                     + (f" (sources: {sources})" if sources else ""))
    if not result.suggestions:
        lines.append("No suggestion.")
    return "\n".join(lines)
