"""Yes and no to a pending question, and a request given up: "sure", "👌", "不了",
"nah I'll keep it then", "好吧 那算了".

A "yes" may confirm a write, so it is read conservatively: a yes-word must open the
message (or be an unmistakable "go ahead"), and a question is never a yes.
"""

from __future__ import annotations

import re
from typing import Literal

from app.understanding.text import clauses

Affirmation = Literal["yes", "no"]

# checked before the yes-words: "no problem" is a yes, "不可以" is a no
# "没事" before a request of its own ("没事 帮我查下退款") waves the question away
_YES_IDIOM_RE = re.compile(r"^(?:no\s+(?:problem|worries)|没问题|冇问题|没事[\s。.!！~]*$)",
                           re.IGNORECASE)
# a thumb or an OK sign is a yes in chat: "👌", "👍 go for it"
_YES_EMOJI_RE = re.compile(r"^(?:\U0001F44D|\U0001F44C|\U0001F197|\u2705|\U0001F646)")
_NO_START_RE = re.compile(
    r"^(?:(?:actually|oh|hmm+|um+|sorry|well|ok|okay|ah)[\s,.]+)*(?:no|nope|nah|not\s+(?:now|yet|anymore)|never\s*mind|forget\s+it|negative"
    r"|(?:don'?t|do\s+not)(?!\s+(?:know|understand|see|get|have|think|receive|own))"
    r"|cancel\s+that|hold\s+on|wait|i\s+changed\s+my\s+mind)\b"
    r"|^stop(?:\s+(?:it|that|please))?[\s.!]*$"
    r"|^(?:不用|不要|不需要|不行|不对|不是|不了|不可以|不同意|不确认|先不|(?:那|那就)?算了|否|取消吧"
    r"|别(?:了|改|取消|动|弄|退|执行|操作|这样))"
    r"|^不(?:[\s,，.。!！]|$)",
    re.IGNORECASE,
)
_KEEPS_IT = (r"\b(?:i'?ll|i\s+will|we'?ll|we\s+will|i'?m\s+gonna|i'?m\s+going\s+to)\s+(?:just\s+)?"
             r"(?:keep|hang\s+on\s+to|hold\s+on\s+to)\s+(?:it|them|both|all\s+of\s+them)\b"
             r"|\b(?:i'?m\s+|we'?re\s+)?keeping\s+(?:it|them|both)\b"
             # ... named, said last: "Scrap the cancel, I'm keeping the E5."
             r"|\b(?:i'?m|we'?re)\s+keeping\s+the\s+[\w-]+(?:\s+[\w-]+)?(?=\s*(?:after\s+all|then)?[.!\s]*$)"
             r"|还是留着|(?:我|就|先)留着(?:吧|了|用)?"
             # kept for someone else: "那锁就留给他用了"
             r"|(?:就|还是)留给[^，,。\s]{1,4}?(?:用|了)")
_NO_ANYWHERE_RE = re.compile(
    r"\b(?:don'?t|do\s+not)\s+(?:do\s+(?:it|that)|go\s+ahead|proceed|bother)\b"
    # ("leave it next door", "leave it with the neighbour": where, not "leave it be")
    r"|\b(?:never\s*mind|forget\s+it|no\s+thanks|hold\s+off"
    r"|leave\s+it(?:\s+as\s+it\s+is|(?!\s+(?:next|with|at|in|on|by|outside|behind|round|there|here"
    r"|for|to|under|inside|somewhere)\b))"
    r"|keep\s+it\s+as\s+it\s+is|(?:keep|leave)\s+(?:my|the)\s+order\s+(?:as\s+it\s+is|alone)"
    # "no, don't add anything then, leave the order the way it was"
    r"|(?:keep|leave)\s+(?:it|(?:my|the)\s+order)\s+the\s+way\s+it\s+(?:is|was)"
    r"|(?:don'?t|do\s+not)\s+(?:add|change|cancel|touch)\s+anything"
    # "laat maar, keep the order please!" (a cancellation proposed), "nee wacht"
    r"|keep\s+(?:my|the)\s+(?:\w+\s+)?order(?:\s+(?:please|pls|then|after\s+all))?(?=\s*[.!]*$|\s*[.!,]\s)"
    r"|^nee\b(?:\s+wacht\b)?"
    r"|forget\s+(?:about\s+)?the\s+(?:return|refund|change|cancell?ation|swap|exchange))\b"
    r"|\b(?:don'?t|do\s+not)\s+(?:\w+\s+)?(?:it|that|them|anything)\s+yet\b|\blet\s+me\s+think\b"
    r"|\bbut\s+not\s+(?:yet|now|just\s+yet)\b"
    # the request itself scrapped: "Scrap the cancel, I'm keeping the E5"
    r"|\bscra(?:p|tch)\s+the\s+(?:cancel\w*|return|refund|change|swap|address\s+change)\b"
    r"|还是算了|还是不(?:要|用|退|改|换|取消|删)了?|(?:不退|不改|不换|不取消|不删)了|先不(?:退|改|换|取消|要|用|删)了?"
    # "那先别取消了 我再琢磨琢磨": held off, to think it over
    r"|(?:先|还是|就)别(?:改|退|换|取消|弄|加)了?|我再(?:想想|想一想|考虑(?:一下|考虑)?|琢磨(?:琢磨|一下)?)"
    # said last: "之前那盒早用完了 还是要的 别取消"
    r"|(?:^|[\s,，.。!！~])别(?:改|退|换|取消|弄|加)了?[\s,，.。!！~]*$",
    re.IGNORECASE,
)
# the goods kept instead of sent back: "nah I'll keep it then", "我还是留着吧"; not when
# the return is only narrowed to the rest ("对 只退滤芯 净化器我留着")
_KEEPS_IT_RE = re.compile(_KEEPS_IT, re.IGNORECASE)
_NARROWS_RETURN_RE = re.compile(r"只(?:要)?退|\b(?:just|only)\s+(?:return|send\s+back|refund)\b"
                                # "yes please, only the tape tho, I'm keeping the light"
                                r"|\b(?:just|only)\s+the\s+[\w-]+", re.IGNORECASE)
