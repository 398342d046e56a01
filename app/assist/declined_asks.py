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
    own = _the_question_read(turn)
    if own is not None and own.intent != pending.intent:
        return own
    if turn.u.intent != pending.intent:
        return Asked(turn.u.intent, turn.u.intent_confidence, turn.u.margin)
    return None


def _the_question_read(turn: Turn) -> Asked | None:
    question = the_question(turn.text)
    if question.strip() == turn.text.strip():
        return None
    found = classify(question, turn.rt.settings)
    if found.confidence < MIN_CONFIDENCE or spec(found.intent).writes:
        return None
    runner_up = found.top[1][1] if len(found.top) > 1 else 0.0
    return Asked(found.intent, found.confidence, found.confidence - runner_up)
