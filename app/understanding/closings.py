"""The matter closed in the shopper's own words: a remark of theirs with thanks ("ah
that's my own fault, no worries", "好的 我让行政发邮件过去 谢谢"), or an ok and a plan of
their own ("行 我等你们消息"). Patterns of both languages, of no store.
"""

from __future__ import annotations

import re

from app.understanding.affirmation import ACCEPTS_IT, THANKS_ABROAD
from app.understanding.return_reasons import find_return_reason

# A remark of the shopper's own to close the matter ("ah that's my own fault for leaving it
# so long, no worries", "found it ... sorry! all sorted", "好的 我让行政发邮件过去 谢谢"):
# what they will do or found themselves, then thanks or "no worries". Nothing is asked:
# no question, no number, no request word (the caller checks the mood and the slots).
_CLOSER = re.compile(r"(?:\b(?:(?:thanks?|cheers)(?:\s+(?:a\s+lot|so\s+much|again|anyway"
                     r"|a\s+mil(?:lion)?|a\s+bunch|loads))?|thank\s+you"
                     r"|(?:thanks?|cheers|ta)\s+for\s+(?:all\s+)?(?:your|the)\s+(?:help|info|time"
                     r"|quick\s+\w+)|(?:thanks?|cheers|ta)\s+for\s+(?:checking|looking|letting\s+me\s+know"
                     r"|the\s+heads[\s-]up)"
                     r"|thx|ty|ta|no\s+worries|no\s+problem|all\s+(?:sorted|good)|sorted|sorry)"
                     r"|谢谢\w?|多谢|谢啦|谢您\w?"
                     r"|false\s+alarm|panic\s+over"
                     r"|谢了|辛苦了|麻烦(?:你|您)?了|没事了|没关系|搞定了|解决了|虚惊一场|白担心了|👍|🙏|👌"
                     # the matter let go: "那确实怪我 算了"
                     r"|(?:那就?)?算了吧?)"
                     r"[\s\W]*$",
                     re.IGNORECASE)
OWN_REMARK = re.compile(
    r"\b(?:my\s+(?:own\s+)?(?:fault|bad|mistake)|found\s+it|(?:all|it'?s)\s+sorted|sorted\s+it"
    # the answer taken in: "Fortnightly, got it. Cheers"
    r"|got\s+it|noted|gotcha"
    r"|^\W*sorted\b"
    r"|never\s*mind|(?:just\s+)?reali[sz]ed|(?:my|his|her)\s+(?:mistake|bad)"
    # an ok, then a word on the answer: "perfect, that's quieter than my aircon. thanks!"
    r"|^\W*(?:perfect|great|lovely|brilliant|cool|nice|good|ok(?:ay)?)\W+(?:that'?s|that\s+is|it'?s)"
    r"|(?:i|we)(?:'ll|\s+will)\s+(?:just\s+)?(?:keep|wait|leave|ask|check|sort|try|get|go|do|grab"
    r"|pick|collect|drive|pop|be|let\s+you\s+know|get\s+back\s+to\s+you|gather|take|come\s+back|bring"
    r"|look|think|see|film|send|post|record|snap|drop|donate|give\s+it"
    r"|contact|email|call|sit\s+tight|hang\s+on|figure|order|buy|give|pay)"
    # ... the "I" left out after thanks: "cheers, will ask him for the receipt", "thx 👍 will
    # wait for the tracking"
    r"|(?<=[^\w\s]\s)will\s+(?:just\s+)?(?:ask|check|wait|try|look|let\s+you\s+know|sort|contact"
    r"|email|call|think|keep)"
    # what they will do at once: "paying now", "going to order it now 🙂"
    r"|(?:paying|ordering|buying|placing\s+(?:it|the\s+order))\s+(?:it\s+|one\s+|them\s+)?now"
    r"|going\s+to\s+(?:pay|order|buy)\s+(?:for\s+)?(?:it|one|them)?\s*now"
    r"|should(?:'ve|\s+have)\s+(?:checked|looked|read|asked|known))\b"
    r"|我(?:这就|马上|现在就)?(?:让|叫|去|再|自己|回头|等着|先等|拍|录|另外(?:拍|买|下单|订))|我的(?:错|问题)|怪我|找到了|搞定了|没问题了|解决了"
    r"|(?:现在|又)?(?:正常|能用|好使)了"
    # the order left to go as it was: "那就照常发货 麻烦了", "ship it as planned then"
    r"|照常(?:发货|发|寄|送)|按原计划|\b(?:ship|send)\s+it\s+as\s+(?:planned|normal|usual)\b"
    # an ok, then the way said will do: "收到，发票发我邮箱就行"
    r"|^\W*(?:收到|好的?|行|嗯+)[\s,，.。!！~]*[^?？，,。]{0,16}就(?:行|好|可以)了?(?=[\s,，.。!！~]*(?:谢|$))|"
    + ACCEPTS_IT,
    re.IGNORECASE)
