"""The candidates of one turn: a filled template and knowledge-base answers, each scored
with its calibrated confidence. (LLM drafts come later, off the shopper's path: see
:mod:`app.assist.drafter`.)"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from app.assist import details, drafting, item_answers, scoring
from app.assist.acting import ActStep
from app.assist.schemas import Suggestion
from app.assist.template_context import template_context
from app.assist.templates import render
from app.assist.turn import Turn
from app.assist.warranty import warranty_context
from app.intents import spec
from app.models import Product
from app.store.product_attributes import variant_details
from app.understanding import dialogue_cues as cue
from retrieval.index import Hit


def _order_items(turn: Turn, context: dict[str, Any]) -> str | None:
    """"What colour was the jacket I bought?": the order's own line for it answers."""
    order = turn.order_in_hand()
    if order is None or not (cue.asks_attribute(turn.text) or cue.asks_ordered_variant(turn.text)):
        return None
    named = set(turn.u.slots.item_products)
    lines = [i for i in order.items if i.product_id in named] or list(order.items)
    return render(turn.rt.settings.prompts_dir, language=turn.u.language, name="_order_items",
                  context={**context, "order_id": order.id,
                           "lines": [{"name": i.name, "qty": i.qty,
                                      "details": _details(turn, i.product_id)} for i in lines]})


def _details(turn: Turn, product_id: str | None) -> list[str]:
    product = turn.session.get(Product, product_id) if product_id else None
    return variant_details(product.attributes if product else None, turn.u.language)


def drafts(turn: Turn) -> list[drafting.Draft]:
    out = _drafts(turn)
    if turn.aside is None or turn.handoff is not None or turn.human_owned:
        return out
    answer = _aside_answer(turn)
    if answer is not None:
        for draft in out:
            draft.suggestion.text = f"{draft.suggestion.text}\n\n{answer.suggestion.text}"
            draft.suggestion.sources = [*draft.suggestion.sources,
                                        *answer.suggestion.sources]
            draft.joined = answer
    return out


def _aside_answer(turn: Turn) -> drafting.Draft | None:
    """The joined question's answer: its best passage, or its policy template."""
    aside = turn.aside
    assert aside is not None
    if aside.by_knowledge:
        passages = drafting.kb_drafts(item_answers.sections_first(
            _layer_first(aside.hits, aside.intent), aside.words, len(aside.products),
            question=aside.text))
        return passages[0] if passages else None
    context = {**template_context(turn, ActStep()), "intent": aside.intent}
    text = render(turn.rt.settings.prompts_dir, language=turn.u.language, name=aside.intent,
                  context=context)
    return drafting.Draft(Suggestion(text=text, kind="template", confidence=0.0)) if (
        text) else None


def _drafts(turn: Turn) -> list[drafting.Draft]:
    context = template_context(turn)
    out: list[drafting.Draft] = []
    line = None
    if turn.intent == "product_question" and turn.handoff is None:
        line = item_answers.catalogue_line(turn)
        items = _order_items(turn, context)
        if items:
            out += item_answers.with_catalogue(turn, line, [drafting.Draft(
                Suggestion(text=items, kind="template", confidence=0.0))])
        covered = warranty_context(turn)
        if covered is not None:
            said = render(turn.rt.settings.prompts_dir, language=turn.u.language,
                          name="_warranty", context={**context, **covered})
            out.append(drafting.Draft(Suggestion(text=said, kind="template", confidence=0.0)))
            if covered["claim_offered"]:  # it offers a colleague for a claim
                turn.warranty_offer = said or ""
    by_knowledge = spec(turn.template).answer == "knowledge" and turn.template == turn.intent
    text = None if by_knowledge else _rendered(turn, context)
    if text:
        # a hand-off's agent gets the team's playbook for it (a complaint's) to read
        guidance = drafting.guidance(turn.hits) if turn.handoff is not None else []
        out.append(drafting.Draft(Suggestion(text=text, kind="template", confidence=0.0,
                                             sources=guidance)))
    if turn.handoff is not None or turn.answered_pending or turn.social:
        return out
    # the store's facts answer an action or a policy question better than a passage
    # quoting the general rule; passages answer what no template can
    if text and (turn.step.outcome is not None or not by_knowledge) and turn.intent != "other":
        if turn.step.outcome is None and not by_knowledge:
            _with_the_detail(turn, out[-1])
        return out
    hits = _layer_first(turn.hits, turn.intent)
    if turn.intent == "product_question":
        words, named, of_before = item_answers.words_for_the_item(turn)
        hits = item_answers.sections_first(hits, words, named, of_rows=of_before,
                                           question=turn.text)
        if cue.compares(turn.text):  # "what's the difference": the whole table, not one row
            hits = [_whole_table(turn, h) for h in hits]
    passages = drafting.kb_drafts(hits)
    return out + item_answers.with_catalogue(turn, line, passages)


