"""A correction to an address given a moment ago: "打错了，是西安路86号，不是88",
"哦不对 是28号楼4楼", "sorry, 86 not 88", "flat 4 not flat 3". The shopper repeats
only the part that was wrong; the rest of the address still holds.

Only numbered parts are put right (house, building, floor, unit and room numbers), and
only where the correction says unambiguously which part it means: by the number it
replaces ("not 88"), by the words just before it ("Skalitzer Str. 85", "西安路86号"), or
by its unit ("4楼" when the address has one floor). Anything else is no correction.
"""

from __future__ import annotations

import re

from app.understanding.postcodes import POSTCODE_WORDS, postcode_alone

# the units a Chinese address numbers, longest first ("28号楼" is a building, "28号" a
# house number)
_ZH_UNITS = ("号楼", "号院", "单元", "栋", "幢", "座", "楼", "层", "室", "号", "弄", "巷", "房")
_ZH_UNIT = "|".join(_ZH_UNITS)
_ZH_PART = re.compile(rf"(\d+)\s*({_ZH_UNIT})")
# "not 88" / "不是88号": the number the correction replaces
_NOT = re.compile(rf"(?:不是|而不是|\bnot\b|\binstead\s+of\b|\brather\s+than\b)\s*"
                  rf"(?:[A-Za-z.]+\s+)?(\d+)(?:\s*({_ZH_UNIT}))?", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\d])\d+(?![\d])")
# the words just before a number: a street name, "flat", "西安路"
_EN_BEFORE = re.compile(r"([A-Za-zÀ-ž][A-Za-zÀ-ž.'-]*(?:\s+[A-Za-zÀ-ž][A-Za-zÀ-ž.'-]*)?)"
                        r"\s*\.?\s+(\d+[a-zA-Z]?)\b")
_ZH_BEFORE = re.compile(rf"([\u4e00-\u9fff]{{2,}}?)(\d+)\s*({_ZH_UNIT})")


def amended(address: str, text: str) -> str | None:
    """``address`` with the correction in ``text`` made, or None when ``text`` corrects
    nothing in it that can be placed without guessing."""
    negated = _NOT.search(text)
    rest = _NOT.sub(" ", text)
    if negated:
        fixed = _replace_negated(address, negated.group(1), rest, negated.group(2))
        if fixed is not None:
            return fixed
    fixed = _replace_token(address, text)
    if fixed is not None:
        return fixed
    out = _street_renamed(address, rest) or _street_replaced(address, rest) or address
    for part in (*_zh_parts(rest), *_en_parts(rest)):
        out = part(out)
    return out if out != address else None


# a Chinese street's number: "397号" of "新港西路397号"
_ZH_HOUSE = re.compile(r"(?<=[\u4e00-\u9fff])(\d+)号(?!楼|院)")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+$")


def _street_renamed(address: str, text: str) -> str | None:
    """"不对 是新港西路397号" for "…海珠区新港中路397号": the street before that house number,
    named right. The number places it (once in the address); the correction's street is
    laid over the address from the first two characters the two share ("新港")."""
    said = _ZH_HOUSE.search(text)
    if said is None:
        return None
    spots = [m for m in _ZH_HOUSE.finditer(address) if m.group(1) == said.group(1)]
    run_said = _CJK_RUN.search(text[:said.start()])
    if len(spots) != 1 or run_said is None:
        return None
    run_there = _CJK_RUN.search(address[:spots[0].start()])
    if run_there is None:
        return None
    segment, there = run_said.group(), run_there.group()
    for k in range(len(segment) - 1):
        at = there.find(segment[k:k + 2])
        if at >= 0:
            street = segment[k:]
            start = run_there.start() + at
            renamed = address[:start] + street + address[spots[0].start():]
            return renamed if renamed != address else None
    return None


# a street that ends the way streets are named, and the district or town before it
_STREET_END = re.compile(r"(?:路|街|道|巷|弄|胡同)$")
_SAID_FILLER = re.compile(r"^(?:不对|不是|写错了|错了|应该|其实|改成|改为|换成|是|在|为)+")
_ADMIN = re.compile(r".*[省市区县镇乡]")


