"""What counts toward the hand-off after repeated failure: a turn the bot did not move
forward. An order that is not the shopper's counts only when their message wrote its
number; one carried over from an earlier turn is the bot's own reading."""

from __future__ import annotations

import re
import unicodedata

from app.assist import routing
from app.assist.turn import Turn
from app.domain import ActionStatus, Reason


def unresolved(turn: Turn) -> bool:
    """The bot did not move the request forward: it failed, could not find the order the
    shopper named, did not understand, or asks again for what it asked last time."""
    if turn.answered_pending or turn.human_owned or turn.social:
        return False
    outcome = turn.step.outcome
    if outcome is not None:
        # (an order not theirs counts only when this message named it: one carried over
        # from an earlier turn is the bot's reading, not the shopper's failure)
        named = turn.u.slots.order_source == "message" or said_here(
            turn.u.slots.order_mention, turn.text)
        return outcome.status == ActionStatus.failed or (
            outcome.reason == Reason.not_your_order and named)
    asked_again = bool(turn.step.missing) and bool(set(turn.step.missing)
                                                    & set(turn.state.awaiting))
    return asked_again or turn.u.intent_confidence < routing.OUT_OF_SCOPE_CONFIDENCE


def said_here(number: str | None, text: str) -> bool:
    """The number not found was written in this message (in whatever spacing or case)."""
    bare = re.sub(r"[\W_]", "", number or "").upper()
    return bool(bare) and bare in re.sub(r"[\W_]", "", unicodedata.normalize("NFKC", text)).upper()
