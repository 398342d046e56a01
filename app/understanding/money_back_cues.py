"""Whether the money comes back, when, where to and how much: "when do I get my money back",
"退回信用卡一般要几个工作日", "did I get the full 69?". Part of
:mod:`app.understanding.dialogue_cues`, which every rule reads it through."""

from __future__ import annotations

from app.understanding.cue import Cue

asks_money_back = Cue(
    r"\bmoney\s+back\b|\bget\s+(?:my\s+)?(?:money|refund|€|\$)|\brefund(?:ed)?\b.{0,30}?"
    r"\b(?:when|how\s+long|how\s+soon|days|yet|arrive|show|land|appear)"
    r"|\b(?:when|how\s+long|how\s+soon)\b.{0,40}?\brefund|\b(?:back\s+(?:on|to)|into)\s+my\s+"
    r"(?:card|account|paypal|bank)|\bon\s+my\s+(?:card|paypal|bank)\b|到[账帐]|(?<!多少)钱[^？?。！!，,]{0,6}(?:退|回|到)|退.{0,4}钱|退款.{0,6}(?:多久|几天|什么时候|时间)"
    r"|(?:多久|几天|什么时候).{0,6}退款|钱退到哪|退到哪|是全退|全退(?:吧|吗|么)"
    # what comes back in the end: "那最后到手的退款是多少？"
    r"|(?:到手|实际|最后|最终)[^，。？?]{0,4}退(?:款|回)?[^，。？?]{0,3}多少"
    # whether the whole amount comes back: "全款229都能退吗", "全额能退吗" (not "全额退款", asked)
    r"|全(?:款|额)[^，。？?,]{0,8}退(?:回来)?了?(?:吗|么|不|没)"
    # where it goes: "and the refund would go back to my Amazon payment, not my bank?"
    r"|\b(?:refund|money)\s+(?:would|will|goes|go)\s+(?:go\s+)?back\s+(?:to|on|onto)\s+my\b"
    r"|退款(?:是|会|能)?(?:退|返)(?:回|到)[^，。？?]{1,10}(?:吗|么|嘛|吧|不)"
    # how long back to where it was paid from: "退回信用卡一般要几个工作日"
    r"|退(?:回|到)(?:到)?(?:信用卡|银行卡|卡里?|支付宝|微信|花呗|账户|余额)[^，。？?]{0,6}"
    r"(?:几|多久|多长时间|什么时候)"
    # "does the 253 go back onto the gift card?"
    r"|\b(?:does|will|would|did)\s+(?:the\s+|my\s+)?(?:[€$£¥]\s?)?\d+(?:[.,]\d+)?\s+(?:go|come)\s+"
    r"back\s+(?:to|on|onto|into)\b"
    # money seen again where it was paid from: "how many days before it shows up on the card
    # again?", "when will it appear on his statement?"
    r"|\b(?:show|shows|showing|appear|appears|land|lands)\s+(?:up\s+|back\s+)?(?:on|in)\s+(?:the|my|his"
    r"|her|our|their)\s+(?:[\w-]+\s+)?(?:card|statement|bank(?:\s+account)?)\b"
    # the sum coming back: "and that's the full 69 coming back to me then, nothing taken off?"
    r"|\b(?:full|whole)\s+(?:[€$£¥]\s?)?\d+(?:[.,]\d+)?\s+(?:coming|going|come|go)\s+back\b"
    # ... of money just named: "I paid £20 with a gift card and the rest on my Visa - does
    # it go back to both?"
    r"|\bpaid\b[^?]{0,80}\b(?:does|will|would)\s+(?:it|that|the\s+money)\s+(?:go|come)\s+back\s+"
    r"(?:to|on|onto|into)\s+(?:both|each|my\b|the\s+(?:card|gift|original|same|account|visa|paypal))"
    # where it went: "which card did it go back to?", "what account was it refunded to"
    r"|\b(?:which|what)\s+(?:card|account|bank)\b.{0,30}?\b(?:go|went|gone|paid|sent|refunded|returned)"
    r"\s+(?:back\s+)?(?:to|into|on)\b|退(?:到|回)(?:了)?(?:哪张|哪个|什么)(?:卡|账户|帐户)"
    # an amount to come back: "how soon will the 64.10 show up?", "when does the €39 land"
    r"|\b(?:when|how\s+(?:long|soon))\b.{0,30}?(?:(?:€|\$|£|¥)\s?\d+(?:[.,]\d{1,2})?|\b\d+[.,]\d{2})"
    r".{0,25}?\b(?:show|come|arrive|land|appear|be\s+back|hit)"
    # whether it came back: "113.9退回来了没", "那笔钱退了吗", "has the 39.90 come back yet"
    r"|(?:\d|钱|款)[^，。？?,]{0,4}退(?:回|给我|还)(?:来)?了?(?:没|吗|么|没有)|\b(?:has|have|did)\s+(?:the\s+|my\s+)?"
    r"(?:[A-Z]{0,3}[€$£¥]\s?|(?:HKD|SGD|RMB|CNY|EUR|GBP|USD)\s?)?\d+(?:[.,]\d+)?"
    r"\s+(?:actually\s+|already\s+|really\s+)?(?:come|came|gone|been\s+paid)\s+back\b"
    # how long the refund's approval takes
    r"|\b(?:when|how\s+long|how\s+soon)\b.{0,30}?\bapprov|(?:多久|几天|什么时候).{0,4}(?:审核|批)"
    r"|\bhow\s+much\b.{0,30}\b(?:get|getting|be)\s+(?:back|refunded)\b"
    r"|\b(?:when|how\s+long|how\s+soon)\b.{0,40}?\bmoney\b|\bmoney'?s\s+back\b"
    r"|\bwhat\s+(?:will|do|would|'ll)\s+i\s+(?:end\s+up\s+)?(?:get|getting)\s+back\b"
    r"|\bhow\s+much\s+(?:comes|will\s+come|do\s+i\s+get)\s+back\b"
    r"|(?:没|没有|还没)(?:看到|收到|见到)(?:钱|退款|款)|钱(?:还)?没(?:到|回来|退回来)"
    r"|\bhow\s+much\s+(?:is|will\s+be|was)\s+(?:the|my)\s+refund|\bwhy\b.{0,40}\bonly\b.{0,30}\bback\b"
    r"|\bwhen\b.{0,20}\b(?:see|get|have)\s+(?:the|my)\s+money\b|\bmoney\s+(?:goes?|going|comes?"
    r"|arrives?|shows?|lands?)\b|全额退(?:款)?[吗么]|是不是全额|能退多少|退多少|为什么不是全(?:款|额)|退(?:回|到).{1,8}(?:多久|几天|什么时候)"
    # "怎么不是53.9" / "why not the full 53.90?": an amount short of what was expected
    r"|(?:怎么|为什么|为啥)(?:不是|只有|才|只|是)(?:退了?)?\s*[¥￥€$]?\d"
    r"|\bonly\s+(?:got|received|get|getting)\b.{0,20}\d|\bwhere'?s\s+the\s+rest\b"
    r"|\bwhy\s+not\s+(?:the\s+)?(?:full|whole|[€$£¥]?\d)"
    # "did I get the 187.50 back?", "did I get the full amount"
    r"|\bdid\s+(?:i|we)\s+(?:get|receive)\b.{0,25}?\b(?:back|full\s+amount|refund|money)\b")

