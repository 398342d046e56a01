"""Messages that are only social: a greeting ("hi", "你好", "在吗"), thanks and goodbye
("thanks!", "好的 谢谢", "that's all, thank you") or a bare acknowledgement of the last
answer ("ok", "好的", "got it", "知道了"). They ask nothing of the shop, so they
are answered in kind: not read as out of scope, never offered a person, never counted
as a turn the bot failed. Only a whole message counts: "hi, where is my order?" asks.

Also the turn of topic after an acknowledgement ("ok I'll wait. btw is the fan loud at
night?", "行 那我再等等 对了…"): what follows the "by the way" is the question."""

from __future__ import annotations

import re
from typing import Literal

from app.understanding.affirmation import THANKS_ABROAD
from app.understanding.closings import MORE_THAN_A_REMARK, OWN_REMARK

Social = Literal["greeting", "thanks", "ack"]

_LEAD = r"^[\s\W]*"
_END = r"[\s\W]*$"
# asked after a greeting, and no request: "hope you're having a good week so far 🙂"
_PLEASANTRY = (r"(?:i\s+)?hope\s+(?:you(?:'re|\s+are)|you\s+all\s+are|all\s+is|everything\s+is)"
               r"\s+(?:[\w']+\s+){0,5}?(?:well|good|great|fine|ok|week|day|weekend)(?:\s+so\s+far)?"
               r"|how\s+are\s+(?:you|u|things)(?:\s+(?:doing|today))?|how'?s\s+(?:it\s+going|your\s+day)"
               r"|happy\s+\w+day|最近(?:还)?好吗|今天(?:还)?好吗|辛苦(?:了|啦)")
_GREETING = re.compile(
    _LEAD + r"(?:(?:hi|hello|hey|hiya|heya|yo|good\s+(?:morning|afternoon|evening)|morning)"
    r"(?:\s+(?:there|guys|team|all))?|你好|您好|哈喽|嗨|在吗|在不在|亲在吗|亲)(?:呀|啊|哈|呢|嘛)?"
    r"(?:[\s,，!！~。.]*(?:你好|您好|在吗|亲|" + _PLEASANTRY + "))*" + _END, re.IGNORECASE)
_THANKS = re.compile(
    # "好吧 知道了 谢谢": an acknowledgement or two before the thanks
    _LEAD + r"(?:(?:ok(?:ay)?|alright|great|cool|perfect|got\s+it|noted|好的|好吧|好|嗯+|行|ok"
    r"|知道了|明白了?|收到了?|了解了?|(?:那)?我(?:再)?等(?:等|着)|(?:那)?就这么办)"
    r"[\s,，.!！~]*){0,3}(?:(?:thanks?|thank\s+you|thx|ty|cheers|many\s+thanks)"
    r"(?:\s+(?:a\s+lot|so\s+much|very\s+much|again))?|谢谢|多谢|感谢|谢啦|谢了|辛苦了|谢谢你|谢谢您"
    # Cantonese and traditional characters: "唔該晒", "多謝"
    r"|唔該晒?|唔该晒?|多謝晒?|謝謝)"
    r"(?:[\s,，.!！~。]*(?:bye|goodbye|that'?s\s+all|拜拜|再见))?" + _END
    + r"|" + _LEAD + r"(?:that'?s\s+all(?:\s+for\s+now)?[\s,.!]*(?:thanks?|thank\s+you)?"
    r"|(?:bye|goodbye)|没有了|没事了|没别的了|拜拜|再见)" + _END, re.IGNORECASE)


# "can u help?", "please help", "能帮我吗", "帮帮我": help asked and nothing said of what
# with: the request on the table, pressed again
_HELP = re.compile(
    _LEAD + r"(?:(?:(?:so|ok(?:ay)?|well|hello|hi)[\s,]+)?(?:can|could|would|will)\s+(?:you|u)\s+"
    r"(?:please\s+|pls\s+)?help(?:\s+me)?(?:\s+(?:please|pls|plz|out|with\s+(?:this|that|it)))?"
    r"|(?:please|pls|plz)\s+help(?:\s+me)?|help(?:\s+me)?\s+(?:please|pls|plz)"
    r"|(?:can|could)\s+(?:you|u)\s+(?:check|look\s+into)\s+(?:it|that|this)(?:\s+for\s+me)?"
    r"|(?:你们)?(?:能|可以)?帮(?:帮|一下)?我(?:查|看|问|处理|跟进)?(?:一下|下)?(?:吗|嘛|呗|啊)?"
    r"|帮帮忙|求帮忙|怎么帮我)" + _END,
    re.IGNORECASE)


