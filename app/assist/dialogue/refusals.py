"""Requests that cannot be done as asked, and what follows a refusal: pleading for an
exception, "what can I do then?", "can u help?", cancelling or exchanging what has
already arrived."""

from __future__ import annotations

import re

from app.assist.dialogue.reading import Reading, settle
from app.intents import action_intents, spec
from app.understanding import dialogue_cues as cue
from app.understanding.social import only_asks_for_help


def pleads_again(r: Reading) -> bool:
    """"I know it's past the window, but it really is faulty, can't you make an
    exception?" after a refused return: the same request, checked again (and refused
    with its reason again, or offered to a colleague), not a question about the policy."""
    if r.previous != "get_refund" or not cue.pleads(r.text) or spec(r.u.intent).handoff:
        return False
    if r.names_another_order:
        return False
    settle(r, "get_refund", carried=True)
    return True


def presses_off_topic(r: Reading) -> bool:
    """"你就帮我查一下嘛 12306一直卡 求求了" after an off-topic question was answered with
    what the bot can do: that question pressed (the second off-topic turn, which hands
    off), not a look-up of an order."""
    pending = r.state.pending
    if r.previous != "other" or pending is None or pending.kind != "handoff_offer":
        return False
    if pending.about or r.names_order or r.u.slots.order_mention or not cue.presses(r.text):
        return False
    settle(r, "other")
    return True


WHAT_NOW_REST_CHARS = 12


def asks_what_now(r: Reading) -> bool:
    """"Ok then what can I do?", "那怎么办" after a refusal: the request again, whose
    refusal says what can still be done (return it once it arrives, ask the courier)."""
    if not (r.state.refused and r.previous in action_intents() and cue.asks_what_now(r.text)):
        return False
    rest = cue.asks_what_now.pattern.sub(" ", r.text)
    if r.names_another_order or cue.asks_its_own_question(rest) or len(
            re.sub(r"[\s\W_]+", "", rest)) > WHAT_NOW_REST_CHARS:
        return False  # "那怎么办，这个保修多久" asks a question of its own
    settle(r, r.previous or "other", carried=True)
    return True


def cancel_what_arrived(r: Reading) -> bool:
    """"Cancel it and send it back": of a delivered order, the return asked for. A
    cancellation asked with only a reason ("cancel my jersey order, I've changed my
    mind") is refused as such, and its reply says a return is still possible."""
    order = r.order()
    if r.u.intent != "cancel_order" or order is None or order.status != "delivered":
        return False
    if not cue.wants_return(r.text):
        return False
    settle(r, "get_refund")
    return True


def exchange_of_what_arrived(r: Reading) -> bool:
    """"能换个新的吗", "can I exchange it for a bigger size" of an order delivered, or goods
    asked for instead of the refund under way: how the shop exchanges (its returns
    policy), not a change of the order's items nor that refund."""
    order = r.order()
    delivered = order is not None and order.status == "delivered"
    if r.u.intent == "change_order" and delivered and cue.asks_exchange(r.text):
        settle(r, "check_refund_policy")
        return True
    of_a_return = r.previous in ("get_refund", "check_refund_policy") or (
        r.state.pending is not None and r.state.pending.intent == "get_refund")
    if of_a_return and cue.asks_goods_instead(r.text) and cue.asks_its_own_question(r.text):
        settle(r, "check_refund_policy")
        return True
    return False


def presses_for_help(r: Reading) -> bool:
    """"Can u help?", "你们能帮我查一下吗" with nothing new said, after a request: that
    request again (left to a person again where the last reply was)."""
    if not only_asks_for_help(r.text) or r.state.pending is not None:
        return False
    if r.previous is None or spec(r.previous).handoff is not None:
        return False
    settle(r, r.previous, carried=True)
    return True
