"""Order numbers in a message, in any shape a store uses, resolved against the store.

A mention is resolved against the shopper's own orders first (exactly, then in a
normalised spelling: case, full-width digits, "#", separators, spaces; then as the
unique ending of one of their order numbers), also through a tracking number or a
refund id; what stays unresolved counts as a mention of an order we cannot find when
it has one of the store's id shapes, follows an order word, or names an order that
exists elsewhere in the store. An order of another customer is never resolved: it
reads exactly as an unknown one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from app.store.connector import OrderSnapshot
from app.store.id_shapes import IdShapes, normalise
from app.understanding.id_typos import typed_with_lookalikes, typed_with_more, without_zeros

# letters/digits joined by single separators; CJK characters may touch it ("订单SO-1的")
_TOKEN = re.compile(r"#?[A-Za-z0-9]+(?:[-_./][A-Za-z0-9]+)*")
_CUE = re.compile(
    r"(?:\border|\bno\.?|\bnumber|\bnr\.?|\bid|\bending(?:\s+in)?|\bends\s+in|#|订单|单号|"
    r"编号|尾号|号码"
    # the order a refund or a return is of: "my refund for 4167", "the return on 4910"
    r"|\b(?:refund|return)\s+(?:for|on|of|from)(?:\s+order)?)"
    r"\s*(?:number|no\.?|id|is|was|:|：|是|为)?\s*#?\s*$", re.IGNORECASE)
CUE_WINDOW = 16
# the last digits of an order said as such: "是27结尾", "尾号 527", "ending in 27"; two or
# three digits are enough when they end exactly one of the shopper's own orders
_SAID_ENDING = re.compile(
    r"(?:尾号|尾数|结尾是|最后(?:两|三|几)位是|\bend(?:ing|s)?\s+(?:in|with)|\blast\s+(?:two|three|2|3)"
    r"\s+digits\s+(?:are\s+)?)\s*#?(\d{2,3})(?!\d)|(?<!\d)(\d{2,3})\s*(?:结尾|收尾)", re.IGNORECASE)
MIN_SUFFIX = 4  # "ending in 7764"
SAFE_SUFFIX = 6  # long enough to be an order number even without an order word
MAX_JOIN = 6  # "123 4567890 1234567", "2610 1320 7731 0466 52" written with spaces
LONG_ID_DIGITS = 9  # more digits than a date, a price or a count: some order's number
# what may stand beside a number said on its own: "sorry," "hm" "是"
ALONE_WORDS = 2
ALONE_CHARS = 10
_DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
# a number with its unit is a measure, a price or a count ("120平", "40 m²", "3 days"),
# never an order number, whatever the store's ids look like
_UNIT_AFTER = re.compile(
    r"\s?(?:平米|平方|平|㎡|m²|m2\b|sq\.?\s?m|square|cm\b|mm\b|kg\b|ml\b|w\b|瓦|度|°|元|块|欧|"
    r"eur|euros?\b|dollars?\b|%|个|件|台|天|days?\b|hours?\b|小时|分钟|min(?:ute)?s?\b|年|月|岁|"
    r"斤|公斤|升|毫升|米|厘米|寸|pcs\b|pieces?\b)", re.IGNORECASE)

# ... and so is a number after a currency sign or a thousands separator ("HK$1,529": no 529)
_MONEY_BEFORE = re.compile(r"(?:[$€£¥￥]|\d[,.])\s?$")


Via = Literal["order", "tracking", "refund"]


@dataclass(frozen=True)
class Mention:
    written: str  # as the shopper wrote it, full-width folded
    order_id: str | None  # the shopper's own order it names, None if we cannot find one
    start: int = 0
    via: Via = "order"  # what the number is: the order's own, its parcel's or a refund's


Lookup = Callable[[Collection[str]], dict[str, str | None]]


@dataclass(frozen=True)
class _Candidate:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return normalise(self.text)

    @property
    def single(self) -> bool:
        """One token: not several joined across spaces."""
        return " " not in self.text


def _candidates(text: str) -> list[_Candidate]:
    """Tokens with a digit, and runs of up to three of them joined by single spaces."""
    tokens = [_Candidate(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found: list[_Candidate] = []
    for i, tok in enumerate(tokens):
        for j in range(i, min(i + MAX_JOIN, len(tokens))):
            last = tokens[j]
            gap = text[tokens[j - 1].end:last.start] if j > i else ""
            if j > i and gap not in (" ", "-", " - "):
                break
            found.append(_Candidate(text[tok.start:last.end], tok.start, last.end))
    return [c for c in found if any(ch.isdigit() for ch in c.text)]


def _own_refs(orders: Sequence[OrderSnapshot]) -> dict[str, tuple[str, Via]]:
    keys: dict[str, tuple[str, Via]] = {}
    for order in orders:
        if order.tracking_number:
            keys.setdefault(normalise(order.tracking_number), (order.id, "tracking"))
        for refund in order.refunds:
            keys.setdefault(normalise(refund.id), (order.id, "refund"))
    unpadded: dict[str, set[str]] = {}
    for order in orders:
        key = without_zeros(order.id)
        if key is not None:
            unpadded.setdefault(key, set()).add(order.id)
    for key, ids in unpadded.items():  # "mw26 5109" for "MW-26-005109", when only one fits
        if len(ids) == 1:
            keys.setdefault(key, (next(iter(ids)), "order"))
    for order in orders:  # the order's own number wins over a coincidental other id
        keys[normalise(order.id)] = (order.id, "order")
    return keys


def _cue_before(text: str, start: int) -> bool:
    return bool(_CUE.search(text[max(0, start - CUE_WINDOW):start]))


def _id_like(cand: _Candidate) -> bool:
    """So many digits in one token that it can only be a number of some order (a
    marketplace's "303-8841207-1150932"), not a date, price or quantity."""
    digits = sum(ch.isdigit() for ch in cand.text)
    return digits >= LONG_ID_DIGITS and not _DATE.fullmatch(cand.text.lstrip("#"))


def _by_suffix(key: str, own: dict[str, str], cue: bool) -> str | None:
    """The one own order ``key`` ends; a short ending needs an order word or a number
    that is the whole id but its letters ("85127" for "SO-85127": the prefix left out)."""
    if len(key) < MIN_SUFFIX:
        return None
    ends = {k: oid for k, oid in own.items() if k.endswith(key) and k != key}
    if len({*ends.values()}) != 1:
        return None
    if cue or len(key) >= SAFE_SUFFIX or any(k[:-len(key)].isalpha() for k in ends):
        return next(iter(ends.values()))
    return None


def find_mentions(text: str, *, orders: Sequence[OrderSnapshot], shapes: IdShapes,
                  lookup: Lookup | None = None, masked: Sequence[str] = (),
                  expected: bool = False, refund_shapes: IdShapes | None = None
                  ) -> list[Mention]:
    """Order mentions in ``text``, first mention first; ``masked`` are spans already read
    as something else (an address, a phone number, an email) and never an order.
    ``expected``: the conversation calls for an order number (the bot asked for one, the
    message asks where an order is), so a plain number of the store's shape ("where's
    4910") is one, as it is after an order word."""
    body = unicodedata.normalize("NFKC", text)
    for span in masked:
        body = body.replace(unicodedata.normalize("NFKC", span), " " * len(span))
    refs = _own_refs(orders)
    own = {key: oid for key, (oid, _) in refs.items()}
    found = _Found(body)
    # longer candidates first, so "123 4567890 1234567" wins over its pieces
    candidates = sorted(_candidates(body), key=lambda c: (-(c.end - c.start), c.start))
    for cand in candidates:  # the shopper's own orders, in any spelling
        key = cand.key if cand.key in own else without_zeros(cand.text)
        if key is None or key not in own:
            key = typed_with_lookalikes(cand.key, own) or typed_with_more(cand.key, own)
        if key is not None:
            found.add(cand, own[key], refs[key][1])
    candidates = [c for c in candidates if c.key in own or not (
        _UNIT_AFTER.match(body, c.end) or _MONEY_BEFORE.search(body[max(0, c.start - 3):c.start]))]
    for cand in candidates:  # the end of one of theirs, or the store's shape of an id
        cue = cand.text.startswith("#") or _cue_before(body, cand.start)
        plain_ok = cue or expected or _alone(body, cand)
        oid = _by_suffix(cand.key, own, plain_ok) if cand.single else None
        if oid is not None:
            found.add(cand, oid)
        elif shapes.match(cand.text) or (cand.single and shapes.match_tail(cand.text)) or (
                plain_ok and cand.single and shapes.match(cand.text) is False) or (
                expected and cand.single and shapes.prefix_left_off(cand.text)):
            found.add(cand, None)  # ("where's 88213?" of a store of "SO-88231": that one)
        elif refund_shapes is not None and refund_shapes.match(cand.text) is True:
            found.add(cand, None, "refund")  # "rtn-2610-0215": a refund we cannot find
    if not found.mentions:
        _said_ending(body, own, found)
    maybe = []
    for cand in candidates:  # after an order word: an order, whatever its shape
        if not cand.single or found.overlaps(cand) or len(cand.key) < MIN_SUFFIX:
            continue
        if cand.text.startswith("#") or _cue_before(body, cand.start) or _id_like(cand):
            found.add(cand, None)
        else:
            maybe.append(cand)
    mentions = found.mentions + _looked_up(found, maybe, lookup)
    mentions.sort(key=lambda m: m.start)
    return _distinct(mentions)


def _said_ending(body: str, own: dict[str, str], found: _Found) -> None:
    m = _SAID_ENDING.search(body)
    if m is None:
        return
    digits = m.group(1) or m.group(2)
    owners = {oid for key, oid in own.items() if key.endswith(digits)}
    if len(owners) == 1:
        start = m.start(1) if m.group(1) else m.start(2)
        found.add(_Candidate(digits, start, start + len(digits)), owners.pop())


def _alone(body: str, cand: _Candidate) -> bool:
    """The number is all the message says, give or take a word ("4190??", "sorry, 4710",
    "hm 4901?"): said on its own in a shop's chat, a number of an order's shape is one."""
    rest = (body[:cand.start] + " " + body[cand.end:]).strip()
    # a Chinese character is a word of its own: "3200的滤网多久换" says a lot more
    words = re.findall(r"[\u4e00-\u9fff]|[^\W\u4e00-\u9fff]+", rest)
    return not any(ch.isdigit() for ch in rest) and len(words) <= ALONE_WORDS and len(
        "".join(words)) <= ALONE_CHARS


class _Found:
    """Mentions so far and the spans they cover (a span is read once)."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.mentions: list[Mention] = []
        self.spans: list[tuple[int, int]] = []

    def overlaps(self, cand: _Candidate) -> bool:
        return any(cand.start < e and s < cand.end for s, e in self.spans)

    def add(self, cand: _Candidate, order_id: str | None, via: Via = "order") -> None:
        if self.overlaps(cand):
            return
        self.spans.append((cand.start, cand.end))
        written = cand.text.lstrip("#") if order_id is None else cand.text
        self.mentions.append(Mention(written, order_id, cand.start, via))


def _looked_up(found: _Found, maybe: list[_Candidate], lookup: Lookup | None) -> list[Mention]:
    """Older own orders (beyond the newest few passed in), and any order of the store;
    the unresolved mentions found so far are replaced by what the look-up says."""
    pending = [m for m in found.mentions if m.order_id is None]
    wanted = {normalise(m.written) for m in pending} | {c.key for c in maybe}
    if lookup is None or not wanted:
        return []
    hits = lookup(wanted)
    for m in pending:
        found.mentions.remove(m)
    out = [Mention(m.written, hits.get(normalise(m.written)) or None, m.start, m.via)
           for m in pending]
    for cand in maybe:
        if cand.key in hits and not found.overlaps(cand):
            found.spans.append((cand.start, cand.end))
            out.append(Mention(cand.text.lstrip("#"), hits[cand.key], cand.start))
    return out


def _distinct(mentions: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        key = m.order_id or normalise(m.written)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out
