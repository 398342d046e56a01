"""The candidates of one turn: a filled template, knowledge-base answers, an LLM draft,
each scored with its calibrated confidence."""

from __future__ import annotations

from typing import Any

from app.assist import drafting, grounding, scoring
from app.assist.schemas import Suggestion
from app.assist.templates import render
from app.assist.turn import Turn
from app.policy import get_policy

# answered by knowledge-base passages: a template could only say "see below"
KB_INTENTS = frozenset({"product_question", "promotion_question"})


def template_context(turn: Turn) -> dict[str, Any]:
    outcome = turn.step.outcome
    policy = get_policy().model_dump(mode="json")
    lang = turn.u.language
    summaries = {o.id: f"{o.id} ({', '.join(i.name for i in o.items)}, "
                       f"{o.created_at:%Y-%m-%d})" for o in turn.orders}
    return {
        "status": turn.step.status, "action": outcome.name if outcome else None,
        "params": outcome.params if outcome else {}, "result": (outcome.result or {})
        if outcome else {}, "missing": turn.step.missing,
        "candidates": [{"order_id": c, "summary": summaries.get(c, c)}
                       for c in turn.step.candidates],
        "policy": policy, "customer_name": turn.customer.name,
        "store_name": policy.get("store_name", {}).get(lang, ""),
        "ticket_id": turn.ticket_id,
        "handoff_reason": turn.handoff.reason if turn.handoff else None,
        "priority": turn.handoff.priority if turn.handoff else None,
    }


def drafts(turn: Turn, *, llm: Any, past: list[Any]) -> list[drafting.Draft]:
    context = template_context(turn)
    out: list[drafting.Draft] = []
    text = None if turn.template in KB_INTENTS else render(
        turn.settings.prompts_dir, language=turn.u.language, name=turn.template,
        context=context)
    if text:
        out.append(drafting.Draft(Suggestion(text=text, kind="template", confidence=0.0)))
    if turn.handoff is not None:
        return out
    out += drafting.kb_drafts(turn.hits)
    evidence = grounding.evidence_text(*(h.text for h in turn.hits[:4]), context["result"],
                                       context["params"], context["policy"])
    if llm is not None and getattr(llm, "available", False):
        # Generation takes seconds: commit the turn so far (the shopper's message and any
        # proposed action are safe) and release SQLite's write lock while the model runs.
        turn.session.commit()
    try:
        draft = drafting.llm_draft(
            llm=llm, prompts_dir=turn.settings.prompts_dir, language=turn.u.language,
            store_name=context["store_name"], message=turn.text, passages=turn.hits[:4],
            facts=context["result"], history=[{"role": m.role, "text": m.text} for m in past],
            evidence=evidence, max_tokens=turn.settings.llm_max_tokens)
    except drafting.LLMFailed:
        turn.llm_failed = True  # degraded: a person looks before anything is sent
        return out
    if draft is not None:
        out.append(draft)
    return out


def score(turn: Turn, drafts: list[drafting.Draft]) -> list[Suggestion]:
    model = scoring.load_model(turn.settings.data_dir / "models" / "confidence.json")
    for d in drafts:
        evidence = scoring.Evidence(
            intent_confidence=turn.u.intent_confidence, margin=turn.u.margin,
            kind=d.suggestion.kind,
            status=turn.step.status, retrieval=d.retrieval_score,
            grounded=d.suggestion.grounded, anger=turn.u.sentiment.anger)
        d.suggestion.confidence = round(model.score(evidence), 4)
        d.suggestion.evidence = evidence
    return sorted((d.suggestion for d in drafts), key=lambda s: -s.confidence)