# "取消吧" is a no only when it is (nearly) the whole message; "取消订单" is a request
_SHORT_CANCEL_RE = re.compile(r"^(?:那|那就|还是)?取消吧[。!！]*$")
_YES_START_RE = re.compile(
    r"^(?:yes|yeah|yea|yep|yup|ya|aye|sure|ok|okay|k|alright|all\s+right|absolutely|definitely|oui|ja"
    r"|of\s+course|correct(?=[\s.!]*$|,)|confirm(?:ed)?|go\s+ahead|do\s+it|please\s+do|proceed"
    r"|sounds\s+good|that'?s\s+(?:right|fine|correct)|perfect|great|y|go\s+for\s+it"
    # "That's it 👌" on its own, to what was read back ("that's it for today" is a goodbye)
    r"|that'?s\s+it(?=\W*$)"
    r"|fine\s+by\s+(?:me|us)"
    # British and Irish: "brill, crack on", "grand job, start it so"
    r"|brill(?:iant)?|lovely|grand(?:\s+job)?|crack\s+on|start\s+it(?:\s+so)?"
    # "go on so, cancel it anyway", "go on then"
    r"|go\s+on(?:\s+(?:then|so))?(?=[\s,.!]*(?:$|,|\.))"
    # the yes of a shopper's other language: Filipino "opo", "sige"; "sí", "claro", "genau"
    r"|opo|sige|s\u00ed|claro|d'accord|genau|vale|perfecto|parfait|boleh"
    r"|sim(?=[\s.!]*(?:$|,))"
    # Hong Kong and Singapore English: "can", "can lah"
    r"|can(?=(?:\s+(?:lah|la|leh|ah|one))?[\s.!]*$))(?![a-z'])"
    # Chinese yes-words need an end, punctuation or a particle after them: "好像", "对不起",
    # "可以帮我查一下吗" and "确认一下地址" are no answers
    r"|^(?:确认|确定)(?!一下|下|吗|么|是否|不|没|要不要|能不能|可不可以)"
    # "安排!" (see to it), "中"/"管" (Henan's and Shandong's yes), "要得" (Sichuan's), "得"
    # (Cantonese), said on their own ("得了" is "enough!", no yes)
    r"|^(?:安排(?:上|一下)?|中|管|(?:要得)+|得(?=[啦嘅]|[\s,，.。!！~～]|$))(?:[吧啊啦嘅]|[\s,，.。!！~～]|$)"
    # Cantonese: "啱晒 就咁改啦" (right, change it so), "系呀"
    r"|^(?:啱(?:晒|嘅)?|[系係](?:呀|啊|嘅)|就咁(?:改|做|办|辦))(?:[啦呀啊]|[\s,，.。!！~～]|$)"
    r"|^(?!对了)(?:是的|好的|好啊|好吧|可以|行|对的|对+|好|是|嗯+|同意|ok|就这样|麻烦了|麻烦你了|没错|对头)"
    # (the particles of the south and south-west too: "对咯", "行哒", "要得噻"; "好嘞" is
    # as often "got it" as a yes)
    r"(?:[\s,，.。!！~～]|[的啊吧呀了哈嘛呐咯哒噻啰喽哟]|改吧|办吧|去吧|谢谢|$)",
    re.IGNORECASE,
)
# the change proposed, asked for again in one word: "加吧", "那就改吧", "换上吧"
# ... with a word on how much after it: "加吧 一袋就够"
_YES_VERB_RE = re.compile(r"^(?:那|那就|就)?(?:加|改|换|退|办|弄|删)(?:上|了|掉|一下)?吧"
                          r"[\s，,。.!！~～]*"
                          r"(?:(?:谢谢|谢啦|谢了|多谢|麻烦了|麻烦你了|辛苦了)[\s。.!！~～]*"
                          r"|[一两二三四五六七八九十\d]+\S{0,3}就(?:够|行|好)了?[\s。.!！~～]*)?$")
