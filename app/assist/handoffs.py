"""When the shopper's words hand the conversation to a person: anger, a complaint, a
request for one, or a question off the shop's topics asked again."""

from __future__ import annotations

from app.assist import routing
from app.assist.for_a_person import a_cancellation_settles_it, a_return_settles_it
from app.assist.turn import Turn
from app.domain import HandoffReason

# off-topic messages in a row after which the bot offers a person instead of trying again
OFF_TOPIC_HANDOFF = 2
BARE_ANSWER_CHARS = 12


def voiced_handoff(turn: Turn) -> routing.Handoff | None:
    """A hand-off the shopper's own words ask for (anger, a complaint, a person), whatever
    the message was read as."""
    s = turn.u.sentiment
    return routing.handoff_for(routing.Signals(
        intent="", intent_confidence=1.0, anger=s.anger, complaint=s.complaint,
        wants_human=s.wants_human, threatens_to_leave=s.threatens_to_leave))


def handoff_for(turn: Turn) -> routing.Handoff | None:
    """The hand-off the turn calls for, if any: a complaint a return or cancellation does
    not settle, anger, a person asked for, or off-topic asked again (counted on the state)."""
    s = turn.u.sentiment
    # a bare "ok"/"好的" with nothing pending is not an out-of-scope question ("好的 问个别的
    # 明天的高铁还有票不" is one)
    bare_answer = (turn.u.slots.affirmation is not None and turn.u.intent == "other"
                   and len(turn.text.strip()) <= BARE_ANSWER_CHARS)
    complaint = s.complaint and not (a_return_settles_it(turn) or a_cancellation_settles_it(turn))
    found = routing.handoff_for(routing.Signals(
        intent="" if bare_answer else turn.u.intent,
        intent_confidence=turn.u.intent_confidence, anger=s.anger, complaint=complaint,
        wants_human=s.wants_human, threatens_to_leave=s.threatens_to_leave))
    if found is not None and found.reason == HandoffReason.out_of_scope:
        # off-topic: say what the bot can do; a person only when the shopper persists
        turn.state.off_topic_turns += 1
        if turn.state.off_topic_turns < OFF_TOPIC_HANDOFF:
            turn.off_topic = True
            return None
    elif not bare_answer:
        turn.state.off_topic_turns = 0
    return found
