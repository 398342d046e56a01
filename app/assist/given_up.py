"""A request given up with nothing waiting for a yes: "never mind, leave it as it is"
after a change that could not be made, or "fair enough, I'll just keep it then" after a
question. The reply says nothing was changed; no new request is read into the words."""

from __future__ import annotations

from app.assist.turn import Turn
from app.intents import spec
from app.understanding import dialogue_cues as cue, slot_cues as cues
from app.understanding.answer_cues import NAMES_THE_WRITE


def drops_the_request(turn: Turn) -> bool:
    """"Never mind, leave it as it is" after a change that could not be made or was not
    yet proposed: the request is given up and the reply says nothing was changed (not
    the refusal again, not a new request read into the words left)."""
    state, slots = turn.state, turn.u.slots
    if state.pending is not None or not state.intent:
        return False
    if slots.order_mention or slots.address or not cues.withdraws(turn.text):
        return False
    if cue.asks_outright(turn.text):
        return False  # "算了 这个保修多久": the question is what wants an answer
    if turn.u.intent != state.intent and spec(turn.u.intent).writes and asks_a_write(turn.text):
        return False  # "那算了，直接取消吧": the change given up, another write asked instead
    if not spec(state.intent).writes and not (
            spec(turn.u.intent).writes and not asks_a_write(turn.text)):
        # after a question, only a write read into words that ask none ("ok fair
        # enough, I'll just keep it then") is a request given up
        return False
    named = slots.order_source in ("message", "item_reference")
    return not (named and slots.order_id not in state.orders_discussed)


def given_up_intent(turn: Turn) -> str:
    """The intent of a request given up: the write on the table; after a question, "fair
    enough, I'll keep it then" only closes the matter ("other"), while "那M码正好 不换了"
    gives up the change it names."""
    state = turn.state
    if spec(state.intent or "other").writes:
        return state.intent or turn.intent
    named = NAMES_THE_WRITE(turn.text) and spec(turn.u.intent).writes
    return turn.u.intent if named else "other"



def asks_a_write(text: str) -> bool:
    """The words ask for a change themselves: cancel it, send it back, change it."""
    return bool(cue.wants_cancel(text) or cue.wants_return(text) or cue.asks_change(text)
                or cue.asks_cancel(text))
