"""Who answers the chat: the bot asked about ("are you a real person?"), a person asked
for in so many words, or a person declined ("no need to escalate"); proof offered to the
person who has the matter."""

from __future__ import annotations

import re

from app.assist.dialogue.questions import runner_up
from app.assist.dialogue.reading import Reading, settle
from app.intents import spec
from app.understanding import dialogue_cues as cue
from app.understanding.answer_cues import DOES_IT_THEMSELVES
from app.understanding.sentiment import asks_if_bot


def about_the_bot(r: Reading) -> bool:
    """"Are you a bot?" asks who answers: the reply says so and offers a colleague; it
    is no request for one yet (a "yes" to the offer is)."""
    if not asks_if_bot(r.text) or r.u.sentiment.wants_human or r.names_order:
        return False
    if spec(r.u.intent).action or r.u.sentiment.complaint:
        return False
    settle(r, "other")
    return True


def a_person_asked_for(r: Reading) -> bool:
    """"你还是帮我转个人工吧 我想问问已经付了款的单能不能…": a person asked for in so many
    words is the request, whatever the question they are to answer (a complaint stays
    a complaint)."""
    if not (r.u.sentiment.wants_human and cue.asks_for_a_person(r.text)
            and cue.names_a_person(r.text)):
        return False
    if r.u.intent in ("complaint", "contact_human_agent") or r.u.sentiment.complaint:
        return False
    settle(r, "contact_human_agent")
    return True


def no_person_wanted(r: Reading) -> bool:
    """"Lovely, all sorted. No need to escalate or pass me on to anyone", "不用转人工":
    the classifier reads a person in the words, the shopper says they want none; what
    else the message asks decides (a person still asked for elsewhere in it stands).
    So too "行吧 那我去驿站跟他们说一声": the shopper goes to someone themselves, and
    names no one of the shop."""
    if r.u.intent != "contact_human_agent" or r.u.sentiment.wants_human:
        return False
    if not (cue.declines_a_person(r.text) or (
            DOES_IT_THEMSELVES(r.text) and not cue.names_a_person(r.text))):
        return False
    r.u.intent, r.u.intent_confidence = runner_up(r.u)
    return False  # the other rules read the rest


# a question or a request of its own beside the proof
_ASKS = re.compile(r"[?？]|吗|呢|\b(?:can|could|would|will|when|where|how|what|why|please)\b",
                   re.IGNORECASE)


def proof_for_the_person(r: Reading) -> bool:
    """"I still have a screenshot of the ad if your team wants it", "箱子我还留着 面单也拍照了"
    while a person has the matter: proof offered for them, no request of its own."""
    if not (r.state.waiting_for_agent and cue.offers_proof(r.text)) or _ASKS.search(r.text):
        return False
    if r.names_another_order or spec(r.u.intent).handoff is not None or (
            r.u.sentiment.complaint or r.u.sentiment.wants_human):
        return False
    if r.state.pending is not None and r.state.pending.kind == "action":
        return False  # "I've got photos of it" while a return waits for the yes
    settle(r, "other")
    return True