def only_asks_for_help(text: str) -> bool:
    return _HELP.match(text) is not None


# "ok", "got it", "好的", "嗯嗯", "知道了", "好吧 那我再等等": the last answer was taken in.
# Not a question ("right?", "好的吗"); a yes to a question asked is read before this.
_ACK_WORD = (r"(?:ok(?:ay|ie)?|k+|alright|all\s+right|i\s+see|got\s+it|understood|noted"
             r"|sounds\s+good|fair\s+enough|cool|great|perfect|fine|sure|will\s+do"
             r"|(?:great|good|nice|lovely)\s+stuff|nice\s+one|sweet|lovely|brill(?:iant)?|awesome"
             r"|all\s+good|that\s+helps|(?:that\s+)?makes\s+sense"
             r"|(?:then\s+)?(?:i'?ll|i\s+will)\s+wait|好的?|好吧|好滴|好哒|好嘞|行吧|行|嗯+|哦+|噢|知道了|明白了?"
             r"|了解了?|收到了?|懂了|(?:那)?我(?:再)?等(?:等|着)|那就等等|(?:那)?就这么办|就这样吧?"
             # the parcel waited for: "那我就等快递上门了", "那我等包裹到了"
             r"|(?:那)?我(?:就|再|先)?等(?:着)?(?:快递|包裹|它)(?:上门|送来|送到|到了?|来)?)")
_ACK_TAIL = r"[吧啦哈呀了嘛]*"  # "好吧 那就等等吧"
# (Chinese runs its words together: "嗯就这样")
_ACK = re.compile(_LEAD + _ACK_WORD + _ACK_TAIL + r"(?:[\s,，.!！~。]*" + _ACK_WORD + _ACK_TAIL
                  + r")*[\s,，.!！~。]*$", re.IGNORECASE)


# thanks shown, not written: "🙏🙏", "🙏😊" (a thumb alone is an ok, read below)
_THANKS_EMOJI = re.compile(r"^[\s🙏😊🥰❤️🌹💐]*🙏[\s🙏😊🥰❤️🌹💐]*$")


# a friendly face or hand after the words ("好的👍", "ok thanks 🙂"), not a cross one
_KIND_EMOJI_LAST = re.compile(r"[\s\ufe0f\u200d👍👌🙏😊🙂😄😀😁☺🥰❤🌹💐✌👏🤝😉🤗🙌]+$")


# a yes or no to "anything else?" that asks for nothing more: "yep that's all, thx"
_NOTHING_MORE = re.compile(r"^\W*(?:yes|yep|yeah|yup|no|nope|nah)[\s,.!]+(?=(?:that'?s\s+(?:all"
                           r"|it|everything)|nothing\s+else)\b)", re.IGNORECASE)


# thanks and goodbyes as typed in chat, and in the shopper's other languages, spelled the
# standard way before reading ("gr8 ty!!", "tq so much", "m goi saai", "dankjewel")
_CHAT_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), standard) for pattern, standard in (
        (r"\bgr8\b", "great"),
        (r"\b(?:3q|tq|tks|tnx|thnx|thanx|thnks|tysm|tyvm|thank\s+u|thanku)\b", "thanks"),
        (r"\b(?:m\s*4?\s*goi|mh\s*goi|ng\s*goi)(?:\s*(?:saai|sai|sai3))?\b", "thanks"),
        (r"\b(?:dank\s*je\s*wel|dank\s*u\s*wel|dankjewel|dankuwel|dank\s+je|dank\s+u"
         r"|danke\s+sch[öo]e?n|merci\s+bien|muchas\s+gracias|grazie\s+mille)\b", "thanks"),
        (r"感恩", "感谢"),
        # a goodbye wished: "have a good one!", "enjoy your evening"
        (r"\b(?:have\s+a|enjoy\s+(?:the|your))\s+(?:good|nice|great|lovely|wonderful|good)?\s*"
         r"(?:one|day|evening|night|weekend|week|afternoon)\b", "bye"),
    ))


