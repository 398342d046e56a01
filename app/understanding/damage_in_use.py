"""Damage found in use, not on the way: "密封圈裂了 这算质量问题吧", "the casing has cracked
... sat on the dog's collar as normal for about six weeks". Such damage is a defect (the
fault window), not damage in transit (reported on arrival)."""

from __future__ import annotations

import re

# a fault named as such, with nothing of the way there: "密封圈裂了 这算质量问题吧" is a
# defect found in use, not damage in transit
_CALLED_A_DEFECT = re.compile(r"质量问题|质量有问题|产品缺陷|\bquality\s+(?:issue|problem|fault)"
                              r"|\bmanufacturing\s+(?:defect|fault)|\bdefect(?:ive)?\b",
                              re.IGNORECASE)
# damage that came with ordinary use over weeks, not on the way: "sat on the dog's collar as
# normal for about six weeks", "正常用了两个月就裂了"
_WITH_USE = re.compile(
    r"\b(?:after|for)\s+(?:about\s+|nearly\s+|almost\s+|over\s+)?(?:a\s+few|\w+|\d+)\s+"
    r"(?:weeks?|months?)\b|\bnormal(?:ly)?\s+use\b|\bas\s+normal\b"
    r"|用了[一两三四五六七八九十几\d]*(?:个)?(?:月|周|星期|礼拜)|正常使用", re.IGNORECASE)
_ON_THE_WAY = re.compile(r"收到|到货|到手|运输|快递|路上|途中|拆开|开箱|\barriv|\bdeliver"
                         r"|\btransit|\bcame\b|\bunbox|\bpost\b|\bcourier", re.IGNORECASE)


def damage_is_a_fault(text: str) -> bool:
    """Damage told as a fault or as come with use, with nothing said of the way there."""
    return bool(_CALLED_A_DEFECT.search(text) or _WITH_USE.search(text)) and not (
        _ON_THE_WAY.search(text))
