"""An invoice asked about in the conversation: asked for, how soon it comes, what it
will show or say after a return, and the details to put on it."""

from __future__ import annotations

import re

from app.assist import routing
from app.assist.dialogue.reading import FOLLOW_UP_CHARS, Reading, settle
from app.intents import spec
from app.understanding import dialogue_cues as cue
from app.understanding.closings import asks_nothing
from app.understanding.cue import Cue
from app.understanding.invoice_cues import (
    asks_for_an_invoice,
    asks_if_in_the_parcel,
    asks_if_one_is_needed,
    for_goods_not_bought,
)
from app.understanding.text import clauses

INVOICE_INTENTS = frozenset({"get_invoice", "check_invoice"})
# the questions whose terms may ask for a receipt
_NEEDS_ASKED_OF = frozenset({"product_question", "check_refund_policy"})


_FIRST_SENTENCE = re.compile(r"[^.?!。？！]*[.?!。？！]")


# from when the time to ask for an invoice counts: "发票那个180天 是从下单那天开始算 还是从签收
# 那天算", "does the 180 days start from the order or the delivery?"
_COUNTED_FROM = Cue(r"从[^，。？?]{0,8}(?:开始)?算|(?:开始|起)算|截止|期限|多少天内|多久(?:以)?内"
                    r"|\b(?:count(?:ed|s)?|start(?:s|ed)?|run(?:s)?)\s+from\b|\bdeadline\b"
                    r"|\bwithin\s+how\s+(?:long|many\s+days)\b")


def how_late_an_invoice_may_be_asked(r: Reading) -> bool:
    """"你们发票那个180天 是从下单那天开始算 还是从签收那天算": the shop's terms for invoices
    (not a delivery time, nor an invoice asked for)."""
    # (asked as a choice too: "…开始算 还是从签收那天算")
    asked = cue.asks_outright(r.text) or cue.asks_its_own_question(r.text) or "还是" in r.text
    if not (cue.mentions_invoice(r.text) and _COUNTED_FROM(r.text) and asked):
        return False
    if asks_for_an_invoice(r.text) or r.u.intent in INVOICE_INTENTS:
        return False
    settle(r, "check_invoice")
    r.u.general = True
    return True


_RECEIVED = re.compile(r"收到|\breceive\b", re.IGNORECASE)


def how_soon_the_invoice_comes(r: Reading) -> bool:
    """"How long does the invoice take?", and "那要多久" / "how long will that take?" right
    after an invoice was asked for: when invoices come (the policy's hours), not how late
    one may ask for one nor how long delivery takes."""
    # (or how it comes: "是发我邮箱 还是要我自己去账户里下载？")
    how = cue.asks_how_it_comes(r.text) and cue.asks_outright(r.text) and not (
        asks_for_an_invoice(r.text))
    if not (cue.asks_how_soon(r.text) or how) or cue.asks_deadline(r.text):
        return False
    # (the mailbox it lands in, right after an invoice: "when should I expect it in my inbox?")
    named = cue.mentions_invoice(r.text) or (
        cue.names_mailbox(r.text) and r.previous in INVOICE_INTENTS)
    # a short question of its own about money, delivery, a return or another order is
    # that question, whatever was asked before (as is one set off by "另外", "btw")
    # ("多久能到邮箱": arriving in the mailbox is the invoice's)
    # (nor is "大概多久能收到" right after it: receiving is the invoice's too)
    delivery = cue.about_delivery(_RECEIVED.sub(" ", r.text)) and not cue.names_mailbox(r.text)
    # "这款电饭煲预约功能最多能设几个小时": a question about a product
    # (short, or its question short with a remark after it: "How soon will it come
    # through? My accountant's on my back about it")
    asked = _FIRST_SENTENCE.match(r.text.strip())
    short = r.short or (asked is not None and len(asked.group(0)) <= FOLLOW_UP_CHARS
                        and asks_nothing(r.text[asked.end():]))
    carried = r.previous in INVOICE_INTENTS and short and not (
        r.names_another_order or cue.asks_money_back(r.text) or delivery
        or r.u.slots.item_refs or r.turned_topic
        or cue.mentions_return(r.text) or cue.mentions_refund(r.text))
    if not (named or carried):
        return False
    settle(r, "check_invoice")  # the shop's invoice terms, whatever order is in hand
    r.u.general = True
    return True


# the invoice asked of one more order, the word "invoice" left out: "理发器那个也顺便开了吧",
# "and one for the helmet too"
_ISSUED_TOO = Cue(r"(?:也|一起|顺便)[^，。,.?？]{0,4}开(?:了|一下|一张|个)?(?:吧|呗|嘛|哈)?"
                  r"|\b(?:one|the\s+same)\s+for\s+(?:the|my|that)\b[^.?!]{0,30}\b(?:too|as\s+well)\b")


