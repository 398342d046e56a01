"""Rules for questions about a refund of the shopper's own: how it is getting on, why it
was refused or came back short, and when the money is back (of a refund under way, or
the policy)."""

from __future__ import annotations

from app.assist.dialogue.followups import bare
from app.assist.dialogue.reading import Reading, settle
from app.assist.dialogue.which_refund import (
    prefer_orders_with_refunds,
    the_order_told_of,
    told_by_its_goods,
)
from app.understanding import dialogue_cues as cue
from app.understanding.cue import Cue
from app.understanding.text import questions_asked


def refund_progress(r: Reading) -> bool:
    """How a refund is getting on: asked outright, or "what's the status" while the
    conversation is about a refund."""
    about_refund = r.previous in ("get_refund", "track_refund") or r.u.slots.names_refund
    if r.names_another_order and not (r.u.slots.names_refund or cue.mentions_refund(r.text)):
        about_refund = False  # "also what's happening with my other order, the tins?"
    # "how much was it ah? forgot already" of the refund just told of: its amount
    again = about_refund and r.short and cue.asks_how_much_it_was(r.text)
    # "扣完运费我能拿回多少钱？" of the return just opened: what that refund pays
    pays = r.previous == "get_refund" and not r.state.refused and r.state.pending is None and (
        cue.asks_amount_back(r.text))
    # "is rma/2607/0329 all done?", "RMA/2609/0316 - has that been paid out?": a refund
    # asked after by its own number, which no new refund or order look-up answers
    by_its_number = r.u.slots.names_refund and r.u.intent in ("track_order", "get_refund")
    # "what's happening with the rice cooker I'm sending back?", "the mat that went back:
    # did I get the full 69?": the return's progress, or what it paid
    sent_back = cue.says_returned(r.text) and (
        cue.asks_status(r.text) or cue.asks_amount_back(r.text))
    # "did the chain checker go back in that box too?" of the refund just told of
    went_back = about_refund and cue.asks_what_went_back(r.text)
    if not (cue.asks_refund_progress(r.text) or (about_refund and cue.asks_status(r.text))
            or (r.u.slots.names_refund and bare(r)) or again or pays or by_its_number or sent_back
            or went_back or told_by_its_goods(r)):
        return False
    settle(r, "track_refund")
    prefer_orders_with_refunds(r)
    return True


def why_refused(r: Reading) -> bool:
    """"为啥拒绝 我就用了一次" after a refund was found rejected, "为啥是57 我买的时候69啊"
    after its amount: why the returns policy turned it down or kept part of it back (a
    card declined is a payment problem; this is not one)."""
    if r.previous not in ("track_refund", "get_refund") or not cue.asks_why_refused(r.text):
        return False
    if r.names_another_order or cue.charged_wrongly(r.text):
        return False
    settle(r, "check_refund_policy")
    return True


def why_less_came_back(r: Reading) -> bool:
    """"Why is the first one £3.95 less than what I paid?" right after the refund was
    looked up: what the rules keep of a refund (the return fee), not its progress again
    nor a new return. Asked first, it is the refund's look-up, whose reply shows what was
    kept."""
    if r.previous not in ("track_refund", "check_refund_policy") or not cue.asks_why_less(
            r.text) or cue.wants_return(r.text) or cue.charged_wrongly(r.text):
        return False
    settle(r, "check_refund_policy")
    return True