# a question, a number, a request or a fault: more than a remark
MORE_THAN_A_REMARK = re.compile(
    # ("can" asks when it comes first: "can you…", "can I…"; "the rescue can have it" tells)
    # (a size, weight or sum is no number asked about: "grand, I'll order the 60cm
    # separately", "£6 isn't worth lugging 10 kg down to the shop for, I'll leave it")
    r"[?？]|(?<![\d.£$€¥])\d+(?:\.\d+)?(?![\d.]|\s*(?:cm|mm|ml|kg|g|l|m|w|v|mah|ghz|inch(?:es)?"
    r"|厘米|公分|公斤|升)"
    r"(?![a-z]))|\bcan(?=\s+(?:you|u|i|we|someone|somebody|anyone)\b)|^\W*can\b"
    r"|\b(?:please|pls|plz|could|would|want|need|cancel|refund|return|change"
    r"|send\s+(?:it\s+|them\s+)?back|send\s+me|but|still|why|how|where|what|broken|damaged"
    r"|missing|faulty|leak\w*)\b"
    # ("when she's up to it" tells when; "when will it come" asks)
    r"|\bwhen\b(?!\s+(?:she|he|they|i|we)(?:'s|'re|'m|\s+(?:is|are|am|gets?|feels?|has|have)\b))"
    # ("要她本人来问啊" tells what is needed; "要退" asks)
    # ("物业前台帮我代收了" tells what was done; "帮我取消了吧" asks)
    # ("冻干还是我手喂吧" is a plan of the shopper's own; "还是退吧" asks)
    r"|帮我(?![^，。\s]{1,4}了(?!吧))|请|能不能|可以|要(?!她|他|本人)|想|但|如果"
    r"|还是(?!我[^，。,.\s]{1,8}吧)|为什么|怎么|吗"
    r"|坏|破|漏",
    re.IGNORECASE)
MAX_REMARK_CHARS = 120


# ... or first: "no worries, I'll grab it from the shop if they miss me"
_OPENER = re.compile(r"^\W*(?:(?:ah|oh|ok(?:ay)?|alright)[\s,]+)*"
                     r"(?:no\s+worries|no\s+problem|no\s+stress"
                     r"|not\s+to\s+worry|没事|没关系"
                     # an ok before a plan of one's own: "grand, I'll let you know 👍"
                     r"|(?:grand|great|lovely|perfect|cool|brill|brilliant|fair\s+enough|cheers|thanks"
                     r"|thx|ta)(?=\W+(?:i'?ll|will)\b))\b",
                     re.IGNORECASE)


# "you know what, I'll just keep it", "no need to pass me on": no question, no request
_ASKS_NOTHING = re.compile(r"\byou\s+know\s+what\b|\bno\s+need\b|不用|不需要", re.IGNORECASE)


# thanks first, then what the answer did for them: "cheers, that's one less thing to
# worry about", "谢谢 这下放心了"; a "not" or "wrong" after it is no relief
_THANKED_FIRST = re.compile(
    r"^\W*(?:thanks?|thank\s+you|cheers|ta|谢谢|多谢|谢啦)[\s,，.!！~。]+"
    r"(?:that'?s|that\s+is|this\s+is|what\s+a|这下|那我就|我就|总算|终于)", re.IGNORECASE)
_NO_RELIEF = re.compile(r"\bnot\b|n't\b|\bwrong\b|不对|不是|没用", re.IGNORECASE)


