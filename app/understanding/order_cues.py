"""Cues of a fact asked of one of the shopper's orders, in English and Chinese: its
status, what it holds, where it goes, what it cost, when it was placed, which variant was
bought. Patterns of how people ask, never a store's words."""

from __future__ import annotations

from typing import Literal

from app.understanding.cue import Cue

# a status question with nothing else: "what's the status", "怎么样了" ("怎么回事" asks
# why as often: "一直连不上wifi 怎么回事")
asks_status = Cue(
    r"\bstatus\b|\bany\s+(?:news|update)\b|\bprogress\b|\bwhat'?s\s+the\s+state\s+of\b"
    r"|\bwhat'?s\s+(?:happening|going\s+on)\b|\bhow'?s\s+it\s+going\b"
    r"|\bwhat'?s\s+the\s+latest\b|\bhow\s+far\s+along\b"
    r"|\b(?:is|are)\s+(?:it|they)\s+moving\b|\bany\s+movement\b"
    r"|进度|怎么样了|状态|到哪一步|什么情况|啥情况")
# "can you check <order>", "查下订单": a look at an order, nothing asked of it yet
asks_to_check = Cue(
    r"\b(?:check|look\s+up)\b|查")
# asking to be shown what an order holds: "send me the address on it to check", "发我核对"
asks_to_see = Cue(
    r"\b(?:show|send|tell|give)\s+me\s+(?:the|its|what)\b.{0,30}"
    r"\b(?:address|phone|details|recipient)|\b(?:check|confirm|verify)\s+"
    r"(?:the|my)\s+(?:address|phone|recipient)|发(?:给)?我(?:看|核对|确认)"
    r"|(?:核对|确认)一下.{0,6}(?:地址|电话|收件人)"
    r"|(?:地址|电话|收件人).{0,8}(?:发(?:给)?我|给我看|核对)"
    r"|\b(?:output|list|print|give\s+me|tell\s+me)\b.{0,30}"
    r"\b(?:names?|phone|address(?:es)?|emails?)\b"
    r"|(?:输出|告诉我|给我|发我|列出|查询|查看)(?:一下)?.{0,30}"
    r"(?:收件人|电话|地址|手机|姓名)")
# what an order holds, asked: "did I put 1 tube in that order or 2?", "我买了几个来着"
asks_contents = Cue(
    r"\bdid\s+i\s+(?:put|order|buy|get|add)\b.{0,40}\b(?:or|how\s+many)\b"
    r"|\bhow\s+many\b.{0,30}\bdid\s+i\s+(?:order|buy|get|put)\b"
    r"|\bwhat(?:'s|\s+is|\s+was)\s+in\s+(?:my|that|the|this)\s+order\b"
    # ... of an order just named: "he showed me the order number, MW-1. what's in it?"
    r"|\b(?:tell\s+me|know|see|check)\s+what(?:'s|\s+is|\s+was)\s+in\s+it\b"
    r"|我(?:买|下|拍|订)了几(?:个|件|支|盒|包|袋|瓶)|(?:订单|那单|这单)里(?:有|是|买了)?(?:几|什么|啥)"
    r"|(?:买|拍)的是(?:几|哪)")
# a fact of an order asked outright: where it goes, what it cost, when it was placed
asks_order_address = Cue(
    r"\b(?:what|which)\s+address\b|\bwhere\s+(?:is|are)\s+(?:it|they)\s+(?:going|being\s+"
    r"(?:sent|shipped))\b|寄(?:到|往)哪(?:个|里|儿)?地址|(?:收货|送货|寄送)?地址是(?:什么|哪|啥)"
    r"|填的(?:什么|哪个|啥)地址")
