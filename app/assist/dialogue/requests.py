"""Rules for requests about the shopper's own orders: cancelling one named, sending it back
(or how returns work), and what an order holds; its refund is refund_questions.py's."""

from __future__ import annotations

from app.assist.dialogue.reading import Reading, settle
from app.assist.understand import CARRY_CONFIDENCE
from app.intents import spec
from app.understanding import dialogue_cues as cue
from app.understanding.cue import Cue
from app.understanding.figures import asks_a_measure
from app.understanding.invoice_cues import asks_after_the_invoice
from app.understanding.item_changes import adds_to_order


def cancels_a_named_order(r: Reading) -> bool:
    """"then cancel SO-1042": the verb and the order say what is wanted, whatever else
    the message holds (a price that surprised, a reason), when the classifier is unsure."""
    wish = cue.wants_cancel(r.text)
    if r.u.intent == "cancel_order" or not (cue.asks_cancel_now(r.text) or wish):
        return False
    # "need the pawtrack order cancelled please, the one coming royal mail": a wish said
    # outright outweighs the courier's words, however sure the classifier
    # ... and a return carried from before, when nothing is said of sending back: "唉好吧。
    # 另外那顶帐篷我还没付钱 …这单先帮我取消掉吧"
    carried_return = r.u.intent == "get_refund" and not (
        cue.wants_return(r.text) or cue.mentions_return(r.text))
    outright = (r.u.intent == "track_order" or carried_return) and wish
    if not (r.names_order or (outright and (r.about_an_order or r.u.slots.order_candidates))):
        return False
    if (r.u.intent_confidence >= CARRY_CONFIDENCE and not outright) or cue.asks_policy(r.text):
        return False
    if cue.says_cancelled(r.text) and r.u.intent != "other" and not wish:
        return False  # "取消了的单还能开发票吗": of an order cancelled already, the invoice
    settle(r, "cancel_order")
    return True


# a conversation about sending something back
RETURN_TALK = frozenset({"get_refund", "check_refund_policy"})


# the words of a return or a refund themselves (sending an item back is also a repair's)
_A_RETURN_SAID = Cue(r"退|\breturn(?:s|ed|ing)?\b|\brefund")
# what sending it back would cost, supposed: the returns terms ("And what would sending it
# back cost me?")
_SUPPOSED = Cue(r"\bwould\b")


def how_to_send_it_in(r: Reading) -> bool:
    """"送修的话整车怎么寄", "how do I send it in?": after a fault, how the warranty takes it
    in (a product question); after a return, how the return goes back. No address change,
    no order's tracking. After a fault's or a warranty's answer, the item sent back ("要我
    自己寄回去吗 运费谁出", "do I send the whole fountain back or just the base?") is the
    warranty's way in too, where no return, refund or supposition is said."""
    text = r.text
    for_repair = r.previous == "product_question" and bool(
        cue.sends_back(text) or cue.asks_return_logistics(text)) and not (
        _A_RETURN_SAID(text) or cue.wants_return(text) or cue.asks_can_return(text)
        or cue.asks_money_back(text) or cue.hypothetical(text) or _SUPPOSED(text)
        or cue.asks_promo(text)
        or spec(r.u.intent).handoff is not None)
    if not (cue.asks_how_to_send_in(text) or for_repair) or r.u.slots.address:
        return False
    if r.previous == "product_question":
        settle(r, "product_question", carried=True)
    elif r.previous in RETURN_TALK:
        settle(r, "check_refund_policy", carried=True)
    else:
        return False
    return True


