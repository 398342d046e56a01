"""Conversational cues: "my last order", "the other order", and whether a message is
about an order at all; yes/no answers (app.understanding.affirmation) are re-exported."""

from __future__ import annotations

import re

from app.understanding.affirmation import (  # re-exported: readers use cues.<name>
    Affirmation as Affirmation,
    find_affirmation as find_affirmation,
    withdraws as withdraws,
)

_LAST_ORDER_RE = re.compile(
    r"\b(?:my\s+)?(?:last|latest|most\s+recent|newest|recent)\s+(?:order|purchase|package)\b"
    r"|\b(?:the\s+)?(?:order|purchase|package)\s+(?:that\s+)?i\s+(?:just\s+|recently\s+)?"
    r"(?:placed|made|ordered|did)\s+(?:just\s+now|yesterday|(?:a\s+)?(?:couple|few)\s+(?:of\s+)?"
    r"days\s+ago|the\s+other\s+day|recently|this\s+week)\b"
    r"|\bi\s+(?:just|recently)\s+(?:placed|made)\s+(?:an?\s+)?order\b"
    r"|上一单|上一个订单|上个订单|最近的订单|最近一单|最新的订单|最近那单|刚下的单|刚买的"
    # "刚下的那单脚踏", "刚拍的那个"
    r"|刚(?:下|拍|订|买)的(?:那|这)(?:一)?(?:单|个|笔)"
    r"|(?:最新|最近|最后)的?(?:那|这)(?:个|一|笔)?(?:订单|单)|前(?:两|几)天(?:下|买)的(?:那|这)?(?:个|一|笔)?(?:订单|单)"
    r"|最近(?:下|买)的(?:那|这)?(?:一)?(?:单|个订单|笔订单)|最近一次(?:下单|买|购买|订)"
    r"|最近(?:的)?(?:那|这)(?:个|一|笔)?(?:订单|单)"
    r"|最后(?:下|买)?的?(?:那|这)?(?:一|个)?(?:单|个订单|笔订单|笔)",
    re.IGNORECASE,
)
_OTHER_ORDER_RE = re.compile(
    r"\bthe\s+other\s+(?:order|one|package|parcel|purchase)\b|\bmy\s+other\s+order\b"
    r"|另一个订单|另一单|另外一单|另外一个订单|另外那个订单|另外的订单|另一个包裹|另外那单"
    # "另外我还有一单在路上", "I've got another parcel coming"
    r"|还有一单|还有(?:一个|个)订单|\bi(?:'ve|\s+have)?\s+(?:also\s+)?(?:got|have)\s+(?:another|one\s+more)"
    r"\s+(?:order|parcel|package)\b",
    re.IGNORECASE,
)
# "this order" / "这个订单": the order the conversation is about, even when it is none
# of the shopper's own (one they named that we could not find)
_THIS_ORDER_RE = re.compile(
    r"\b(?:this|that|the\s+same)\s+(?:order|parcel|package)\b"
    r"|(?:这|那)(?:个|笔)(?:订单|包裹|快递)|这单|该订单|此订单",
    re.IGNORECASE,
)
# "the first one" / "第二单": an order by its place among those the conversation named
_NTH_ORDER_RE = re.compile(
    r"\bthe\s+(?P<en>first|second|1st|2nd)(?:\s+(?:one|order|package|parcel|purchase))?\b"
    r"(?!\s+(?:time|thing|day|week|month))"
    r"|第(?P<zh>一|二|1|2)(?:个|单|笔|个订单|笔订单)|(?P<prev>前一个|前面那个|前面那单|之前那个|之前那单)",
    re.IGNORECASE,
)
# "the earliest one" / "最早那个" / "第一次买的": the oldest of the orders offered, named or
# holding the item; "the newer one" / "第二次买的" (of two) the newest
_NOT_AN_ORDER = r"(?!\s+(?:time|days?|weeks?|months?|models?|version))"
_OLDEST_RE = re.compile(
    rf"\bthe\s+(?:earliest|oldest|older|earlier)\b{_NOT_AN_ORDER}"
    r"|\bthe\s+(?:one|\w+)\s+i\s+(?:bought|ordered|got)\s+first\b"
    r"|最早(?:的)?(?:那|这)?(?:个|单|笔|一单|一个)?|最老的(?:那)?(?:个|单|笔)?"
    r"|第一次(?:买|下单|订|购买)的|(?:先|早)(?:下单|下的单|买|订|拍)的"
    r"|\bthe\s+(?:one|order)\s+(?:i\s+)?(?:placed|ordered|made)\s+(?:first|earlier)\b",
    re.IGNORECASE)