def _standard_spelling(text: str) -> str:
    for pattern, standard in _CHAT_SPELLINGS:
        text = pattern.sub(standard, text)
    return text


def social_kind(text: str) -> Social | None:
    """What kind of social message ``text`` is when that is all it says, else None."""
    text = _standard_spelling(text)
    text = _KIND_EMOJI_LAST.sub("", text) or text
    text = _NOTHING_MORE.sub("", text) or text
    if _GREETING.match(text):
        return "greeting"
    if _THANKS.match(text) or _only_thanks(text) or _THANKS_EMOJI.match(text):
        return "thanks"
    if _ACK.match(text):
        return "ack"
    return None


# words that only acknowledge or close ("ah great thanks!! that's all from me")
# (and in a shopper's other language: "top, dank je!", "merci beaucoup", "salamat po")
_THANKS_WORD = re.compile(r"^(?:thanks?|thank|thx|ty|ta|cheers|bye|goodbye|appreciated?|谢谢|多谢"
                          r"|感谢|谢啦|谢了"
                          r"|" + THANKS_ABROAD + r"|ciao|tsch[üu]ss|adios"
                          r"|辛苦(?:了|啦|你了|您了)?|麻烦(?:了|啦|你了|您了)|拜拜|再见)$",
                          re.IGNORECASE)
_FILLER_WORDS = frozenset(
    "you so much very a lot again great ok okay alright cool perfect got it noted ah oh "
    "awesome nice lovely brilliant wonderful that's thats all from me for now today "
    "it's that is good super really and have day then sure for your help the info quick "
    "reply answer appreciated appreciate much fair enough explaining clarifying makes sense "
    "understood weekend week evening night rest of your enjoy too sorting out helping "
    # the service praised in passing: "great, that was painless for once. cheers"
    "me was painless easy smooth simple fast helpful once "
    # an apology or patience thanked for: "thanks, and sorry again for the faff!"
    "sorry faff trouble hassle bother being patient anyway with brill ace sweet grand "
    # the words around thanks in the shopper's other language
    "je u jij wel schön sehr beaucoup mille muchas tante po top "
    # a letter's greeting and its words of thanks: "Dear team, many thanks for your prompt
    # assistance"
    "dear team hi hello all prompt kind assistance support service everything many "
    # said with the thanks in chat: "thanks heaps mate", "cheers, legend", "thx a mil"
    "heaps loads tons mil million mate legend one helps helped lots k kk as".split())
# a reassurance said with thanks: "no worries, thanks for your help!"
_NO_WORRIES = re.compile(r"\bno\s+(?:worries|problem)\b", re.IGNORECASE)
_ZH_FILLER = re.compile(r"好的|好|嗯|行|哈|啊|呀|哦|噢|了|的|啦|嘞|咯|哒|你|您|亲|明白|知道|收到"
                        r"|了解|没有了|没事了|没别的了|就这样|就这些|没其他的?"
                        # praise said with the thanks, in dialect or slang: "巴适，谢了哈"
                        r"|巴适|安逸|得劲|给力|靠谱|妥妥|妥|完美|绝绝子|绝了|棒|赞"
                        r"|效率(?:挺|真|好|很|蛮)?高|(?:挺|真|很|蛮)?(?:快|及时|专业)"
                        # leave taken: "你忙吧", "忙去吧", "不打扰了"
                        r"|(?:你|您)?(?:去)?忙(?:去)?吧|不打扰(?:你|您)?了")
_WORDS = re.compile(r"[a-zà-ÿ']+|谢谢|多谢|感谢|谢啦|谢了|辛苦(?:了|啦)?|拜拜|再见"
                    r"|[\u4e00-\u9fff]+", re.IGNORECASE)
MAX_THANKS_WORDS = 12
_TRAILING_PARTICLES = re.compile(r"(?<=[\u4e00-\u9fff])[哈啊呀嘛哦噢]+$")


