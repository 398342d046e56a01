"""What the shopper is shown: one consistent story per turn, in the shopper's language.

A proposed write shows only its confirmation question; a hand-off only the hand-off; a
"someone will answer" notice only when a person really must write the answer; nothing
at all while a person owns the conversation. Every text comes from
``prompts/templates/<lang>/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.actions import ActionOutcome
from app.assist.schemas import AssistResult, Confirmation, ShopperView
from app.assist.templates import render
from app.domain import ActionStatus, Decision, Reason

if TYPE_CHECKING:
    from app.runtime import Runtime


def lang(language: str | None) -> str:
    return language if language in ("en", "zh") else "en"


def notice(rt: Runtime, name: str, language: str | None, **context: Any) -> str:
    """A fixed shopper-facing text (``_waiting``, ``_resumed`` ...) in that language."""
    text = render(rt.settings.prompts_dir, language=lang(language), name=name,
                  context={"policy": rt.policy.model_dump(mode="json"), **context})
    return text or ""


def _context(rt: Runtime, name: str, status: str, params: dict[str, Any],
             result: Any) -> dict[str, Any]:
    return {"status": status, "action": name, "params": params,
            "result": result if isinstance(result, dict) else {}, "missing": [],
            "candidates": [], "policy": rt.policy.model_dump(mode="json")}


def confirmation_for(rt: Runtime, result: AssistResult) -> Confirmation | None:
    action = result.action
    if (action is None or action.status != ActionStatus.needs_confirmation
            or action.action_id is None):
        return None
    prompt = render(rt.settings.prompts_dir, language=result.language, name=action.name,
                    context=_context(rt, action.name, action.status, action.params, None))
    return Confirmation(action_id=action.action_id, name=action.name, params=action.params,
                        prompt=prompt or action.name)


def outcome_text(rt: Runtime, *, language: str | None, outcome: ActionOutcome) -> str:
    """The shopper-facing sentence for a confirmed, approved or declined action."""
    result = outcome.result or {}
    declined = outcome.status == ActionStatus.blocked and result.get("reason") == Reason.rejected
    name = "_declined" if declined else outcome.name
    text = render(rt.settings.prompts_dir, language=lang(language), name=name,
                  context=_context(rt, outcome.name, outcome.status, outcome.params, result))
    return text or notice(rt, "_done", language)


def shopper_view(rt: Runtime, result: AssistResult, *, human_owned: bool) -> ShopperView:
    if human_owned:
        # a person has the conversation: they answer, the bot says nothing more
        return ShopperView(state="silent", text="", handed_off=True)
    confirmation = confirmation_for(rt, result)
    if confirmation is not None and result.decision == Decision.auto_send:
        # the question is the whole answer: the shopper can reply to it at once
        return ShopperView(state="confirm", text=confirmation.prompt, confirmation=confirmation)
    if result.decision == Decision.agent_review:
        return ShopperView(state="waiting", text=notice(rt, "_waiting", result.language))
    if result.decision == Decision.handoff:
        return ShopperView(state="handoff", text=result.reply, handed_off=True)
    return ShopperView(state="answered", text=result.reply)
