"""Cues of money, in English and Chinese, of no store: money taken wrongly, money taken
for an order that still shows unpaid, a discount code or a price that fell."""

from __future__ import annotations

import re

from app.understanding.cue import Cue

# money taken wrongly, not money to come back: "charged twice", "扣了两次"
charged_wrongly = Cue(
    r"\bcharged\s+(?:me\s+)?(?:twice|two\s+times|double|more\s+than\s+once)\b"
    r"|\bdouble[- ]charged\b|\bover-?charged\b|\btwo\s+(?:\w+\s+){0,2}(?:payments|charges)\b"
    r"|扣了两次|扣款两次|重复扣(?:款|费|钱)|多扣|扣了两笔|被扣了两|付了两次|扣了我两(?:次|遍|笔)"
    # ... or on the wrong card: "can you just move the charge across to my personal Mastercard?"
    r"|\b(?:move|switch|transfer|put)\s+the\s+(?:charge|payment)\s+(?:across\s+|over\s+)?(?:to|onto)\b"
    r"|\bpaid\s+(?:[\w-]+\s+){0,4}?with\s+(?:the\s+|my\s+)?wrong\s+card\b|付错(?:了)?卡|用错(?:了)?卡")
_TAKEN_ZH = r"(?:扣(?:了)?款|被扣了?|扣了|付了款|付过了|已经付了?|付款成功|扣款成功)"
_UNPAID_ZH = r"(?:待付款|未付款|没付款|显示没付|还是没付)"
# (not "I haven't paid yet")
_TAKEN_EN = (r"(?<!n't\s)(?<!not\s)(?<!never\s)(?<!yet\s)"
             r"\b(?:charged|paid|debited|taken|(?:money|it)\s+(?:is\s+|has\s+)?gone"
             r"|\d+(?:[.,]\d+)?\s*(?:euros?|dollars?|pounds?|eur|usd|gbp)?\s+gone)\b")
_UNPAID_EN = (r"\b(?:still\s+(?:says|shows|showing|is|reads)\s+(?:as\s+)?(?:pending|unpaid"
              r"|awaiting\s+payment|not\s+paid)|shows?\s+(?:as\s+)?(?:unpaid|not\s+paid))\b")
# money taken for an order that still shows unpaid: "信用卡已经被扣了 怎么还是待付款",
# "my bank shows 158 euro gone but the order still says pending"
paid_not_shown = Cue(
    rf"{_TAKEN_ZH}[^。！!？?]{{0,30}}{_UNPAID_ZH}|{_UNPAID_ZH}[^。！!？?]{{0,30}}{_TAKEN_ZH}"
    rf"|{_TAKEN_EN}.{{0,80}}?{_UNPAID_EN}|{_UNPAID_EN}.{{0,80}}?{_TAKEN_EN}")
# paying that would not go through: "tried PayNow twice and the QR expired", "支付失败"
payment_fails = Cue(
    r"\b(?:payment|transaction|qr(?:\s+code)?|checkout)\s+(?:(?:has|had|keeps|kept)\s+)?"
    r"(?:failed|failing|fails|expired|expires|timed\s+out|declined|(?:didn'?t|won'?t|doesn'?t)\s+go\s+through)\b"
    r"|\b(?:can'?t|cannot|couldn'?t|unable\s+to)\s+(?:complete\s+(?:the\s+)?)?pay(?:ment)?\b"
    r"|\b(?:keeps?|kept)\s+(?:declining|rejecting|refusing)\s+(?:me|my\s+\w+)\b"
    r"|\bmy\s+(?:card|payment)\s+(?:was|got|keeps\s+getting|is\s+being)\s+(?:declined|rejected)\b"
    # the provider's no at the till: "Klarna just said no at checkout", "this payment option
    # is not available right now"
    r"|\bsaid\s+no\s+(?:at|during)\s+(?:the\s+)?checkout\b"
    r"|\b(?:declined|rejected|refused)\s+(?:me\s+)?(?:at|during)\s+(?:the\s+)?checkout\b"
    r"|\bpayment\s+(?:option|method)\s+(?:is|was)\s+(?:not|n't)\s+available\b"
    r"|付款失败|支付失败|付不了|付不进去|支付不了|支付不成功|付款不成功|二维码(?:已)?过期|扣款失败")
