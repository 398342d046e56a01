"""Messages that are only social: a greeting ("hi", "你好", "在吗") or thanks and goodbye
("thanks!", "好的 谢谢", "that's all, thank you"). They ask nothing of the shop, so they
are answered in kind: not read as out of scope, never offered a person, never counted
as a turn the bot failed. Only a whole message counts: "hi, where is my order?" asks."""

from __future__ import annotations

import re
from typing import Literal

Social = Literal["greeting", "thanks"]

_LEAD = r"^[\s\W]*"
_END = r"[\s\W]*$"
_GREETING = re.compile(
    _LEAD + r"(?:(?:hi|hello|hey|hiya|heya|yo|good\s+(?:morning|afternoon|evening)|morning)"
    r"(?:\s+(?:there|guys|team|all))?|你好|您好|哈喽|嗨|在吗|在不在|亲在吗|亲)"
    r"(?:[\s,，!！~。.]+(?:你好|您好|在吗|亲))?" + _END, re.IGNORECASE)
_THANKS = re.compile(
    _LEAD + r"(?:(?:ok(?:ay)?|alright|great|cool|perfect|got\s+it|noted|好的|好|嗯|行|ok)"
    r"[\s,，.!！~]*)?(?:(?:thanks?|thank\s+you|thx|ty|cheers|many\s+thanks)"
    r"(?:\s+(?:a\s+lot|so\s+much|very\s+much|again))?|谢谢|多谢|感谢|谢啦|谢了|辛苦了|谢谢你|谢谢您)"
    r"(?:[\s,，.!！~。]*(?:bye|goodbye|that'?s\s+all|拜拜|再见))?" + _END
    + r"|" + _LEAD + r"(?:that'?s\s+all(?:\s+for\s+now)?[\s,.!]*(?:thanks?|thank\s+you)?"
    r"|(?:bye|goodbye)|没有了|没事了|没别的了|拜拜|再见)" + _END, re.IGNORECASE)


def social_kind(text: str) -> Social | None:
    """"greeting" or "thanks" when that is all the message says, else None."""
    if _GREETING.match(text):
        return "greeting"
    if _THANKS.match(text):
        return "thanks"
    return None
