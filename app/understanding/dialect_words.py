"""Regional Chinese read in Mandarin: the words of Shanghai ("侬", "伐", "勿"), Hunan and
the south-west ("咯个", "好久" asking how long, "啥子", "咋个") and Cantonese ("冇") that
the cues, the classifier and the knowledge base, written in Mandarin, do not know. Each
word is replaced by one of the same length, so positions in the message hold; the
stored message keeps what the shopper wrote."""

from __future__ import annotations

import re

# (pattern, Mandarin): only where the word cannot be read otherwise in Mandarin
_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"侬"), "你"),
    (re.compile(r"阿拉"), "我们"),
    (re.compile(r"(?<!请)勿"), "不"),  # ("请勿" is Mandarin's own)
    (re.compile(r"辰光"), "时候"),
    # the question particle at a clause's end: "还好退伐"
    (re.compile(r"(?<=[\u4e00-\u9fff])伐(?=[\s?？。!！~，,]|$)"), "吗"),
    (re.compile(r"咯个"), "这个"),
    (re.compile(r"冇"), "没"),
    (re.compile(r"啥子"), "什么"),
    (re.compile(r"咋个"), "怎么"),
    (re.compile(r"好多钱"), "多少钱"),
    # "how long" only where it asks: "大概好久要换", "好久能到" ("等了好久" complains)
    (re.compile(r"(?<=大概|需要|要等)好久|好久(?=能|可以|会到|才到|到货|发货|要换|换一|一次|一回)"),
     "多久"),
)


def as_mandarin(text: str) -> str:
    for pattern, mandarin in _WORDS:
        text = pattern.sub(mandarin, text)
    return text
