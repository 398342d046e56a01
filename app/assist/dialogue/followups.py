"""Rules for a message that continues the conversation: the answer to the question the
bot asked, the previous request on another order ("same for #1042", "那双手套呢"), a
pending write narrowed to some items, an order named and nothing more."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.assist.dialogue.addresses import finishes_the_address
from app.assist.dialogue.invoices import INVOICE_INTENTS
from app.assist.dialogue.reading import Reading, settle
from app.assist.understand import CARRY_CONFIDENCE, SHORT_REPLY
from app.intents import action_intents, spec
from app.understanding import dialogue_cues as cue
from app.understanding.closings import closes_with_a_remark
from app.understanding.social import new_topic

# a message this short that only names an order or item continues the previous request
BARE_FOLLOW_UP_CHARS = 40


# what may be left of it once the order and item are taken out: a short English word,
# or one Chinese character ("那双手套呢" leaves "双")
BARE_REST_CHARS = 6


_FILLER = re.compile(r"[\s\W_]+|\b(?:and|what|about|my|the|too|also|one|pls|please|ok)\b"
                     r"|[呢吗那个的也还有和]", re.IGNORECASE)


def answers_the_question(r: Reading) -> bool:
    """The message gives what the last reply asked for, and little else ("it's #1042")."""
    finishes_the_address(r)
    previous, slots = r.previous, r.u.slots
    if previous not in action_intents() or r.u.intent == previous:
        return False
    if closes_with_a_remark(r.text) or r.turned_topic or new_topic(r.text) is not None or (
            cue.asks_warranty(r.text)):
        return False  # "just realised … 🙈 sorry!", "while you're here - …", "还在保修吗"
    if previous != "cancel_order" and cue.asks_cancel_now(r.text):
        return False  # "cancel order #1042" after "which order?" is a request of its own
    if previous != "track_order" and cue.asks_where(r.text):
        return False  # "where's my handlebar bag then": a question of its own
    if previous == "track_order" and cue.wants_it_elsewhere(r.text) and cue.asks_outright(r.text):
        return False  # "if I'm out, can they be left at number 134 next door?": a change
    if previous not in ("track_refund", "get_refund") and (
            cue.asks_refund_progress(r.text) or r.u.slots.names_refund
            or (cue.says_returned(r.text) and cue.asks_money_back(r.text))):
        return False  # "之前那单 退款为啥被拒了", "the tins I sent back, did I get it all back?"
    if previous == "get_refund" and r.u.slots.names_refund and cue.asks_outright(r.text):
        return False  # "RMA/2609/0316 - has that been paid out?": a refund there is, asked after
    if previous == "track_order" and r.u.slots.item_products and (
            r.u.slots.return_reason in ("defective", "damaged")):
        return False  # "我自己那个窗户吊床 吸盘老是掉": an item's fault told, not where it is
    if previous not in ("get_refund", "check_refund_policy") and (
            cue.wants_return(r.text) or cue.asks_can_return(r.text)):
        return False  # "我家的逗猫棒才玩了几次毛就掉光了 能退吗": a return asked of its own
    if previous not in INVOICE_INTENTS and r.u.intent in INVOICE_INTENTS and (
            cue.mentions_invoice(r.text)):
        return False  # "for real though: could I have a receipt for my own order 4672"
    if (cue.asks_outright(r.text) and cue.asks_its_own_question(r.text) and not r.by_number
            and not spec(r.u.intent).action):
        return False  # "我那个前灯充满电要多久": a question about the item, not the order asked for
    given = set()
    # the number we could not find, still meant ("what does it cost?"), is none given anew
    if (slots.order_id and slots.order_source in ("message", "item_reference")) or (
            slots.order_mention and slots.order_mention != r.state.slots.order_mention):
        given.add("order_id")
    if slots.address:
        given.add("address")
    if slots.item_products:
        given.add("items")
    leftover = r.text
    # (the item that says which order it is says nothing more: "it's 4588. the ceramic
    # heater")
    for value in (slots.order_id, slots.order_mention, slots.address, *slots.item_refs):
        if value:
            leftover = re.sub(re.escape(value), "", leftover, flags=re.IGNORECASE)
    if not (set(r.state.awaiting) & given) or (
            len(leftover.strip()) > SHORT_REPLY and r.u.intent_confidence >= CARRY_CONFIDENCE):
        return False
    settle(r, _carried_to(r, previous), carried=True)
    return True


def follows_up(r: Reading) -> bool:
    """"same for <order>", "what about the other one", "sorry, I meant <order>",
    "<order>呢": the previous request again, on the order or item now named."""
    previous = r.previous
    # (past a question about the shop: "where's the cage one?", "why 5.50 postage?", then "and
    # the one with the rear light in it?" asks where that one is; after one about a
    # product, "and the kettle?" asks the same of the kettle)
    # ... and after one about a product, "冲牙器那单呢" names an order, not a product)
    between = previous not in action_intents() and previous not in (None, "other") and (
        previous != "product_question" or cue.says_an_order(r.text)) and (
        r.state.last_request in action_intents() and cue.what_about(r.text))
    if between:
        previous = r.state.last_request
    if previous not in action_intents():
        return False
    if r.u.slots.affirmation is not None and r.state.pending is not None and not (
            cue.corrects(r.text) and r.names_order):
        return False  # a yes or no to the question in hand, not "不对 是<another order>"
    s = r.u.slots
    # an item more than one of their orders holds still points at an order: which one
    # is for the request to ask
    refers = r.names_order or s.refers_to_other_order or bool(
        s.item_products and len(s.order_candidates) > 1)
    shaped = (cue.same_for(r.text) or cue.corrects(r.text) or cue.what_about(r.text)
              or cue.the_other_one(r.text))
    # a bare reference ("SO-1042?", "另一单呢", "the gloves?") is a follow-up; a message
    # that says more ("does the stove come with gas?") must say it follows up
    if not refers or not (shaped or bare(r)):
        return False
    own = cue.asks_its_own_question(r.text)
    if own and not _redirects(r):
        return False  # "also, does the stove come with gas?" asks something of its own
    if previous == "track_order" and cue.asks_if_it_fits(r.text):
        return False  # "and for spare heads later on, which ones fit it?": of the product
    confident = r.u.intent_confidence >= CARRY_CONFIDENCE and r.u.intent != "other"
    # ("too" of a request the message says itself is no "the same": "粉色吹风机那单也一起
    # 取消了吧" after where the other order is asks its cancellation)
    other = r.u.intent != previous and not (cue.says_same(r.text) and not _asks_for_it(r))
    if confident and other and own and not cue.corrects(r.text):
        return False  # "and the headlamp in that parcel, is it waterproof?"
    if confident and spec(r.u.intent).action and _asks_for_it(r) and (
            not shaped or (other and not _redirects(r))):
        return False  # a new request: short ("cancel #1042"), or added ("also the invoice
        # for #1042": "also" adds, it does not say "the same")
    if r.u.intent == "cancel_order" != previous and cue.wants_cancel(r.text):
        return False  # "另外那顶帐篷…这单先帮我取消掉吧" after a return: the cancel wished
    settle(r, _carried_to(r, previous), carried=True)
    return True


# the words that ask for a request in so many words; an intent with none here is taken
# as asked whenever the classifier reads it
_ASKED_BY: dict[str, tuple[Callable[[str], bool], ...]] = {
    "track_order": (cue.asks_where, cue.asks_courier),
    "cancel_order": (cue.asks_cancel,), "change_order": (cue.asks_change,),
    "get_invoice": (cue.mentions_invoice,), "check_invoice": (cue.mentions_invoice,),
    "get_refund": (cue.mentions_return, cue.wants_return, cue.mentions_refund),
    "track_refund": (cue.mentions_refund, cue.asks_money_back),
}


def _asks_for_it(r: Reading) -> bool:
    """The message says the request the classifier read ("also track SO-2"), rather than
    the classifier guessing it from an order named ("and the mini pump order too pls"
    after an invoice: "order" alone reads as tracking). What is only conceded asks
    nothing ("another one for the sensor kit, even if the parcel's still on its way")."""
    said = _ASKED_BY.get(r.u.intent)
    text = _CONCEDED.sub(" ", r.text)
    return said is None or any(asks(text) for asks in said)


_CONCEDED = re.compile(r"\b(?:even\s+(?:if|though|when)|although|though)\b[^?.!]*"
                       r"|(?:即使|就算|哪怕|虽然)[^？?。！!]*", re.IGNORECASE)


# what a question about the shop may go on to ask of something else; a hand-off or an
# out-of-scope question does not carry over
ASKED_AGAIN = frozenset({"other", "complaint", "contact_human_agent"})


def asks_the_same_of_another(r: Reading) -> bool:
    """"那花呗呢" after which payments are taken, "and for trekking poles?" after what a
    code covers: the question before, asked of something else (an item may be named,
    but no order number: an order named takes the order's own rules)."""
    previous = r.previous
    if previous is None or previous in ASKED_AGAIN or spec(previous).action:
        return False
    if not (cue.what_about(r.text) or cue.same_for(r.text)) or not r.short or r.by_number:
        return False
    if spec(r.u.intent).action and r.u.intent_confidence >= CARRY_CONFIDENCE:
        return False  # "what about cancelling it?" asks for something
    if cue.asks_its_own_question(r.text) and not cue.asks_if_same(r.text):
        return False  # "also, does the stove come with gas?" is a question of its own
    if cue.asks_shipping_options(r.text) and previous not in (
            "delivery_options", "delivery_period"):
        return False  # "and what's postage on that?" after a code: the shipping of it
    settle(r, previous, carried=True)
    return True


def bare(r: Reading) -> bool:
    """Nothing but the order or item named, and a word or two around it."""
    rest = r.text
    for said in (r.u.slots.order_mention, *r.u.slots.item_refs, *order_ids_in(r)):
        if said:
            rest = re.sub(re.escape(said), " ", rest, flags=re.IGNORECASE)
    rest = _FILLER.sub("", rest)
    # a Chinese character says as much as an English word
    chinese = sum(1 for ch in rest if "\u4e00" <= ch <= "\u9fff")
    return (len(rest) - chinese + BARE_REST_CHARS * chinese <= BARE_REST_CHARS
            and len(r.text.strip()) <= BARE_FOLLOW_UP_CHARS)


def _redirects(r: Reading) -> bool:
    """"Sorry, I meant ...", "what about ...", "the other one", "can you do the same for
    the air fryer?": the request before, aimed at something else."""
    return bool(cue.corrects(r.text) or cue.asks_what_about(r.text)
                or cue.the_other_one(r.text) or cue.does_the_same(r.text))


def order_ids_in(r: Reading) -> list[str]:
    oid = r.u.slots.order_id
    return [oid] if oid and r.u.slots.order_source == "message" else []


def _carried_to(r: Reading, previous: str) -> str:
    """The previous request, as it applies to the order now named: the refund of an order
    that has none (not returned, not cancelled) is a question about where it is, and where
    an order is, asked with a refund's own number, is that refund's progress."""
    order = r.order()
    if previous == "track_refund" and order is not None and not order.refunds and (
            order.status not in ("cancelled", "returned")):
        return "track_order"
    if previous == "track_order" and r.u.slots.names_refund:
        return "track_refund"  # a refund's own number: how that refund is getting on
    return previous


# what a message that names one of the shopper's orders may still be about, besides the
# order's own state: the shop's answers to these are not about that order
NOT_THE_ORDERS_STATE = frozenset({"payment_issue", "promotion_question", "check_invoice",
                                  "get_invoice", "review", "complaint", "contact_human_agent"})


def about_a_named_order(r: Reading) -> bool:
    """A message that names one of the shopper's orders ("can you check SO-1042?", "just
    curious when #1042 gets here") and asks for nothing in particular is about where
    that order is."""
    s = r.u.slots
    named = (s.order_id and s.order_source == "message") or s.order_mention
    if not named or spec(r.u.intent).about_order:
        return False
    if r.u.intent in NOT_THE_ORDERS_STATE or cue.asks_promo(r.text) or cue.asks_policy(r.text):
        return False
    if cue.hypothetical(r.text) and (cue.mentions_return(r.text) or cue.sends_back(r.text)):
        return False  # "if he sends it back unused, how long has he got?": the returns terms
    if s.item_products and (cue.asks_property(r.text) or r.u.intent == "product_question"):
        return False  # "#1042: the lamp in it, is it dimmable?", "my kettle from #4720
        # has a weird plastic smell": about the item, not where the order is
    settle(r, "track_order")
    return True