asks_amount_paid = Cue(
    r"\bhow\s+much\s+(?:did|have)\s+i\s+(?:pay|paid|spen[dt])\b|\bwhat\s+did\s+i\s+pay\b"
    # ... of an order another holds: "MW-26-005109 - what did he actually pay for it?"
    r"|\b(?:how\s+much|what)\s+did\s+(?:he|she|they|we)\s+(?:actually\s+|really\s+)?pay\b"
    # "the cups, how much were they" ("how much was it again" of a refund asks its amount)
    r"|\bhow\s+much\s+(?:were|was)\s+(?:they|those|these|the\s+\w+)\b"
    # the order's total: "what did it come to?", "这单一共多少钱"
    r"|\bwhat\s+did\s+(?:it|that|the\s+order|that\s+order)\s+come\s+to\b"
    r"|(?:这|那)单(?:一共|总共)多少钱"
    r"|(?:付|花|支付)了多少(?:钱)?|实付(?:了)?(?:多少|金额)|多少钱买的")
asks_when_placed = Cue(
    r"\bwhen\s+did\s+i\s+(?:order|buy|purchase|place)\b|\bwhen\s+was\s+(?:it|the\s+order|my\s+"
    r"order)\s+(?:placed|made|bought|ordered|purchased)\b"
    # ... asked indirectly: "could you tell me when it was bought and delivered?"
    r"|\bwhen\s+(?:it|the\s+order|this\s+order|that\s+order)\s+was\s+(?:placed|made|bought|ordered|purchased)\b|(?:哪天|什么时候|几号|啥时候)(?:下的单|下单的|买的|拍的)|下单(?:时间|日期)")
# which variant of an item was ordered, asked as yes or no or outright: "the purifier I
# ordered, is it the space grey one?", "is it red? I wanted black", "水壶是青绿色的对吧 我
# 记得我选的白色", "我买的是什么颜色"; never of an item not bought yet ("有什么颜色")
_NOT_A_VARIANT = r"(?!(?:the\s+)?(?:same|other|old|new|right|wrong|correct|better|only)\b)"
asks_ordered_variant = Cue(
    r"\b(?:what|which)\s+(?:colou?r|size|model|version|one)\s+(?:did|have)\s+i\s+"
    r"(?:order|buy|get|pick|choose)\b"
    rf"|\b(?:did|have)\s+i\s+(?:order|buy|get|pick|choose)\w*\s+{_NOT_A_VARIANT}(?:the\s+)?"
    r"[\w -]{1,25}?\s+(?:one|colou?r|size|version)\s*\?"
    # "is it the X one?" only of what they say they bought ("is that the gold rated one?"
    # asks about a product's rating)
    r"|\bi\s+(?:ordered|bought|got|chose|picked)\b.{0,40}?\b(?:is|was)\s+(?:it|that|mine)\s+"
    rf"{_NOT_A_VARIANT}(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+one\s*\?"
    r"|\b(?:is|was)\s+(?:it|mine)\s+[\w -]{1,20}\?\s*i\s+(?:wanted|ordered|chose|picked|thought)\b"
    r"|我(?:买|拍|订|下单|选)的(?:是)?(?:什么|啥|哪个|哪种)(?:颜色|尺码|型号|款|规格|号)"
    r"|我(?:买|拍|订|选)的是[^，,。？?\s]{0,8}(?:色|码|号|款|型号)的?(?:吗|吧|对吧|嘛)"
    r"|我(?:那个|那件|那款|的)[^，,。？?\s]{1,8}是[^，,。？?\s]{0,8}(?:色|码|号|款|装|寸)的?(?:吧|吗|对吧|嘛)"
    r"|是[\u4e00-\u9fff]{1,6}(?:色|码|号)的?(?:对吧|吧|吗|嘛).{0,12}我(?:记得)?(?:我)?(?:买|拍|订|选)")


def order_fact(text: str) -> Literal["address", "paid", "placed"] | None:
    """Which fact of an order the message asks outright, if any."""
    if asks_order_address(text):
        return "address"
    if asks_amount_paid(text):
        return "paid"
    return "placed" if asks_when_placed(text) else None