_NEWEST_RE = re.compile(
    rf"\bthe\s+(?:newer|newest|more\s+recent|later)\b{_NOT_AN_ORDER}"
    r"|\bthe\s+(?:one|\w+)\s+i\s+(?:bought|ordered|got)\s+(?:last|later|second)\b"
    r"|第二次(?:买|下单|订|购买)的|后(?:来|面)?(?:买|下单|下的单|订|拍)的"
    r"|\bthe\s+(?:one|order)\s+(?:i\s+)?(?:placed|ordered|made)\s+(?:last|later|second)\b",
    re.IGNORECASE)
OLDEST = -1  # nth_order of "the earliest one"
NEWEST = -2  # nth_order of "the newer one"
# "sorry, I meant the air fryer", "说错了 是破壁机那单": what follows is what is meant
_CORRECTION_RE = re.compile(
    r"\bi\s+mean[t]?\b|\bi\s+was\s+(?:asking|talking)\s+about\b|\bnot\s+that\s+one\b"
    # "the order with the rear li... no wait sorry, the OTHER order"
    r"|\bno\s+wait\b(?:[\s,]*sorry\b)?"
    r"|说错了|搞错了|弄错了|打错了|不对不对|我是说|我说的是|我指的是|我问的是", re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"[,，.。;；!！?？]|\s(?=\S*[\u4e00-\u9fff])")
# "另一个" alone may be another colour; it means another order only next to a product word
# "另一片还没拆封": the other piece of what was bought (a unit of it), not another order
_OTHER_ITEM_RE = re.compile(r"\b(?:the|my|that|this)\s+other\b|另一个|另外一个|另外那个"
                            r"|另一(?![片包袋盒瓶支块张双条卷粒颗罐桶])", re.IGNORECASE)
_ORDER_TALK_RE = re.compile(
    r"\b(?:orders?|package|parcel|delivery|deliver(?:ed)?|shipment|shipping|shipped|tracking"
    r"|track|refund|return|invoice|receipt|cancel|arrive[ds]?|address|purchase|bought)\b"
    r"|订单|(?:那|这|哪)一?单|包裹|快递|物流|发货|到货|到哪|退款|退货|发票|取消|地址|签收|单号|买的|下单|收到",
    re.IGNORECASE,
)



def refers_to_last_order(text: str) -> bool:
    return bool(_LAST_ORDER_RE.search(text))


def refers_to_this_order(text: str) -> bool:
    return bool(_THIS_ORDER_RE.search(text))


# "it" / "它" points back at an order; "那" / "这" mostly only mean "then" / "this", and
# "my order" is the shopper's own
_IT_RE = re.compile(r"\bit\b|它", re.IGNORECASE)
_OWN_ORDER_RE = re.compile(r"\bmy\s+(?:own\s+)?orders?\b|\bmine\b|我的订单|我自己|自己的",
                           re.IGNORECASE)


# "it" that stands for nothing: "what does it cost?", "is it possible to…"
_EMPTY_IT_RE = re.compile(r"\b(?:(?:does|do|would|will|did)\s+it\s+(?:cost|take)"
                          r"|it\s+(?:costs?|takes?)|is\s+it\s+(?:possible|ok|okay|true|free|allowed))\b",
                          re.IGNORECASE)


def refers_to_it(text: str) -> bool:
    """"Can you at least say if it has been delivered?": the order talked of, not one of
    the shopper's own."""
    said = _EMPTY_IT_RE.sub(" ", text)
    return bool(_IT_RE.search(said)) and not _OWN_ORDER_RE.search(said)


def refers_to_other_order(text: str, *, names_item: bool = False,
                          in_order_talk: bool = False) -> bool:
    """"the other order"; with ``names_item``, also "the other mug" / "另一个杯子"; and
    with ``in_order_talk`` (the conversation is about one order) a bare "the other one"
    / "另一个呢"."""
    if _OTHER_ORDER_RE.search(text):
        return True
    return (names_item or in_order_talk) and bool(_OTHER_ITEM_RE.search(text))