def _with_the_detail(turn: Turn, draft: drafting.Draft) -> None:
    """The policy's answer, and the passage that holds the detail asked that it leaves
    out ("小程序能用云闪付吗" of the list of ways to pay)."""
    detail = details.asked_detail(turn, draft.suggestion.text)
    if detail is not None:
        draft.suggestion.text = f"{draft.suggestion.text}\n\n{detail.suggestion.text}"
        draft.suggestion.sources = [*draft.suggestion.sources, *detail.suggestion.sources]
        draft.joined = detail


def _rendered(turn: Turn, context: dict[str, Any]) -> str | None:
    """The turn's template, once per order when it asks the same of several ("cancel
    both": one line each)."""
    text = render(turn.rt.settings.prompts_dir, language=turn.u.language,
                  name=turn.template, context=context)
    if not text or not turn.more_steps:
        return text
    lines = [text]
    for step in turn.more_steps:
        line = render(turn.rt.settings.prompts_dir, language=turn.u.language,
                      name=turn.template, context=template_context(turn, step))
        lines += [line] if line else []
    return "\n".join(lines)


_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}", re.MULTILINE)
TABLE_LOOKBACK = 40  # chunks before a row where its section's table may be


def _whole_table(turn: Turn, hit: Hit) -> Hit:
    """A comparison table's row found ("battery: S7 180 min; E5 120 min") stands for its
    whole table, the section's passage that holds it; any other passage for itself."""
    ord_ = hit.id.rpartition("#")[2]
    if _TABLE_RULE.search(hit.text) or not ord_.isdigit():
        return hit
    for ord in range(int(ord_) - 1, max(-1, int(ord_) - TABLE_LOOKBACK), -1):
        before = turn.rt.index.passage(hit.doc_id, ord)
        if before is None or before.section != hit.section:
            break
        if _TABLE_RULE.search(before.text):
            return replace(before, score=hit.score, dense_score=hit.dense_score)
    return hit


# the knowledge layer that answers each knowledge intent best
LAYER_OF = {"product_question": "product", "promotion_question": "promotion"}


def _layer_first(hits: list[Hit], intent: str) -> list[Hit]:
    """Passages of the intent's own layer first ("any deals on headphones?" is answered
    by the promotion, not by the headphones' battery FAQ)."""
    layer = LAYER_OF.get(intent)
    if layer is None:
        return hits
    return sorted(hits, key=lambda h: h.layer != layer)


def _joined_confidence(turn: Turn, joined: drafting.Draft | None) -> float:
    """How sure the answer to the joined question, or the detail added, is (1.0: none
    joined)."""
    if joined is None:
        return 1.0
    aside = turn.aside
    confidence, margin = (aside.confidence, aside.margin) if aside else (
        turn.u.intent_confidence, turn.u.margin)
    return turn.rt.confidence_model.score(scoring.Evidence(
        intent_confidence=confidence, margin=margin,
        kind=joined.suggestion.kind, status=ActStep().status,
        retrieval=joined.retrieval_score, grounded=joined.suggestion.grounded,
        anger=turn.u.sentiment.anger))


def score(turn: Turn, drafts: list[drafting.Draft]) -> list[Suggestion]:
    model = turn.rt.confidence_model
    for d in drafts:
        evidence = scoring.Evidence(
            intent_confidence=turn.u.intent_confidence, margin=turn.u.margin,
            kind=d.suggestion.kind,
            status=turn.step.status, retrieval=d.retrieval_score,
            grounded=d.suggestion.grounded, anger=turn.u.sentiment.anger)
        d.suggestion.confidence = round(min(model.score(evidence), _joined_confidence(
            turn, d.joined)), 4)
        d.suggestion.evidence = evidence
    # passages keep the search's order among themselves (it weighs the question's words
    # as well as its meaning); each keeps its own confidence
    passages = max((d.suggestion.confidence for d in drafts if d.suggestion.kind == "kb"),
                   default=0.0)
    return sorted((d.suggestion for d in drafts),
                  key=lambda s: -(passages if s.kind == "kb" else s.confidence))
