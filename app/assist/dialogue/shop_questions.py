"""Questions about the shop itself, not about one of the shopper's orders: its hours,
how shipping works and what it costs, ways of paying, a discount code (invoices are in
dialogue/invoices.py)."""

from __future__ import annotations

import re

from app.assist.dialogue.reading import Reading, settle
from app.intents import spec
from app.understanding import dialogue_cues as cue
from app.understanding.account_cues import asks_to_review, gives_feedback, mentions_newsletter
from app.understanding.cue import Cue
from app.understanding.item_changes import adds_to_order
from app.understanding.payment_cues import asks_to_pay_again, payment_fails
from app.understanding.return_cues import asks_refund_elsewhere
from app.understanding.text import without_words


def opening_hours(r: Reading) -> bool:
    """When the shop's people are there to answer is a question about its service."""
    if not cue.asks_hours(r.text) or spec(r.u.intent).action or r.u.intent == "complaint":
        return False
    if cue.asks_for_a_person(r.text):
        return False  # "put me through to a person, what are your hours?"
    # "人工客服几点下班" names the people to ask about them, not to be put through
    r.u.sentiment = r.u.sentiment.model_copy(update={"wants_human": False})
    settle(r, "contact_customer_service")
    return True


def refund_elsewhere(r: Reading) -> bool:
    """A refund paid to another person's or another account is a question of the refund
    rules (it goes back the way it was paid), not of the ways to pay."""
    if not asks_refund_elsewhere(r.text) or r.u.intent in ("complaint", "contact_human_agent"):
        return False
    settle(r, "check_refund_policy")
    return True


def reviewing(r: Reading) -> bool:
    """"And the white helmet that's on its way, can I review that one once it's here?":
    how reviews work, asked (not where the helmet is), and "take me off the newsletter"
    the newsletter, whatever else the message names."""
    if asks_to_review(r.text) and r.u.intent != "review" and not cue.asks_for_a_person(r.text):
        settle(r, "review")
        return True
    # ("not a complaint, just making sure my order isn't stuck?" asks of the order)
    if gives_feedback(r.text) and not (cue.asks_its_own_question(r.text) or r.by_number
                                       or r.u.sentiment.anger or r.u.sentiment.wants_human
                                       or (cue.asks_outright(r.text) and r.about_an_order)):
        settle(r, "review")  # "not a complaint, just feedback: ...": thanked and passed on
        return True
    if mentions_newsletter(r.text) and r.u.intent in ("other", "edit_account", "product_question"):
        settle(r, "newsletter_subscription")
        return True
    return False


# an order of one's own pointed at: "我那单喂食器", "my order", "that order"
_OF_AN_ORDER = Cue(r"(?:我|这|那)(?:一)?单|订单|\b(?:my|that|this|the)\s+order\b")


def general_question(r: Reading) -> bool:
    """Questions about the shop, not about one of the shopper's orders: how shipping
    works and what it costs, how long invoices can be asked for. Answered from the
    policy, without asking which order."""
    # "那我再加一副手套 是不是就够包邮了": what a purchase would cost to ship, asked of no
    # order (an item of an old order named is no order), however much it reads as a change
    # ("would postage be free if I get him the gloves?": a purchase supposed, whatever the
    # classifier makes of it)
    supposed = r.u.intent in ("product_question", "other") and cue.hypothetical(r.text)
    supposing = (r.u.intent in ("change_order", "place_order") or supposed) and cue.asks_outright(
        r.text) and cue.asks_shipping_options(r.text) and not (r.by_number or adds_to_order(
            r.text) or _OF_AN_ORDER(r.text))
    # "that next order would only be one bottle cage - is there postage on that?"
    # (or with no order of theirs talked about: "and what's postage on that?" after a code)
    supposing = supposing or cue.asks_free_delivery_threshold(r.text) or (
        cue.about_a_new_order(r.text) and cue.asks_shipping_options(r.text) and not r.by_number
    ) or (cue.asks_shipping_options(r.text) and not r.about_an_order)
    if (r.names_order and not supposing) or r.u.slots.order_source == "message":
        return False
    # (or how a kind of invoice is had: "专票需要提供哪些资料", "专票是寄纸质的还是发邮箱")
    # (not this order's own, asked for: "这单当时没要发票，现在还能补开一张吗？")
    asked = r.u.intent in ("get_invoice", "check_invoice") and (
        cue.asks_invoice_policy(r.text) or cue.asks_how_invoices_work(r.text))
    own = _OF_AN_ORDER(r.text) and cue.asks_for_an_invoice(r.text)
    if (asked or (cue.mentions_invoice(r.text) and cue.asks_deadline(r.text))) and not own:
        settle(r, "check_invoice")
        r.u.general = True
        return True
    sending_back = cue.mentions_return(r.text)
    if cue.asks_customs(r.text) and not (sending_back or cue.asks_where(r.text)):
        settle(r, "delivery_options")  # "还要另外交关税吗": the shop's terms, not the order's place
        return True
    # "do you even ship to China, and how long would it take?": whether it goes there first
    there = cue.asks_ships_there(r.text) and not sending_back
    if (cue.asks_shipping_options(r.text) or there) and r.u.intent != "delivery_options" and not (
            (spec(r.u.intent).action and not supposing) or cue.asks_promo(r.text) or sending_back):
        settle(r, "delivery_options")
        return True
    if r.u.intent in ("delivery_options", "promotion_question") and cue.asks_delivery_time(
            r.text) and not there:
        settle(r, "delivery_period")
        return True
    return False


