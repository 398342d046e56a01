"""The way of one shopper message: understand -> retrieve -> act -> draft -> score -> route.

Everything the shopper is told comes from templates filled with action facts and
policy, or from knowledge-base passages; the LLM is never on this path (its drafts
reach agents later, see :mod:`app.assist.drafter`). The caller owns the transaction:
:mod:`app.assist.service` runs a whole turn.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.assist import asides, candidates, conversations, decide, dialogue, item_answers
from app.assist.drafter import DraftRequest, draft_request
from app.assist.schemas import AssistResult
from app.assist.state import DialogueState, load_state
from app.assist.turn import Turn
from app.assist.understand import Understanding, understand
from app.domain import ConversationStatus
from app.errors import InputError, NotFoundError
from app.intents import spec
from app.knowledge import KB_HITS, search_knowledge
from app.models import Customer, Message, Order
from app.runtime import Runtime
from app.store.connector import CONNECTORS
from app.store.id_shapes import normalise
from app.understanding import dialogue_cues as cue, homophones, payment_cues, social
from app.understanding.dialect_words import as_mandarin
from app.understanding.injection import without_injection
from app.understanding.intent import classify
from app.understanding.references import Lookup
from app.understanding.text import (
    as_written,
    clean_message,
    emoticons_as_emoji,
    keycaps_as_digits,
    links_decoded,
    simplified,
    spoken_digits,
    spoken_punctuation,
    unshouted,
    without_quote,
    without_signature,
)
from retrieval.index import Hit

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 4000
RECENT_ORDERS = 20


@dataclass
class TurnResult:
    """The pipeline's answer: the contract's AssistResult, the id of the shopper's
    message, and what an LLM would need to draft for an agent (off the hot path)."""

    result: AssistResult
    message_id: int
    draft: DraftRequest | None


def assist(rt: Runtime, *, session: Session, customer_id: str, text: str,
           label: str | None = None, conversation_id: str | None = None,
           channel: str = "web", external_id: str | None = None) -> TurnResult:
    written = _clean(text)
    # read as meant: digits typed as keycaps or dictated in Chinese as digits, traditional
    # characters as simplified ones, regional words in Mandarin, a pinyin keyboard's
    # homophone of a shop word put right (the message is stored as written)
    text = homophones.corrected(as_mandarin(simplified(links_decoded(
        spoken_digits(keycaps_as_digits(written))))))
    # the answer under a quote of the bot's question, a dictated message's spoken
    # punctuation written, a caps-lock message in small letters, a chat app's emoticon
    # codes ("[OK]", "[抱拳]") as the emoji they show
    text = emoticons_as_emoji(unshouted(spoken_punctuation(without_quote(
        without_signature(text)))))
    # what the shopper asks besides an instruction to the bot is read without it (the
    # message is still flagged for review: decide reads the words as written)
    text = without_injection(text) or text
    # "ok I'll wait. btw is the fan loud at night?": the question after the aside is read
    after_turn = social.new_topic(text)
    text = after_turn or text
    # "check this one 4200…, copied it from my bank statement": what is asked, not where
    # the number came from, decides the request
    text = payment_cues.without_where_it_came_from(text) or text
    # "where are my parcels? also, how hot does the air fryer get": the request is read
    # on its own, the question joined to it answered after it
    text, aside = asides.split(rt, text)
    # The CPU-heavy steps touch no database: done before the first query, they run
    # outside the write transaction, so concurrent turns only queue for the writes.
    prediction = classify(text, rt.settings)
    hits = search_knowledge(rt, query=text, k=KB_HITS, languages=[prediction.language],
                            query_vector=prediction.vector, vector_model=prediction.embedder)
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFoundError(f"unknown customer {customer_id!r}")
    conv = conversations.open_conversation(session=session, customer_id=customer_id,
                                           label=label, conversation_id=conversation_id,
                                           channel=channel)
    if conv.status == ConversationStatus.resolved:
        conv.status = ConversationStatus.open  # a new question reopens it
    state = load_state(conv)
    past = conversations.history(session=session, conversation_id=conv.id)
    orders = CONNECTORS["sql"](session=session).list_orders(customer_id, limit=RECENT_ORDERS)
    facts = rt.store_facts(session)
    aside = asides.settle(aside, facts)
    u = understand(text=text, prediction=prediction,
                   history=[m.text for m in past if m.role == "shopper"], orders=orders,
                   state=state, facts=facts, lookup=_lookup(session, customer_id))
    u.language = _conversation_language(text, u.language, conv.language)
    if u.slots.address:  # an address is kept in the script it was written in
        u.slots.address = as_written(u.slots.address, written)
    dialogue.read(dialogue.Reading(u, text, state, orders, kb_score=_best(hits),
                                   turned_topic=after_turn is not None))
    about_it = _points_back_at_the_item(u, text, state)
    if about_it and not u.slots.item_products:
        # "does it work with 5GHz wifi?": "it" is the item asked about before
        u.slots.item_products = list(state.slots.item_products)
        u.slots.item_refs = list(state.slots.item_refs)
    in_hand = None if about_it else item_answers.items_of_the_order_in_hand(
        u.slots, u.intent, text, state, orders)
    if in_hand is not None:
        u.slots.item_products, u.slots.item_refs = in_hand
        hits = _with_the_item(rt, u, text, hits)
    of_it = about_it or item_answers.of_the_item_before(u.slots, state, u.intent) or (
        u.carried and u.intent == "product_question")
    hits = _with_the_question_before(rt, u, text, past, hits,
                                     state.slots.item_refs if of_it else None)
    shopper_msg = conversations.add_message(session=session, conversation=conv, role="shopper",
                                            text=written, channel=channel, language=u.language,
                                            intent=u.intent, external_id=external_id)
    turn = Turn(rt, session, customer, conv, state, text, channel, u, orders, facts,
                intent=u.intent, hits=hits, written=written, aside=aside)
    decide.step(turn)
    result = decide.finish(turn, candidates.drafts(turn), shopper_msg.id or 0)
    request = draft_request(turn, result, shopper_msg.id or 0, past)
    return TurnResult(result, shopper_msg.id or 0, request)


_LATIN_ONLY = re.compile(r"^[\x00-\x7f\u00a0-\u024f]*$")
STICKY_LANGUAGE_CHARS = 24
# a word of Latin letters (not a number or an id) and a Chinese character
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z]{2,}(?![A-Za-z0-9-])")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _conversation_language(text: str, detected: str, current: str | None) -> str:
    """A short Latin-script answer ("ok", "yes", "SO-1042") in a Chinese conversation is
    still a Chinese conversation: replies stay in the language the shopper chats in. A
    message in both scripts is in the one it has more words of ("hi can check my refund
    for 4167 入咗數未?" is English, "帮我check下订单" Chinese; a Chinese character counts as
    a word), and in the conversation's language when neither has twice the other's."""
    words, chars = len(_LATIN_WORD.findall(text)), len(_CJK_CHAR.findall(text))
    if words and chars:
        leaning = "en" if words > chars else "zh"
        plain = words >= 2 * chars or chars >= 2 * words
        return current if current in ("en", "zh") and not plain else leaning
    if current in ("en", "zh") and current != detected and (
            (len(text) <= STICKY_LANGUAGE_CHARS and _LATIN_ONLY.match(text))
            or not (words or chars or re.search(r"[A-Za-z]", text))):
        return current  # "ok", "SO-1042", "👌": in no language of its own
    return detected


def _with_the_question_before(rt: Runtime, u: Understanding, text: str,
                              past: Sequence[Message], hits: list[Hit],
                              item_words: Sequence[str] | None) -> list[Hit]:
    """"And for trekking poles?" after "is CAMP20 valid for tents?": the passages that
    answer a question carried over are found with the question it carries. A further
    question about the item asked about before (``item_words``, the shopper's words for
    it) is searched both ways, turn about: with the item's words and its own ("how
    noisy is it at night?": the purifier's noise), and with what was asked of it before
    ("how do I claim it" after "is my fan still under warranty?")."""
    before = next((m.text for m in reversed(past) if m.role == "shopper"), None)
    if (item_words is None and not u.carried) or before is None or (
            spec(u.intent).answer != "knowledge"):
        return hits
    said = before.lower()
    missing = [w for w in item_words or () if w.lower() not in said]
    carried = search_knowledge(rt, query=" ".join([*missing, before, text]), k=KB_HITS,
                               languages=[u.language])
    if not item_words:
        return carried
    own = search_knowledge(rt, query=" ".join([*item_words, text]), k=KB_HITS,
                           languages=[u.language])
    turns = [h for pair in zip(own, carried, strict=False) for h in pair]
    return _merged([*turns, *own, *carried])


def _merged(hits: list[Hit]) -> list[Hit]:
    """Each passage once, at its first place."""
    merged: dict[str, Hit] = {}
    for hit in hits:
        merged.setdefault(hit.id, hit)
    return list(merged.values())[:KB_HITS]


def _with_the_item(rt: Runtime, u: Understanding, text: str, hits: list[Hit]) -> list[Hit]:
    """A question about an item of the order in hand, searched with the item's words
    first: "How much does it hold?" after the slow feeder bowl's receipt finds its 400 ml."""
    own = search_knowledge(rt, query=" ".join([*u.slots.item_refs, text]), k=KB_HITS,
                           languages=[u.language])
    return _merged([*own, *hits])