def _street_replaced(address: str, text: str) -> str | None:
    """"不对 是人民南路12号" for "…武侯区科华北路65号": another street and number, in place of
    the one street-and-number of the address (the district before it stays)."""
    said = _ZH_HOUSE.search(text)
    run_said = _CJK_RUN.search(text[:said.start()]) if said else None
    if said is None or run_said is None:
        return None
    street = _SAID_FILLER.sub("", run_said.group())
    street = street[_end(_ADMIN.match(street)):]
    if len(street) < 3 or not _STREET_END.search(street):
        return None
    spots = [m for m in _ZH_HOUSE.finditer(address)
             if _STREET_END.search(address[:m.start()])]
    if len(spots) != 1:
        return None
    run_there = _CJK_RUN.search(address[:spots[0].start()])
    assert run_there is not None  # a street's last character precedes the number
    start = run_there.start() + _end(_ADMIN.match(run_there.group()))
    renamed = address[:start] + street + said.group() + address[spots[0].end():]
    return renamed if renamed != address else None


# "G31 2QP not QQ", "#23-01 not #32-01": what is said right, then the wrong part
_NOT_TOKEN = re.compile(r"((?:\S+\s+)?\S+)\s+(?:not|instead\s+of|rather\s+than)\s+(\S+)",
                        re.IGNORECASE)
_EDGE = ".,;:!?()\"'"


def _replace_token(address: str, text: str) -> str | None:
    """"postcode is G31 2QP not QQ" for "… Glasgow G31 2QQ": the part named wrong (once in
    the address, at the end of a word) put right by the words before the "not" that end
    as it does, the rest of that stretch being the same ("G31 2" both)."""
    said = _NOT_TOKEN.search(text)
    if said is None:
        return None
    wrong = said.group(2).strip(_EDGE)
    spots = [m for m in re.finditer(re.escape(wrong), address, re.IGNORECASE)
             if not address[m.end():m.end() + 1].isalnum()]
    if not wrong or len(spots) != 1:
        return None
    end = spots[0].end()
    words = said.group(1).split()
    for k in (2, 1):
        right = " ".join(w.strip(_EDGE) for w in words[-k:])
        start, keep = end - len(right), len(right) - len(wrong)
        if len(words) < k or keep < 0 or start < 0 or address[start - 1:start].isalnum():
            continue
        span = address[start:end]
        if span[:keep].casefold() == right[:keep].casefold() and span != right:
            return address[:start] + right + address[end:]
    return None


# "it's Rua da Rosa 86, not 88", "是86号，不是88号": the right number just before the wrong one
_RIGHT_NOT_WRONG = re.compile(
    rf"(?<![\d-])(\d+)\s*(?:{_ZH_UNIT})?\s*[,，]?\s*(?:而不是|不是|\bnot\b|\binstead\s+of\b"
    rf"|\brather\s+than\b)\s*(\d+)(?![\d-])", re.IGNORECASE)


def number_put_right(address: str, text: str) -> str | None:
    """``address`` (the order's own) with the number ``text`` puts right ("86, not 88"), or
    None unless the wrong number stands once in it."""
    said = _RIGHT_NOT_WRONG.search(text)
    return _replace_negated(address, said.group(2), said.group(1)) if said else None


def _end(match: re.Match[str] | None) -> int:
    return match.end() if match else 0


def _replace_negated(address: str, wrong: str, rest: str,
                     unit: str | None = None) -> str | None:
    """"86, not 88": the one 88 of the address becomes 86. "是9栋 不是6栋 翠禧苑9栋302": the
    number said with the wrong one's unit is the right one, not merely the last said."""
    same_unit = [m.group(1) for m in _ZH_PART.finditer(rest) if unit and m.group(2) == unit]
    right = same_unit[:1] or _NUMBER.findall(rest)
    spots = [m for m in _NUMBER.finditer(address) if m.group() == wrong]
    if len(spots) != 1 or not right or right[-1] == wrong:
        return None
    spot = spots[0]
    return address[:spot.start()] + right[-1] + address[spot.end():]


def _zh_parts(text: str) -> list[_Fix]:
    fixes: list[_Fix] = []
    for m in _ZH_BEFORE.finditer(text):
        fixes.append(_Fix(before=m.group(1)[-2:], number=m.group(2), unit=m.group(3)))
    for m in _ZH_PART.finditer(text):
        if not any(f.number == m.group(1) and f.unit == m.group(2) for f in fixes):
            fixes.append(_Fix(before=None, number=m.group(1), unit=m.group(2)))
    return fixes


