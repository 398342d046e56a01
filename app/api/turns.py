"""Running a shopper turn for the API, and what the shopper is shown of it.

The pipeline decides; this module only decides what leaves the building: the reply on
``auto_send`` and ``handoff``, a holding line on ``agent_review``, and a yes/no
question for an action that waits for the shopper's confirmation.
"""

from __future__ import annotations

import logging
import re
import time
from typing import Any

from sqlmodel import Session, col, select

from app.actions import ActionOutcome
from app.analytics import classify_turns
from app.api import metrics
from app.api.schemas import Confirmation, ShopperView, TurnOut
from app.assist.conversations import update_state
from app.assist.pipeline import assist
from app.assist.schemas import AssistResult
from app.assist.templates import render
from app.db import session_scope
from app.llm import get_llm
from app.models import ActionRecord, Conversation, Message, Suggestion
from app.policy import get_policy
from app.settings import Settings, get_settings

log = logging.getLogger(__name__)

WAITING = {
    "en": "Thanks for your message! One of our agents will answer shortly.",
    "zh": "收到您的消息！客服人员会尽快回复您。",
}
# CJK text has no spaces: stream it two characters at a time, other text word by word
_CHUNK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]{1,2}|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+")


def chunks(text: str) -> list[str]:
    """Pieces of ``text`` for streaming; joined they give the text back exactly."""
    return _CHUNK.findall(text)


def _lang(language: str | None) -> str:
    return language if language in ("en", "zh") else "en"


def _template_context(name: str, status: str, params: dict[str, Any],
                      result: Any) -> dict[str, Any]:
    return {"status": status, "action": name, "params": params,
            "result": result if isinstance(result, dict) else {}, "missing": [],
            "candidates": [], "policy": get_policy().model_dump(mode="json")}


def confirmation_for(settings: Settings, result: AssistResult) -> Confirmation | None:
    action = result.action
    if action is None or action.status != "needs_confirmation" or action.action_id is None:
        return None
    prompt = render(settings.prompts_dir, language=result.language, name=action.name,
                    context=_template_context(action.name, action.status, action.params, None))
    return Confirmation(action_id=action.action_id, name=action.name, params=action.params,
                        prompt=prompt or action.name)


def outcome_text(settings: Settings, *, language: str | None, outcome: ActionOutcome) -> str:
    """The shopper-facing sentence for a confirmed, approved or declined action."""
    result = outcome.result or {}
    declined = outcome.status == "blocked" and result.get("reason") == "rejected"
    name = "_declined" if declined else outcome.name
    text = render(settings.prompts_dir, language=_lang(language), name=name,
                  context=_template_context(outcome.name, outcome.status, outcome.params,
                                            result))
    return text or f"{outcome.name}: {outcome.status}"


def shopper_view(settings: Settings, result: AssistResult) -> ShopperView:
    confirmation = confirmation_for(settings, result)
    if result.decision == "agent_review":
        return ShopperView(state="waiting", text=WAITING[_lang(result.language)],
                           confirmation=confirmation)
    state = "handoff" if result.decision == "handoff" else "answered"
    return ShopperView(state=state, text=result.reply, confirmation=confirmation,
                       handed_off=state == "handoff")


def _shopper_message_id(session: Session, conversation_id: str) -> int:
    found = session.exec(select(Message.id).where(
        Message.conversation_id == conversation_id, Message.role == "shopper")
        .order_by(col(Message.id).desc())).first()
    return int(found or 0)


def run_turn(*, customer_id: str, text: str, channel: str, conversation_id: str | None = None,
             label: str | None = None, external_id: str | None = None) -> TurnOut:
    """One shopper message through the pipeline, in one write transaction."""
    settings = get_settings()
    started = time.perf_counter()
    with session_scope(write=True) as session:
        result = assist(session=session, settings=settings, customer_id=customer_id,
                        text=text, label=label, conversation_id=conversation_id,
                        channel=channel, llm=get_llm(), external_id=external_id)
        conv = session.get(Conversation, result.conversation_id)
        if conv is not None:
            # the console's queue sorts waiting turns by the priority of their last turn
            update_state(conv, priority=result.priority)
        message_id = _shopper_message_id(session, result.conversation_id)
    metrics.record_turn(result.decision, time.perf_counter() - started)
    log.info("turn %s/%s: %s %s", result.conversation_id, message_id, result.intent,
             result.decision)
    return TurnOut(conversation_id=result.conversation_id, message_id=message_id,
                   result=result, shopper=shopper_view(settings, result))


def replayed_view(session: Session, message: Message) -> tuple[str, ShopperView]:
    """The decision and shopper view of a turn already processed (webhook replays)."""
    settings = get_settings()
    decision = classify_turns(session, [message]).get(message.id or 0, "agent_review")
    sent = session.exec(select(Suggestion).where(Suggestion.message_id == message.id,
                                                 Suggestion.decided_by == "bot")).first()
    pending = session.exec(select(ActionRecord).where(
        ActionRecord.conversation_id == message.conversation_id,
        col(ActionRecord.created_at) >= message.created_at,
        ActionRecord.status == "needs_confirmation").order_by(col(ActionRecord.id))).first()
    confirmation = None
    if pending is not None and pending.id is not None:
        prompt = render(settings.prompts_dir, language=_lang(message.language),
                        name=pending.name, context=_template_context(
                            pending.name, pending.status, pending.params or {}, None))
        confirmation = Confirmation(action_id=pending.id, name=pending.name,
                                    params=pending.params or {}, prompt=prompt or pending.name)
    if decision == "agent_review" or sent is None:
        return decision, ShopperView(state="waiting", text=WAITING[_lang(message.language)],
                                     confirmation=confirmation)
    state = "handoff" if decision == "handoff" else "answered"
    return decision, ShopperView(state=state, text=sent.text, confirmation=confirmation,
                                 handed_off=state == "handoff")
