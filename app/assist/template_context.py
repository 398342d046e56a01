"""What a reply template reads of a turn: the step's outcome, the policy, the shopper's
orders to pick from, and the facts of the message that change what the reply says
first (a fact of an order asked, a cancellation waiting, how the shopper paid)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import partial
from typing import Any

from app.actions.base import Refusal
from app.actions.refund import OPEN_REFUNDS, RefundItem, fee_kept, refund_amount
from app.assist.acting import ActStep, refund_items
from app.assist.for_a_person import money_not_shown
from app.assist.turn import Turn
from app.assist.warranty import order_warranty
from app.intents import spec
from app.models import ActionRecord
from app.store.connector import OrderSnapshot
from app.understanding import dialogue_cues as cue
from app.understanding.account_cues import gives_feedback
from app.understanding.order_resolution import ON_ITS_WAY
from app.understanding.sentiment import asks_if_bot

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
        "item_names": _item_names(turn, outcome.params if outcome else {},
                                  (outcome.result or {}) if outcome else {}),
        # "are you a bot?": the off-topic reply says who answers
        "bot_question": asks_if_bot(turn.text),
        # "charged twice": money taken wrongly, for a person to check, not card advice
        "charged_wrongly": cue.charged_wrongly(turn.text),
        # money taken for an order still shown unpaid: for a person to check with the
        # payment provider, not card advice
        "paid_not_shown": money_not_shown(turn),
        # feedback said to be no complaint: thanked for and passed on
        "feedback": gives_feedback(turn.text),
        # a company's name and tax number for an invoice, given: noted for a person
        "invoice_details": bool(cue.gives_invoice_details(turn.text)),
        # a question about the shop's rules, not about one order: no "which order?"
        "general": turn.u.general,
        # an order's address asked to change, none of whose orders still can: the default
        "for_the_account": turn.for_the_account,
        # the order whose cancellation waits for the shopper's yes: "when is the money
        # back?" asked meanwhile is answered for that cancellation
        "cancel_waiting": _cancel_waiting(turn),
        # the return waiting for the shopper's yes, with what it would pay back: "how
        # much do I get back after the fee?" is answered for it
        "return_waiting": _return_waiting(turn) or _return_supposed(turn),
        # a fact of an order asked outright, which its reply says first
        "order_fact": cue.order_fact(turn.text),
        # what the shopper pays in: the order in hand's currency, else their newest's
        "currency": _currency(turn),
        # the shopper's orders not yet delivered or ended, or with a return under way
        # (an account deletion waits for them where the store says so)
        "open_orders": [o.id for o in turn.orders if o.status in ON_ITS_WAY
                        or any(r.status in OPEN_REFUNDS for r in o.refunds)],
        # the shopper's newest orders, to pick from instead of typing a number
        "recent_orders": [{"order_id": o.id, "summary": summaries[o.id]}
                          for o in offered_orders(turn)],
        # how the shopper says they paid ("it went on PayNow"): that posting time only
        "paid_with": paid_with(turn.text, turn.rt.policy.refund_posting_days),
        # the order in hand's warranty (by its items' category), until when it runs:
        # looked up only by a reply that calls for it (a return refused as too late)
        "warranty": partial(order_warranty, turn),
    }


def _item_names(turn: Turn, params: Mapping[str, Any],
                result: Mapping[str, Any]) -> dict[str, str]:
    """Product id -> the name the shopper knows it by: from their orders, and for a
    product a change of items brings in, the catalogue's name in their language."""
    names = {i.product_id: i.name for o in turn.orders for i in o.items if i.product_id}
    brought = [line.get("product_id") for given in (params, result)
               for line in (given.get("items") or []) if isinstance(line, Mapping)]
    for pid in brought:
        if isinstance(pid, str) and pid not in names:
            names[pid] = turn.facts.catalogue.name_for(pid, turn.u.language) or pid
    return names


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
    # a phone's wallet pays with a card: "Apple Pay" names no "…_pay" kind of the store
    text = _CARD_WALLET.sub(" card ", text)
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


_CARD_WALLET = re.compile(r"\b(?:apple|google|samsung)\s*pay\b", re.IGNORECASE)
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


def _return_waiting(turn: Turn) -> dict[str, Any] | None:
    """The return proposed and waiting for the yes, when the message asks what it pays:
    its order, the goods' value, the return fee its reason costs (waived for a fault) and
    what would come back ("how many days do I have again?" is the policy's question).
    The amounts are the proposal's own preview (the refund action's, fee kept or not)."""
    pending = turn.state.write_waiting("get_refund")
    if pending is None or pending.action_id is None or not cue.asks_amount_back(turn.text):
        return None
    row = turn.session.get(ActionRecord, pending.action_id)
    if row is None or not isinstance(row.result, dict) or "amount" not in row.result:
        return None
    preview, reason = row.result, row.params.get("return_reason")
    currency = preview.get("currency")
    return {"order_id": pending.order_id, "currency": currency,
            "goods_value": float(preview.get("goods_value") or preview["amount"]),
            "amount": float(preview["amount"]),
            "fee": turn.rt.policy.return_fee(reason, currency), "reason_given": reason is not None,
            "proposed": True}


def _return_supposed(turn: Turn) -> dict[str, Any] | None:
    """"If I send the whole lot back when it lands, how much would I get back?" of an
    order in hand with no refund: what that return would pay under the policy (the goods
    named or the whole order, less the return fee its reason costs), nothing proposed."""
    if turn.intent != "check_refund_policy" or not cue.asks_amount_back(turn.text):
        return None
    order = turn.order_in_hand()
    if order is None or order.refunds or not order.items:
        return None
    # priced as the refund action's own preview prices a return
    named = refund_items(turn.u.slots, order)
    goods = refund_amount(order, [RefundItem.model_validate(i) for i in named] if named else None)
    if isinstance(goods, Refusal):
        return None
    reason = turn.u.slots.return_reason
    fee = turn.rt.policy.return_fee(reason, order.currency)
    kept = fee_kept(turn.rt.policy, fee, goods)
    return {"order_id": order.id, "currency": order.currency, "goods_value": goods,
            "amount": round(goods - kept, 2), "fee": fee, "reason_given": reason is not None,
            "proposed": False}


def _cancel_waiting(turn: Turn) -> str | None:
    pending = turn.state.write_waiting("cancel_order")
    return pending.order_id if pending is not None else None