def nth_order(text: str) -> int | None:
    """0 for "the first one" / "第一单" / "前面那个", 1 for "the second one", OLDEST for
    "the earliest one" / "最早那个" / "第一次买的", NEWEST for "the newer one" / "第二次买
    的"; None if the message places no order."""
    if _OLDEST_RE.search(text):
        return OLDEST
    if _NEWEST_RE.search(text):
        return NEWEST
    match = _NTH_ORDER_RE.search(text)
    if match is None:
        return None
    if match.group("prev"):
        return 0
    place = (match.group("en") or match.group("zh") or "").lower()
    return 0 if place in ("first", "1st", "一", "1") else 1


def talks_about_order(text: str) -> bool:
    """Whether the message is about an order, so that an unnamed one may be inferred."""
    return bool(_ORDER_TALK_RE.search(text))


# a number its label says is something else than an order: "税号91440300MA5GQ7Y21K",
# "VAT no. GB123456789", "工号 JM0571"
_LABELLED_RE = re.compile(
    r"(?:税号|纳税人识别号|统一社会信用代码|信用代码|身份证号?|银行卡号|卡号|工号|邮编|邮政编码"
    # a payment's own number, from the bank or the wallet: "交易号2026…", "Transaction ID 7TH…"
    r"|交易号|交易流水号|流水号|支付单号|商户单号|\b(?:transaction|txn|payment)\s*(?:id|no\.?|number|ref|#)"
    r"|\b(?:tax|vat|gst|abn|ein|iban|postcode|zip|employee|staff)\s*(?:id|no\.?|number|code|#)?"
    r"|\b(?:company\s+)?reg(?:istration)?\s*(?:id|no\.?|number|code|#))"
    # ... or a few words after it: "税号也一起加上吧 91320104MA27KQ8X3N" (no order word between)
    r"(?:\s*(?:is\s+|[:：#]\s*)?|[^\dA-Za-z\n单号订]{1,8}?)"
    r"([A-Za-z0-9](?:[A-Za-z0-9-]|\s(?=\d)){3,30})", re.IGNORECASE)


def labelled_numbers(text: str) -> list[str]:
    """Numbers whose label says what they are (a tax id, a postcode): never an order."""
    return [m.group(1) for m in _LABELLED_RE.finditer(text)]


# "I only want to return the kettle", "just send back the pink one": what goes back
_RETURNED_RE = re.compile(
    r"\b(?:return|send\s+back|refund)\s+(?:only\s+|just\s+)?(?=(?:the|my|that|this|those|these)\b)"
    r"|(?:只|就)?(?:想|要)(?:单独)?退(?:掉|回)?(?=[^\s，,。！？吗了])", re.IGNORECASE)


def returned_part(text: str) -> str | None:
    """The clause naming what the shopper sends back, after "return the" / "想退", the
    last one said; None when no clause names it so."""
    match = next(reversed(list(_RETURNED_RE.finditer(text))), None)
    if match is None:
        return None
    rest = text[match.end():]
    end = _CLAUSE_END_RE.search(rest)
    return rest[:end.start()] if end else rest


def corrected_part(text: str) -> str | None:
    """What a correction says is meant: the clause after "I meant" / "说错了 是..."
    ("sorry I meant the air fryer, I know the fan hasn't gone out yet" -> "the air
    fryer"), None when the message corrects nothing."""
    return _after_the_correction(text, _CLAUSE_END_RE)


_SENTENCE_END_RE = re.compile(r"[.。;；!！?？]")


def corrected_sentence(text: str) -> str | None:
    """The rest of the sentence a correction opens, where its first clause names no item
    ("no wait sorry, the OTHER order, the one with the red cage")."""
    return _after_the_correction(text, _SENTENCE_END_RE)


def _after_the_correction(text: str, end: re.Pattern[str]) -> str | None:
    # the last cue: "不对不对 说错了 是破壁机那单" means what follows "说错了"
    match = next(reversed(list(_CORRECTION_RE.finditer(text))), None)
    if match is None:
        return None
    rest = text[match.end():].lstrip(" ,，:：是")
    stop = end.search(rest)
    return rest[:stop.start()] if stop else rest


# several orders at once: "cancel both", "where are my two parcels", "两单都取消", "这两单帮我退了"
_SEVERAL_RE = re.compile(
    r"\bboth\b|\ball\s+(?:of\s+)?(?:them|my\s+orders|the\s+orders|three)\b"
    r"|\b(?:my|the|these|those)\s+(?:two|2|three|3)\s+(?:orders|parcels|packages|deliveries)\b"
    r"|两单|两笔|(?:这|那|我那|我的)?(?:两|2|三|3)个(?:包裹|订单|快递|单子)|两个都|都(?:帮我)?(?:取消|退|查)",
    re.IGNORECASE)


