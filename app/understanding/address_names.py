"""A named part of an address put right: "it's Chiu Yin Hall, not Kwan Wai", "Maple Court
not Maple Close", "是紫荆苑 不是紫荆园", "不是桂花楼，是丹桂楼". The shopper names the part that
was wrong and what it should be; the rest of the address still holds.

The wrong part must stand once in the address (as whole words, or as Chinese characters);
that, not the wording, is what makes the message a correction of this address.
"""

from __future__ import annotations

import re

_NOT = re.compile(r"[,，]?\s*\b(?:not|instead\s+of|rather\s+than)\b\s+(?:the\s+)?",
                  re.IGNORECASE)
# where the right part said before "not" begins: the clause's start
_CLAUSE = re.compile(r".*(?:[.!?;:()\"]|\s[-–—]\s|^)", re.DOTALL)
_FILLER = re.compile(
    r"^(?:(?:oh|ah|argh|ugh|sorry|no|nope|wait|actually|so|it'?s|it\s+is|it\s+should\s+be"
    r"|should\s+be|i\s+meant|meant|is|the)\b[\s,]*)+", re.IGNORECASE)
_WORD = re.compile(r"[^\W_][\w'’.-]*")
_ZH_NOT = re.compile(r"(?:而)?不是")
# a part as a Chinese address writes it: characters, and the letters and digits of a block
# or room ("B区806")
_ZH_RUN = re.compile(r"[A-Za-z0-9\u4e00-\u9fff]+")
_ZH_LAST_RUN = re.compile(r"[A-Za-z0-9\u4e00-\u9fff]+$")
_ZH_SAID_AFTER = re.compile(r"[\s，,。]*(?:而)?是\s*([A-Za-z0-9\u4e00-\u9fff]+)")
_ZH_FILLER = re.compile(r"^(?:哦|啊|呃|噢|不对|错了|写错了|打错了|说错了|其实|应该|是)+")


def name_put_right(address: str, text: str) -> str | None:
    """``address`` with the part ``text`` names wrong replaced by the one it names right,
    or None when the message names no such part of it."""
    return _english(address, text) or _chinese(address, text)


def _english(address: str, text: str) -> str | None:
    said = _NOT.search(text)
    if said is None:
        return None
    before = text[:said.start()]
    clause = _CLAUSE.match(before)
    right = _FILLER.sub("", before[clause.end() if clause else 0:].strip())
    right_words = _WORD.findall(right)
    after = re.split(r"[,.;:!?()\"]|\s[-–—]\s", text[said.end():], maxsplit=1)[0]
    wrong_words = _WORD.findall(after)[:4]
    if not 1 <= len(right_words) <= 5 or not (text.islower() or all(
            w[0].isupper() or w[0].isdigit() for w in right_words)):
        return None  # "please ship it to the hall, not the flat" names no part
    for k in range(len(wrong_words), 0, -1):
        spot = _once(address, " ".join(wrong_words[:k]))
        if spot is not None:
            return _laid_over(address, spot, right_words)
    return None


def _once(address: str, words: str) -> tuple[int, int] | None:
    """Where ``words`` stand, as whole words, once in ``address``."""
    if len(words) < 3:
        return None
    pattern = r"(?<![\w])" + r"\s+".join(map(re.escape, words.split())) + r"(?![\w])"
    spots = list(re.finditer(pattern, address, re.IGNORECASE))
    return (spots[0].start(), spots[0].end()) if len(spots) == 1 else None


def _laid_over(address: str, spot: tuple[int, int], right_words: list[str]) -> str | None:
    """The words said right in place of the wrong ones; the words said after the name that
    the address also has after it ("… Hall") replace those too, not repeat them."""
    start, end = spot
    following = [w.casefold() for w in _WORD.findall(address[end:])]
    said = [w.casefold() for w in right_words]
    shared = max((n for n in range(1, len(said)) if said[-n:] == following[:n]), default=0)
    if shared:  # one word or more of the address after the wrong part, said again
        tail = re.match(rf"(?:\W*[^\W_][\w'’.-]*){{{shared}}}", address[end:])
        end += tail.end() if tail else 0
    right = " ".join(right_words)
    if right.islower() and not address[start:end].islower():
        right = right.title()  # "chiu yin hall" typed lower for a name the address capitalises
    fixed = address[:start] + right + address[end:]
    return fixed if fixed.casefold() != address.casefold() else None


def _chinese(address: str, text: str) -> str | None:
    said = _ZH_NOT.search(text)
    if said is None or not re.search(r"[\u4e00-\u9fff]", address):
        return None
    after = _ZH_RUN.match(text[said.end():].lstrip())
    if after is None:
        return None
    wrong = _longest_once(address, after.group())
    if wrong is None:
        return None
    before = _ZH_LAST_RUN.search(text[:said.start()].rstrip(" ，,"))
    right = _ZH_FILLER.sub("", before.group()).split("是")[-1] if before else ""
    if not right:  # "不是桂花楼，是丹桂楼": the right one said after
        tail = text[said.end():]
        later = _ZH_SAID_AFTER.match(tail[tail.find(wrong) + len(wrong):])
        right = later.group(1) if later else ""
    if len(right) < 2 or right == wrong or len(right) > len(wrong) + 4:
        return None
    start = address.find(wrong)
    end = start + len(wrong)
    # "是丹桂楼 不是桂花" for "…桂花楼3栋": the "楼" said again replaces the address's
    shared = max((n for n in range(1, len(right)) if address[end:end + n] == right[-n:]),
                 default=0)
    return address[:start] + right + address[end + shared:]


def _longest_once(address: str, run: str) -> str | None:
    """The longest start of ``run`` (two characters or more) standing once in ``address``."""
    for k in range(len(run), 1, -1):
        if address.count(run[:k]) == 1:
            return run[:k]
    return None
