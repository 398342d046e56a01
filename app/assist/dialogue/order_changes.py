"""Changes asked of an order in words other than the classifier's: its contact, its
address or the account's, the same new address for another order, and its items (put
in, taken out, or the order asked about in a change of what was ordered); and a change
the classifier read into words that ask none (a cancellation's are cancellations.py's);
and what follows a change of items: more of it, or whether one thing fits another."""

from __future__ import annotations

from app.assist.dialogue.followups import bare
from app.assist.dialogue.reading import Reading, settle
from app.assist.state import CHANGES
from app.intents import spec
from app.understanding import dialogue_cues as cue, product_cues
from app.understanding.cue import Cue
from app.understanding.item_changes import adds_to_order, asks_replacement, takes_out_of_order
from app.understanding.slot_cues import talks_about_order

# the account, named: "the email on our account", "账号绑定的手机"
_THE_ACCOUNT = Cue(r"\b(?:account|profile|log\s*in|login)\b|账户|账号|帐户|帐号|个人资料")


def contact_for_an_order(r: Reading) -> bool:
    """"Change the phone number on my order to +32 …": a change of the order's contact,
    for a person to make (no address to ask for, no items); "the email on our account"
    is the account's."""
    s = r.u.slots
    if not ((s.phone or s.email) and cue.asks_change(r.text) and r.about_an_order) or (
            s.address or r.u.intent not in CHANGES):
        return False
    settle(r, "edit_account" if _THE_ACCOUNT(r.text) and not r.by_number else "change_order")
    return True


def the_accounts_address(r: Reading) -> bool:
    """"Can you update the address on my account?", "默认地址改一下", "where do I put the
    Basel address so the next orders don't go to Rotterdam again?": the address the account
    keeps for the next orders, not an order's (unless one is named)."""
    if r.u.intent != "change_shipping_address" or not (
            cue.the_accounts_address(r.text) or cue.for_later_orders(r.text)):
        return False
    if r.names_order and not cue.the_accounts_address(r.text):
        return False  # "send SO-1 there, and future orders too": that order's change
    if r.by_number or r.u.slots.order_source == "item_reference":
        return False
    settle(r, "set_up_shipping_address")
    return True


def to_the_same_address(r: Reading) -> bool:
    """"And the panniers I ordered yesterday, can those go there too?" after a new address
    was given (for an order or the account): that order, to that address."""
    if r.previous not in ("change_shipping_address", "set_up_shipping_address") or not (
            r.state.slots.address and r.names_order and cue.same_address(r.text)):
        return False
    settle(r, "change_shipping_address")
    return True


# the order is to go to the address given: "could the bags on SO-1 go to <address>?"
_GOES_THERE = Cue(r"\b(?:go|be\s+sent|be\s+delivered|send|ship|deliver|post)\b[^.?!]{0,40}?\bto\b"
                  r"|\b(?:send|ship|deliver|post)\s+(?:it|them)\s+(?:c/o|care\s+of)\b"
                  r"|(?:寄|送|发|改)(?:到|去)")


def address_for_an_order(r: Reading) -> bool:
    """An order and a new address: send it there (the items of the order named in the
    same breath ask nothing about them)."""
    read_as = ("change_order", "set_up_shipping_address", "track_order", "other")
    # (or where the other words read as a question of the item or an invoice: "ship it
    # c/o Radwerk Hoffmann, <address>" names a company, no invoice asked)
    misread = r.u.intent in ("product_question", "get_invoice", "check_invoice") and (
        _GOES_THERE(r.text) and not cue.mentions_invoice(r.text))
    if not (r.u.slots.address and r.names_order) or not (r.u.intent in read_as or misread):
        return False
    settle(r, "change_shipping_address")
    return True


# the order pointed back at: "add a bell to it", "pop it in with it", "加到那单里"
_TO_IT = Cue(r"\b(?:to|into|onto|in\s+with|with)\s+(?:it|that|this\s+order|that\s+order)\b"
             r"|(?:到|进)(?:这单|那单|那个订单|这个订单)")


