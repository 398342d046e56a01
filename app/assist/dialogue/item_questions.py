"""Rules for a further question of an item: a property of it asked even where the message
points at an order ("the headlamp in that parcel, is it waterproof?"), more about the item
just asked about ("how noisy is it at night?"), what it costs ("how much is a 4-pack on its
own?") and how long something of it takes ("how long does it take to pitch?")."""

from __future__ import annotations

import re

from app.assist.dialogue.questions import POLICY_INTENTS, what_it_is_like
from app.assist.dialogue.reading import Reading, settle
from app.intents import spec
from app.understanding import dialogue_cues as cue
from app.understanding.affirmation import without_a_no
from app.understanding.carriers import names_a_carrier
from app.understanding.cue import Cue
from app.understanding.item_changes import adds_to_order, takes_out_of_order
from app.understanding.product_cues import ONCE_IT_COMES
from app.understanding.text import questions_asked, the_question, without_words

# a cancellation the shopper tells of having made: "the two head torches I cancelled!"
_CANCELLED_BY_ME = re.compile(
    r"\b(?:i|we)\s+(?:had\s+|have\s+|already\s+|'d\s+|'ve\s+)*cancell?ed\b|我(?:已经)?取消(?:了|的)",
    re.IGNORECASE)


def a_property_of_an_item(r: Reading) -> bool:
    """"The headlamp in that parcel, is it waterproof?", "在路上的那件骑行服是S码 我胸围88
    穿得下吧": a question about the product (or whether it fits), even where the message
    points at an order; a request given up before it ("想想还是不退了 ... L码戴得下吧")
    leaves the question."""
    # (a "no" while a write waits answers it: "wait, is it the glass one? no, don't cancel")
    text = without_a_no(r.text) if r.state.pending is None else r.text
    text = ONCE_IT_COMES.pattern.sub("", text)  # "when it arrives, how do I pair it?"
    asked = cue.asks_property(text) or cue.asks_if_it_fits(text) or cue.asks_of_it(text)
    if not (r.u.slots.item_products and asked) or r.u.slots.address:
        return False  # "can the jacket go to my office instead? 14 Rue ...": a new address
    # only the misreading an ordered item invites: "on sale?" stays a promotion question
    if not spec(r.u.intent).about_order or cue.asks_promo(text) or cue.asks_cost(text):
        return False
    if r.u.slots.return_reason in ("wrong_item", "damaged"):
        return False  # "里面装的居然是个黑色的软包 … 你们是不是发错了": the parcel, not the product
    # ("Our 5600 Pro is on its way (4592). ... does it have a child lock?": where it is
    # said in passing, not asked)
    # ("the two head torches I cancelled! ... is it fine in the rain?": told, not asked)
    cancel_asked = cue.asks_cancel(text) and not _CANCELLED_BY_ME.search(text)
    if (cue.asks_where(questions_asked(text)) or cancel_asked or cue.mentions_return(text)
            or cue.mentions_refund(text) or cue.asks_change(text) or cue.asks_status(text)
            or cue.asks_can_return(text) or cue.wants_it_elsewhere(text)
            or cue.mentions_invoice(text) or cue.asks_to_check(text)
            or cue.asks_ships_there(text) or cue.parcel_problem(text)
            or cue.asks_courier(text) or cue.asks_its_sending(text)
            or adds_to_order(text) or takes_out_of_order(text) or cue.asks_a_write(text)
            or names_a_carrier(the_question(r.text), (o.carrier for o in r.orders))):
        return False  # "can the frame bag order go to my new place instead?": an address
    settle(r, "product_question")
    return True



def asks_more_about_it(r: Reading) -> bool:
    """"How noisy is it at night?" right after a question about the purifier: a question
    that points back at what was just asked about, which the classifier alone reads as
    out of scope, is a further question about it (its passages are found with the
    question before)."""
    if r.u.intent != "other" or r.names_order:
        return False
    # or right after an order whose item it can only be: "where is my purifier?" then
    # "how loud is it on the lowest setting"
    of_the_order = spec(r.previous or "").about_order and bool(r.state.items_discussed) and (
        what_it_is_like(r.text)) and not (cue.about_delivery(r.text) or cue.asks_status(r.text))
    if r.previous != "product_question" and not of_the_order:
        return False
    # "how much?" right after a question about the water tank: what it costs
    priced = r.previous == "product_question" and r.short and cue.asks_price(r.text)
    # Chinese leaves the subject out: "放卧室晚上开着吵不吵" names nothing and means it
    unsaid = r.u.language == "zh" and not r.u.slots.item_refs and what_it_is_like(r.text)
    pointed = cue.points_back(r.text) or unsaid
    if not (pointed and cue.asks_its_own_question(r.text)) and not priced:
        return False
    settle(r, "product_question", carried=True)
    return True


# a question of the shop's money terms, which a price question of a product is read as
_MONEY_TERMS = frozenset({"promotion_question", "check_cancellation_fee"})
# one more of the product talked about: "what does a new one cost?", "再买一个多少钱"
_ONE_MORE = Cue(r"\b(?:a\s+new|another|a\s+replacement|one\s+more)\s+one\b"
                r"|再买一个|买个新的|新的一个")
