"""Regional Chinese read in Mandarin: the words of Shanghai ("侬", "伐", "勿", "覅"), Hunan
and the south-west ("咯个", "好久" asking how long, "啥子", "咋个"), the north-west ("嫑",
"额" for I, "咧" for 了) and Cantonese ("冇") that
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
    # "don't" in one character, of Shaanxi ("嫑取消咧") and of Shanghai ("覅改")
    (re.compile(r"[嫑覅]"), "别"),
    (re.compile(r"迭个"), "这个"),
    (re.compile(r"迭能"), "这样"),
    # the north-west's "I" before a word of one's own ("额屋", "额妈") or opening a clause
    # with a verb ("额昨个拍了…"); "金额", "额度" and a filler "额，…" stay
    (re.compile(r"(?<![金余差全限超名份面税定数总])额(?=屋|家|妈|爸|们|娃|媳妇|老婆|自己)"
                r"|(?:^|(?<=[\s,，。!！?？~]))额(?=[昨今明刚就也都还想要是在说去买拍])"
                r"|(?<=[帮给跟让叫])额(?![度外])(?=[\u4e00-\u9fff])"), "我"),
    # Shanghai's "的" said last ("对额"), the north-west's "了" ("嫑咧")
    (re.compile(r"(?<=[对好是行])额(?=[\s,，。!！?？~]|$)"), "的"),
    (re.compile(r"(?<=[\u4e00-\u9fff])咧(?=[\s,，。!！?？~别]|$)"), "了"),
    # the north's and the south-west's "home" ("我屋里") and a 不 said last that asks
    # ("够五口人吃不", "能退不"; "我不" refuses)
    (re.compile(r"(?<=[我你他她])屋(?![子顶檐])"), "家"),
    (re.compile(r"(?<=[\u4e00-\u9fff])(?<![我你他她也就都还可绝并])不(?=[\s?？~]*$)"), "吗"),
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
