"""A proposal declined and a question of the shopper's own asked in the same message
("nah forget it. how long is the warranty on it?", "not worth cancelling over a 24 euro
mount. leave it as it is. when does it go out?"): the proposal is withdrawn and the
question is what the reply answers."""

from __future__ import annotations

from dataclasses import dataclass

from app.assist.turn import Turn
from app.intents import spec
from app.understanding import dialogue_cues as cue
from app.understanding.intent import classify
from app.understanding.text import the_question

# the question read on its own must be read surely to replace the message's reading
MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Asked:
    intent: str
    confidence: float
    margin: float


def declined_with_a_question(turn: Turn) -> Asked | None:
    """What the shopper asks with a "no" to the write or the request offered (a bare "no
    problem, nothing was done" would leave it unanswered); None: a plain answer. The
    question is read on its own when the message says more than it, for the words that
    decline ("not worth cancelling") pull the whole message towards what was declined."""
    pending = turn.state.pending
    if pending is None or pending.kind not in ("action", "request_offer") or (
            turn.u.slots.affirmation != "no" or not cue.asks_outright(turn.text)):
        return None
    whole = Asked(turn.u.intent, turn.u.intent_confidence, turn.u.margin)
    own = _the_question_read(turn)
    if own is not None and own.intent != pending.intent and (
            whole.intent == pending.intent or (spec(own.intent).action is not None
                                               and spec(whole.intent).action is None)):
        # the declining words read whole as what was declined, or as a policy question
        # about it ("not worth cancelling": the fee), where the question asks of the order
        return own
    return whole if whole.intent != pending.intent else None


def question_asked_after(turn: Turn, declined: str) -> bool:
    """A last sentence that asks something else than what was declined."""
    own = _the_question_read(turn) if cue.asks_outright(turn.text) else None
    return own is not None and own.intent != declined


def _the_question_read(turn: Turn) -> Asked | None:
    """The last sentence, when it is a question and the message says more before it."""
    question = the_question(turn.text).strip()
    if question == turn.text.strip() or not turn.text.strip().endswith(question):
        return None
    found = classify(question, turn.rt.settings)
    if found.confidence < MIN_CONFIDENCE or spec(found.intent).writes:
        return None
    runner_up = found.top[1][1] if len(found.top) > 1 else 0.0
    return Asked(found.intent, found.confidence, found.confidence - runner_up)
