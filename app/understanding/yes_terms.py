"""What may come with a yes: a wish for how the write is carried out ("make sure no
invoice goes in the box", "备注让快递送之前先打个电话"), for a person to pass on, or a
condition on the money ("only if the 64.90 is back by friday"), the policy's to answer
before anything is done."""

from __future__ import annotations

import re

# a wish about how the write is carried out, said with the yes: "make sure no invoice goes
# in the box", "别放发票", "don't put a price tag in" (for a person to pass on)
# a condition set on the yes: "不过有个前提", "as long as", "provided that"
_CONDITION = (r"前提是?|有个条件|条件是|\bon\s+(?:the\s+)?condition\b|\bprovided\s+(?:that\s+)?"
              r"|\bas\s+long\s+as\b")
_A_WISH_RE = re.compile(r"\bmake\s+sure\b|\bplease\s+ensure\b|\b(?:don'?t|do\s+not)\s+"
                        r"(?:put|include|add|leave|send)\b|(?:别|不要)(?:放|夹|附)|记得"
                        # a condition of how it is done: "改吧 不过有个前提 改地址不能delay发货"
                        r"|" + _CONDITION +
                        # a note for the courier: "备注让快递送之前先打个电话", "call her before"
                        r"|备注|留言给快递|(?:送|派送|配送)(?:之前|前)(?:先)?(?:打|联系)"
                        r"|\bcall\s+(?:me|her|him|us|them)?\s*(?:before|first|ahead)\b"
                        # the parcel fetched: "退 麻烦安排上门取件", "please arrange a pickup"
                        r"|上门取件|安排(?:快递)?(?:上门)?取件|\barrange\s+(?:a\s+)?(?:pick\s*-?up|collection)\b",
                        re.IGNORECASE)
# ... a condition about the money, which the policy settles, is no wish to pass on: "退可以
# 但前提是229全额退给我 不扣那4块9"
_ABOUT_MONEY_RE = re.compile(r"全额|不扣|扣[^，。]{0,4}(?:钱|运费|费)|运费|手续费|退给我|免费"
                             r"|\bfull\s+(?:refund|price|amount)\b|\bfees?\b|\bfree\b"
                             r"|\bcharg\w*|\bpay(?:ing)?\b|\bcost\w*|\brefund\w*", re.IGNORECASE)


def adds_a_wish(text: str) -> bool:
    return _A_WISH_RE.search(text) is not None and _ABOUT_MONEY_RE.search(text) is None


# a yes on a condition of the money ("only if the 64.90 is back by friday", "as long as the
# refund goes to my PayPal"): the policy's to answer before anything is done
_ONLY_IF_RE = re.compile(r"\bonly\s+if\b|只要|" + _CONDITION, re.IGNORECASE)
_MONEY_WHEN_RE = re.compile(r"\bback\s+(?:in|into|on)\s+my\s+(?:account|card)|\brefund\s+goes\b"
                            r"|\b(?:goes|go|back)\s+(?:to|onto)\s+my\s+\w+|到[账帐]|退(?:回|到)(?:我的)?"
                            r"(?:支付宝|微信|卡|银行卡|账户)", re.IGNORECASE)


# ... that nothing be kept back ("provided I'm not charged anything", "不扣那4块9"): met
# when the proposal keeps nothing back, which the caller reads from it
_COSTS_NOTHING_RE = re.compile(
    r"\bnot\s+(?:be\s+)?charged\b|\bno\s+(?:fees?|charges?)\b|\bfree\b|\bfull\s+(?:refund|price|amount)\b"
    r"|\bnot\s+(?:the\s+one\s+)?paying\b|\b(?:don'?t|do\s+not|won'?t|not)\s+(?:have\s+to\s+)?pay\b"
    r"|\bwithout\s+(?:any\s+)?(?:fees?|charges?)\b|不扣|全额|免费|不收|不用(?:我)?(?:出|付)|不要(?:我)?(?:出|付)",
    re.IGNORECASE)


def on_a_money_condition(text: str) -> bool:
    return _ONLY_IF_RE.search(text) is not None and (
        _ABOUT_MONEY_RE.search(text) is not None or _MONEY_WHEN_RE.search(text) is not None)


def asks_nothing_be_kept(text: str) -> bool:
    """The money condition is only that nothing be charged or kept back (not when the
    money comes, or where it goes)."""
    return _COSTS_NOTHING_RE.search(text) is not None and _MONEY_WHEN_RE.search(text) is None
