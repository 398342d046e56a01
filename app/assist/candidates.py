"""The candidates of one turn: a filled template and knowledge-base answers, each scored
with its calibrated confidence. (LLM drafts come later, off the shopper's path: see
:mod:`app.assist.drafter`.)"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import partial
from typing import Any

from app.assist import drafting, item_answers, scoring
from app.assist.acting import ActStep
from app.assist.schemas import Suggestion
from app.assist.templates import render
from app.assist.turn import Turn
from app.assist.warranty import order_warranty, warranty_context
from app.intents import spec
from app.models import Product
from app.store.catalogue import variant_details
from app.store.connector import OrderSnapshot
from app.understanding import dialogue_cues as cue
from app.understanding.order_resolution import ON_ITS_WAY
from app.understanding.sentiment import asks_if_bot
from retrieval.index import Hit

RECENT_ORDERS_SHOWN = 3


def template_context(turn: Turn, step: ActStep | None = None) -> dict[str, Any]:
    """What a template reads; ``step`` is another order's step of the turn ("cancel
    both"), else the turn's own."""
    step = turn.step if step is None else step
    outcome = step.outcome
    policy = turn.rt.policy.model_dump(mode="json")
    lang = turn.u.language
    summaries = {o.id: order_summary(o, lang) for o in turn.orders}
    return {
        "intent": turn.intent,
        "status": step.status, "action": outcome.name if outcome else None,
        "params": outcome.params if outcome else {}, "result": (outcome.result or {})
        if outcome else {}, "missing": step.missing,
        "candidates": [{"order_id": c, "summary": summaries.get(c, c)}
                       for c in step.candidates],
        "policy": policy, "customer_name": turn.customer.name,
        "store_name": policy.get("store_name", {}).get(lang, ""),
        "ticket_id": turn.ticket_id,
        "handoff_reason": turn.handoff.reason if turn.handoff else None,
        "priority": turn.handoff.priority if turn.handoff else None,
        "slots": turn.u.slots.model_dump(mode="json"),
        # product id -> the name the shopper knows it by (from their orders)
        "item_names": {i.product_id: i.name for o in turn.orders for i in o.items
                       if i.product_id},
        # "are you a bot?": the off-topic reply says who answers
        "bot_question": asks_if_bot(turn.text),
        # "charged twice": money taken wrongly, for a person to check, not card advice
        "charged_wrongly": cue.charged_wrongly(turn.text),
        # a company's name and tax number for an invoice, given: noted for a person
        "invoice_details": bool(cue.gives_invoice_details(turn.text)),
        # an order's address asked to change, none of whose orders still can: the default
        "for_the_account": turn.for_the_account,
        # the order whose cancellation waits for the shopper's yes: "when is the money
        # back?" asked meanwhile is answered for that cancellation
        "cancel_waiting": _cancel_waiting(turn),
        # a fact of an order asked outright, which its reply says first
        "order_fact": cue.order_fact(turn.text),
        # what the shopper pays in: the order in hand's currency, else their newest's
        "currency": _currency(turn),
        # the shopper's newest orders, to pick from instead of typing a number
        "recent_orders": [{"order_id": o.id, "summary": summaries[o.id]}
                          for o in offered_orders(turn)],
        # how the shopper says they paid ("it went on PayNow"): that posting time only
        "paid_with": paid_with(turn.text, turn.rt.policy.refund_posting_days),
        # the order in hand's warranty (by its items' category), until when it runs:
        # looked up only by a reply that calls for it (a return refused as too late)
        "warranty": partial(order_warranty, turn),
    }


def offered_orders(turn: Turn) -> list[OrderSnapshot]:
    """The orders a "which one?" lists: the newest few; for a request about an order on
    its way ("any news on my order?"), the ones not yet delivered when two or more are."""
    if spec(turn.intent).on_its_way:
        moving = [o for o in turn.orders if o.status in ON_ITS_WAY]
        if len(moving) >= 2:
            return moving[:RECENT_ORDERS_SHOWN]
    return list(turn.orders[:RECENT_ORDERS_SHOWN])


def paid_with(text: str, posting_days: Mapping[str, Any]) -> str | None:
    """The policy's payment kind the message names ("paid with PayNow" -> the
    "payme_fps_paynow" entry), by the words of the store's own keys; None if not one."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    words |= {kind for kind, said in PAYMENT_WORDS.items() if said.search(text)}
    parts = {key: {w for w in re.split(r"[_\W]+", key.lower()) if len(w) > 2}
             for key in posting_days}
    # "paynow" names one kind; "pay" of "wechat_pay" or "card" is said of several, and
    # names a kind only where one kind has it
    for telling in (lambda ws: ws - GENERIC_PAY_WORDS, lambda ws: ws & GENERIC_PAY_WORDS):
        named = [key for key, ws in parts.items() if words & telling(ws)]
        if named:
            return named[0] if len(named) == 1 else None
    return None


GENERIC_PAY_WORDS = frozenset({"pay", "payment", "card", "cards", "bank", "transfer"})
# how people name a kind of payment other than by the store's word for it: a card by its
# brand, the Chinese wallets by their Chinese names
PAYMENT_WORDS = {
    "card": re.compile(r"\b(?:visa|master\s*card|amex|american\s+express|debit|credit)\b"
                       r"|银行卡|信用卡|储蓄卡|借记卡", re.IGNORECASE),
    "wechat": re.compile(r"微信"), "alipay": re.compile(r"支付宝|花呗"),
    "unionpay": re.compile(r"银联")}


def _currency(turn: Turn) -> str | None:
    in_hand = turn.order_in_hand()
    newest = max(turn.orders, key=lambda o: o.created_at, default=None)
    chosen = in_hand or newest
    return chosen.currency if chosen is not None else None


def order_summary(order: OrderSnapshot, language: str) -> str:
    """"#1042 (Mug, Teapot, 2026-11-20)" / "#1042（马克杯、茶壶，2026年11月20日）"."""
    when = order.created_at
    if language == "zh":
        items = "、".join(i.name for i in order.items)
        return f"{order.id}（{items}，{when.year}年{when.month}月{when.day}日）"
    return f"{order.id} ({', '.join(i.name for i in order.items)}, {when:%Y-%m-%d})"


def _cancel_waiting(turn: Turn) -> str | None:
    pending = turn.state.pending
    if pending is None or pending.kind != "action" or pending.intent != "cancel_order":
        return None
    return pending.order_id


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
            _layer_first(aside.hits, aside.intent), aside.words, len(aside.products)))
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
            turn.warranty_offer = said or ""  # it offers a colleague for a claim
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
        return out
    hits = _layer_first(turn.hits, turn.intent)
    if turn.intent == "product_question":
        hits = item_answers.sections_first(hits, turn.u.slots.item_refs,
                                           len(turn.u.slots.item_products))
        if cue.compares(turn.text):  # "what's the difference": the whole table, not one row
            hits = [_whole_table(turn, h) for h in hits]
    passages = drafting.kb_drafts(hits)
    return out + item_answers.with_catalogue(turn, line, passages)


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
    """How sure the answer to the joined question is (1.0: none joined)."""
    if joined is None or turn.aside is None:
        return 1.0
    return turn.rt.confidence_model.score(scoring.Evidence(
        intent_confidence=turn.aside.confidence, margin=turn.aside.margin,
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