# an ok, then a plan of one's own, in a short message that asks nothing and says nothing
# is wrong: "行 我等你们消息", "好 那我整理一下发过来", "ok 等你们发货 谢谢", "好的 麻烦了 等发货"
_ACK_THEN_PLAN = re.compile(r"^\W*(?:(?:(?:perfect|great|sweet|cool|lovely|brilliant|ok(?:ay)?"
                            r"|alright)[\s,.!]+(?:(?:thanks?|thank\s+you|cheers|ta)[\s,.!]+)?"
                            r"|(?:thanks?|thank\s+you|cheers|ta)[\s,.!]+)"
                            r"(?:i'?ll\s+)?(?:pay(?:ing)?|(?:re-?)?order(?:ing)?|buy(?:ing)?)\s+"
                            r"(?:it\s+|one\s+|them\s+|again\s+|the\s+(?:\w+\s+)?one\s+)?now\b"
                            # the matter passed on to whom it is: "Of course, I'll ask her to
                            # message you herself when she's up to it"
                            r"|(?:of\s+course|ok(?:ay)?|sure|right|alright|fair(?:\s+enough)?|no\s+problem"
                            r"|understood|got\s+it|makes\s+sense|will\s+do)(?:[\s,.!]+i\s+get\s+it)?"
                            r"[\s,.!]+(?:then\s+)?i'?ll\s+(?:just\s+)?(?:(?:ask|tell|get|let|have)\s+"
                            r"(?:her|him|them|my\s+\w+)|(?:hand|give|bring|walk|drop)\s+it\s+(?:back|over|round"
                            r"|up|to))\b"
                            r"|(?:好的?|好嘞|好滴|好哒|行|成|嗯+|明白了?|了解|收到|懂了|知道了"
                            r"|ok(?:ay)?|alright)(?:[\s,，.。!！~]*(?:谢谢|谢啦|多谢"
                            r"|(?:麻烦|辛苦)(?:你|您)?们?了))?[\s,，.。!！~]+"
                            r"(?:那)?(?:我|那我|(?=先|回头|晚点|等|今天|明天|今晚|马上|这就))(?:就|先|再|去|来|这就|马上|现在就?|晚点|回头|待会儿?"
                            r"|等会儿?|过两天|这两天|这几天|明天|今天|今晚|周末|下周|自己|一早|早上|上午|下午|晚上){0,3}(?:去)?(?:重新)?"
                            # where: "那我自己在中通App上改", "那我这就去顺丰App上改"
                            r"(?:(?:在|(?<=去))[^，,。\s]{1,12}?(?:上|里)(?:改|弄|操作|搞)"
                            # "那我去官网下单了"
                            r"|(?<=去)[^，,。\s]{1,8}?(?:下单|付款|拍)"
                            # ("我去路由器里设置一下": the 在 left out after 去)
                            r"|(?:(?:在|(?<=去))[^，,。\s]{1,12}?(?:上|里))?"
                            r"(?:把|等|录|拍|整理|设置|发|找|看|试"
                            r"|弄|买|用|问|查|装|换|联系|考虑|想|收|寄|打包|付|下单|订|走"
                            # someone else told: "好的 我让他留意一下快递点的短信"
                            r"|让|叫|告诉|通知|提醒)))",
                            re.IGNORECASE)
MAX_PLAN_CHARS = 80
_TROUBLE = re.compile(r"\b(?:not|never|no|nothing|still|wrong|late|lost|stuck|again|yet|empty)\b"
                      r"|n't\b|不|没|还|坏|错|丢|漏|慢|空", re.IGNORECASE)
# ... a go-ahead or a yes is an answer, not a close: "好 那我发过去 改吧"
_GOES_AHEAD = re.compile(r"(?:改|加|换|退|办|弄|取消|删)(?:吧|啦|了吧)|确认|安排|可以|需要|要的"
                         r"|是的|对的|没错|\b(?:go\s+ahead|do\s+it|go\s+for\s+it|proceed"
                         r"|confirm(?:ed)?|yes|yeah|yep|yup|sure|please)\b", re.IGNORECASE)
# ... and a question without its mark is a question: "好 那我等 要几天"
_ASKS = re.compile(r"多少|多久|多长|多大|多重|几|什么|啥|哪|谁|怎|吗|呢|么|是否|能否|有没有"
                   r"|是不是|会不会|要不要|能不能|可不可以|行不行"
                   r"|[\u4e00-\u9fff]不[\u4e00-\u9fff](?=[\s，,。]*$)"
                   # a question put with 不 last: "明天还有票不", "这样行不"
                   r"|(?<=[\u4e00-\u9fff])不[\s?？。!！~]*$|问个|请问"
                   r"|\b(?:is|are|do|does|did|will|have|has)\s+(?:it|you|they|there|i|we|he|she)\b",
                   re.IGNORECASE)


