"""A message read against the write waiting for the shopper's yes (or just made): items
of its order that narrow it, a change of items instead of its cancellation, the reason it
goes back, what the return would pay, and a question about the return just opened."""

from __future__ import annotations

from app.assist import routing
from app.assist.dialogue.questions import runner_up
from app.assist.dialogue.reading import Reading, settle
from app.assist.state import CHANGES
from app.understanding import dialogue_cues as cue
from app.understanding.answer_cues import HELD_FOR_A_QUESTION
from app.understanding.cue import Cue
from app.understanding.return_reasons import a_fault_told_anew

# a request put as a question: "could you swap ...?", "能不能帮我换成...?"
_ASKS_FOR = Cue(r"\b(?:could|can|would|will)\s+(?:you|u|i|we)\b|\bplease\b|\bpls\b"
                r"|能不能|能否|可以|帮我|麻烦")


def asked_before_the_write(r: Reading) -> bool:
    """"Hold on a sec, before you change it: without tubes do I pump them up the same?" while
    that change waits: a question of its own, which the classifier reads as the write its
    words name; what it read next decides, and the write still waits."""
    pending = r.state.pending
    if pending is None or pending.kind != "action" or r.u.intent != pending.intent:
        return False
    if not (HELD_FOR_A_QUESTION(r.text) and cue.asks_its_own_question(r.text)):
        return False
    r.u.intent, r.u.intent_confidence = runner_up(r.u)
    return False  # the other rules read the rest


def narrows_the_pending(r: Reading) -> bool:
    """Items of the order a pending write is about ("just the light, I'm keeping the
    rest"): the same request, narrowed (a question of their size is no narrowing)."""
    pending = r.state.pending
    order = r.order()
    if pending is None or pending.kind != "action" or r.u.slots.affirmation is not None:
        return False
    if pending.intent != "get_refund":
        # a change proposed as the order's whole new contents narrows no further, and a
        # cancellation is of the whole order: "冲牙器我还是要的 把喷嘴删掉就行" asks a change
        return False
    if order is None or not r.u.slots.item_products or order.id != pending.order_id:
        return False  # items of another order (or of no order) narrow nothing of this one
    if cue.asks_measure(r.text) or cue.asks_attribute(r.text) or cue.asks_first(r.text) or (
            cue.asks_outright(r.text) and cue.asks_its_own_question(r.text)):
        return False  # "L码适合多大头围", "旧的净化器能抵多少": a question, not which to return
    ordered = {i.product_id for i in order.items}
    if not set(r.u.slots.item_products) & ordered:
        return False
    settle(r, pending.intent, carried=True)
    return True


_A_VARIANT = Cue(r"(?-i:\b(?:XXS|XS|S|M|L|XL|XXL|XXXL)\b)|[SMLX]{1,4}码|大一(?:码|号)|小一(?:码|号)"
                 r"|\bsize\b|\bcolou?r\b|颜色|尺码")


def changes_instead(r: Reading) -> bool:
    """"Hmm wait, before you cancel anything - could you swap the socks for the gloves?"
    while the order's cancellation waits for the yes: a change of its items instead,
    proposed in the cancellation's place."""
    returning = r.state.write_waiting("get_refund") is not None
    if (r.state.write_waiting("cancel_order") is None and not returning) or r.names_another_order:
        return False
    if not returning and r.u.slots.address_kind == "explicit":
        # "scrap that, don't cancel - just send it to the new flat: <address>"
        settle(r, "change_shipping_address", carried=True)
        return True
    # ... or its return: "要不直接给我换成L码吧 不走退货了" (a size or colour of what it holds)
    variant = returning and bool(_A_VARIANT(r.text))
    if not (cue.asks_change(r.text) and (r.u.slots.item_products or variant)):
        return False
    if cue.asks_outright(r.text) and not _ASKS_FOR(r.text):
        return False  # "does the other colour cost the same?": a question, still waiting
    settle(r, "change_order", carried=True)
    return True


def explains_the_return(r: Reading) -> bool:
    """Why the item goes back ("it's not the colour I expected"), said while its return
    waits for the yes: the same return, asked again with its reason, of the items it
    was narrowed to."""
    if r.state.write_waiting("get_refund") is None:
        return False
    s = r.u.slots
    said_no = s.affirmation == "no" and a_fault_told_anew(r.text, s.return_reason)
    if (s.affirmation is not None and not said_no) or s.return_reason is None or (
            r.names_another_order):
        return False
    if cue.asks_its_own_question(r.text):
        return False  # "if it's faulty, is the return free?" asks about the policy
    if not s.item_products:
        s.item_products = list(r.state.slots.item_products)
    settle(r, "get_refund", carried=True)
    return True


def what_the_return_pays(r: Reading) -> bool:
    """"How much do I actually get back after the courier fee?", "扣完运费能退多少" while a
    return waits for the yes: what it would pay, not a refund looked up (none is open
    yet), and the return still waits."""
    # ... or after a return was talked of, none asked for ("what would I get back for the bed?")
    if r.state.write_waiting("get_refund") is None and r.previous != "check_refund_policy":
        return False
    if r.u.slots.affirmation is not None or r.names_another_order:
        return False
    if not cue.asks_amount_back(r.text):
        return False
    settle(r, "check_refund_policy", carried=True)
    return True


def what_the_change_costs(r: Reading) -> bool:
    """"等下 改了地址运费会不会变" while that change waits for the yes: the shop's shipping
    (its fees, or how long delivery takes) asked of the change, which still waits; not
    the change asked again with nothing new in it."""
    # a change of the order waiting, whatever the question reads as ("does the postage go
    # up with two of them?"); a return's own shipping is its policy's
    changing = any(r.state.write_waiting(intent) for intent in CHANGES)
    # ... or just made: "and what will postage be on it?" after the new address was set
    just_changed = r.previous in CHANGES and r.state.pending is None and not (
        cue.mentions_return(r.text) or cue.sends_back(r.text))  # "寄回来…运费谁出": a return's
    if not (changing or just_changed) and r.state.write_waiting(r.u.intent) is None:
        return False
    if r.u.slots.address or r.names_another_order or not cue.asks_outright(r.text):
        return False
    if cue.about_how_long_it_runs(r.text):
        return False  # "how long does it take to charge from flat?": of the item
    if cue.asks_shipping_options(r.text):
        settle(r, "delivery_options", carried=True)
    elif cue.asks_delivery_time(r.text):
        settle(r, "delivery_period", carried=True)
    elif r.state.write_waiting("change_order") is not None and (
            (cue.asks_price(r.text) and not r.u.slots.item_refs) or _NEW_TOTAL(r.text)):
        # "how much will I owe after the swap?": the change put again, with its new total
        # (not the price of a thing named: "珊瑚粉那支多少钱")
        settle(r, "change_order", carried=True)
    else:
        return False
    return True


_NEW_TOTAL = Cue(r"\b(?:new\s+)?total\b|\bowe\b|一共|总共|总价|补多少|差价")


def about_the_return_made(r: Reading) -> bool:
    """"don't own a printer btw, is that a problem" right after the return was opened, read
    only faintly as a return, naming nothing new: about how returning works, not the
    same return asked again (which would only tell of it once more)."""
    if r.previous != "get_refund" or r.state.pending is not None or r.state.refused:
        return False
    if r.u.intent != "get_refund" or r.u.intent_confidence >= routing.OUT_OF_SCOPE_CONFIDENCE:
        return False
    s = r.u.slots
    if s.affirmation is not None or r.names_order or s.return_reason or s.item_products:
        return False
    settle(r, "check_refund_policy", carried=True)
    return True
