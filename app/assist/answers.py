"""Whether a message answers the question a conversation has open: a yes or a no to the
write waiting, or to the offer of a person or of a request, and not a new request that
happens to start with "ok" or "no"."""

from __future__ import annotations

import re

from app.assist import routing
from app.assist.addresses_said import another_address, names_another_part, the_address_again
from app.assist.declined_asks import question_asked_after
from app.assist.pending import another_reason, names_another_order, proposal_of, proposed_params
from app.assist.state import CHANGES, Pending
from app.assist.turn import Turn
from app.intents import spec
from app.understanding import dialogue_cues as cue, slot_cues as cues
from app.understanding.affirmation import without_a_no
from app.understanding.answer_cues import DOES_IT_THEMSELVES, HOLDS
from app.understanding.closings import (
    LEADING_OK,
    an_ok_and_a_remark,
    closes_with_a_remark,
    says_goodbye,
    thanks_and_asks_nothing,
    thanks_for_the_answer,
)
from app.understanding.cue import Cue
from app.understanding.item_changes import amendment
from app.understanding.return_reasons import a_fault_told_anew
from app.understanding.said_again import REPEATS_CANCEL, REPEATS_CHANGE, REPEATS_REFUND
from app.understanding.social import social_kind
from app.understanding.text import without_trailing_emoji
from app.understanding.yes_terms import adds_a_wish, asks_nothing_be_kept, on_a_money_condition

# a yes/no whose message says this much more is a new request, not an answer
ANSWER_EXTRA_CHARS = 30
# the shopper will wait for what is under way, which the request offered would undo
_WAITS = Cue(r"我(?:就|先|再)?等着|(?:那|那我|我)(?:就)?(?:先|再)等等|\bi'?ll\s+(?:just\s+)?wait\b"
             r"|\b(?:will|happy\s+to)\s+wait\b")
# thanks or "sorry to trouble you" said after the answer: "那行 取消吧 麻烦你了"
_POLITE_TAIL = re.compile(r"[\s,，。.!！~]*(?:麻烦(?:你|您)?了|谢谢(?:你|您)?|多谢|辛苦(?:你|您)?了"
                          r"|thanks?(?:\s+a\s+lot)?|thank\s+you|cheers|pls|please)[\s,，。.!！~]*$",
                          re.IGNORECASE)
# clauses: set off by punctuation, or by a space between Chinese words
_CLAUSES = re.compile(r"[,，。!！~;；]+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff\d])")


_SENTENCES = re.compile(r"[,，。!！~;；]+|(?<!\d)\.(?!\d)"
                        r"|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff\d])")
# what said after the answer takes it back or holds it: a question, a doubt, a wait
_UNSURE = re.compile(r"[?？吗呢么]|考虑|想想|不确定|没想好|不一定"
                     r"|\b(?:maybe|not\s+sure|think\s+about|wait|hold\s+on)\b"
                     r"|^(?:can|could|would|will|do|does|is|are|how|what|when|where|why)\b",
                     re.IGNORECASE)


def _said_in_a_clause(repeats: Cue, text: str) -> bool:
    """"那行 退吧 盒子和说明书都还在", "ok, return it. I'll buy a bigger one": the request said
    again in a clause of its own, what follows it a remark (no question, no "no", no
    doubt)."""
    parts = [p.strip() for p in _SENTENCES.split(text.strip(" \t。.!！~")) if p.strip()]
    return any(repeats(part) and not any(
        _UNSURE.search(rest) or cues.find_affirmation(rest) == "no" for rest in parts[at + 1:])
        for at, part in enumerate(parts))


# the request itself called not worth the trouble: "取消重下太麻烦", "not worth cancelling"
_NOT_WORTH_IT = Cue(r"(?:取消|退|改|换)[^，。,.!?！？]{0,6}(?:太麻烦|麻烦|不值得|不划算)"
                    r"|\bnot\s+worth\s+(?:cancell?ing|returning|changing|the\s+hassle)\b"
                    r"|\btoo\s+much\s+(?:hassle|faff|bother)\b")