# an ok, then "I'll be back once it ships": "ok will ask again once it's shipped", "懂了
# 那发货后我再来" (nothing asked now, so no trouble word of "again" counts); a video promised
_BACK_LATER = re.compile(
    r"^\W*(?:ok(?:ay)?|alright|right|got\s+it|understood|fair\s+enough|cool|fine|gotcha)"
    r"[\s,.!]+(?:then[\s,]+)?(?:i'?ll|i\s+will|will)\s+(?:just\s+)?(?:ask|check|come|get|message"
    r"|write|try)(?:\s+(?:back|in|again|you|with\s+you))*\s+(?:once|when|after|later|tomorrow"
    r"|next\s+week)\b[^?]*$"
    r"|^\W*(?:好的?|好嘞|行|嗯+|懂了|明白了?|了解|知道了|ok)[\s,，.。!！~]*(?:那|那我)?[^，,。?？\s]{0,8}"
    r"(?:后|以后|之后|的时候|完款|完钱)(?:我)?再(?:来|问|找你们?|联系|看看)(?:找你们?)?"
    # ... and what for: "好嘞，付完款我再来找你们开发票"
    r"(?:开发票|开票|问问|下单)?[吧了哈啦]?[\s。.!！~]*$"
    # ... or "I'll send you a video of it": what the shop will look at, nothing asked now
    r"|^\W*(?:(?:ok(?:ay)?|sure|right)[\s,.!]+)?(?:i'?ll|i\s+will|will)\s+(?:send|take|film"
    r"|record|grab|snap)\s+(?:you\s+)?(?:a\s+|some\s+)?(?:video|photo|pic|picture|clip)s?"
    r"(?:\s+(?:of\s+it|now|shortly|later|in\s+a\s+bit))*[\s.!]*$"
    r"|^\W*(?:(?:好的?|行|嗯+)[\s,，]*)?(?:[^，,。?？\s]{1,8}的事)?(?:那)?我(?:这就|马上|回头|晚点"
    r"|等下|待会儿?)?(?:拍|录)(?:个|一?段|一?下|几张)?(?:视频|照片|图片?)(?:发|给)?(?:过来|给你们?"
    r"|给您)?[吧哈啊]?[\s。.!！~]*$",
    re.IGNORECASE)


# a laugh before the words: "Ha, fair enough, I'll ask her for the receipt instead"
_LAUGH = re.compile(r"^\W*(?:(?:ha){1,4}h?|heh|lol|哈{2,})[\s,.!~，。！]+", re.IGNORECASE)


def _an_ok_and_a_plan(text: str) -> bool:
    return (len(text) <= MAX_PLAN_CHARS and _ACK_THEN_PLAN.match(text) is not None
            and _TROUBLE.search(text) is None and MORE_THAN_A_REMARK.search(text) is None
            and _ASKS.search(text) is None and _GOES_AHEAD.search(text) is None
            and find_return_reason(text) is None)


def closes_with_a_remark(text: str) -> bool:
    """The matter closed in the shopper's own words: a remark of theirs with thanks or
    "no worries" after it (or "no worries" before it, or thanks before what the answer
    did for them), asking nothing; or an ok and a plan of their own, in a short message
    that asks nothing and says nothing is wrong."""
    text = _LAUGH.sub("", text)
    if _an_ok_and_a_plan(text) or _BACK_LATER.search(text):
        return True
    text = _ASKS_NOTHING.sub(" ", text)
    closed = _CLOSER.search(text) is not None or _OPENER.search(text) is not None
    remark = OWN_REMARK.search(text) is not None or (
        _THANKED_FIRST.match(text) is not None and _NO_RELIEF.search(text) is None)
    return (len(text) <= MAX_REMARK_CHARS and (closed or _THANKED_FIRST.match(text) is not None)
            and remark and MORE_THAN_A_REMARK.search(text) is None)