# ... or with a plain remark after it, which asks and changes nothing: "退吧 配件都在盒子里"
# (not "退吧 不过…", "改吧 改成3号楼", "换吧 要M码的")
# (or "那就" before the verb, with no "吧": "好 那就换 黑的这个我原样装回去")
_YES_VERB_HEAD_RE = re.compile(r"^(?:(?:那|那就|就)?(?:加|改|换|退|办|弄)(?:上|了|一下)?吧"
                               r"|那就(?:加|改|换|退)(?:上|了|一下)?)[\s，,。.!！~～]+")
_NOT_A_PLAIN_REMARK_RE = re.compile(r"[不没别]|但|不过|可是|只是|就是|改成|换成|改为|要|问|\d"
                                    r"|[一两二三四五六七八九十]+[个件号栋楼码]")
_YES_ANYWHERE_RE = re.compile(
    r"\b(?:go\s+ahead|please\s+proceed|do\s+it|sounds\s+good|that\s+works|that'?s\s+the\s+one"
    # the go-ahead in the shopper's other language: "pode avançar", "vai em frente"
    r"|pode\s+(?:avançar|seguir|prosseguir)|vai\s+em\s+frente"
    # "lovely, that clears it then. yes please add the shaver"
    r"|yes,?\s+please"
    # the refund offered, taken: "A refund works, pls arrange the collection"
    r"|(?:a|the)\s+refund\s+(?:works|is\s+fine|will\s+do|is\s+ok(?:ay)?)|refund\s+it\s+is)\b"
    # said last, the sentence that settles it: "not a fortune but better than it sitting in
    # the cupboard. go on then"
    r"|(?:^|(?<=[.!,;])|(?<=[.!,;]\s))go\s+on\s+(?:then|so)[\s.!]*$"
    r"|就这么办|帮我办吧|确[认定](?:要)?(?:修改|取消|退款|退货)|就按这个"
    # the way proposed taken after all: "那还是按退货来吧 退了我自己挑个别的型号"
    r"|按(?:退货|退款)(?:来|走|办|处理)"
    # the write proposed, asked for as it stands after a question: "那就碰碰运气吧，地址照改",
    # "那就改成这个地址吧", "change it anyway"
    r"|照(?:常)?(?:改|退|换|取消|办)|(?:就|那就)?(?:改|寄)(?:成|到)?(?:这个|这)(?:地址)?吧"
    # ... said last: "地址没错 就改这个"
    r"|(?:就|那就)(?:改|寄)(?:成|到)?(?:这个|这)(?:地址)?[\s。.!！~]*$"
    r"|按这个(?:地址)?(?:改|寄)|就(?:这样|这么)(?:改|寄|办)|\b(?:change|update|switch|send)\s+it\s+anyway\b"
    # "知道要扣运费 确认退", "地址没问题 确认改": the write named in one word, said last
    r"|确[认定](?:要)?(?:改|退|换)(?:吧|了|哈)?[\s。.!！~]*$"
    # ... or the bare word, said last after what was read back: "那就改寄奶奶那 土楼路23号 确认"
    r"|(?:^|(?<=[\s，,。.!！~]))确[认定](?:吧|了|哈)?[\s。.!！~]*$"
    # the cost conceded, which takes the offer as it is: "扣12块就扣吧", "12块就12块 退吧",
    # "运费出就出呗"
    r"|(?:^|(?<=[\s，,。.!！~]))(?:那)?(扣|付|出|花|掏|给)[^，,。.!！?？\s就]{0,8}就\1(?:吧|呗|了)"
    # ... or owned to, then the write: "12欧也认了，删吧"
    r"|认了[\s，,。]*(?:那就|就)?(?:删|改|退|换|加|取消)(?:掉|了)?吧"
    r"|^(?:那)?(?![不没别])([^，,。.!！?？\s就]{1,8})就\2(?:吧|呗|了)?(?=[\s，,。.!！~]|$)",
    re.IGNORECASE,
)
# ("没问题", "没错", "no problem" are none: "地址没问题 确认改", "地址没错 就改这个")
# (nor the "不" of a material or a finish: "不锈钢" stainless, "不粘" non-stick)
_NEGATION_RE = re.compile(r"n't\b|\b(?:not|never)\b|\bno\b(?!\s+(?:problem|worries))|不(?!锈|粘)|别"
                          r"|没(?!问题|事|错|毛病)", re.IGNORECASE)
