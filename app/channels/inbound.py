"""One channel callback through the pipeline: verify, parse, map each sender to a
customer, find the conversation of its thread, run the turn once per platform message.

Channels deliver at least once, so a repeated message answers from the first delivery
and creates nothing; the same platform id with another sender or text is a 409. A
channel with a reply deadline (WeChat's 5 seconds) waits that long for the turn: if
the answer is ready it goes back in the callback's own response, otherwise the
callback says "received" and the delivery queue sends the answer when it is ready.
Logs name channels, ids and outcomes, never what the shopper wrote.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, TimeoutError as FutureTimeout
from functools import partial

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.assist.pipeline import MAX_MESSAGE_CHARS
from app.assist.service import replayed_turn, run_turn
from app.channels import hooks, identity, outbox
from app.channels.base import Channel, ChannelResponse, Handled, Inbound, RawRequest
from app.errors import ForbiddenError
from app.models import Conversation, Message
from app.runtime import Runtime
from app.telemetry import record_inbound

log = logging.getLogger(__name__)

LABEL_CHARS = 200
OWN_REF = "kefu:"


def receive(rt: Runtime, channel: Channel, request: RawRequest) -> ChannelResponse:
    """The whole callback: ForbiddenError for a request the platform did not sign,
    InputError for a malformed one (both counted, neither logged with its body)."""
    try:
        channel.verify(request)
    except Exception as exc:
        # an encrypted channel reads the body to check its signature: it may be malformed
        record_inbound(channel.name, "forbidden" if isinstance(exc, ForbiddenError)
                       else "malformed")
        raise
    try:
        items = channel.parse(request)
    except Exception:
        record_inbound(channel.name, "malformed")
        raise
    handled: list[Handled] = []
    for item in items:
        if isinstance(item, str):
            record_inbound(channel.name, "ignored")
            handled.append(Handled(message=None, ignored=item))
        else:
            handled.append(_run(rt, channel, item))
    return channel.respond(handled)


def _run(rt: Runtime, channel: Channel, message: Inbound) -> Handled:
    deadline = channel.reply_deadline_s
    if deadline is None:
        return handle(rt, channel, message)
    future = rt.channels.pool.submit(handle, rt, channel, message)
    try:
        done = future.result(timeout=deadline)
    except FutureTimeout:
        # the turn goes on; its reply is released to the queue the moment it is ready
        future.add_done_callback(partial(_late, rt, channel.name))
        record_inbound(channel.name, "late")
        log.info("channel %s: message %s not answered within %.1f s", channel.name,
                 message.external_id, deadline)
        return Handled(message=message)
    if done.conversation_id is not None and done.message_id is not None:
        done.passive_text = outbox.claim_passive(rt, conversation_id=done.conversation_id,
                                                 reply_to=done.message_id)
    return done


def _late(rt: Runtime, name: str, future: Future[Handled]) -> None:
    error = future.exception()
    if error is not None:
        log.error("channel %s: a late turn failed: %s", name, type(error).__name__)
        return
    done = future.result()
    if done.conversation_id is not None and done.message_id is not None:
        outbox.release(rt, conversation_id=done.conversation_id, reply_to=done.message_id)
        rt.channels.worker.wake()


def handle(rt: Runtime, channel: Channel, message: Inbound) -> Handled:
    """Run one message (or answer from its first delivery)."""
    # a long email is cut rather than refused: refusing would lose it
    text = message.text.strip()[:MAX_MESSAGE_CHARS]
    if not text:
        record_inbound(channel.name, "ignored")
        return Handled(message=message, ignored="empty message")
    who = identity.resolve(rt, channel.name, message.sender)
    replay = _replay(rt, channel.name, message, who.customer_id, text)
    if replay is not None:
        return replay
    conversation_id, label = find_conversation(rt, channel.name, who.customer_id, message)
    context = hooks.InboundContext(
        channel=channel.name, message=message, team_notes=bool(
            getattr(channel, "team_notes", False)),
        hold_s=(channel.reply_deadline_s + hooks.HOLD_MARGIN_S
                if channel.reply_deadline_s is not None else 0.0))
    try:
        with hooks.inbound(context):
            turn = run_turn(rt, customer_id=who.customer_id, text=text, channel=channel.name,
                            conversation_id=conversation_id, label=label,
                            external_id=message.external_id)
    except IntegrityError:  # the same message raced in twice: the loser replays the winner
        replay = _replay(rt, channel.name, message, who.customer_id, text)
        if replay is None:
            raise
        return replay
    record_inbound(channel.name, "turn")
    log.info("channel %s: message %s -> %s/%s (%s)", channel.name, message.external_id,
             turn.conversation_id, turn.message_id, turn.shopper.state)
    return Handled(message=message, conversation_id=turn.conversation_id,
                   message_id=turn.message_id)


def _replay(rt: Runtime, name: str, message: Inbound, customer_id: str,
            text: str) -> Handled | None:
    found = replayed_turn(rt, channel=name, external_id=message.external_id,
                          customer_id=customer_id, text=text)
    if found is None:
        return None
    conversation_id, message_id, _decision, _view = found
    record_inbound(name, "duplicate")
    log.info("channel %s: message %s repeated", name, message.external_id)
    return Handled(message=message, conversation_id=conversation_id, message_id=message_id,
                   duplicate=True)


def thread_label(channel: str, thread: str) -> str:
    import hashlib

    label = f"{channel}:{thread}"
    if len(label) <= LABEL_CHARS:
        return label
    return f"{channel}:#{hashlib.sha256(thread.encode()).hexdigest()[:40]}"


def find_conversation(rt: Runtime, channel: str, customer_id: str,
                      message: Inbound) -> tuple[str | None, str]:
    """The conversation this message continues (by the ids it refers to, then by its
    thread) and the label of its thread; None for a new conversation."""
    label = thread_label(channel, message.thread)
    with rt.session() as session:
        for ref in message.refs:
            conv = _by_ref(session, channel, customer_id, ref)
            if conv is not None:
                return conv.id, conv.label or label
        conv = session.exec(select(Conversation).where(
            Conversation.customer_id == customer_id, Conversation.label == label)).first()
        return (conv.id if conv is not None else None), label


def _by_ref(session: Session, channel: str, customer_id: str,
            ref: str) -> Conversation | None:
    conv: Conversation | None
    if ref.startswith(OWN_REF):
        conv = session.get(Conversation, ref.removeprefix(OWN_REF))
    else:
        conv = session.exec(select(Conversation).where(
            Conversation.channel == channel, Conversation.external_thread == ref,
            Conversation.customer_id == customer_id)).first()
        if conv is None:
            msg = session.exec(select(Message).where(
                Message.channel == channel, Message.external_id == ref)).first()
            conv = session.get(Conversation, msg.conversation_id) if msg else None
    if conv is None or conv.channel != channel or conv.customer_id != customer_id:
        return None
    return conv