# "等一下先别改，问一句：…？", "wait, don't cancel yet - …?": held, not declined
_NOT_YET = re.compile(r"^\s*先(?:别|不)|\byet\b", re.IGNORECASE)


def _only_holds(text: str) -> bool:
    """"Wait, ...?" with a question of its own and no "no" after the "wait" ("hmm wait...
    no, don't cancel" is a no)."""
    if not (HOLDS(text) and cue.asks_its_own_question(text)):
        return False
    rest = HOLDS.pattern.sub(" ", text, count=1)
    return all(cues.find_affirmation(part.strip()) != "no" or _NOT_YET.search(part)
               for part in re.split(r"[.,;!?。，；！？]+", rest) if part.strip())


def _says_it_again(intent: str, text: str) -> bool:
    """"取消吧" / "改吧" to "shall I cancel / change it?", also said last ("算了换新还要等
    直接退吧": what was said before it is no "no")."""
    repeats = REPEATS_CANCEL if intent == "cancel_order" else \
        REPEATS_CHANGE if intent in CHANGES else \
        REPEATS_REFUND if intent == "get_refund" else None
    text = without_trailing_emoji(text.strip())
    said = _POLITE_TAIL.sub("", text) or text
    first = _CLAUSES.split(said)[0].strip()
    return repeats is not None and bool(repeats(said) or _said_in_a_clause(repeats, said) or (
        adds_a_wish(said) and repeats(first)))


def the_change_as_it_stands(turn: Turn) -> bool:
    """"不用运费就好 那就改成两个" while two are proposed: the change waiting for the yes, asked
    for again as it stands (after a question came between), is its yes."""
    waiting, s = turn.state.write_waiting("change_order"), turn.u.slots
    if waiting is None or turn.intent != "change_order" or not (s.new_items or s.item_products):
        return False
    if cue.asks_outright(turn.text) or cue.asks_its_own_question(turn.text):
        return False  # "黑色L码和白色M码价格一样吗？": a question about it, no yes
    proposed = _proposed_items(turn, waiting)
    if s.new_items:
        return s.order_id in (None, waiting.order_id) and (
            proposed == [line.model_dump() for line in s.new_items])
    # "那就好 改成T9吧" with the T9 proposed: only what the change brings in, named (an
    # order that holds it already is no other order meant); a colour alone may fit other
    # products too ("换成粉色的吧": the pink toothbrush proposed, or a pink dryer)
    elsewhere = s.order_id not in (None, waiting.order_id) and s.order_source != "item_reference"
    named, brought = set(s.item_products), _products_of(proposed)
    return not elsewhere and _CHANGED_TO(turn.text) and (
        named <= brought or len(named & brought) == 1)


# the change named by what it makes of the order: "改成T9吧", "switch it to the T9 then"
_CHANGED_TO = Cue(r"(?:改|换)(?:成|为)|\b(?:change|switch|swap)\s+(?:it\s+)?to\b|\bmake\s+it\b")


def _proposed_items(turn: Turn, pending: Pending) -> object:
    """The items the write waiting was proposed with, as its record holds them."""
    params = proposed_params(turn, pending)
    return params.get("items") if params is not None else None


def _products_of(lines: object) -> set[object]:
    """The products of items as an action record holds them."""
    if not isinstance(lines, list):
        return set()
    return {line.get("product_id") for line in lines if isinstance(line, dict)}


def _other_items(turn: Turn, pending: Pending) -> bool:
    """Items named that the write waiting does not take back ("return the light" to the
    return of the bar tape proposed)."""
    named = set(turn.u.slots.item_products)
    lines = _proposed_items(turn, pending)
    if not named or not isinstance(lines, list) or not lines:
        return False
    return not named & _products_of(lines)