_QUESTION_RE = re.compile(r"[?？]\s*$|吗|[么呢][\s?？。!！]*$")


# thanks in the shopper's other language, one word each: "merci", "danke", "kamsahamnida"
THANKS_ABROAD = (r"merci|danke|dank|bedankt|gracias|grazie|obrigad[oa]|salamat|tack|takk"
                 r"|kiitos|arigato|kamsahamnida|gamsahamnida|spasibo|shukran|xiexie|diolch")


# a sigh, a laugh, a "please" or a "right" before the answer says nothing yet: "哎 不了",
# "唔該 yes please", "ha, sure, why not - cancel it", "right go on then", "fair enough, go
# for it"
_LEAD_IN_RE = re.compile(r"^(?:哎|唉|嗯嗯|呃|额|啊|哦|噢|唔該|唔该|麻烦|哈+|(?:ha)+h?|heh|hehe|lol"
                         r"|right|fair(?:\s+enough)?)"
                         r"(?:[\s,，.。…~～!！]+|$)"
                         # "嗯确认", "嗯嗯好的": a hum run into the word that answers
                         r"|^嗯+(?=确认|确定|好|对|是|行|可以)"
                         # thanks for an answer given in between, then the answer: "Danke.
                         # Yes, change the address", "thanks. no, leave it"
                         r"|^(?:thanks?|thank\s+you|cheers|ta|" + THANKS_ABROAD + r"|谢谢|多谢)"
                         r"[\s,，.。!！]+(?=(?:yes|yeah|yep|yup|sure|no|nope|nah|是|好|对|行|可以|不)\b)",
                         re.IGNORECASE)


def _normalise(text: str) -> str:
    body = text.strip().strip("\"'“”").lower()
    return _LEAD_IN_RE.sub("", body, count=1) or body


# one way declined for another taken: "不用换新 退钱就行", "no need for a new one, a refund
# is fine": no "no" to the offer
_ONE_WAY_NOT_THE_OTHER = re.compile(
    r"^(?:不用|不要|不需要)(?!(?:退|改|取消|换)(?:货|款)?(?:了|吧|啦|[\s，,。.!！]|$))"
    r"[^，,。.!！?？\s]{1,8}[\s，,。.!！]*(?:直接)?[^，,。.!！?？\s]{1,8}?"
    r"就(?:行|好|可以)了?"
    r"|^no\s+need\s+(?:for|to)\s+[^,.!?]{1,30}[,.!]\s*(?:just\s+)?(?:a\s+)?[\w\s]{1,20}?"
    r"\s+(?:is|would\s+be)\s+(?:fine|ok(?:ay)?|enough)\b", re.IGNORECASE)


# pleased first, then the answer: "那太好了，加吧", "perfect, no thanks" (said alone, or with
# no answer after it, the word itself is the yes: "great, then yes - two of each")
_PLEASED_RE = re.compile(r"^(?:(?:那)?(?:太好了|太棒了|好极了)|great|perfect|brilliant|lovely"
                         r"|awesome)[\s,，.。…~～!！]+", re.IGNORECASE)


def find_affirmation(text: str) -> Affirmation | None:
    """"yes" or "no" when the message answers a pending question, else None."""
    body = _normalise(text)
    after = _PLEASED_RE.sub("", body, count=1)
    found = _answer(after) if after != body else None
    return found if found is not None else _answer(body)