def returns(r: Reading) -> bool:
    """Wanting to send an item of one's order back (with or without a reason), as
    against asking how returns work or what sending it back costs, or whether a size
    will do ("L码是不是太大了": a question about the item)."""
    # no return asked, only told of: "the return got knocked back … can u email over the
    # invoice for those?", "that whole lot went back to you crushed. Skip it then - the pump
    # order?"
    if r.u.slots.names_refund and cue.asks_status(r.text):
        return False  # "what's the latest on RF-4544-1? the cooker going back": its progress
    told_of = cue.asks_for_an_invoice(r.text) or (
        cue.says_returned(r.text) and r.previous not in RETURN_TALK)
    if told_of and not (cue.wants_return(r.text) or cue.asks_can_return(r.text)):
        return False
    if cue.asks_first(r.text) and (cue.asks_can_return(r.text) or cue.wants_return(r.text)) and (
            r.text.rstrip().endswith(("?", "？"))):
        settle(r, "check_refund_policy")  # "先问一句，试穿过一次 吊牌还在，这样能退吧？"
        return True
    if asks_after_the_invoice(r.text) and not (cue.asks_can_return(r.text) or (
            cue.wants_return(r.text) and not cue.hypothetical(r.text))):
        settle(r, "check_invoice")  # what a return does to the invoice: the shop's terms
        r.u.general = True
        return True
    if cue.asks_if_it_fits(r.text) and not (cue.wants_return(r.text)
                                             or cue.asks_can_return(r.text)):
        if r.u.intent not in ("get_refund", "check_refund_policy"):
            return False
        settle(r, "product_question")
        return True
    # in a conversation about a return, "会扣运费吗" asks about the return's shipping
    # and "do I need to pay the courier?", "do I drop it off somewhere?" of that return
    # (and right after a return's progress, how it goes back: "do I print a label?")
    of_a_return = r.previous in RETURN_TALK or (
        r.previous == "track_refund" and cue.asks_return_logistics(r.text))
    returning = of_a_return and bool(
        cue.asks_shipping_options(r.text) or cue.asks_cost(r.text) or cue.asks_policy(r.text)
        or cue.asks_return_logistics(r.text)) and not (
            r.u.slots.order_mention or cue.asks_free_delivery_threshold(r.text)
            or (cue.asks_what_about(r.text) and r.u.slots.item_products)
            # ("before you book the pick-up: how hot does that air fryer get?")
            or (asks_a_measure(r.text) and r.u.slots.item_products)
            # ("那我只能重新买一台了 走顺丰的话要运费吗": the shipping of a purchase to come)
            or (cue.about_a_new_order(r.text) and not cue.mentions_return(r.text)))
    # "can I swap it when it arrives?": how the shop takes things back
    sending_back = cue.mentions_return(r.text) or cue.asks_exchange(r.text)
    if ((cue.asks_cost(r.text) or cue.hypothetical(r.text) or returning) and (
            sending_back or returning) and not cue.explicitly_wants_return(r.text)):
        settle(r, "check_refund_policy")
        return True
    asks_if = cue.asks_what_if(r.text) or (
        cue.hypothetical(r.text) and r.u.slots.return_reason is not None)
    # (not what a product does: "and if I order a T9 afterwards, how many days does one
    # charge last?"; nor the same asked of another item: "What about the window hammock
    # then?")
    if asks_if and r.previous in RETURN_TALK and not (
            cue.asks_where(r.text) or cue.asks_cancel(r.text) or r.u.slots.order_mention
            or cue.asks_how_often(r.text) or cue.asks_attribute(r.text)
            or (cue.asks_what_about(r.text) and r.u.slots.item_products)):
        # "what if it was faulty?", "what if I already opened it?" of the return discussed
        settle(r, "check_refund_policy")
        return True
    if cue.asks_policy(r.text) and not cue.wants_return(r.text):
        misread = r.u.intent in ("delivery_period", "delivery_options", "track_order",
                                 "other") and bool(
            cue.mentions_return(r.text) or r.previous in RETURN_TALK
            or cue.asks_time_to_decide(r.text)
            # "if something should arrive damaged, how long after delivery may I report it?"
            or (r.u.slots.return_reason is not None and cue.hypothetical(r.text)))
        # (of the order in hand too, when the shopper counts its days: the window asked)
        if (r.u.intent == "get_refund" or misread) and (
                not r.names_order or cue.counts_the_window(r.text)):
            settle(r, "check_refund_policy")
            return True
        return False
    # with a reason and one of their own purchases, "can I return it?" asks to return it
    mine = r.names_order or cue.own_purchase(r.text)
    # (how the item is, asked after what befell it: "会不会是溅上水了？这头灯到底防不防水")
    of_the_item = cue.asks_how_it_is(r.text) and not cue.asks_can_return(r.text)
    wants = cue.wants_return(r.text) or (r.u.slots.return_reason is not None and (
        mine or cue.asks_can_return(r.text)) and not (cue.asks_policy(r.text) or of_the_item)) or (
        r.names_order and cue.asks_can_return(r.text)) or (cue.asks_can_return(r.text) and (
            (mine and bool(r.u.slots.item_products))
            or ((r.short or cue.points_back(r.text)) and r.u.slots.order_id is not None
                and bool(r.state.orders_discussed) and not cue.hypothetical(r.text))))
    # (of one of the orders the message could mean: "the poles I bought ... Refund please?",
    # which the reply asks to pick)
    if not wants or not (r.names_order or r.about_an_order or r.u.slots.order_candidates) or (
            cue.asks_cancel(r.text)):
        return False
    if r.u.slots.address and cue.asks_change(r.text) and not cue.wants_return(r.text):
        return False  # "卖家说他用不上 … 麻烦把收件人和地址改成我：…": a new address, not a return
    if cue.asks_where(r.text) and not (cue.wants_return(r.text) or cue.mentions_return(r.text)):
        return False  # "where is the white helmet? my old one is falling apart": a reason
        # given for hurrying, no return asked
    order = r.order()
    if order is not None and order.status == "shipped" and cue.hypothetical(r.text):
        settle(r, "check_refund_policy")  # "if it doesn't fit once it arrives, can I return it?"
        return True
    if order is not None and order.status in ("pending", "paid"):
        if not cue.wants_return(r.text):
            return False  # a reason alone, before shipping: left to the classifier
        # not shipped: "send it back" can only mean calling the order off
        settle(r, "cancel_order")
        return True
    settle(r, "get_refund")
    return True


def shows_an_order(r: Reading) -> bool:
    """"Send me the address on SO-1042 to check", "did I put 1 tube in that order or
    2?": what the order holds, not a change."""
    # "是一起寄的吗" asks; "加一个码表座 一起发", "往里面再加两双袜子一起寄" ask for a change
    together = cue.asks_shipped_together(r.text) and not (
        cue.asks_change(r.text) or adds_to_order(r.text))
    contents = (cue.asks_contents(r.text) or cue.order_fact(r.text) or together) and (
        r.about_an_order)
    if not ((r.names_order and cue.asks_to_see(r.text)) or contents) or r.u.slots.address:
        return False
    if cue.asks_cancel(r.text) or cue.mentions_return(r.text) or cue.mentions_refund(r.text):
        return False  # "cancel it and send me the address": the cancel is the request
    settle(r, "track_order")
    return True