# goods asked for in place of the money a return pays: "could you send me a new fan instead
# of refunding me?", "send me a fresh E5 in its place, or is it money back only?", "不退钱的话
# 能不能直接给我换个新的"
asks_goods_instead = Cue(
    r"\binstead\s+of\s+(?:a\s+|the\s+|my\s+)?(?:refund(?:ing)?|(?:the\s+)?money\s+back)\b"
    r"|\b(?:send|give|get)\s+(?:me\s+)?(?:a\s+)?(?:new|fresh|replacement|another)\b[^.?!]{0,30}?"
    r"\b(?:in\s+(?:its|their)\s+place|instead)\b"
    r"|不(?:要|用)?退(?:款|钱)(?:了|的话)?[，,\s]*(?:能不能|可不可以|能|可以)?(?:直接)?(?:给我)?"
    r"(?:换|补发|重发)"
    # "a replacement rather than my money back?", "能直接给我换个粉色的吗 钱不用退"
    r"|\b(?:replacement|new\s+one|exchange|swap)\s+(?:rather\s+than|instead\s+of)\s+(?:a\s+|the\s+|my\s+)?"
    r"(?:refund|money)\b"
    r"|(?:换|补发|重发)[^，。,.!?！？]{0,10}[吗么][\s，,]*(?:钱|款)(?:就)?(?:不用|不要|别)退")