def answers_pending(turn: Turn) -> bool:
    pending = turn.state.pending
    if pending is not None and pending.earlier is not None and _says_it_again(
            pending.earlier.intent, turn.text) and not _other_items(turn, pending.earlier):
        turn.state.pending = pending = pending.earlier  # "ok, return the tape" after the
        # person offered for a claim on the light: the return waiting, said yes to
    if pending is not None and _says_it_again(pending.intent, turn.text) and not (
            _other_items(turn, pending)):
        turn.u.slots.affirmation = "yes"
    # thanks or a closing remark, to an offer of a person or of a request
    closes = pending is not None and pending.kind in ("handoff_offer", "request_offer") and (
        social_kind(turn.text) == "thanks" or closes_with_a_remark(turn.text)
        or says_goodbye(turn.text))
    if pending is not None and pending.kind == "handoff_offer" and (
            closes or an_ok_and_a_remark(turn.text)):
        # "ok cheers 🙏", "行吧 认了 谢谢", "好的 知道了" to "shall I find you a colleague?"
        return False
    # the question was not the last reply: another answer came after it
    stale = pending is not None and pending.asked_turn < turn.state.turn - 1
    if stale and pending is not None and pending.kind == "request_offer" and closes:
        return False  # "好 那我等着 谢谢", "ok I'll wait then, thanks" after another answer
    if pending is not None and pending.kind == "request_offer" and _WAITS(turn.text):
        return False  # "好 那我等着 谢啦" to "shall I cancel it?": it is left to come
    if stale and pending is not None and pending.kind == "action" and _takes_in_an_answer(
            turn.text, pending.intent):
        # "ok, fine. bedankt!", "好的 我把充电夹和盒子一起收好等取件" after another
        # question's answer: the answer taken in, no yes to the write asked about before it
        return False
    if pending is not None and pending.kind == "handoff_offer" and DOES_IT_THEMSELVES(turn.text):
        return False
    if pending is not None and pending.about == "warranty":
        # "ok how do I send it in?" is a question of its own (the store's articles say how
        # claims are made), no yes to a claim
        if cue.asks_its_own_question(turn.text):
            return False
        broken = turn.u.slots.return_reason == "defective" or cue.breaks_apart(turn.text)
        if turn.u.slots.affirmation is None and broken:
            turn.u.slots.affirmation = "yes"  # "it doesn't heat at all": the claim, yes
    if pending is not None and the_address_again(turn, pending):
        turn.u.slots.affirmation = "yes"  # "赶得上 那就改到婺源文公南路41号": asked for again
    yes_no = turn.u.slots.affirmation
    if yes_no is None or names_another_order(turn):
        return False
    if yes_no == "no" and _only_holds(turn.text):
        return False  # "actually wait, what size is that helmet?": asked first, still waiting
    if yes_no == "no" and pending is not None and pending.intent == "get_refund" and (
            a_fault_told_anew(turn.text, turn.u.slots.return_reason)):
        turn.u.slots.affirmation = None  # no "no" to the return: explained anew
        return False
    assert pending is not None
    if another_address(turn, pending):
        # "不对 是新港西路397号", "wait no, make it my office instead: 10 Collyer Quay", "ok
        # then send it to 1 Raffles Place": the address put right, proposed again
        return False
    if yes_no == "yes" and another_reason(turn, pending):
        # "那就按质量问题退吧": the same return, proposed again on the reason given
        turn.u.slots.affirmation = None
        turn.intent = turn.u.intent = pending.intent
        turn.u.slots.order_id = pending.order_id or turn.u.slots.order_id
        return False
    if yes_no == "yes" and names_another_part(turn, pending):
        turn.u.slots.affirmation = None  # "B区806 这回没错了 确认改吧" to A区608 proposed
        return False
    if pending.intent == "cancel_order" and turn.u.slots.address_kind == "explicit":
        return False  # "scrap that, don't cancel - send it to <address> instead"
    if yes_no == "no" and pending.intent == "change_order" and puts_it_otherwise(turn):
        return False  # "头灯先不要了 改成再加一副登山杖吧": put otherwise, proposed again
    if pending.intent == "cancel_order" and turn.u.intent == "change_order" and turn.u.carried:
        return False  # "wait, before you cancel - could you swap the socks for gloves?"
    if yes_no == "no" and pending.intent in CHANGES and turn.u.intent == "cancel_order" and (
            cue.asks_cancel(turn.text) or cue.wants_cancel(turn.text)):
        return False  # "那算了 整单取消吧": the change given up for the order's cancellation
    slots = turn.u.slots
    # "算了 取消不值得。发货了吗？": the request offered declined, and a question asked
    # ("那就不换了 橙色就橙色吧 取消重下太麻烦" to the cancellation offered instead: the offer
    # declined, in the words of the request it offered)
    declines_it = (yes_no == "no" and turn.u.intent == pending.intent
                   and (question_asked_after(turn, pending.intent) or _NOT_WORTH_IT(turn.text)))
    if pending.kind != "action" and spec(turn.u.intent).action and not declines_it and (
            slots.order_id or slots.order_mention or slots.item_products):
        return False  # "ok, then where is the pump order?" asks the bot, not for a person
    if pending.kind != "action" and yes_no == "yes" and cue.asks_outright(
            turn.text) and cue.asks_its_own_question(turn.text):
        # "好吧 那要是以后坏了 牙刷保修多久", "No worries! Shop question then: will the
        # bed fit…?": an ok, and a question of its own
        return False
    if yes_no == "yes" and pending.kind == "action" and on_a_money_condition(turn.text) and (
            not _nothing_kept(turn, pending)):
        # "yes, but only if the 64.90 is back by friday": the write proposed again, its
        # terms said, for the shopper to take or leave ("the refund goes to" is no look-up)
        turn.intent = turn.u.intent = pending.intent
        if pending.order_id:
            turn.u.slots.order_id = pending.order_id
        return False
    if yes_no == "yes" and pending.kind == "action" and adds_a_wish(turn.text):
        return True  # "yes that's right!! and pls make sure no invoice goes in the box"
    # "yes, and cancel the other one too" asks anew; a request barely read does not
    weak = turn.u.intent_confidence < routing.OUT_OF_SCOPE_CONFIDENCE
    # "no then leave it as it was, I'll give the spare one to my brother": a no that
    # gives the write up, whatever request the words after it read as
    # (a change asked in a clause of no "no": "no, don't add anything" asks none)
    gives_up = yes_no == "no" and cues.withdraws(turn.text) and not (
        turn.u.slots.address or cue.asks_change(without_a_no(turn.text)))
    # ("Great, go ahead and set the return up then" read as the return's progress: a yes
    # that asks no question of its own is no look-up)
    looked_up = yes_no == "yes" and not spec(turn.u.intent).writes and not (
        cue.asks_its_own_question(turn.text))
    return (len(turn.text) <= ANSWER_EXTRA_CHARS or turn.u.intent == pending.intent
            or not spec(turn.u.intent).action or weak or gives_up or looked_up)


