"""A product's warranty and its faults: the warranty asked about, a fault asked about or
shown by its code with no wish to send it back, and "still not working" after what to
try; each a question of the product, not a return nor whatever the classifier reads."""

from __future__ import annotations

from app.assist.dialogue.reading import Reading, settle
from app.domain import HandoffReason
from app.intents import spec
from app.understanding import dialogue_cues as cue, product_cues
from app.understanding.account_cues import registers_a_product
from app.understanding.carriers import names_a_carrier
from app.understanding.cue import Cue
from app.understanding.item_changes import adds_to_order
from app.understanding.text import questions_asked

# the return only the time of a plan: "退掉以后打算换那款1.7L的 它也是保一年吗", "once this
# one's gone back I'll get the steel one - is that under warranty too?"
_AFTER_THE_RETURN = Cue(
    r"退(?:掉|了|回去)?(?:以|之)?后|\b(?:once|after)\s+(?:this\s+one|it|that)(?:'s|\s+is|\s+has)?"
    r"\s+(?:gone\s+)?back\b")


def warranty(r: Reading) -> bool:
    """The warranty, or registering the product for it: a question of the product."""
    asked = cue.asks_warranty(r.text) or registers_a_product(r.text)
    if not asked or cue.wants_return(_AFTER_THE_RETURN.pattern.sub(" ", r.text)):
        return False
    if r.by_number and adds_to_order(r.text):
        return False  # "ok, warranty then. could you drop the new holster into SO-88012?"
    if cue.mentions_invoice(r.text) and (r.u.intent in ("get_invoice", "check_invoice") or (
            r.by_number)):
        # "先把这单的发票开给我 保修的时候要用", "订单号… 能把发票改开成我的名字 以后保修方便":
        # the invoice, for the warranty
        return False
    if r.names_order and cue.asks_where(r.text):
        # "订单号… 是哪天签收的 还在不在保修期", "which day did DHL drop off the tyre I had
        # from you? … still in warranty": that order's delivery, looked up
        return False
    asked_now = questions_asked(r.text)
    # ("ok, warranty, I send you photos. the stove + headlamp parcel, still with DHL?")
    where = cue.asks_where(asked_now) or names_a_carrier(asked_now, (o.carrier for o in r.orders))
    if asked_now != r.text and where and not cue.asks_warranty(asked_now):
        return False  # "right, warranty it is then. and my pedals, when are they landing?"
    settle(r, "product_question")
    return True


def a_fault_to_look_into(r: Reading) -> bool:
    """"Why won't the humidifier mist, is it broken? #1042", "it keeps showing E11": a
    fault asked about or shown by its code, with no wish to send it back: what to try
    first is a product question."""
    coded = cue.shows_error_code(r.text)
    # a fault come on with use ("最近每天早上起来都瘪了 是不是漏气了"), not damage on arrival
    faulty = r.u.slots.return_reason == "defective" or (
        r.u.slots.return_reason == "damaged" and product_cues.with_use(r.text))
    if not coded and (not faulty or not cue.asks_how_or_why(r.text) or cue.breaks_apart(r.text)
                      or cue.asks_what_if(r.text)):
        # a part broken off is a return or a warranty claim, not a question; "what if it
        # were faulty?" asks what the policy does
        return False
    if spec(r.u.intent).handoff is not None:
        return False  # an angry "why is it broken AGAIN" is for a person
    if (cue.mentions_return(r.text) or cue.mentions_refund(r.text) or cue.asks_cancel(r.text)
            or cue.wants_return(r.text) or cue.asks_can_return(r.text)):
        return False
    settle(r, "product_question")
    return True


def still_not_working(r: Reading) -> bool:
    """"Tried that, still not working", "试过了还是不行" after what to try for a fault: the
    same item still faulty, a question of it again (answered with its warranty and the
    offer of a colleague for a claim), not whatever the classifier makes of the words."""
    if r.previous != "product_question" or not product_cues.still_not_working(r.text):
        return False
    # (the classifier's "out of scope" for "tried that, still not working" is no person)
    for_a_person = spec(r.u.intent).handoff not in (None, HandoffReason.out_of_scope)
    if for_a_person or cue.wants_return(r.text) or (
            cue.mentions_return(r.text) or cue.asks_can_return(r.text)
            or cue.mentions_refund(r.text)):
        return False  # angry, or "还是不行的话能退吗": the return is the question
    s, before = r.u.slots, r.state.slots
    if not s.item_products:  # the item asked about before
        s.item_products, s.item_refs = list(before.item_products), list(before.item_refs)
        s.order_id = s.order_id or before.order_id
    settle(r, "product_question", carried=True)
    return True


# a part or another one bought: "能单独买个换上吗", "can I buy a spare one"
_BUYS_A_SPARE = Cue(r"单独买|单买|另买|再买(?:个|一个)|买(?:个|一个)(?:新的?|替换的?)?换上"
                    r"|\bbuy\s+(?:a\s+|one\s+|the\s+)?(?:spare|replacement|new)\b"
                    r"|\bsell\s+(?:the\s+)?(?:spare|replacement)s?\b")


def a_spare_for_later(r: Reading) -> bool:
    """"以后内胆涂层要是坏了 能单独买个换上吗", "if the bowl ever cracks, can I buy a spare?":
    a part to buy some day, a question about the products, no return of anything now."""
    if r.u.intent not in ("get_refund", "check_refund_policy", "change_order", "product_question"):
        return False
    if not (cue.hypothetical(r.text) and _BUYS_A_SPARE(r.text)) or r.u.sentiment.complaint:
        return False
    settle(r, "product_question")
    return True