# thanks in any words the shopper closes with: "Ta!", "cheers", "merci", "danke", "谢啦"
_THANKS = re.compile(r"\b(?:thanks?|thank\s+you|thx|ty|ta|cheers|" + THANKS_ABROAD + r")\b"
                     r"|谢|多谢|唔该|唔該|辛苦", re.IGNORECASE)


def says_thanks(text: str) -> bool:
    return _THANKS.search(text) is not None


# thanks for an answer given: "ok. Bit annoying but thanks for explaining", "谢谢解答"
_THANKS_FOR_THE_ANSWER = re.compile(
    r"\b(?:thanks?|thank\s+you)\s+(?:(?:so|very)\s+much\s+)?for\s+(?:explaining|clarifying"
    r"|(?:the|that|your)\s+(?:explanation|info(?:rmation)?|answer|clarification|heads[-\s]up))\b"
    r"|谢谢(?:你的?|您的?)?(?:解释|解答|说明)", re.IGNORECASE)


def thanks_for_the_answer(text: str) -> bool:
    """Thanks for what the last reply explained, with no request in the rest."""
    found = _THANKS_FOR_THE_ANSWER.search(text)
    return found is not None and asks_nothing(text[found.end():])


def asks_nothing(text: str) -> bool:
    """No question, number, request word or go-ahead in the message ("I've kept the
    hammock and the vet's invoice, and took photos", "好 我等你们电话"): it tells."""
    return (MORE_THAN_A_REMARK.search(text) is None and _ASKS.search(text) is None
            and _GOES_AHEAD.search(text) is None)  # "parfait, merci - go ahead 👍" asks


def tells_nothing_wrong(text: str) -> bool:
    """Asks nothing and says nothing is wrong: "钱到现在好像也没退回来" reports a
    trouble, which asks for help without a question mark."""
    return asks_nothing(text) and _TROUBLE.search(text) is None


# an ok first: "好的 知道了", "行 那我就安心用着了", "ok, good to know"
LEADING_OK = re.compile(r"^\W*(?:好的?|好嘞|好吧|好滴|好哒|行吧?|嗯+|成|懂了|明白了?|知道了|了解"
                         r"|ok(?:ay)?|alright|right|(?:ugh\s+)?fine|cool|lovely|great|grand|perfect"
                         r"|brill(?:iant)?)[\s,，.。!！~]+", re.IGNORECASE)
# ... and what still takes up an offer of a person: "好的 麻烦转一下", "ok please do"
_TAKES_IT_UP = re.compile(r"麻烦|拜托|请|转|人工|客服|同事|\b(?:please|pls|plz|do\s+it|go\s+ahead"
                          r"|connect|put\s+me|human|person|agent|someone|colleague|yes|yeah|yep"
                          r"|sure)\b",
                          re.IGNORECASE)


def an_ok_and_a_remark(text: str) -> bool:
    """An ok, then a remark that asks nothing ("好的 知道了", "行 那我就安心用着了"): the
    answer taken in, no yes to an offer made with it."""
    ok = LEADING_OK.match(text)
    rest = text[ok.end():].strip() if ok else ""
    return len(rest) >= 2 and asks_nothing(rest) and _TAKES_IT_UP.search(rest) is None


def thanks_and_asks_nothing(text: str) -> bool:
    """Thanks with a remark of the shopper's own ("Makes sense, nothing to claim there then.
    Ta!", "super, danke dir 👍"): no question, number or request word in it. For a message
    the rules read as no request at all; the caller checks the mood and the slots."""
    return (len(text) <= MAX_REMARK_CHARS and _THANKS.search(text) is not None
            and asks_nothing(text))


# a goodbye, with an ok or praise at most: "parfait, à bientôt !", "great, see you", "好的 再见"
_FAREWELL = re.compile(r"\b(?:bye|goodbye|see\s+(?:you|ya)|cya|au\s+revoir|ciao|tsch[üu]ss"
                       r"|adi[oó]s|hasta\s+luego)\b|à\s+bient[ôo]t|a\s+bient[ôo]t|再见|拜拜|回头见",
                       re.IGNORECASE)
MAX_FAREWELL_CHARS = 40


def says_goodbye(text: str) -> bool:
    return (len(text) <= MAX_FAREWELL_CHARS and _FAREWELL.search(text) is not None
            and MORE_THAN_A_REMARK.search(text) is None)
