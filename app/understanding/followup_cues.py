"""Cues of a follow-up: the request before asked again ("the same for SO-2", "也一样",
"and the mini pump order too pls"), a correction ("sorry, I meant ..."), another one
("what about the other one?"), and whether a message asks a question of its own."""

from __future__ import annotations

import re

from app.understanding.cue import Cue

# "also" / "too" only add: what is added may be the request before or a new one;
# "the same for", "也一样", "也一起开" say it is the one before
# (what is said after a dash only says which: "and 4291 as well please — the humidifier")
_ADDS = (r"\b(?:as\s+well|too)\b(?:[\s,]+(?:pls|please|plz|thanks|thx|ty))?(?:[\s.!?]*$|\s*[—–]\s)"
         r"|\balso\b"
         r"|\bwhile\s+you'?re\s+at\s+it\b")
_SAME = (r"\bsame\s+(?:for|with|goes|thing|please)\b|\bthe\s+same\b"
         r"|\band\s+(?:for\s+)?(?:the|my|that)\s+\w+\s*\??$|\band\s+(?:one|another)(?:\s+one)?\s+for\b"
         r"|也一样|也要|同样|一样的|也是|也帮我"
         r"|也(?:一块|一起)?(?:查|退|取消|改|开)|也一起|(?:一起|一块)(?:开|退|取消|查|改)")
says_same = Cue(_SAME)
# "也是这样吗", "same there?", "does that apply to ...": asks the question before again
asks_if_same = Cue(
    r"(?:也|还)是这样(?:吗|么|嘛|的吗)|(?:也|还)一样(?:吗|么|嘛)|一样吗|同样吗"
    r"|\bsame\s+(?:there|here|for\s+[\w ]{1,30})\s*\?|\bis\s+that\s+(?:also\s+)?the\s+case\b"
    r"|\bdoes\s+(?:that|this|it)\s+(?:also\s+)?apply\b"
    # "does it work on the tower fan too?" after what a code covers
    r"|\b(?:does|do|will|would|can|is)\s+(?:it|that|this)\b[^?.!]{0,40}\b(?:too|as\s+well)\s*\??\s*$")
same_for = Cue(_ADDS + "|" + _SAME)
# the request before, done again on something else: "can you do the same for the air fryer?",
# "那个也这样改一下"
does_the_same = Cue(r"\bdo\s+the\s+same\s+(?:for|with|on|to)\b|\bsame\s+again\s+(?:for|with)\b"
                    r"|(?:也|同样)(?:这样|这么|照这样)(?:弄|办|改|处理|操作)")
corrects = Cue(
    # ("how often am I meant to clean it?" asks what to do)
    r"\b(?:sorry|oops|no|nope),?\s+i\s+(?:meant|mean)\b|(?<!am\s)\bi\s+meant\b|\bi\s+mean\b|\bnot\s+that\s+one\b"
    r"|\bwrong\s+(?:one|order)\b|\bactually\s+(?:i\s+meant|it'?s)\b"
    r"|\bwrong\s+(?:number|id)\b|\btypos?\b|\bfat[- ]finger(?:s|ed)?\b|\bmis-?typed\b"
    # "it's G31 2QP not QQ": a part said right, then the wrong one
    r"|\b(?:is|it'?s)\s+\S+(?:\s+\S+)?\s+not\s+\S+\s*(?:[,.!]|$)"
    r"|不对|不是这(?:个|单)|我(?:说|问|指)的是|搞错了|是另一|(?:打|写|输|填|说)错了")
_WHAT_ABOUT = (r"\b(?:what|how)\s+about\b"
               r"|^\s*(?:(?:ok(?:ay)?|thanks|thx|cool|great|alright|right|oh|ah|hm+)[\s,.!]+)*"
               r"and\s+(?:the|my|that|what|for)\b"
               r"|[呢]\s*[?？]?\s*$"
               # "the saddle order then?"
               r"|\b(?:order|one|parcel)\s+then\s*\?\s*$")