def _takes_in_an_answer(text: str, waiting: str) -> bool:
    """Thanks, an ok with a remark of the shopper's own, or thanks for what was explained,
    and not the write waiting asked for again."""
    return (social_kind(text) is not None or thanks_and_asks_nothing(text)
            or thanks_for_the_answer(text) or (
                an_ok_and_a_remark(text) and not _says_it_again(waiting, text)
                # ("brill, go on then, start it": the ok, and a yes after it; "行 那就改到学校":
                # the ok, and the write asked)
                and cues.find_affirmation(LEADING_OK.sub("", text, count=1)) != "yes"
                and not (cue.asks_change(text) or cue.wants_return(text)
                         or cue.wants_cancel(text))))


def _nothing_kept(turn: Turn, pending: Pending) -> bool:
    """"provided I'm not charged anything", "as long as I'm not paying to post it back": a
    condition the proposal waiting already meets (no fee kept, no higher total)."""
    if not asks_nothing_be_kept(turn.text) or pending.action_id is None:
        return False
    record = proposal_of(turn, pending)
    terms = record.result if record is not None and isinstance(record.result, dict) else {}
    if terms.get("return_shipping_kept"):
        return False
    if pending.intent == "cancel_order" and turn.rt.policy.cancellation_fee and terms:
        return False  # a paid order's cancellation keeps its fee
    return float(terms.get("total") or 0) <= float(terms.get("previous_total") or 0)


def puts_it_otherwise(turn: Turn) -> bool:
    """Items named after an "instead" or a "改成" while a change of items waits: the
    change put otherwise, not declined."""
    words = amendment(turn.text)
    return words is not None and turn.facts.catalogue.find(words) is not None