def invoice_asked_for(r: Reading) -> bool:
    """"Could you email me the invoice for my headlamp order?", "invoice for that one
    possible?": the invoice of an order, asked for, not the shop's invoice terms (how
    late, how soon), which stay a question about invoices; "please send me a receipt for
    4667" however the classifier reads the rest."""
    # "包裹里会放价格单吗": what the shop puts in, no invoice asked; "a pro-forma invoice
    # first, before we pay": of goods not bought yet, no order's invoice
    not_bought = for_goods_not_bought(r.text) and cue.mentions_invoice(r.text) and not r.by_number
    # "do we need ... the original receipt?" after the warranty or the return terms: what
    # that asks for, not an invoice asked for
    if (r.previous in _NEEDS_ASKED_OF and cue.mentions_invoice(r.text)
            and asks_if_one_is_needed(r.text) and not r.by_number):
        settle(r, r.previous, carried=True)
        return True
    if asks_if_in_the_parcel(r.text) or not_bought:
        settle(r, "check_invoice")
        r.u.general = True
        if not_bought:  # the items named are to be bought, of no order held
            s = r.u.slots
            s.order_id, s.order_source, s.order_candidates = None, None, []
        return True
    if r.previous in INVOICE_INTENTS and r.names_order and _ISSUED_TOO(r.text) and not (
            cue.asks_cancel(r.text) or cue.mentions_return(r.text)):
        settle(r, "get_invoice")  # "理发器那个也顺便开了吧": that order's invoice as well
        return True
    # (the clause that asks it: "the return got knocked back … can u email over the invoice
    # for those?" asks no return)
    asked = next((part for part in clauses(r.text) if asks_for_an_invoice(part)), "")
    if r.u.intent not in INVOICE_INTENTS and asked and not (
            cue.wants_return(asked) or cue.mentions_return(asked) or cue.asks_cancel(asked)
            or cue.asks_invoice_policy(asked) or asks_if_one_is_needed(asked)):
        settle(r, "get_invoice")
        return True
    if r.u.intent != "check_invoice" or not (r.names_order or r.u.slots.item_refs
                                             or r.u.slots.order_id):
        return False
    if r.u.slots.address and not cue.mentions_invoice(r.text):
        return False  # "ship it c/o Radwerk Hoffmann, <address>": a company, no invoice
    if cue.asks_invoice_policy(r.text) or cue.asks_deadline(r.text) or cue.asks_how_soon(r.text):
        return False
    if len(r.orders_holding_named_items()) > 1:
        return False  # items of several orders ("the headlamp one and the pump one")
    settle(r, "get_invoice")
    return True


def what_the_invoice_shows(r: Reading) -> bool:
    """"Will the VAT be shown separately on it?" right after an invoice was asked for: a
    question about that invoice, not the order's tracking."""
    if r.previous not in INVOICE_INTENTS or r.names_another_order:
        return False
    if not cue.asks_what_it_shows(r.text) or not cue.asks_outright(r.text):
        return False
    settle(r, "check_invoice", carried=True)
    r.u.general = True  # what the shop's invoices show, not one order's invoice again
    return True


def asks_about_its_invoice(r: Reading) -> bool:
    """"退掉一袋以后 发票是按剩下那袋开吗": the question asked is about the invoice, whatever
    the return or the cancellation around it makes the classifier read; no write."""
    around = cue.mentions_return(r.text) or cue.wants_return(r.text) or (
        cue.asks_cancel_now(r.text) and not cue.says_cancelled(r.text))
    if not (spec(r.u.intent).writes or (r.u.intent == "get_invoice" and around)):
        return False
    asked = next((part for part in reversed(clauses(r.text)) if cue.asks_outright(part)), None)
    if asked is None or not (cue.mentions_invoice(asked) and _HOW_IT_IS_MADE_OUT(asked)):
        return False  # "还能开invoice吗", "could you send me a tax invoice?" ask for one
    settle(r, "check_invoice")
    return True


# what an invoice will say, asked: "是按剩下那袋开吗", "will it be changed to just the bulbs?"
_HOW_IT_IS_MADE_OUT = Cue(r"是按|按照|按剩下|按实际|怎么算|金额|\bbased\s+on\b|\bchanged?\s+to\b"
                          r"|\b(?:only|just)\s+(?:show|cover|the)\b|\bamount\b|\bre-?issued?\b"
                          r"|\bupdated?\b")


def gives_invoice_details(r: Reading) -> bool:
    """"Company name is Harbourline Trading Ltd, 18/F ..." after the invoice of an order:
    what to put on that invoice (a person reissues it), not a new question."""
    if r.previous not in INVOICE_INTENTS or not cue.gives_invoice_details(r.text):
        return False
    if r.u.sentiment.wants_human:
        return False  # "is there someone in accounts I can talk to? ...company name": a person
    # another order named: its invoice ("4950 then, made out to Harbourline Ltd"), unless
    # the message asks something else of it ("... and where is #4950?"); a company's name
    # holds a product's word often enough ("Grant Cycle Couriers Ltd") to ask nothing of it
    if r.names_another_order and r.u.intent not in (*INVOICE_INTENTS, "product_question") and (
            r.u.intent_confidence >= routing.OUT_OF_SCOPE_CONFIDENCE):  # a request read
        return False
    settle(r, "get_invoice", carried=True)
    return True