what_about = Cue(_WHAT_ABOUT + r"|^那(?:个)?"
                 # "啊这 那九月初那单呢 电水壶和电饭煲一起买的那个": "那…呢", described after
                 r"|(?:^|[\s，,])那[^\s，。？?!！]{0,12}呢(?=[\s，,])")
# without the opening "那", which before a question of its own is "then" ("那刷头多久换
# 一次"), not "what about"
asks_what_about = Cue(_WHAT_ABOUT)
the_other_one = Cue(
    r"\b(?:the|that|this)\s+other\s+one\b|\b(?:the|that)\s+other\b"
    r"|另(?:一(?![片包袋盒瓶支块张双条卷粒颗罐桶])|外)(?:个|一个|那个)?")
# an order said as such, by what is in it: "冲牙器那单呢", "and the kettle order?", "the one
# with the rear light in it?" (an item alone may be a question of the product)
says_an_order = Cue(
    r"那单|这单|那笔|那个订单|的订单|\b(?:order|parcel|delivery)\b|\bthe\s+one\s+with\b")
# "it", "that", "这个": the message points back at what was just discussed
points_back = Cue(r"\b(?:it|its|that|this|they|them|their|those|these)\b|它|这|那")
# a tag question: "内胆也是304不锈钢的吧"
_TAG_QUESTION = (r"(?:是[^，。,.!?！？]{1,15}的|得下|得了|够了?|对|是|可以|没问题|不会错)"
                 r"吧[\s?？。!！~]*$")
# a question of its own, once "what about" is set aside: "also, does the stove come with
# gas?" asks something; "那花呗呢" / "and for trekking poles?" only point the last one
_OWN_QUESTION = Cue(
    r"\b(?:do|does|did|is|are|was|can|could|will|would|should|how|what|when|where|why|which|"
    r"who|whats|hows|wheres|whens|whys)\b|吗|(?<![那这])么|怎么|多少|几|哪|什么|能不能|可不可以|是不是|有没有"
    r"|多(?:久|长|大|重|高|远|宽|厚)|如何|为什么|为啥|咋|啥"
    r"|([\u4e00-\u9fff])不\1"  # 吵不吵, 好不好: a question by "A not A"
    r"|是[^，。,.!?！？]{1,20}还是|"  # 是插电的还是电池的: a question by "A or B"
    + _TAG_QUESTION)


def asks_its_own_question(text: str) -> bool:
    return _OWN_QUESTION(what_about.pattern.sub(" ", text))


def asks_outright(text: str) -> bool:
    """A question beyond doubt: a question mark, or Chinese asking in words ("这个保修多久");
    English words alone ask nothing for certain ("keep it as it is")."""
    return "?" in text or "？" in text or bool(_ZH_ASKS.search(text))


# Chinese asking in words: a question particle at the end (or ending a clause: "能开纸质的吗
# 单位报销要贴票"), or a question word ("再适应几天" has a 几 that asks nothing)
_ZH_ASKS = re.compile(r"[吗嘛么呢][\s?？。!！~]*$|吗[\s，,]|多久|多少|多长时间|怎么|为什么|为啥"
                      r"|什么时候|哪(?:里|儿|个|天|家|款|种|样|一(?:款|种|个|家|天))|能不能|可不可以|是不是|有没有|会不会|要不要"
                      r"|" + _TAG_QUESTION + r"|([\u4e00-\u9fff])不\1")
# an ask pressed, not a new one: "你就帮我查一下嘛 求求了", "come on, just check it for me"
presses = Cue(r"求求|拜托|就帮我|你就帮|帮帮忙嘛|\bplease\s+just\b|\bcome\s+on\b"
              r"|\bjust\s+(?:check|look|tell|do)\b|\bpretty\s+please\b|\bi'?m\s+begging\b")