def _en_parts(text: str) -> list[_Fix]:
    if re.search(r"[\u4e00-\u9fff]", text):
        return []
    # "it's flat 4": the street's two words, else the one word, before the number
    return [_Fix(before=before, number=m.group(2), unit=None)
            for m in _EN_BEFORE.finditer(text)
            for before in dict.fromkeys((m.group(1), m.group(1).split()[-1]))]


class _Fix:
    """One numbered part as the correction gives it, placed by what precedes it in the
    address or else by its unit."""

    def __init__(self, *, before: str | None, number: str, unit: str | None) -> None:
        self.before, self.number, self.unit = before, number, unit

    def __call__(self, address: str) -> str:
        spots = self._spots(address)
        if len(spots) != 1:
            return address  # nowhere, or more than one place: no guess
        start, end = spots[0]
        return address[:start] + self.number + address[end:]

    def _spots(self, address: str) -> list[tuple[int, int]]:
        unit = rf"\s*(?:{re.escape(self.unit)})(?!{_longer(self.unit)})" if self.unit else ""
        if self.before:
            pattern = rf"{re.escape(self.before)}\.?\s*(\d+[a-zA-Z]?){unit}"
            found = [(m.start(1), m.end(1))
                     for m in re.finditer(pattern, address, re.IGNORECASE)]
            if found or self.unit is None:
                return found
        return [(m.start(1), m.end(1)) for m in re.finditer(rf"(?<!\d)(\d+){unit}", address)]


def _longer(unit: str) -> str:
    """What may not follow ``unit`` for it to be that unit: "号" is no "号楼"."""
    longer = [u[len(unit):] for u in _ZH_UNITS if u.startswith(unit) and u != unit]
    return "|".join(map(re.escape, longer)) if longer else "(?!)"


# the address put right in the message that gives it: "…科华北路65号 哦不对 是56号 3栋2单元801"
_CORRECTS_ITSELF = re.compile(
    r"^[\s,，。.]*(?:哦|啊|呃|噢)?\s*(?:不对|不是|错了|说错了|写错了|打错了|\bsorry\b|\bno\s+wait\b"
    r"|\bi\s+mean\b|\boops\b)[\s,，。.!！]*(?:应该是|是)?\s*", re.IGNORECASE)
# the parts said after the number put right: "3栋2单元801"
_ZH_TAIL = re.compile(r"^\s*\d+\s*号\s*((?:\d+\s*(?:号楼|栋|幢|座|单元|楼|层)\s*)+\d+\s*室?)")


def corrected_in_place(text: str, address: str | None) -> str | None:
    """``address`` as found in ``text``, with the correction said right after it made (and
    the units said after the corrected number added); as found when there is none."""
    if not address or (at := text.find(address)) < 0:
        return address
    after = text[at + len(address):]
    said = _CORRECTS_ITSELF.match(after)
    if said is None:
        return address
    rest = after[said.end():]
    fixed = amended(address, rest)
    if fixed is None:
        return address
    tail = _ZH_TAIL.match(rest)
    return fixed + tail.group(1).replace(" ", "") if tail and tail.group(1) not in fixed else fixed


# the postcode said on its own: "postcode's PA2 8PE", "zip is 10115", "邮编 200031"
# ("PLZ" only here: before a code it is the German word, alone it is "please")
_POSTCODE_SAID = re.compile(
    rf"(?:{POSTCODE_WORDS}|\bplz)(?:'s|\s+is)?[\s:：]*"
    r"([A-Z0-9]{2,4}(?:[ -]?[A-Z0-9]{3,4})?)\b", re.IGNORECASE)


def postcode_added(address: str, text: str) -> str | None:
    """"Oh aye sorry, postcode's PA2 8PE", "Sorry! It's NR18 0JT" for an address given
    without one: the address with that postcode after it. Nothing when the address
    already holds it or the words hold no letters-and-digits code with a digit in it."""
    said = _POSTCODE_SAID.search(text)
    code = said.group(1).upper() if said is not None else postcode_alone(text)
    if code is None or not any(c.isdigit() for c in code):
        return None
    if code.replace(" ", "") in address.upper().replace(" ", ""):
        return None
    sep = " " if re.search(r"[\u4e00-\u9fff]$", address) else ", "
    return f"{address}{sep}{code}"