def money_back(r: Reading) -> bool:
    """"When do I get my money back": about a refund under way in this conversation or
    on the order named, else about the policy."""
    refunding = r.previous in ("cancel_order", "get_refund", "track_refund")
    # (or a question about the return or cancellation just asked for came in between: "OK,
    # refusing it is. once the parcel is back with you, how long before I see the money?")
    between = r.previous == "check_refund_policy" and r.state.last_request in (
        "get_refund", "cancel_order")
    # "visa. when" after a refund: when the money is back (on that card); longer, with the
    # way it was paid: "paid with apple pay, how long till it shows up once you've got it"
    asked = cue.asks_when(r.text) or (cue.names_payment(r.text) and (
        cue.asks_how_soon(r.text) or cue.asks_if_instant(r.text)))
    bare_when = (refunding or between) and asked and (
        r.short or cue.names_payment(r.text)) and not (
        r.u.slots.item_refs or cue.hypothetical(r.text) or cue.about_delivery(r.text))
    # ("after you refund it, how many days b4 it appears on the card?" asks after the
    # refund just opened, not for it again)
    # (nor "以后万一要退款 几天能回到卡上": a refund supposed, not asked for)
    again = cue.wants_return(r.text) and not (refunding and cue.asks_how_soon(r.text)) and not (
        cue.hypothetical(r.text) and cue.asks_how_soon(r.text))
    if not (cue.asks_money_back(r.text) or bare_when) or again or _MONEY_DECLINED(r.text) or (
            cue.asks_goods_instead(r.text)):
        return False  # (nor "我不要退钱 能直接给我换成粉色的吗": an exchange asked instead)
    if cue.asks_return_logistics(r.text) and not cue.asks_how_soon(r.text):
        return False  # "退钱就行 套子跟芯要一起寄回去吗": what goes back, not when money does
    put = questions_asked(r.text)
    if put != r.text and cue.asks_where(put) and not cue.asks_money_back(put):
        return False  # "那我找卖家退钱去。我自己那两条山地胎到哪了？": a plan told, a parcel asked
    if cue.mentions_invoice(r.text) and r.u.intent in ("check_invoice", "get_invoice"):
        return False  # "之前开的电子发票呢 钱都退了 发票是不是就作废了": the invoice, after it
    if cue.charged_wrongly(r.text) or cue.asks_if_accepted(r.text):
        # "charged twice": a payment problem; "还没到账啊 那能改用支付宝付吗": how to pay
        return False
    order = r.order()
    # "the order I cancelled before, is the money back?" is that order, not the one the
    # conversation was on, unless the message names it by its number
    told = cue.says_cancelled(r.text) or cue.says_returned(r.text)
    # (a number we cannot find is said so, not swapped for the order that fits the words)
    if (order is None and not r.u.slots.order_mention) or (
            told and order is not None and order.status not in ("cancelled", "returned")
            and r.u.slots.order_source != "message"):
        order = the_order_told_of(r) or order
    has_refund = order is not None and (
        bool(order.refunds) or order.status in ("cancelled", "returned"))
    if cue.wants_cancel(r.text) and not (cue.hypothetical(r.text) or has_refund or (
            r.previous == "cancel_order")) and r.about_an_order:
        settle(r, "cancel_order")  # "i want cancel both, how much do i get back?": the
        return True  # cancellation asked for; its reply says what goes back
    under_way = refunding or between or has_refund
    if not under_way and r.u.slots.return_reason is not None and _WISHES_IT_BACK(r.text):
        return False  # "it's clearly faulty - I'd just like my money back": a return asked
    # "if I refuse the parcel, is it all refunded or is shipping deducted?": the rule
    # ("if I cancel, when is the money back?" is the cancellation's refund all the same)
    supposed = cue.asks_deduction(r.text) or cue.refuses_delivery(r.text) or (
        # "if I send the whole lot back when it lands, how much would I get back?"
        cue.hypothetical(r.text) and cue.sends_back(r.text) and not cue.asks_cancel(r.text))
    # "退的话钱是回到花呗里吗" while the return proposed still waits for its yes: no refund
    # is under way yet, the terms are asked
    proposed = r.state.write_waiting("get_refund") is not None
    if (supposed or (proposed and cue.hypothetical(r.text))) and not has_refund:
        under_way = False
    settle(r, "track_refund" if under_way or (r.names_order and not supposed)
           else "check_refund_policy")
    return True


# the money back declined: "我不要退钱", "要是不退钱 …", "I don't want a refund"
_MONEY_DECLINED = Cue(r"(?:不要|不用|不想|别)退(?:钱|款)|(?:要是|如果|若是)不退(?:钱|款)"
                      r"|\bdon'?t\s+want\s+(?:a|the|my)\s+(?:refund"
                      r"|money\s+back)\b")


# the money wished back, not asked after: "I'd just like my money back", "我要退钱", "Could
# I get my money back for it?"
_WISHES_IT_BACK = Cue(r"\b(?:'d|would|want|wanna|need)\s+(?:just\s+)?(?:like\s+)?(?:my|the)\s+"
                      r"money\s+back\b|\b(?:can|could|may)\s+i\s+(?:please\s+)?(?:get|have)\s+"
                      r"(?:a\s+(?:full\s+)?refund|my\s+money\s+back)\s+(?:on|for)\s+(?:it|this|that|them"
                      r"|the\s+\w+)\b|(?:我|就)?(?:要|想)(?:把钱)?退(?:钱|款)(?![^，。？?]{0,6}(?:多久|几天|什么时候))")
