"""A request said again to the question that proposed it, read as the yes: "嗯嗯 取消吧" to
"shall I cancel it?", "改吧", "Lovely, yes send it to the cottage", "那就退吧", "ok, return
the tape". Only the whole message counts; words of either language, of no store."""

from __future__ import annotations

from app.understanding.cue import Cue

# what may come before the request said again: "不扣就好 取消吧", "ok no fee then, cancel it",
# "嗯嗯 取消"
_TAKEN = (r"^(?:[\u4e00-\u9fff]{0,4}(?:就好|就行|没问题|可以)[\s，,。!！]+"
          r"|(?:嗯+|好+的?|行|对|是的?|好吧)[\s，,。!！~]*"
          r"|(?:ok(?:ay)?|great|good|fine|perfect|alright)\b(?:(?!n't|\bnot\b|\bdon|\bnever\b)[^.!?\n]){0,20}"
          r"[\s,.!]+)?")
# asked "shall I cancel it?", saying "cancel it" again is a yes
# ... the item of the order named again: "嗯嗯 破壁机取消掉吧" (not "还是不取消吧")
_ITEM_NAMED = r"(?:把?(?:(?![也另其别都全不没勿就能])[^，。,.!?！？\s]){1,8}?)?"
REPEATS_CANCEL = Cue(_TAKEN + r"(?:(?:那也|那|那就|还是|就)?(?:帮我)?" + _ITEM_NAMED
                     + r"(?:取消|撤单|撤)"
                     # ... with the yes said after it: "嗯嗯 那就取消，确定"
                     r"(?:吧|掉|掉吧|了吧|嘛|呗|啦)?(?:[，,\s]+(?:确定|确认|是的|好的))?[。!！]*$"
                     r"|(?:yes,?\s*)?(?:please\s+)?cancel\s+(?:it|that|the\s+order)"
                     r"(?:\s+(?:anyway|then|so|now))?[.!]*$)")
# asked "shall I change it?", saying "change it" again is a yes ("改吧", "就改这个吧")
REPEATS_CHANGE = Cue(_TAKEN + r"(?:那|那就|还是|就)?(?:帮我)?(?:改|修改|更改|换)"
                     r"(?:吧|一下吧|掉吧|成这个吧|这个吧|嘛|呗|啦)?[。!！]*$"
                     r"|^(?:yes,?\s*)?(?:please\s+)?(?:change|update|add|swap)\s+(?:it|that|them)[.!]*$"
                     # the address proposed, named again: "Lovely, yes send it to the cottage"
                     r"|^(?:(?:lovely|great|perfect|brilliant|grand|ok(?:ay)?|cool)[\s,.!]+)?"
                     r"(?:yes,?\s*)?(?:please\s+)?send\s+(?:it|them)\s+(?:there|to\s+(?:the|my|our)"
                     r"(?:\s+[a-z]+){1,2})(?:\s+(?:then|please))?[.!]*$")

# asked "shall I open the return?", asking for it again ("那就退吧", "just refund it") is
# a yes; only the whole message counts, as for cancelling and changing
REPEATS_REFUND = Cue(r"^(?:(?:明白了?|好的?|行|嗯+|ok)[\s，,。!！]*)?"
                     r"(?:那|那就|还是|就|直接|那还是)*(?:帮我)?(?:申请|办理?|安排)?"
                     # the item of the return proposed, named again: "那就把破的那袋退了吧" (not
                     # another one: "把另一袋也退了吧")
                     r"(?:把(?:(?![也另其别都全])[^，。,.!?！？\s]){1,8})?退(?:货|款|掉|钱)?(?:吧|了吧)?"
                     r"[。!！]*$|^(?:ok,?\s*)?(?:just\s+)?(?:refund|return)\s+it(?:\s+then)?[.!]*$"
                     # the item of the return proposed, named: "ok, return the tape"
                     r"|^(?:ok(?:ay)?,?\s*)?(?:just\s+|please\s+)?(?:refund|return|send\s+back)\s+the"
                     r"\s+(?!other\b|rest\b|whole\b)[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?"
                     r"(?:\s+(?:then|please|now))?[.!]*$"
                     # the way of the return proposed, taken: "那就按质量问题给我退 麻烦了亲"
                     r"|^(?:那|那就|就|还是)?按[^，。,.!?！？\s]{1,8}?(?:给我|帮我)?退(?:货|款)?(?:吧|了吧)?"
                     r"[\s，,。!！]*(?:麻烦(?:了|你了|您了)?亲?|谢谢)?[。!！]*$"
                     # the money back taken over a new one: "退钱 不用换新", "refund please, not
                     # a replacement"
                     r"|^(?:那|那就|还是|就|直接)*退(?:钱|款)(?:吧)?[\s，,]+(?:不用|不要|不)(?:换新|换货|换)"
                     r"(?:了)?[。!！]*$|^(?:just\s+)?(?:a\s+)?refund(?:\s+please)?,?\s+(?:no|not\s+a)"
                     r"\s+(?:replacement|exchange|new\s+one)(?:\s+please)?[.!]*$"
                     # the return put in by the shop, the fee taken: "那你们直接帮我提交吧 扣12块
                     # 运费没问题"
                     r"|^(?:那|那就|就)?(?:你们?|您)?(?:就)?(?:直接)?(?:帮我)?(?:提交|申请)(?:吧|一下吧?|了吧)"
                     r"(?:[\s，,]+扣[^，。,.!?！？]{0,12}(?:没问题|可以|没事|也行|行))?[。!！]*$"
                     # ... also as the sentence that settles it: "Hmm, a refund is simpler,
                     # I may go for something else. Please book the return."
                     r"|(?:^|[.!?]\s+)(?:ok,?\s*)?(?:please\s+)?(?:book|start|open)\s+(?:the|my)"
                     r"\s+return(?:\s+(?:then|please|now))?[.!]*$")
