"""An address said while a change of address waits for the yes: the one proposed said
again, whole or in part ("那就改到婺源文公南路41号"), or another one."""

from __future__ import annotations

import re

from app.assist.pending import proposed_params
from app.assist.state import Pending
from app.assist.turn import Turn
from app.understanding import dialogue_cues as cue
from app.understanding.delivery_details import street_of


def another_address(turn: Turn, pending: Pending) -> bool:
    """An address other than the one proposed, for the change of address waiting: no
    answer to the proposal, whatever "ok" or "no" comes with it."""
    given = turn.u.slots.address
    if not given or pending.intent != "change_shipping_address" or not (
            turn.u.carried or turn.u.intent == pending.intent):
        return False
    return turn.u.slots.affirmation == "no" or not _the_same_address(
        given, _proposed_address(turn, pending))


def the_address_again(turn: Turn, pending: Pending) -> bool:
    """The change of address waiting, asked for again with the same address and no yes
    or no of its own."""
    given = turn.u.slots.address
    return bool(given) and pending.kind == "action" and (
        pending.intent == turn.u.intent == "change_shipping_address") and (
        turn.u.slots.affirmation is None and not cue.asks_its_own_question(turn.text)) and (
        _the_same_address(given or "", _proposed_address(turn, pending)))


def _proposed_address(turn: Turn, pending: Pending) -> str:
    """The address of the change waiting, as proposed (a question since may have cleared
    the conversation's own)."""
    params = proposed_params(turn, pending) or {}
    return str(params.get("address") or turn.state.slots.address or "")


def _squeezed(address: str) -> str:
    return "".join(ch for ch in address.casefold() if ch.isalnum())


# the street and number said again may be all of it: "就寄平江天岳大道72号" of
# "湖南省岳阳市平江天岳大道72号"
_SAME_TAIL_CHARS = 6


def _the_same_address(given: str, proposed: str) -> bool:
    """The address proposed said again, whole or in part: its street and number, and
    before them only words of the proposed one ("婺源" of "…婺源县文公南路41号")."""
    g, p = _squeezed(street_of(given)), _squeezed(street_of(proposed))
    if g and g in p:
        return True
    tail = next((at for at, (a, b) in enumerate(zip(g[::-1], p[::-1], strict=False)) if a != b),
                min(len(g), len(p)))
    return tail >= _SAME_TAIL_CHARS and any(ch.isdigit() for ch in g[len(g) - tail:]) and (
        g[: len(g) - tail] in p)


# a part of an address said with the yes: a house, block or room number ("B区806", "room
# 1207"; not an amount or a time), or a name of two capitalised words or more ("Chiu Yin Hall")
_NUMBER = re.compile(r"(?<![\d.,:/-])\d{3,5}(?![\d.,:/%-])(?!\s*(?:元|块|欧|镑|天|小时|分钟|days?\b"
                     r"|hours?\b|mins?\b|minutes?\b|eur\b|gbp\b|hkd\b|sgd\b|cny\b|rmb\b))",
                     re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")
_NO_NAME = frozenset("yes yeah please thanks thank you ok okay go ahead change it the that this is "
                     "correct right sure great perfect lovely cheers hi hello hey do done".split())


def names_another_part(turn: Turn, pending: Pending) -> bool:
    """"B区806 这回没错了 确认改吧", "Chiu Yin Hall, room 1207 - correct this time. Please
    change it." to an address proposed with A区608 or Kwan Wai Hall: the yes comes with a
    part the address proposed does not have, so it is no yes to that address."""
    if pending.intent != "change_shipping_address" or turn.u.slots.address:
        return False
    proposed = _proposed_address(turn, pending)
    if not proposed:
        return False
    numbers = set(re.findall(r"\d+", proposed))
    if any(n not in numbers for n in _NUMBER.findall(turn.text)):
        return True
    names = [m.group() for m in _NAME.finditer(turn.text)
             if not _NO_NAME & {w.casefold() for w in m.group().split()}]
    return any(_squeezed(name) not in _squeezed(proposed) for name in names)