def adds_to_the_order(r: Reading) -> bool:
    """"My order isn't paid yet right? could you pop a mini pump in with it": something
    not yet in an order of the shopper's put into it, or something of it taken out ("take
    the scarf out of ZX-100"), is a change of that order, whatever else the message asks."""
    s = r.u.slots
    before = r.state.slots.order_id
    if (s.order_source == "item_reference" and before and s.order_id != before
            and adds_to_order(r.text) and _TO_IT(r.text)):
        # "can I add a bottle of chain lube to it?": the item is the one to put in, "it"
        # the order talked about (not an old order that held one)
        s.order_id, s.order_source, s.order_candidates = before, "previous", []
    order = r.order()
    if r.u.intent == "change_order" or order is None:
        return False
    held = {line.product_id for line in order.items}
    # (another of an item it holds is put in too: "chuck another Mini filter into that parcel")
    put_in = adds_to_order(r.text) and bool(s.item_products)
    taken_out = takes_out_of_order(r.text) and bool(set(s.item_products) & held)
    if not (put_in or taken_out):
        return False
    settle(r, "change_order")
    return True


# a review the shopper writes: "post this as my review", "a review for order 4676"
_A_REVIEW_OF_THEIR_OWN = Cue(r"\b(?:my|this|a|the)\s+review\b|\breview\s+(?:for|of|on)\b"
                             r"|\b(?:post|leave|write|submit|edit)\s+(?:\w+\s+){0,2}review"
                             r"|写评价|评价一下|追评|我的评价|晒单")


def changes_what_was_ordered(r: Reading) -> bool:
    """"Can I reduce the panniers to just one? Ordered two by accident": a change asked
    of an item the shopper has on order is a change of that order, not a question about
    how to order."""
    # (what the change costs asked with it reads as a price question: "bump it to 2?
    # what would the total be then?")
    # (an item of it for another product reads as a question about that product: "could
    # you swap the socks in SO-88104 for the grey gloves?")
    # ("I was up reading reviews and I'd rather have the S7. Can you upgrade 4402 to it?":
    # the reviews read are no review to write, with an order named by its number)
    # (and one put in or taken out: "could you take one of the two bags off though?")
    in_or_out = adds_to_order(r.text) or takes_out_of_order(r.text)
    misread = r.u.intent == "place_order" or (
        r.u.intent == "review" and r.by_number and not _A_REVIEW_OF_THEIR_OWN(r.text)) or (
        r.u.intent == "promotion_question" and r.u.slots.quantity is not None) or (
        r.u.intent in ("product_question", "other")
        and (asks_replacement(r.text) or product_cues.asks_it_made_into(r.text) or in_or_out)) or (
        # "那单帐篷还没付款 … 我想把帐篷换成你们那款羽绒睡袋": the unpaid state said, no way to pay
        r.u.intent == "check_payment_methods" and asks_replacement(r.text)
        and not cue.names_payment(r.text)) or (
        # "里面那盒喷嘴帮我删掉吧 只要冲牙器主机就行": an item taken out, not the order called off
        r.u.intent == "cancel_order" and takes_out_of_order(r.text)
        and bool(r.u.slots.item_products) and not cue.asks_cancel(r.text))
    if not misread or not (cue.asks_change(r.text) or in_or_out):
        return False
    # (an order in hand will do for one put in or taken out, right after it was discussed)
    in_hand = in_or_out and r.u.slots.order_id in r.state.orders_discussed[-1:]
    if not (r.names_order or r.u.slots.order_source == "item_reference" or in_hand):
        return False
    settle(r, "change_order")
    return True


def no_change_asked(r: Reading) -> bool:
    """"Order 4528 - any update?", "查下订单X，冲牙器那个", "can u check so-84051 pls": the
    classifier's "change" or "cancel" the order without a word of changing or cancelling
    is a question about where that order is."""
    if r.u.intent not in ("change_order", "cancel_order") or not r.names_order:
        return False
    if cue.asks_change(r.text) if r.u.intent == "change_order" else _asks_to_cancel(r.text):
        return False
    if cue.same_for(r.text) and spec(r.previous or "").action:
        return False  # "and the mini pump order too pls": the request before, again
    # (or what it holds: "he showed me the order number, MW-1. Could you tell me what's in it
    # so I don't end up buying him the same?")
    if not (cue.asks_status(r.text) or cue.asks_where(r.text) or bare(r)
            or cue.asks_to_check(r.text) or cue.asks_contents(r.text)):
        return False
    settle(r, "track_order")
    return True