def _points_back_at_the_item(u: Understanding, text: str, state: DialogueState) -> bool:
    """A further product question pointing back ("it", "它的滤网") at the item asked about
    before, and not naming it again."""
    before = state.slots.item_products
    return (u.intent == state.intent == "product_question" and bool(before)
            and not set(u.slots.item_products) & set(before) and cue.points_back(text))


def _best(hits: list[Hit]) -> float:
    return max((h.dense_score or 0.0 for h in hits), default=0.0)


def _clean(text: str) -> str:
    text = clean_message(text)
    if not text:
        raise InputError("empty message")
    if len(text) > MAX_MESSAGE_CHARS:
        raise InputError(f"message too long ({len(text)} characters, at most "
                         f"{MAX_MESSAGE_CHARS})")
    return text


def _lookup(session: Session, customer_id: str) -> Lookup:
    def lookup(keys: Collection[str]) -> dict[str, str | None]:
        """By normalised reference: the order id if it is this customer's, None if the
        order belongs to someone else (which must read exactly like an unknown one)."""
        rows = session.exec(select(Order.ref_key, Order.id, Order.customer_id)
                            .where(col(Order.ref_key).in_([normalise(k) for k in keys]))).all()
        found: dict[str, str | None] = {}
        for key, oid, owner in rows:
            if owner == customer_id:
                found[key] = oid
            else:
                found.setdefault(key, None)
        return found

    return lookup
