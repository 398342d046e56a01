"""A turn that is only social: a greeting, thanks, or the matter closed in the shopper's
own words; answered in kind, with no request read into it and no hand-off."""

from __future__ import annotations

from app.assist.given_up import asks_a_write, drops_the_request
from app.assist.turn import Turn
from app.intents import spec
from app.understanding import dialogue_cues as cue
from app.understanding.closings import (
    an_ok_and_a_remark,
    closes_with_a_remark,
    says_thanks,
    tells_nothing_wrong,
    thanks_and_asks_nothing,
)
from app.understanding.return_reasons import find_return_reason
from app.understanding.social import Social, social_kind


def social_turn(turn: Turn, *, calm: bool) -> Social | None:
    """What social message the turn is, if that is all it is."""
    social = social_kind(turn.text)
    if social is None and turn.state.turn == 1 and _only_a_ping(turn):
        return "greeting"  # "hello? is anyone there" opening a chat: we are
    if social is not None or not calm:
        return social
    # (a request given up is answered as such: "fair enough, I'll just keep it then. thanks")
    if drops_the_request(turn):
        return None
    closes = _closes_the_matter(turn)
    if closes and not says_thanks(turn.text):
        return "ack"  # "那我拍个视频发过来", "ok will ask again once it's shipped"
    # (an intent carried over from the question before is none of the message's own:
    # "Wunderbar, that is all. Thanks and schönes Wochenende!")
    if closes or (
            (turn.u.intent == "other" or turn.u.carried or _only_a_remark(turn))
            and _thanks_for_nothing_asked(turn)):
        return "thanks"  # (thanks, "Makes sense, nothing to claim there then. Ta!")
    if turn.u.intent == "other" and an_ok_and_a_remark(turn.text) and _names_nothing_new(turn):
        return "ack"  # "行 那我就安心用着了": the answer taken in
    return None


PING_CHARS = 30


def _only_a_ping(turn: Turn) -> bool:
    """"Hello? is anyone there", "在吗？有人吗" and nothing else."""
    s = turn.u.slots
    return (cue.pings(turn.text) and len(turn.text.strip()) <= PING_CHARS
            and not (s.order_id or s.order_mention or s.item_products)
            and not turn.u.sentiment.complaint and not cue.names_a_person(turn.text))


def _closes_the_matter(turn: Turn) -> bool:
    """"ah that's my own fault, no worries": a remark and thanks, of no order or item."""
    return closes_with_a_remark(turn.text) and _names_nothing_new(turn)


def _only_a_remark(turn: Turn) -> bool:
    """"thanks for checking the toothbrush anyway", "OK 谢谢，我今晚就付款": read as a
    question, or as a write the words do not ask for ("cool, no adaptor needed then, thx"),
    yet it tells nothing wrong and names no fault."""
    return ((not spec(turn.u.intent).writes or not asks_a_write(turn.text))
            and tells_nothing_wrong(turn.text) and find_return_reason(turn.text) is None)


def _thanks_for_nothing_asked(turn: Turn) -> bool:
    return thanks_and_asks_nothing(turn.text) and _names_nothing_new(turn)


def _names_nothing_new(turn: Turn) -> bool:
    """No order, item or address of the message's own: the order or items talked about so
    far may stay in hand ("the filters…", "nothing to claim there then. Ta!")."""
    s = turn.u.slots
    known = s.order_id is not None and s.order_id in turn.state.orders_discussed
    # ("thanks for checking the toothbrush anyway": an item already talked about)
    talked_of = bool(s.item_products) and set(s.item_products) <= set(turn.state.items_discussed)
    return (s.order_source != "message"
            and (known or talked_of or not (s.order_source == "item_reference" or s.item_refs))
            and not (s.order_mention or s.address))