def _only_thanks(text: str) -> bool:
    words = _WORDS.findall(_NO_WORRIES.sub(" ", text.lower()))
    if not words or len(words) > MAX_THANKS_WORDS or re.search(r"\d", text):
        return False
    thanked = False
    for word in words:
        word = _TRAILING_PARTICLES.sub("", word) or word  # "麻烦了哈", "谢谢啦"
        if _THANKS_WORD.match(word):
            thanked = True
        elif word not in _FILLER_WORDS and _ZH_FILLER.sub("", word):
            return False
    return thanked


# "by the way" and its kin; what came before it is only an acknowledgement
_ASIDE = re.compile(r"(?:^|[\s,，.。!！~])(?:对了|另外|顺便问(?:一下|下)?"
                    r"|(?:我)?(?:想)?问(?:一)?下|还有个问题|by\s+the\s+way|btw|oh\s+and|also|one\s+more\s+thing)[\s,，:：.。]*",
                    re.IGNORECASE)
_ACK_BEFORE_ASIDE = re.compile(
    r"好的|好吧|好|行吧|行|嗯+|哦+|噢|知道了|明白了?|了解|收到|谢谢|那我再等等|我再等等|再等等|等等|那|吧"
    r"|\b(?:ok(?:ay)?|alright|right|i\s+see|got\s+it|noted|thanks?|thank\s+you|cool|great|fine"
    r"|sure|i'?ll\s+wait|will\s+wait|then|no\s+problem|grand|lovely|brilliant|cheers|perfect"
    r"|awesome|nice|super)\b", re.IGNORECASE)
MIN_QUESTION_CHARS = 4
# the matter before let go, said last: "那就算了", "never mind", "fair enough"
_LET_GO = re.compile(r"(?:(?:那|那就|就)?算了(?:吧)?|\bnever\s*mind|\bforget\s+it|\bfair\s+enough"
                     r"|\bno\s+worries)[\s,，.。!！~]*$", re.IGNORECASE)


# ... or said first, with a remark after it: "那算了 让他自己来拿 另外…"
_LET_GO_FIRST = re.compile(r"^\W*(?:(?:那|那就|就)?算了|never\s*mind|forget\s+it|fair\s+enough"
                           r"|no\s+worries)\b", re.IGNORECASE)


# a turn of topic said outright: what came before it is done with, whatever it says
# (set off by a comma or a stop: "the other thing is broken" turns no topic)
_TOPIC_TURN = re.compile(
    r"(?:^|[\s,，.。!！~])(?:(?:(?:a\s+)?(?:separate|different|unrelated|other)\s+(?:thing|question"
    r"|matter|topic)|on\s+(?:a\s+)?(?:another|different|separate)\s+note|unrelated(?:ly)?"
    # "my lights are on their way, quick q: ...": the question announced
    r"|(?:a\s+)?quick\s+(?:q|question|one)"
    r"|while\s+(?:you'?re|you\s+are)\s+(?:here|there|at\s+it)|while\s+i(?:\s+have|'?ve\s+got|\s+got)\s+you"
    # "While that's pending: …", "While that's being looked at: …"
    r"|while\s+(?:that|it)(?:'s|\s+is)\s+(?:pending|being\s+(?:looked\s+at|sorted|processed|checked)))"
    r"\s*[,:.;-]|(?:换个问题|另一件事|另外一件事|还有件事|说正事|说正经的|言归正传|正经问(?:一下|下|个事|个问题)?)[\s,，:：.。])[\s,，:：.。]*",
    re.IGNORECASE)


def new_topic(text: str) -> str | None:
    """The question after "by the way" when all before it only acknowledges the last
    answer, or after a turn of topic said outright ("ok warranty it is so. separate
    thing, is it out for delivery?", "开玩笑的 说正事 …") when what comes before asks
    nothing; None when the message turns no topic (or says more before the turn)."""
    turn = _TOPIC_TURN.search(text)
    if turn is not None:
        before, after = text[:turn.start()], text[turn.end():].strip()
        if len(after) >= MIN_QUESTION_CHARS and not re.search(r"[?？\d]", before):
            return after
    match = _ASIDE.search(text)
    if match is None:
        return None
    before, after = text[:match.start()], text[match.end():].strip()
    if len(after) < MIN_QUESTION_CHARS or re.search(r"\d", before):
        return None
    if (_LET_GO.search(before) or _LET_GO_FIRST.search(before)) and not re.search(r"[?？]", before):
        return after  # "哦对 那个退掉了 那就算了。另外 …": the matter before was let go
    if OWN_REMARK.search(before) and not MORE_THAN_A_REMARK.search(before):
        return after  # "好的 那我自己去DPD网站上补。另外 …": a plan of their own, then the question
    left = _ACK_BEFORE_ASIDE.sub(" ", before)
    return after if not re.sub(r"[\s\W]+", "", left) else None


