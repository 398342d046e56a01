"""Regular-expression extractors for the surface slots of one message: contact details,
money amounts and quantities. Addresses live in ``slot_addresses.py``, order numbers in
``references.py``.

Every extractor is a pure function of the text (and, for quantities, of the store's
catalogue, which tells "2 mugs" from "2 orders").
"""

from __future__ import annotations

import re

from app.store.catalogue import Catalogue

_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# (never the digits of a longer token: "KEC2763733495" is a tracking number)
_CN_MOBILE_RE = re.compile(
    r"(?<![\dA-Za-z+])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![\dA-Za-z])")
# any country's number written with its "+" code: "+32 470 55 12 34", "+353 87 555 0131"
_INTL_PHONE_RE = re.compile(r"(?<![\w+])\+(?:\d[\s.-]?){7,13}\d(?!\d)")
_US_PHONE_RE = re.compile(
    # not a piece of a longer run of digit groups ("306-4419920-7781034" is an order id)
    r"(?<![\dA-Za-z+])(?<!\d[-./ ])(?:\+?1[\s.-]?)?(?:\([2-9]\d{2}\)|[2-9]\d{2})[\s.-]?[2-9]\d{2}"
    r"[\s.-]?\d{4}(?![\dA-Za-z])(?![-./ ]\d)"
)

_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)"
# (pattern, currency); the first pattern that matches anywhere in the text wins
_AMOUNT_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?:US\s?\$|\$)\s?{_NUMBER}"), "USD"),
    (re.compile(rf"(?:¥|￥|RMB|CNY)\s?{_NUMBER}", re.IGNORECASE), "CNY"),
    (re.compile(rf"€\s?{_NUMBER}"), "EUR"),
    (re.compile(rf"{_NUMBER}\s?(?:dollars?|bucks|usd)\b", re.IGNORECASE), "USD"),
    (re.compile(rf"{_NUMBER}\s?(?:美元|美金|刀)"), "USD"),
    (re.compile(rf"{_NUMBER}\s?(?:euros?|eur)\b", re.IGNORECASE), "EUR"),
    (re.compile(rf"{_NUMBER}\s?(?:rmb|cny|yuan)\b", re.IGNORECASE), "CNY"),
    # "两块砧板" counts boards, "59块" / "59块钱" / "59块吧" is money
    (re.compile(rf"{_NUMBER}\s?(?:元|块钱|人民币|块(?![\u4e00-\u9fff])|块(?=[吧呢啊吗了的呀]))"),
     "CNY"),
)

_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "a pair of": 1}
_ZH_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
               "八": 8, "九": 9, "十": 10}
_EN_COUNT_RE = re.compile(
    r"(?<![\w.$¥])(\d{1,2}|" + "|".join(_EN_NUMBERS) + r")\s+(?:more\s+)?"
    r"((?:[a-z-]+\s+){0,2}[a-z-]+)", re.IGNORECASE,
)
_ZH_COUNT_RE = re.compile(
    r"(?<![第\d])(\d{1,2}|[一两二三四五六七八九十])\s*"
    r"(?:个|件|只|双|套|台|条|盒|把|块|瓶|张|份|副)(?:的)?([\u4e00-\u9fffA-Za-z]{0,5})"
)
# a count the order is to be changed to: "能改成两副吗", "改为3件吧"
_ZH_CHANGED_TO_RE = re.compile(
    r"(?:改成|改为|换成|加到|减到|减成)\s*(\d{1,2}|[一两二三四五六七八九十])\s*"
    r"(?:个|件|只|双|套|台|条|盒|把|块|瓶|张|份|副)")
_UNIT_WORDS = frozenset({"item", "items", "piece", "pieces", "pcs", "unit", "units", "pair",
                         "pairs"})
_EXPLICIT_QTY_RE = re.compile(
    r"(?:quantity|qty|数量)\s*(?:to|of|is|=|:|：|改成|改为|换成|是|为)?\s*(\d{1,2})(?!\d)"
    r"|(?<![a-z0-9])x\s?(\d{1,2})(?!\d)|(?<!\d)(\d{1,2})\s?x(?![a-z])"
    # one count put against another: "to 2 instead of 3" ("from 9 to 5" may be hours)
    r"|\bto\s+(\d{1,2})\s+(?:instead\s+of|rather\s+than)\s+\d{1,2}\b",
    re.IGNORECASE,
)