# a discount code or a coupon: "can I still use NEWRIDER10?", "优惠码还能用吗"
# (the code itself is written in capitals: case matters for it, not for the words)
asks_promo = Cue(
    r"(?i:\b(?:promo(?:tion)?|coupon|voucher|discount)\s*(?:code)?s?\b"
    # ("how do I stop all the promo emails": the newsletter, no code)
    r"(?!\s*(?:e-?mails?|mails?|messages?|texts?|sms|newsletters?)\b)|\bcode\b)"
    r"|(?<![A-Za-z0-9])[A-Z]{3,}[0-9]{1,4}(?![A-Za-z0-9])|优惠码|优惠券|折扣码|兑换码|券"
    # a code of letters only, put to use: "forgot to stick HELLOPAW in", "can I apply SPRING?"
    r"|(?i:\b(?:use|used|apply|applied|enter|entered|stick|put|pop|add|type|typed)\s+(?:in\s+)?)"
    r"[A-Z]{5,}(?![A-Za-z0-9])"
    # ... or asked after: "is HELLOPAW still on for a first order?"
    r"|(?<![A-Za-z0-9])[A-Z]{5,}(?=\s+(?i:(?:still\s+)?(?:valid|active|live|running)|still\s+on"
    r"|still\s+work\w*|expired?)\b)"
    r"|(?:新人|新客|新用户|老客|会员|邀请|促销|活动)码|满多少(?:才)?(?:能|可以)用"
    # a price that fell after the purchase: "降了两百 能退差价不", "any price protection?"
    r"|退差价|补差价|价保|保价|降价|以旧换新|(?i:\btrade[- ]?ins?\b)"
    # goods sent on a schedule at a discount: "that autoship deal", "滤网订阅"
    r"|(?i:\bauto-?ship\b|\bsubscribe\s*(?:and|&)\s*save\b)|定期购|(?:滤网|滤芯|猫砂|粮)订阅|订阅(?:滤网|滤芯|猫砂|粮)"
    r"|(?i:\bprice\s+(?:protection|adjustment|match(?:ing)?|drop(?:ped)?)\b"
    r"|\b(?:went|gone|is)\s+on\s+sale\b|\bcheaper\s+now\b|\bin\s+(?:your|the)\s+sale\b"
    # the price fallen since, asked back: "can you refund me the difference?"
    r"|\brefund\s+(?:me\s+|us\s+)?the\s+(?:price\s+)?difference\b|\bprice\s+difference\b)"
    # a code of letters only, asked whether it still works: "is HELLOPAW still usable?"
    r"|\b[A-Z][A-Z0-9]{4,}\b(?=[^.?!\n]{0,12}(?i:\b(?:still\s+)?(?:usable|valid|good|working|expired)\b))",
    re.NOFLAG)
# paying a second time, asked: "should I just pay again?", "要不要重新付一次"
asks_to_pay_again = Cue(
    r"\bpay\s+(?:it\s+|for\s+it\s+)?(?:again|twice|a\s+second\s+time)\b|\bre-?pay\b"
    r"|(?:再|重新|重复)(?:付|支付|付款|拍|下单)(?:一次|一遍|一下)?")


# where a pasted number came from, said beside it: "copied it from my bank statement",
# "付款记录里复制出来的". It tells what the number is, not what is asked: the question is
# read without it (a payment record named there is no request for one)
_COPIED_FROM = re.compile(
    r"[\s,，(（-]*\b(?:(?:i\s+)?(?:just\s+)?(?:copied|got|took|pasted)\s+(?:it|this|that)?\s*"
    r"(?:straight\s+)?(?:from|off|out\s+of)\s+(?:my|the)\s+(?:\w+\s+){0,2}"
    r"(?:statement|record|history|confirmation|receipt|app|email))\b[\s.!)）]*"
    r"|[\s,，(（]*(?:是|这是)?(?:从|在)?(?:我的?)?(?:付款|支付|交易|转账|银行|支付宝|微信)"
    r"(?:记录|账单|明细|截图|订单)?(?:里|上|中)(?:面)?(?:复制|拷贝?|抄|找|粘贴)(?:出来|下来|过来)?的"
    r"[\s.。!！)）]*", re.IGNORECASE)


def without_where_it_came_from(text: str) -> str | None:
    """``text`` without the words on where its number was copied from; None when it
    says nothing of that or is nothing else."""
    rest = _COPIED_FROM.sub(" ", text).strip()
    return rest if rest != text.strip() and rest else None
