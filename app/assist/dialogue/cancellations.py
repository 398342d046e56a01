"""Rules for a cancellation the classifier read into words that ask none ("did our order go
through?", "so it never cancelled? when will it ship?"), one taken back in the message
that asked it ("scratch that, don't cancel!"), and one undone after it was made."""

from __future__ import annotations

from app.assist.dialogue.reading import RULE_CONFIDENCE, Reading, settle
from app.understanding import dialogue_cues as cue
from app.understanding.cue import Cue, spaced
from app.understanding.followup_cues import asks_outright

# any word that could ask an order to be stopped, in so many words or not
_STOPS_AN_ORDER = Cue(r"\b(?:cancel\w*|cancle|annul\w*|stop|call\s+off|scrap|abort)\b"
                      r"|\b(?:don'?t|do\s+not|no\s+longer)\s+(?:want|need)\s+(?:it|this|that|them|the"
                      r"|my|these|those)\b|取消|不要了|不想要|撤单"
                      r"|作废|退掉|别发")


# the order kept in so many words: "please keep the flosser order", "别取消 保留订单"
_KEEPS_THE_ORDER = Cue(r"\bkeep\s+(?:my|the)\s+(?:\w+\s+)?order\b|(?:别|不要|不用|先别)取消"
                       r"|保留(?:订单|这单|那单)"
                       # "meh, not cancelling a 253 euro order over a strap"
                       r"|\b(?:not|never|won'?t\s+be)\s+cancell?ing\b|\bwon'?t\s+cancel\b|不取消了")


def no_cancellation_asked(r: Reading) -> bool:
    """"Did our dog food order from Wednesday actually go through?": a question about an
    order the classifier barely reads as its cancellation, with no word that could ask
    one, is a question about that order (its status), never a cancellation proposed."""
    if r.u.intent != "cancel_order" or not r.about_an_order:
        return False
    # "I never asked it to cancel anything. Please keep the flosser order. Has it been sent
    # yet?" with no cancellation waiting: the order kept, and a question about it
    kept = _KEEPS_THE_ORDER(r.text) and asks_outright(r.text) and (
        r.state.write_waiting("cancel_order") is None)
    if (not _STOPS_AN_ORDER(r.text) and r.u.intent_confidence < RULE_CONFIDENCE
            and asks_outright(r.text)) or _only_a_cancellation_told(r.text) or kept:
        settle(r, "track_order")
        return True
    return False


def _only_a_cancellation_told(text: str) -> bool:
    """"so it never cancelled? fine, I half wanted it anyway. when will it ship?": a
    cancellation spoken of, none asked, and when the order comes asked, however surely
    the classifier reads the cancellation."""
    if not cue.says_cancelled(text) or cue.asks_cancel_now(text) or cue.wants_cancel(text):
        return False  # "帮我取消了吧" asks it
    if cue.asks_refund_progress(text) or cue.asks_money_back(text):
        return False  # "I cancelled it, when does the money come back?"
    rest = cue.says_cancelled.pattern.sub(" ", spaced(text))
    return (cue.asks_where(text) or _STILL_ON(text)) and not _STOPS_AN_ORDER(rest)


# whether the order still stands: "那我那单还在吗 没被人取消吧", "is my order still on?"
_STILL_ON = Cue(r"还在[吗么吧]|还有效|\bstill\s+(?:on|there|active|valid|going\s+ahead)\b")


# the cancellation taken back in the message that asked it: "scratch that, don't cancel!",
# "撤回！不是取消！"
_CANCEL_TAKEN_BACK = Cue(
    r"\b(?:scratch\s+that|forget\s+what\s+i\s+(?:just\s+)?said|(?:(?:don'?t|do\s+not)"
    r"(?:\s+(?:want|need)\s+to)?|would\s+rather\s+not|'d\s+rather\s+not)\s+cancel"
    r"(?!\s+(?:the\s+)?other))\b|(?:不是|别|不要|先别|不用|不想)取消|撤回|不取消了")


def cancel_taken_back(r: Reading) -> bool:
    """"Please cancel SO-88230. Wait, no - scratch that, don't cancel! Can you only take
    the two tubes off it?", "I don't want to cancel it though, could it go to <address>
    instead?": the cancellation taken back or refused in the same message; the change
    asked after it is the request (no cancellation proposed for a yes to confirm)."""
    if r.u.intent != "cancel_order":
        return False
    found = _CANCEL_TAKEN_BACK.pattern.search(r.text)
    if found is None or not (cue.asks_change(r.text[found.end():]) or r.u.slots.address):
        return False  # (an address given after it: "could it go to <address> instead?")
    settle(r, "change_shipping_address" if r.u.slots.address else "change_order")
    return True


# a cancellation done, wished undone: "can you undo the cancellation and send them after
# all?", "刚取消的能恢复吗"
_UNDO_CANCEL = Cue(r"\b(?:undo|reverse|revert|take\s+back)\s+(?:the|my|that)\s+cancell?ation\b"
                   r"|\bun-?cancel\w*|撤销(?:刚才的)?取消|(?:订单|那单|这单)?(?:能|可以)恢复|恢复(?:这个|那个)?订单")


def undoes_a_cancellation(r: Reading) -> bool:
    """A cancelled order cannot come back: ordering again is what the shopper asks."""
    order = r.order()
    if not _UNDO_CANCEL(r.text) or order is None or order.status != "cancelled":
        return False
    settle(r, "place_order")
    return True