def refers_to_several(text: str) -> bool:
    """The message asks the same of several orders at once."""
    return bool(_SEVERAL_RE.search(text))


# the orders just talked of, named as a group: "can they go to my brother instead?"
_THEY_RE = re.compile(r"\b(?:they|them|those|these)\b|它们|它俩|这俩|那俩", re.IGNORECASE)


def refers_to_them(text: str) -> bool:
    """A plural pronoun: the several orders of the turn before, when there were several."""
    return bool(_THEY_RE.search(text))


# everything still coming: "can u send my stuff to the new place instead?"
_ALL_COMING_RE = re.compile(
    r"\b(?:all\s+)?my\s+(?:stuff|things|parcels|packages|deliveries)\b|\ball\s+my\s+orders\b"
    r"|\beverything\s+(?:i\s+)?(?:ordered|bought)\b|我(?:的|买的)?(?:东西|包裹|快递)都"
    # "whatever I've got that hasn't arrived yet", "没到的都取消"
    r"|\b(?:whatever|everything|anything|all)\s+(?:(?:i'?ve|i\s+have)\s+(?:got\s+)?|of\s+mine\s+)?"
    r"(?:that|which)?\s*(?:has(?:n'?t|\s+not)\s+(?:arrived|come|shipped)|is\s+(?:still\s+)?"
    r"(?:coming|on\s+(?:its|the)\s+way)|(?:is\s+)?not\s+(?:here|arrived)\s+yet)"
    r"|(?:还)?没(?:到|收到|发货?)的(?:订单|东西|包裹|快递)?(?:全|都)",
    re.IGNORECASE)


# an order still on its way to the shopper: "还有一单在路上", "the one that hasn't arrived"
_COMING_RE = re.compile(
    r"在路上|还没(?:到|收到|送到)|\bon\s+(?:its|the)\s+way\b|\bin\s+transit\b|\bstill\s+coming\b"
    r"|\bhas(?:n'?t|\s+not)\s+(?:arrived|come)\b|\bnot\s+(?:arrived|here)\s+yet\b",
    re.IGNORECASE)


# a parcel is what is on its way: "where's my parcel 📦", "我的包裹到哪了"
_PARCEL_RE = re.compile(r"\b(?:parcel|package|shipment)\b|包裹|快递(?!员|小哥|公司|费|单号)",
                        re.IGNORECASE)
# ... the one waited for: "the parcel I'm waiting for" (not "I'm still waiting for my refund")
_WAITED_FOR_RE = re.compile(
    r"\b(?:parcel|package|order|delivery|one)\s+(?:that\s+)?i'?m\s+(?:still\s+)?waiting\s+"
    r"(?:for|on)\b|(?:在)?等着?的那(?:个|单|件)(?:包裹|快递)?", re.IGNORECASE)


def refers_to_coming(text: str) -> bool:
    return bool(_COMING_RE.search(text))


# the order not paid for yet: "还没付款那单", "the unpaid one", "the order I haven't paid yet"
_UNPAID_RE = re.compile(
    r"(?:还)?(?:没|未)(?:有)?(?:付款|付钱|支付|付)的?(?:那|这)(?:单|笔|个)|待付款的?(?:那|这)(?:单|笔|个)"
    r"|\bunpaid\s+(?:one|order)\b|\b(?:one|order)\s+(?:that\s+)?i\s+(?:still\s+)?(?:haven'?t|have\s+not"
    r"|didn'?t)\s+(?:yet\s+)?paid?\b", re.IGNORECASE)


def refers_to_unpaid(text: str) -> bool:
    return bool(_UNPAID_RE.search(text))


def refers_to_the_parcel(text: str, *, asks_where: bool) -> bool:
    """The parcel under way: "where's my parcel?", "the parcel I'm waiting for" (not "I
    haven't got my money yet")."""
    return bool(_WAITED_FOR_RE.search(text)) or (asks_where and bool(_PARCEL_RE.search(text)))


def refers_to_all_coming(text: str) -> bool:
    """The message is about every order still on its way (for a change of an order on
    its way only: "return my stuff" means no parcel still coming, and "where's my
    stuff?" is asked of one)."""
    return bool(_ALL_COMING_RE.search(text))
