"""Chinese typed with a pinyin keyboard: a word of the shop replaced by a homophone.

Shoppers pick the wrong candidate of their input method all the time: "帮我取笑一下"
for "取消", "腿款" for "退款", "发漂" for "发票". The message is read with the shop's word
put back where a two-character word sounds exactly like it (same syllables, tones
aside) and the message is about an order, so that "别取笑我" in small talk stays as it
is. The stored message keeps what the shopper wrote.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

# the words requests and questions to a shop turn on
SHOP_WORDS = ("取消", "退款", "退货", "换货", "发票", "物流", "快递", "地址", "订单", "发货",
              "收货", "签收", "保修", "售后", "运费", "修改", "优惠", "到货", "付款", "退钱")
# what makes a message about an order or a purchase
_ORDER_CONTEXT = re.compile(r"[A-Za-z]*\d{3,}|订单|单号|这单|那单|我买|买的|下单|快递|包裹"
                            r"|货|钱|款")
_CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
# the question particle 吗 typed as a homophone ("能退马", "到了麽") after a shop verb
_QUESTION_MA = re.compile(r"(?<=[退改到发换取消开寄])(?:马|码|麻|麽)(?=[\s?？。!！~]*$)")
# ... and 嘛, a particle of its own too ("要得 取消嘛": cancel it, then), only after "can"
_QUESTION_MA_AFTER_CAN = re.compile(r"((?:能|可以|可不可以|能不能|会不会)[^，,。!！]{0,8}"
                                    r"[退改到发换取消开寄])嘛(?=[\s?？。!！~]*$)")


@lru_cache(maxsize=1)
def _by_sound() -> dict[str, str]:
    return {"".join(lazy_pinyin(word)): word for word in SHOP_WORDS}


# ... or written by their initials, among Chinese words: "米色猫窝dd还没发货吧 帮我qx了吧",
# "kf在吗" (an initial pair two words share, as 收货 and 售后 do, says neither)
_INITIALS_OF = (*SHOP_WORDS, "客服")
_INITIALS = re.compile(r"(?<![A-Za-z0-9])([a-z]{2})(?![A-Za-z0-9])")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _by_initials() -> dict[str, str]:
    seen: dict[str, list[str]] = {}
    for word in _INITIALS_OF:
        seen.setdefault("".join(lazy_pinyin(word, style=Style.FIRST_LETTER)), []).append(word)
    return {initials: words[0] for initials, words in seen.items() if len(words) == 1}


def _spelled_out(match: re.Match[str]) -> str:
    return _by_initials().get(match.group(1), match.group(1))


def corrected(text: str) -> str:
    """``text`` with homophones of the shop's words replaced, when it is about an order."""
    text = _QUESTION_MA.sub("吗", text)  # "能退马" asks, whatever it is about
    text = _QUESTION_MA_AFTER_CAN.sub(r"\1吗", text)
    if _CJK.search(text):
        text = _INITIALS.sub(_spelled_out, text)
    if not _ORDER_CONTEXT.search(text):
        return text
    sounds = _by_sound()
    out = text
    for match in _CJK_PAIR.finditer(text):
        pair = match.group(1)
        word = sounds.get("".join(lazy_pinyin(pair)))
        if word is not None and word != pair:
            out = out.replace(pair, word)
    return out