# a deal asked after, which the shop's promotions answer: "are ye doing anything for black
# friday this year?", "双11有活动吗"
_A_DEAL = Cue(r"\b(?:black\s+friday|cyber\s+monday|deals?|discounts?|offers?|sales?)\b"
              r"|双(?:11|十一|12|十二)|618|活动|优惠|打折|促销")


def its_price_asked(r: Reading) -> bool:
    """"Fair enough, I'll just buy another. How much is a 4-pack on its own?" or "套餐首月
    免费 之后一个月多少钱来着" right after a question about a product: what a thing of it
    costs, read as a question of codes or fees because it speaks of money, with no word of
    delivery, returns, cancelling or a code. So is one of a product named that the
    classifier left out of scope: "What's the medium grey one going for at the moment?"."""
    # (or of a product named, whatever came before: "I'm tempted to get the green fountain
    # after all - is it still £44.99?")
    misread = r.u.intent in _MONEY_TERMS and not r.by_number and (
        (r.previous == "product_question" and not r.names_order) or bool(r.u.slots.item_products))
    # (not what was paid for it: "how much did I pay for the grey bed?")
    # ... or of one more of the product just talked about: "what does a new one cost?"
    unread = r.u.intent == "other" and (bool(r.u.slots.item_products) or (
        r.previous == "product_question" and _ONE_MORE(r.text))) and not (
        r.by_number or cue.asks_amount_paid(r.text))
    if not (misread or unread):
        return False
    text = r.text
    if not cue.asks_price(text) or (
            cue.about_delivery(text) or cue.mentions_return(text) or cue.mentions_refund(text)
            or cue.asks_cancel(text) or cue.asks_promo(text) or cue.mentions_invoice(text)
            or _A_DEAL(text)):
        return False
    # (carried on from the product asked about; a product named anew starts afresh, and a
    # write waiting before it is not asked again)
    settle(r, "product_question", carried=r.previous == "product_question")
    return True


# what lasts by the shop's terms, not in use: a warranty, an offer, a code
_TERMS = Cue(r"\bwarrant|\bguarantee|\boffer\b|\bsale\b|\bpromo|\bcode\b|\bvoucher|\bcoupon"
             r"|保修|质保|保障|优惠|活动|券|码")


def how_long_the_product_takes(r: Reading) -> bool:
    """"How long does it take one person to pitch it?" right after a question about the
    tent: how long something of the product takes, with no word of a delivery and no
    order named, is a further question about it. (Alone, such a message stays the
    classifier's: "how many days to Hong Kong?" names no delivery either.) So is one that
    names an item and no order number ("那刷头多久换一次": how often, not when)."""
    s = r.u.slots
    if r.by_number or cue.about_delivery(r.text):
        return False
    # "那滤芯多久换一次 两个都要换吗": how often, whatever "换" read as
    if s.item_refs and cue.asks_how_often(r.text) and not (
            cue.mentions_return(r.text) or cue.mentions_refund(r.text)
            or cue.asks_where(r.text) or cue.asks_cancel(r.text)):
        settle(r, "product_question")  # "集尘袋一般多久换一次": a part's life, whatever read
        return True
    # "一片能用多久来着": how long one lasts in use, of no delivery or terms
    if cue.asks_how_long_it_lasts(r.text) and not (
            _TERMS(r.text) or cue.mentions_return(r.text) or cue.mentions_refund(r.text)
            or cue.asks_cancel(r.text)):
        settle(r, "product_question", carried=not s.item_refs)
        return True
    # "how long does it take to charge back up?": its battery, read as the shop's terms
    charging = cue.about_its_battery(r.text) and r.u.intent in POLICY_INTENTS and not (
        cue.mentions_refund(r.text) or cue.mentions_return(r.text))
    if r.u.intent != "delivery_period" and not charging:
        return False
    if r.previous != "product_question" and not s.item_refs:
        return False
    settle(r, "product_question", carried=True)
    return True


# a delivery's word inside a product's name ("PawTrack", "ShipShape"), which the
# classifier takes for a parcel
_A_DELIVERY_STEM = re.compile(r"track|ship|deliver|parcel|courier|post", re.IGNORECASE)


def tracking_only_in_its_name(r: Reading) -> bool:
    """"The dog won't need the tracker. Is there a way of pausing the PawTrack plan?", "Will
    his PawTrack keep working over there?": where the words of a delivery stand only in a
    product's name, the classifier's "where is my order" is a question about the product."""
    s = r.u.slots
    if r.u.intent != "track_order" or r.by_number or not s.item_refs or r.state.pending:
        return False
    said = without_words(r.text, sorted(s.item_refs, key=len, reverse=True))
    named = cue.about_delivery(r.text) or any(_A_DELIVERY_STEM.search(w) for w in s.item_refs)
    if not named or cue.about_delivery(said) or cue.asks_where(r.text) or (
            cue.asks_status(said) or not cue.asks_its_own_question(said)):
        return False
    if (cue.asks_cancel(said) or cue.mentions_return(said) or cue.mentions_refund(said)
            or cue.asks_change(said) or cue.mentions_invoice(said)):
        return False
    settle(r, "product_question")
    return True