# a second question joined to the first: "where are my parcels? also, how hot does the
# air fryer get", "包裹到哪了 还有空气炸锅最高几度"; at the start of a clause only. "还有股怪味",
# "还有个洞" say what else is wrong ("there is also"), no question of their own
_SECOND = re.compile(r"(?:[\s,，.。!！?？;；~]+)(?:对了|另外|顺便问(?:一下|下)?"
                     r"|还有(?:就是|个问题|一个问题)?(?!股|点|些|一股|一点|一些|很多|好多|不少|几|个(?!问题)"
                     r"|一个(?!问题)|一(?:块|道|条|处))|(?:and\s+)?also|by\s+the\s+way|btw|oh\s+and|plus|one\s+more\s+thing"
                     r"|another\s+question)[\s,，:：.。]*", re.IGNORECASE)


# "also" inside a clause, after its subject or auxiliary: "can you also", "I'd also"
_INSIDE_A_CLAUSE = re.compile(r"\b(?:you|u|i|i'?d|i'?m|we|it|they|can|could|would|will|"
                              r"please|pls|is|are|do|does)$", re.IGNORECASE)


# ... or inside a question under way: "do the Ridgeline tyres also run with tubes?"
_QUESTION_UNDER_WAY = re.compile(r"(?:^|[.:;!?,]\s*)(?:do|does|did|can|could|will|would|is|are"
                                 r")\s+[^.:;!?,]+$", re.IGNORECASE)
_ASKS_ANEW = re.compile(r"(?:how|what|when|where|why|which|who|can|could|do|does|is|are|will"
                        r"|would)\b", re.IGNORECASE)


# one more order named for the same request, asking nothing of its own: "把两个订单都开个
# 发票：水壶架那单，还有前几天刚到的码表那单", "the pump order and also the lamp order"
_ONE_MORE_ORDER = re.compile(r"(?:那|这)(?:一)?(?:单|笔|个订单)[\s。.!！~]*$|的订单[\s。.!！~]*$"
                            r"|\border[\s.!]*$", re.IGNORECASE)


def second_question(text: str) -> tuple[str, str] | None:
    """The message and the question joined to it after "also" / "还有", each with some
    words of its own; None when nothing is joined. Whether the second part is a
    question the shop answers in words is for the caller to decide."""
    for match in _SECOND.finditer(text):
        before, after = text[:match.start()].strip(), text[match.end():].strip()
        inside = _INSIDE_A_CLAUSE.search(before) or (
            _QUESTION_UNDER_WAY.search(before) and not _ASKS_ANEW.match(after))
        if inside and match.group(0).strip().lower().endswith("also"):
            continue  # "can you also take me off the newsletter": one request
        if _ONE_MORE_ORDER.search(after) and not re.search(r"[?？吗呢]|多少|多久|怎么", after):
            continue
        if len(re.sub(r"\W", "", before)) >= MIN_QUESTION_CHARS and len(
                re.sub(r"\W", "", after)) >= MIN_QUESTION_CHARS:
            return before, after
    return None


# a new subject announced as such: "totally off topic but …", "顺便问下 这周末会下雨吗", "btw"
_OFF_TOPIC_SAID = re.compile(
    r"\boff[\s-]?topic\b|\bunrelated\b|\brandom(?:ly)?\s*(?:q\b|question|but\b|,)|\bnothing\s+to\s+do"
    r"\s+with\b|题外话|问个别的|跟(?:这|订单|你们)[^，。]{0,4}(?:没关系|无关)", re.IGNORECASE)


def announces_an_aside(text: str) -> bool:
    return bool(_ASIDE.search(text) or _TOPIC_TURN.search(text) or _OFF_TOPIC_SAID.search(text))