def find_email(text: str) -> str | None:
    match = _EMAIL_RE.search(text)
    return match.group(0) if match else None


def find_phone(text: str) -> str | None:
    # Chinese mobiles first: an 11-digit "13555817525" would also read as a US number
    for pattern in (_CN_MOBILE_RE, _INTL_PHONE_RE, _US_PHONE_RE):
        match = pattern.search(text)
        if match:
            return match.group(0).strip()
    return None


def find_amount(text: str) -> tuple[float, str] | None:
    """The first money amount and its ISO currency."""
    best: tuple[int, float, str] | None = None
    for pattern, currency in _AMOUNT_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), float(match.group(1).replace(",", "")), currency)
    return (best[1], best[2]) if best else None

# one count put against another in words: "could you make it two of them instead of one?"
_WORD_COUNT = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten"
_COUNT_FOR_COUNT_RE = re.compile(
    rf"\b(?:make\s+it|change\s+it\s+to|to)\s+({_WORD_COUNT})\s+(?:of\s+(?:them|those)\s+)?"
    rf"(?:instead\s+of|rather\s+than)\s+(?:{_WORD_COUNT}|just\s+one)\b", re.IGNORECASE)


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _EN_NUMBERS.get(word) or _ZH_NUMBERS.get(word)


def find_quantity(text: str, catalogue: Catalogue | None = None) -> int | None:
    """How many items the shopper means: "2 mugs", "two blue mugs", "quantity to 3",
    "x2", "两个杯子", "数量改成3". A number counts only when a product word or an explicit
    quantity word goes with it, so "I have 2 orders" or "一个问题" is no quantity."""
    explicit = _EXPLICIT_QTY_RE.search(text)
    if explicit:
        return int(next(g for g in explicit.groups() if g))
    against = _COUNT_FOR_COUNT_RE.search(text)
    if against:
        return _count(against.group(1))
    changed_to = _ZH_CHANGED_TO_RE.search(text)
    if changed_to:
        return _count(changed_to.group(1))
    for pattern in (_EN_COUNT_RE, _ZH_COUNT_RE):
        for match in pattern.finditer(text):
            if _counts_items(match.group(2), catalogue):
                return _count(match.group(1))
    return None


# the count a thing is asked in, said first: "a kettle", "one pair of ...", "一副手套", "两个"
_LEADING = re.compile(r"^\s*(an?\b|one\b|two\b|three\b|\d{1,2}(?!\d)|[一两二三])", re.IGNORECASE)


def leading_count(words: str) -> int | None:
    match = _LEADING.match(words)
    if match is None:
        return None
    said = match.group(1).lower()
    return 1 if said in ("a", "an") else _count(said)


def _counts_items(following: str, catalogue: Catalogue | None) -> bool:
    # what follows a number: a unit ("2 items"), a product within a few words ("2 blue
    # mugs", "两个杯子"), or nothing after a Chinese classifier ("买了两个")
    if not following:
        return True
    first = following.split()[0].lower()
    return first in _UNIT_WORDS or (catalogue is not None and catalogue.names_item(following))


# some of the units bought, not all: "one of the two bags", "just one of them", "其中一个",
# "另一片还没拆" (the other piece, of two), "多拍了一盒"
_ZH_UNIT = r"[个片包袋盒瓶支块张双条卷粒颗罐桶件台只套份]"
_PART_RE = re.compile(
    r"\b(one|two|three|\d{1,2})\s+of\s+(?:them|those|these|the\s+(?:two|three|\d{1,2}|[a-z-]+))\b"
    # "另一个" may be another order; "另一片" is another piece of what was bought
    rf"|其中(一|两|二|三|\d{{1,2}}){_ZH_UNIT}|另(一|两|二|三|\d{{1,2}})[片包袋盒瓶支块张双条卷粒颗罐桶]"
    rf"|多(?:买|拍|下单|订)了(一|两|二|三|\d{{1,2}}){_ZH_UNIT}", re.IGNORECASE)


def find_part_count(text: str) -> int | None:
    """How many of the units bought the shopper means when it is some of them: "one of
    the two bags" is 1, "另一片" is 1; None when nothing says so."""
    match = _PART_RE.search(text)
    return _count(next(g for g in match.groups() if g)) if match else None