def pays_with(r: Reading) -> bool:
    """"It still says pending, I haven't paid yet. Can I pay with FPS?": whether a way of
    paying is taken, not a payment gone wrong."""
    # (or an invoice, for a company paying: "能对公转账吗 财务要求走公司账户")
    misread = r.u.intent in ("get_invoice", "check_invoice") and not cue.mentions_invoice(r.text)
    if r.u.intent not in ("payment_issue", "other", "place_order", "promotion_question") and (
            not misread):
        return False
    if not cue.asks_if_accepted(r.text) or cue.charged_wrongly(r.text):
        return False
    settle(r, "check_payment_methods")
    return True


# the shopper's own plan of paying, told: "好嘞，一会儿用微信把钱付了", "right, I'll pay with
# iDEAL in a bit"
_WILL_PAY = Cue(r"(?:一会儿?|待会儿?|等(?:一)?下|马上|回头|晚点|今晚|明天)[^，。,.!！?？]{0,10}付"
                r"|\b(?:i'?ll|i\s+will|we'?ll|gonna)\s+(?:just\s+)?pay\b")


def tells_how_they_will_pay(r: Reading) -> bool:
    """The way the shopper will pay, told and not asked: nothing for the shop to answer."""
    if r.u.intent != "check_payment_methods" or not _WILL_PAY(r.text):
        return False
    if cue.asks_its_own_question(r.text) or cue.asks_if_accepted(r.text):
        return False
    settle(r, "other")
    return True


_A_DOORS_CODE = re.compile(r"\b(?:door|gate|entry|entrance|access|building|buzzer|lobby|security"
                           r"|lock(?:box)?)\s+(?:code|number|pin)\b|门禁(?:码|密码)?|大门密码|楼道密码",
                           re.IGNORECASE)


def a_code(r: Reading) -> bool:
    """A discount code named ("can I still use NEWRIDER10?") is a promotion question,
    unless the message asks for something of an order in so many words."""
    # a product's own code is no discount code: "swap them for the 'clean' ones (THD0601)";
    # nor a door's: "could you add the door code to the address?"
    said = without_words(_A_DOORS_CODE.sub(" ", r.text),
                         [*r.u.slots.item_refs, *r.u.slots.item_products])
    if not cue.asks_promo(said) or r.u.intent in ("promotion_question", "payment_issue"):
        return False
    # (a cancellation supposed, the code asked of the order placed again: "取消之后我重新
    # 下单的话，能用新人码吗")
    supposed = cue.hypothetical(r.text) and cue.about_a_new_order(r.text)
    if (cue.asks_cancel(r.text) and not supposed) or cue.wants_return(r.text) or cue.asks_where(
            r.text) or cue.asks_for_a_person(r.text):
        return False  # "转个人工吧 我想问问…以旧换新": the person asked for is the request
    settle(r, "promotion_question")
    return True


_ONLY_FEARED = re.compile(r"以为|\b(?:thought|worried|feared)\b", re.IGNORECASE)


def paid_but_not_shown(r: Reading) -> bool:
    """"信用卡已经被扣了 怎么还是待付款": money taken for an order still shown unpaid, taken
    twice, or paying that failed, is a payment problem for a person to check (not where the order
    is); a cancellation asked in the same breath is that cancellation."""
    # "so should I just pay again?" of that payment
    again = r.previous == "payment_issue" and asks_to_pay_again(r.text)
    # paying that failed: "tried PayNow twice and both times the QR expired"
    failed = payment_fails(r.text) and not cue.asks_if_accepted(r.text)
    # ... or money taken twice: "是不是扣了我两次钱" (not only feared: "还以为被扣了两次 谢谢")
    taken = again or failed or (cue.charged_wrongly(r.text) and not _ONLY_FEARED.search(r.text))
    if not (cue.paid_not_shown(r.text) or taken) or cue.wants_cancel(r.text) or (
            cue.asks_change(r.text)):
        return False
    settle(r, "payment_issue", carried=again)
    return True


# the shop's own ways to be reached, asked: "what's your actual support email?", "你们官方
# 客服电话是多少"; an order's phone or address is another matter
_ASKS_HOW_TO_REACH = Cue(
    r"\bwhat(?:'s|\s+is)\s+your\s+(?:actual\s+|real\s+|official\s+|proper\s+)?(?:support\s+"
    r"|customer\s+(?:service|support|care)\s+|contact\s+|help\s*desk\s+)?(?:e-?mail(?:\s+address)?"
    r"|phone(?:\s+number)?|(?:tele)?phone\s+line|contact\s+details)\b"
    r"|\bhow\s+(?:can|do)\s+i\s+(?:contact|reach|email|e-mail|call|phone)\s+you(?:\s+guys)?\b"
    r"|你们(?:的)?(?:官方|真正的|正规的)?(?:的)?(?:客服)?(?:邮箱|电话|联系方式)(?:是)?(?:多少|什么|啥)"
    r"|怎么(?:联系|找到)你们")


def asks_how_to_reach_the_shop(r: Reading) -> bool:
    """"Got a text about my refund, looks dodgy. What's your actual support email?": how
    to reach the shop is asked, whatever the pasted message before it is about."""
    if not _ASKS_HOW_TO_REACH(r.text) or r.u.sentiment.wants_human or spec(r.u.intent).writes:
        return False
    settle(r, "contact_customer_service")
    return True