def _answer(body: str) -> Affirmation | None:
    if not body:
        return None
    keeps = _KEEPS_IT_RE.search(body) and not _NARROWS_RETURN_RE.search(body)
    # ("no problem, we'll keep both then": the goods kept, whatever the idiom)
    if _YES_IDIOM_RE.match(body) and not keeps:
        return "yes"
    if _ONE_WAY_NOT_THE_OTHER.match(body):
        return None  # "不用换新 退钱就行": which way, for the rules to read against the offer
    if (_NO_START_RE.match(body) or _NO_ANYWHERE_RE.search(body) or keeps
            or _SHORT_CANCEL_RE.match(body)):
        return "no"
    if _QUESTION_RE.search(body):
        return None
    if _YES_START_RE.match(body) or _YES_EMOJI_RE.match(body) or _YES_VERB_RE.match(body):
        return "yes"
    if (head := _YES_VERB_HEAD_RE.match(body)) and _plain_remark(body[head.end():]):
        return "yes"
    anywhere = _YES_ANYWHERE_RE.search(body)
    # "I don't want you to do it" holds a "do it" that is no yes (a sentence before it is
    # a remark of its own: "not a fortune but better than nothing. go on then")
    sentence = max(body.rfind(stop, 0, anywhere.start()) for stop in ".!;。！") + 1 if (
        anywhere) else 0
    if anywhere and not _NEGATION_RE.search(body[sentence: anywhere.start()]):
        return "yes"
    return None


def _plain_remark(tail: str) -> bool:
    return 0 < len(tail) <= 16 and _NOT_A_PLAIN_REMARK_RE.search(tail) is None


# the outcome accepted as it is, nothing more asked of the shop: "自家猫抓的 认了", "I'll
# live with it"
ACCEPTS_IT = r"认了|认倒霉|\bi'?ll\s+(?:just\s+)?live\s+with\s+it\b"
_ACCEPTS_IT_RE = re.compile(ACCEPTS_IT, re.IGNORECASE)


# the request itself given up, not only a question answered: "never mind, leave it as
# it is", "forget it", "算了 不改了", "还是不退了", "就按原来的吧"
_WITHDRAWS_RE = re.compile(
    r"\b(?:never\s*mind|forget\s+(?:it|about\s+it)|leave\s+it"
    r"|(?:keep|leave)\s+(?:it|(?:my|the)\s+order)\s+(?:as\s+it\s+is|alone|unchanged|the\s+same"
    r"|the\s+way\s+it\s+(?:is|was))"
    r"|forget\s+(?:about\s+)?the\s+(?:return|refund|change|cancell?ation|swap|exchange)"
    r"|(?:it'?s|that'?s)\s+fine\s+as\s+it\s+is|no\s+need\s+(?:then|anymore)|don'?t\s+bother"
    r"|(?:i|we)'?ll\s+(?:just\s+)?(?:keep|hang\s+on\s+to|hold\s+on\s+to)\s+(?:it|them|both)"
    r"|keeping\s+(?:it|them|both))\b"
    r"|还是留着|(?:我|就|先)留着|(?:就|还是)留给[^，,。\s]{1,4}?(?:用|了)"
    r"|(?:不|别)(?:改|退|换|取消|弄|要了|用了)了?(?:吧|啦)?(?:[\s,，.。!！~～]|$)|还是算了|那就?算了|就这样吧"
    r"|(?:按|用|寄)?原来的(?:地址|吧)|维持原样|保持原样|" + ACCEPTS_IT,
    re.IGNORECASE)


# a mind changed, which says "no" without the word: "on second thoughts, leave it"
_SECOND_THOUGHTS_RE = re.compile(
    r"\bon\s+second\s+thoughts?\b|\bthinking\s+about\s+it\b|\bactually\b|想了想|再想了?想|转念一想"
    r"|\bscra(?:p|tch)\s+that\b",
    re.IGNORECASE)


# giving up said last: "就差十来天都不行啊 好吧 那算了", "oh well, forget it"
_GIVES_UP_LAST_RE = re.compile(
    r"(?:那|那就|还是)?算了吧?[\s。.!！~]*$|\b(?:forget\s+it|never\s*mind)[.!\s]*$", re.IGNORECASE)


def withdraws(text: str) -> bool:
    """A "no" that gives the request up: nothing is to be done about it any more."""
    body = _normalise(text)
    said_no = (find_affirmation(text) == "no" or bool(_SECOND_THOUGHTS_RE.search(body))
               or bool(_GIVES_UP_LAST_RE.search(body)) or bool(_ACCEPTS_IT_RE.search(body)))
    return said_no and bool(_WITHDRAWS_RE.search(body)) and not _QUESTION_RE.search(body)


def without_a_no(text: str) -> str:
    """The message without its clauses that say no ("想想还是不退了 ... L码戴得下吧": the
    question left)."""
    parts = clauses(text)
    kept = [p for p in parts if find_affirmation(p) != "no"]
    return text if len(kept) == len(parts) else " ".join(kept) or text
