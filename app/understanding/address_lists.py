"""Several addresses in one message, and the one the shopper means: named from a list ("我从
备忘录里复制了两个 用第二个哈 1. … 2. …", "use the second one: 1) … 2) …"), or said right
after the wrong one ("It says Flat 9, 3 Wilmslow Road but we're number 33 - Flat 9, 33
Wilmslow Road", "地址写成了…，应该是…")."""

from __future__ import annotations

import re

# a numbered list ("1. 湖北省… 2. 湖北省…") and which of it to use ("用第二个", "use the 2nd")
_LIST_ITEM = re.compile(r"(?:^|\s)(\d)[.、)）]\s*")
_PICKED = re.compile(r"(?:用|选|寄到|送到|是)第([一二三四五\d])个"
                     r"|第([一二三四五\d])个(?:地址)?(?:吧|哈|就行|是对的)"
                     r"|\b(?:use|take|pick|the)\s+(?:the\s+)?(first|second|third|1st|2nd|3rd|"
                     r"(?:number|no\.?)\s*\d)\b(?:\s+(?:one|address))?", re.IGNORECASE)
_NTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "first": 1, "second": 2, "third": 3,
        "1st": 1, "2nd": 2, "3rd": 3}


def picked_from_a_list(text: str) -> str | None:
    """The list item the shopper picks, where they paste several and name one."""
    picked = _PICKED.search(text)
    items = list(_LIST_ITEM.finditer(text))
    if picked is None or len(items) < 2:
        return None
    word = next(g for g in picked.groups() if g).lower()
    nth = _NTH.get(word) or int(re.sub(r"\D", "", word) or 0)
    for here, after in zip(items, [*items[1:], None], strict=False):
        if int(here.group(1)) == nth:
            return text[here.end():after.start() if after else len(text)]
    return None


# the wrong address quoted, then the right one: "it says … but …", "I typed … instead of"
_SAID_WRONG_THEN_RIGHT = re.compile(
    r"\b(?:it\s+(?:says|reads|shows)|i\s+(?:typed|wrote|put|entered))\b[^.!?\n]{3,80}?"
    r"\b(?:but|should\s+(?:be|say|read|have\s+been))\b"
    r"|(?:写的是|写成了?|填的是|填成了?|打成了?)[^。！？\n]{3,40}?(?:应该是|其实是|实际是|但是?|正确的是)",
    re.IGNORECASE)


def said_right_after_the_wrong(text: str) -> str | None:
    """What follows the wrong address quoted, where the message quotes one and then says
    it otherwise; None when it does not."""
    said = _SAID_WRONG_THEN_RIGHT.search(text)
    return text[said.end():] if said is not None else None