# an order's delivery details asked to be read out, not changed: "收件人、电话和地址",
# "帮我看看收货地址填的哪", "reply with the consignee's mobile and full address"
_READS_ITS_DETAILS = Cue(
    r"\b(?:recipient|receiver|consignee|addressee)s?\b|\b(?:what|which)\s+address\b"
    r"|\b(?:name|phone|mobile|number)\s*(?:,|and|&)\s*(?:\w+\s+){0,2}(?:address|phone|mobile)\b"
    r"|收件(?:人|方)|收货(?:人|方)|地址(?:填|写)的(?:是)?(?:哪|什么|啥)|寄(?:到|去|往)哪"
    r"|(?:姓名|名字)[、,，和及与]\s*(?:联系)?(?:电话|手机)")
# ... and said to be wrong, which asks them put right: "the recipient's name is misspelt"
_SAYS_WRONG = Cue(r"\b(?:wrong|incorrect|typo|misspel+t|misspelled)\b|\bshould\s+(?:be|read|say)\b"
                  r"|错|不对|应该是")


def no_address_change_asked(r: Reading) -> bool:
    """"帮我看看收货地址填的哪", "reply with the recipient's name, phone and address of
    order X": the classifier's change of address, with no new address and no word of
    changing, is a question about that order (whose details only its owner sees)."""
    if r.u.intent != "change_shipping_address" or r.u.slots.address or not r.names_order:
        return False
    if cue.asks_change(r.text) or cue.wants_it_elsewhere(r.text) or _SAYS_WRONG(r.text):
        return False
    if not _READS_ITS_DETAILS(r.text):
        return False
    settle(r, "track_order")
    return True


def _asks_to_cancel(text: str) -> bool:
    return bool(cue.wants_cancel(text) or cue.asks_cancel(text))


def no_order_change_asked(r: Reading) -> bool:
    """"5600 Pro 要换滤网买哪个型号", "滤网灯红了 是要换了吗": replacing a part of a
    product, asked about; the order is not to be changed."""
    if r.u.intent != "change_order" or cue.asks_change(r.text) or not r.u.slots.item_products:
        return False
    if cue.asks_promo(r.text):
        return False  # "if I reorder just the grey bed can I stick HELLOPAW on it?": a code
    if r.u.slots.order_source == "message" or r.u.slots.order_mention:
        return False
    if not cue.asks_which_or_how(r.text) or talks_about_order(r.text) or (
            cue.same_for(r.text) or cue.what_about(r.text) or cue.the_other_one(r.text)):
        return False  # "那黑色头盔那单也一样": the order again
    settle(r, "product_question")
    return True


def fits_what_was_changed(r: Reading) -> bool:
    """"The heads I added fit the blue one as well right?" after a change of items: a
    question whether one thing goes with another, not more of the change."""
    if r.previous != "change_order" or r.u.intent not in ("change_order", "other"):
        return False
    if not cue.asks_if_it_fits(r.text) or r.u.slots.new_items or cue.asks_change(r.text):
        return False
    settle(r, "product_question")
    return True


def adds_to_the_change(r: Reading) -> bool:
    """"The yellow one, same size" or "just the frame bag then" after a change of items was
    asked for: more of that change, not a question about the item. An item of another
    order ("破壁机 一样的尺寸") is more for the order being changed, unless its number is
    given."""
    s = r.u.slots
    if r.previous != "change_order" or r.state.refused or not (s.item_products or s.quantity):
        return False
    if r.u.intent not in ("product_question", "other", "change_order") or (
            cue.asks_its_own_question(r.text) or cue.asks_if_it_fits(r.text)):
        return False  # ("这个刷头T9也能装吧": whether it fits, asked)
    if r.names_another_order and (r.by_number or talks_about_order(r.text)):
        return False  # "the helmet order too": that order
    if r.u.intent == "change_order" and not r.names_another_order:
        return False  # read as the change already
    if r.names_another_order and r.state.slots.order_id:
        s.order_id, s.order_source = r.state.slots.order_id, "previous"
    settle(r, "change_order", carried=True)
    return True
