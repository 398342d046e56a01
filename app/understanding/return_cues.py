"""Cues of money back and returns, in English and Chinese ("when do I get my money
back", "I want to send it back", "who pays the return", "what if I already opened it").
Part of :mod:`app.understanding.dialogue_cues`, which every rule reads them through."""

from __future__ import annotations

import re

from app.understanding.cue import Cue
from app.understanding.sentiment_lexicon import LOSS_MADE_GOOD

# --- Money back and returns ---
# "visa. when": when, said alone or nearly, after a refund or cancellation
# money expected at once: "should it have shown up more or less straight away?"
asks_if_instant = Cue(r"\b(?:straight|right)\s+away\b|\bimmediately\b|\binstant(?:ly)?\b"
                      r"|\bshown?\s+up\b|马上(?:就)?到|立刻到|立即到|秒到")
asks_when = Cue(r"\bwhen\b|什么时候|啥时候|何时|多久(?:能)?到|几天(?:能)?到")
asks_refund_progress = Cue(
    # how long the return's check takes: "审核一般要多久能有结果"
    r"(?:审核|验收)[^，。？?,]{0,8}(?:多久|几天|什么时候|多长时间|出结果|有结果)|"
    r"\brefund\b.{0,30}?\b(?:status|approved|rejected|declined|denied|processed|progress)"
    r"|\b(?:status|progress)\s+of\s+(?:my\s+)?(?:refund|return)|refund.{0,8}(?:到哪|进度|怎么样)"
    # "two returns going. First the pink AeroSilk - what stage is that at?"
    r"|\b(?:returns?|refunds?)\b[^?]{0,60}?\b(?:what|which)\s+stage\b"
    # (a card or a payment declined is no refund: "why was my card declined?")
    r"|\bwhy\s+(?:was|is|did)\b(?![^.?!]{0,30}\b(?:card|payment|transaction)\b).{0,30}"
    r"\b(?:rejected|declined|denied|refused)|\bhaven'?t\s+(?:got|received|seen)\s+(?:my\s+|the\s+|any\s+)?"
    r"(?:money|refund)|\bdid\s+you\s+(?:get|receive)\b.{0,30}\b(?:sent|send)\s+(?:it\s+)?back"
    r"|\b(?:can'?t|cannot|don'?t)\s+(?:see|find)\s+(?:that|the|my|any)\s+(?:money|refund)\b"
    r"|退(?:款|货)(?:进度|状态)|(?:退款|退货)?(?:批了|批准了|批下来了?|通过了|审核)(?:没|吗|了吗)"
    r"|被拒|为什么(?:被)?拒|退款(?:怎么样|如何)了|(?:收到|到)(?:了)?(?:退货|退回的)"
    r"|退回(?:去)?的.{0,6}收到"
    # "折叠锁退货到哪一步了", "系统说已退款 但我一直没收到84欧"
    # ... "那把折叠锁的退货，现在走到哪一步了"
    r"|退(?:款|货)[，,\s]?[^，。,.!?！？]{0,6}?(?:到哪一步|到哪了|到哪儿了|处理到哪|怎么样了)"
    r"|(?:已|显示)退款.{0,12}(?:没|没有|未)(?:收到|到[账帐])|(?:一直|还)没(?:有)?收到.{0,6}(?:退款|钱|欧|元|块)"
    # a refund of the past looked up: "帮我查下之前那笔退款", "check on my last refund"
    r"|查(?:一?下|一查)?(?:之前|上次|以前|那)(?:的|那)?(?:笔|次)?退款"
    r"|\b(?:check|look\s+up|look\s+into)\s+(?:on\s+)?(?:my|the|that)\s+(?:last|previous|earlier|old)"
    r"\s+refund\b"
    # the money itself asked after: "where's my money for the shaver that broke?"
    r"|\bwhere(?:'?s|\s+is)\s+my\s+(?:money|refund|cash)\b|我的(?:钱|退款)(?:呢|在哪|到哪)"
    # "did the money for the tins I sent back ever come through?"
    r"|\b(?:money|refund)\b(?:\s+[\w']+){0,8}?\s+(?:ever\s+)?(?:come|came)\s+through\b")
wants_return = Cue(
    r"\b(?:want|wanna|like|need|going)\s+to\s+(?:return|send\s+(?:\w+\s+)?back)|\bi'?ll\s+return\b"
    r"|\bsend\s+back\s+(?:the|my|this|these|those|both)\b"
    r"|\breturn\s+(?:it|this|them|the|my)\b|\bsend\s+(?:it|this|them)\s+back\b"
    # "the olive helmet is going back if I can"
    r"|\b(?:is|are|'s|'re)\s+going\s+back\s+if\s+(?:i|we)\s+(?:can|may)\b"
    # "then the blender goes back as a change of mind"
    r"|\b(?:goes|go)\s+back\s+(?:as|for|under|because|then|after\s+all)\b"
    r"|\b(?:start|open|make|request)\s+a\s+(?:return|refund)"
    r"|\brefund\s+(?:me|it|this|the)\b(?!\s+(?:the\s+)?(?:price\s+)?difference)|\bgo\s+ahead\s+with\s+the\s+return"
    r"|\b(?:a\s+)?refund\s+(?:please|pls|plz)\b"
    r"|\b(?:i'?d\s+like|i\s+want|i\s+need|i'?d\s+want)\s+(?:a\s+)?(?:full\s+)?refund\b"
    # "I'd rather just have a refund than keep fiddling"
    r"|\b(?:'d|would)\s+rather\s+(?:just\s+)?(?:have|get)\s+(?:a\s+(?:full\s+)?refund"
    r"(?!\s+(?:policy|window|period))|my\s+money\s+back)\b"
    # the shop asked to have it back: "can you take the fryer back?"
    r"|\b(?:can|could|will|would)\s+you\s+(?:please\s+)?take\s+(?:it|them|this|that|the\s+\w+(?:\s+\w+)?)\s+back\b"
    r"|\b(?:like|want|need)\s+(?:my|the)\s+money\s+back\b|\bgive\s+me\s+my\s+money\s+back\b"
    r"|(?<!不)想退|(?<!不)要退|(?<!钱)(?<!款)(?<!早就)(?<!已经)退了吧|退掉(?!的)|帮我退|申请退(?:货|款)|退货吧|(?<!全)退吧|我要退货"
    # the money back asked for: "还是退钱吧 你帮我申请"
    # (not what a cancellation involves: "应该不涉及退钱吧")
    r"|(?:^|[\s，,。]|还是|那就|就|直接)退(?:钱|款)吧")
# how a return travels: "do I need to drop it off somewhere?", "上门取件吗", "寄到哪"
asks_return_logistics = Cue(
    # what must go back with it: "do you need the charging clip and the box back as well?"
    r"\b(?:do|would|will)\s+you\s+(?:need|want)\s+(?:\w+\s+){0,6}?back\b"
    r"|\b(?:have|has|need|needs)\s+to\s+(?:go|be\s+sent|come)\s+back\b"
    r"|(?:要|需要)(?:把)?[^，。？?]{0,10}(?:一起|一块儿?|一并|一同|也)寄回"
    # a part that came with it: "does the filter go back in the unit, or do I keep it?"
    r"|\b(?:does|do|should)\s+(?:it|they|the\s+[\w-]+)\s+(?:go|get\s+sent|need\s+to\s+go)\s+"
    r"back\s+(?:in|with)\b|\bor\s+(?:do|should)\s+i\s+keep\s+(?:it|them)\b"
    # the box it came in gone: "is that an issue, not having the box?", "盒子扔了还能退吗"
    r"|\b(?:without|not\s+having|no)\s+(?:the\s+)?(?:original\s+)?(?:box|carton|packaging)\b"
    r"|(?:盒子|包装盒?|外包装|纸箱)(?:已经)?(?:扔了|丢了|没了|不在了)|没有(?:了)?原?(?:盒子|包装|纸箱)"
    # ... thrown out: "I'd already flattened the fryer's box and put it out for recycling"
    r"|\b(?:threw|thrown|binned|recycled|flattened|tossed|chucked)\b(?:\s+(?:out|away))?\s+(?:the|its"
    r"|my)\s+(?:[\w'-]+\s+){0,2}?(?:box|carton|packaging)\b"
    # ... or worn or washed first: "I already washed it once. Does that rule it out?"
    r"|\b(?:washed|worn|wore|used)\s+(?:it|them)\b[^?]{0,80}\b(?:rule\s+(?:it|that|them)\s+out"
    r"|still\s+(?:ok|okay|fine|count|qualify|eligible)|a\s+problem|an\s+issue|matter)\b"
    r"|(?:洗过|穿过|用过|戴过)[^？?。]{0,20}(?:还能退|能退吗|影响退|还可以退)|"
    r"\bdrop\s+(?:it|them|this|the\s+(?:[\w-]+\s+){1,3}?)off\b|\bpick\s*-?\s*up\b|\bcollect(?:ion|ed)?\b"
    # how it is packed and sent: "Do I need the original box?", "do I need a printer for the
    # label?", "pack the docking station as well, or just the robot?", "钥匙卡也要一起放进箱子里吗"
    r"|\b(?:need|keep)\s+(?:the\s+)?(?:original\s+)?(?:box|carton|packaging)\b"
    r"|\b(?:need|have)\s+(?:a\s+)?printer\b|\b(?:need|have)\s+to\s+(?:pack|include|put\s+in)\b"
    r"|\b(?:does|will|would)\s+it\s+matter\s+(?:that|if)\s+(?:i'?ve|i\s+have|i)\s+(?:opened|used|worn"
    r"|washed|tried)\b|寄回(?:去|来)?的时候|(?:也)?要(?:一起)?放(?:进|在|回)[^，。？?]{0,4}(?:箱|盒)"
    r"|\bpick\s+(?:it|them)\s+up\s+from\s+(?:me|us|my|our|here)\b"
    r"|\bwhere\s+(?:do|should|can|shall)\s+i\s+(?:send|post|ship|return|take|bring)\b"
    r"|\bhow\s+do\s+i\s+(?:send|post|ship|return)\b|\b(?:print|need)\s+(?:a|the)\s+(?:return\s+)?"
    r"label\b|\breturn\s+label\b|上门取件|取件|(?<!后)来取(?!消)|怎么寄回|寄到哪|寄回哪|退货单|面单"
    r"|退货地址|退到哪个地址|寄回(?:去|来)?[^，。？?]{0,6}(?:快递|物流)|(?:自己|我)(?:去)?(?:找|叫|约)快递"
    # what the shopper has to do: "需要拍照给你们吗 还是我自己寄回去", "do I need to send photos?"
    r"|(?:需要|要不要|用不用|要)(?:我)?(?:先)?拍(?:照|个照|图|视频)|(?:还是|要)我自己寄回|我自己寄回去"
    r"|\b(?:do|should|shall|must)\s+i\s+(?:need\s+to\s+|have\s+to\s+)?(?:send|take|attach|upload)\s+(?:you\s+)?(?:a\s+|some\s+)?"
    r"(?:photos?|pictures?|pics?|images?|video)\b|\bdo\s+i\s+(?:post|send)\s+(?:it|them)\s+back\s+myself\b")
# an explicit wish to send something back (not "when I send it back, ...")
explicitly_wants_return = Cue(
    r"\b(?:want|wanna|like|need)\s+to\s+(?:return|send\s+\w+\s+back)"
    r"|\brefund\s+me\b(?!\s+the\s+(?:price\s+)?difference)"
    r"|\b(?:start|open|request)\s+a\s+(?:return|refund)|(?<!不)想退|(?<!不)要退|帮我退|申请退"
    # "想单独退掉", "想把滤网退了": the wish with the item or a word between
    r"|(?<!不)想[^，,。.!?！？\s]{1,6}退(?:掉|了|货|款)"
    # the decision, a condition already settled before it: "没有M码的话那就退了吧"
    r"|那就退(?:了|掉|货)?(?:吧|呗)"
    # "帮我把退货提交了", "退货申请帮我办了吧": the return asked to be put in
    r"|(?:帮我|给我)把?退(?:货|款)(?:申请)?(?:提交|办|申请|弄|发起)"
    r"|退(?:货|款)申请(?:帮我|给我)?(?:提交|办|发起)")
asks_can_return = Cue(
    r"\b(?:can|could)\s+i\s+(?:still\s+)?(?:return|send|get\s+a\s+refund)\b"
    # "can that one go back?", "Can the rest of the bag go back?"
    r"|\b(?:can|could)\s+(?:(?:it|that|those|they|these|this)(?:\s+ones?)?|the\s+\w+(?:\s+\w+){0,3})"
    r"\s+(?:still\s+)?(?:go|be\s+sent|come)\s+back\b|\b(?:still\s+)?returnable\b|还能退[吗么]|能退回[吗么]|可以退回[吗么]"
    r"|能退(?:款|货)?[吗么不]|能(?:直接)?退(?:款|货)?[吗么]|可以退(?:款|货)?不"
    r"|可以退(?:款|货)?[吗么]|能不能退|可不可以退"
    # the item named between: "能单独把梳子退了吗"
    r"|(?:能|可以|能不能|可不可以)(?:单独|只|直接)?把[^，。,.!?！？\s]{1,10}?退(?:了|掉|回去|货|款)?(?:吗|么|不)")
says_returned = Cue(
    r"\b(?:i|we)\s+(?:sent\s+back|returned)\b|\breturned\s+(?:it|the|them)\b"
    r"|\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:sending\s+back|returning)\b"
    r"|\b(?:sent|posted|mailed|shipped)\s+(?:it|them|(?:the|my)\s+(?:[\w-]+\s+){0,3}?[\w-]+)\s+back\b"
    # "the sleeping mat that arrived torn and went back" (not "I went back to the shop")
    r"|\b(?:and|that|which|it|they|then)\s+went\s+back\b(?!\s+to\s+(?:the\s+)?(?:shop|store|site|app|page))"
    # "that whole lot went back to you crushed"
    r"|\bwent\s+back\s+to\s+you\b"
    r"|退(?:回去|回来|货)的|退了的|寄回去的|(?:之前|上次|以前)退的|(?:已经|早就)?寄回(?:去)?了"
    # its arrival at the shop asked: "has it reached you?", "did it get to you?"
    r"|\b(?:has|have|did)\s+(?:it|they|the\s+\w+)\s+(?:reached|g[eo]t\s+(?:back\s+)?to|arrived\s+"
    r"(?:with|at))\s+you\b|(?:你们|仓库)(?:收到|签收)了(?:吗|没)")
# goods sent back: "send it back", "post the mat back"
_SENT_BACK = (r"\b(?:send|post|mail|ship)(?:s|ed|ing)?\s+"
              r"(?:(?:it|them|this|these|the\s+\w+(?:\s+\w+)?)\s+)?back\b|\bget\s+(?:it|them|this|these)\s+back\s+to\s+(?:you|the\s+shop|the\s+store)\b")
# sending something back, in any form: the return shipping is a returns question
# (a 退 of no goods: "租客退租", "退休", "退房", "退出登录", "退订邮件")
mentions_return = Cue(r"\breturn|" + _SENT_BACK + r"|退货|退回|寄回|退(?!租|房|休|出|订|群|烧)")
# the goods sent back, as against money coming back: "if I post the mat back", "寄回去的话"
sends_back = Cue(
    _SENT_BACK + r"|\breturn\s+(?:it|them|this|these|the|everything|all)\b|寄回|退货|退掉|退了它")
mentions_refund = Cue(
    r"\brefund|退款")
# what something costs: "what does that cost me", "how much is it", "要多少钱"
asks_cost = Cue(
    r"\bwhat\s+(?:does|will|would)\s+(?:it|that|this|the\s+\w+)\s+cost\b"
    r"|\bhow\s+much\s+(?:does|will|would|is)\b|\bcost\s+(?:me|anything)\b"
    # what is kept back: "what do I lose on the return?", "how much would I lose"
    r"|\b(?:what|how\s+much)\s+(?:do|would|will|'?d)\s+i\s+lose\b"
    # (not a battery's: "won't take a charge anymore", "hold a charge")
    r"|(?<!take\s)(?<!takes\s)(?<!taking\s)(?<!hold\s)(?<!holds\s)(?<!holding\s)"
    r"\b(?:any|a)\s+(?:charge|fee|cost)s?\b|\bfees?\s+for\b"
    r"|多少钱|要钱吗|收钱吗|花多少|(?:手续|运)费吗|收费吗|扣钱吗|要(?:付|交)钱"
    r"|谁(?:出|付|承担)|\bwho\s+(?:pays|covers|is\s+paying)\b"
    # "I'm not the one paying the courier, am I?", "do I pay for the postage?"
    r"|\b(?:i'?m|am\s+i|do\s+i|will\s+i|would\s+i)\s+(?:not\s+|still\s+)?(?:the\s+one\s+)?"
    r"(?:pay|paying|have\s+to\s+pay)\s+(?:for\s+)?(?:the\s+)?(?:courier|postage|shipping|return"
    r"|delivery|label)\b")
# the window counted out: "I've only got three days left to get it back to you, right?"
_DAYS_LEFT = r"\b(?:days?|time)\s+left\s+to\s+(?:return|send|get|post)\b"
counts_the_window = Cue(_DAYS_LEFT)
_DECIDING = r"\bmake\s+(?:up\s+my\s+mind|my\s+mind\s+up)\b|考虑(?:期|时间)"
asks_time_to_decide = Cue(_DECIDING)
asks_policy = Cue(
    r"\bpolicy\b|\bwindow\b|\bhow\s+(?:many\s+days|long)\s+(?:do\s+i\s+have|can\s+i|have\s+i\s+got)"
    # "how long after delivery may I report it?"
    r"|\bhow\s+(?:many\s+days|long)\s+after\s+(?:delivery|it\s+(?:arrives|is\s+delivered)|receiving\s+it)"
    r"\s+(?:may|can|do|should|must)\s+(?:i|we)\s+(?:still\s+)?(?:report|return|claim|tell|contact|send)"
    # "how long have I got to make up my mind?": the time to keep or send back
    r"|" + _DECIDING + r"|\bdo\s+(?:i|you)\s+(?:have\s+to\s+|need\s+to\s+)?(?:pay|charge)\b"
    r"|\bwho\s+pays\b|\bin\s+general\b"
    r"|\bis\s+there\s+a\s+fee\b|\bhow\s+does\s+\w+\s+work\b|政策|规定|多少天内|几天内|运费谁出|要我出"
    r"|要付.{0,4}运费|收费吗|怎么算"
    r"|\b(?:return|refund)\s+(?:period|deadline|time\s*limit)\b"
    r"|" + _DAYS_LEFT +
    # "从哪天开始算", "自签收起算" (not "他自己挂闲鱼卖掉算了")
    r"|退货期|(?:从|自)(?!己).{0,10}(?:开始|起)算")
asks_warranty = Cue(
    r"\bwarrant(?:y|ies)\b|\bguarantee[ds]?\b|保修|质保|保固|过保|在保"
    # the term said with the word cut short: "它也是保一年吗", "保两年吗", "保几年"
    r"|保(?:[一两二三半几]|\d+)年(?!级)|保多久"
    r"|\b(?:is|are)\s+(?:it|that|this|they)\s+(?:still\s+)?covered\b"
    # the item named: "is the battery covered?", "how long is the Mini covered for?" (not
    # the costs of a return: "is the return postage covered?")
    r"|\b(?:is|are)\s+(?:the|my|its)\s+(?!(?:return|postage|shipping|delivery|cost|fee|parcel"
    r"|refund|package|courier|order|purchase)\b)\w+(?:\s+\w+)?\s+(?:still\s+)?covered\b"
    r"(?!\s+by\s+(?:the|a|your|my)?\s*(?:promo|discount|offer|code|voucher|coupon|sale))"
    r"|\bmonths?\s+of\s+cover\b"
    r"|\b(?:am|are)\s+(?:i|we)\s+(?:still\s+)?covered\b")
# a part broken off or apart, which no troubleshooting mends: "the zip broke", "the visor
# snapped off", "带子断了" (unlike "won't turn on", "不出雾": a fault to look into first)
breaks_apart = Cue(
    r"\b(?:snapped|broke(?:\s+off)?|broken\s+off|came\s+off|fell\s+off|came\s+apart"
    r"|fell\s+apart|split|ripped|torn)\b|断了|掉了|脱落|裂开|开裂|扯坏|撕坏|撕裂")
# the item swapped for a new one or another size: "能换个新的吗", "换货", "can I exchange it",
# "swap it for a new one" (of what arrived: the returns policy's exchanges, not the order)
asks_exchange = Cue(
    r"换(?:个|一个|一件|一台)?新的|换货|调换|换(?:个|一个)?(?:大|小)一?(?:号|码)"
    r"|\bexchange\b|\breplacement\b|\bswap\s+(?:it|them)\b|\b(?:get|send)\s+(?:me\s+)?a\s+new\s+one\b")
# the time of its coming: "when it arrives", "once they're delivered"
ONCE_IT_ARRIVES = (r"\b(?:when|once|after)\s+(?:it|they)\s+(?:arrives?|comes?|gets?\s+here"
                   r"|(?:is|are|'s)\s+delivered)\b")
# a supposition, not a request: "if I don't like it when it arrives, can I return it?"
hypothetical = Cue(
    r"\bif\b|" + ONCE_IT_ARRIVES + r"|\bin\s+case\b"
    r"|的话|如果|万一|(?<![主只还就也都])要是|假如|到了以后|收到(?:以|之)?后|到时候|等(?:到了|收到|到货)|到货(?:以|之)?后")
# turning the parcel away at the door: "到时候拒收", "refuse the delivery", "what if I just
# don't accept it when the courier turns up?"
refuses_delivery = Cue(r"拒收|拒签|\brefus(?:e|ing)\s+(?:the\s+|to\s+accept\s+the\s+)?"
                       r"(?:parcel|package|delivery)\b"
                       r"|\b(?:don'?t|do\s+not|won'?t|not)\s+(?:just\s+)?accept\s+(?:it|them|the\s+"
                       r"(?:parcel|package|delivery|box))\s+(?:when|once|at\s+the\s+door)\b")
# part of the money kept back: "还是要扣运费", "do you deduct the shipping"
asks_deduction = Cue(
    r"扣(?:掉)?(?:运费|钱|手续费|费用|邮费)|\bdeduct|\b(?:minus|less)\s+(?:the\s+)?(?:shipping|fee)"
    r"|\btake\s+(?:off|out)\s+(?:the\s+)?(?:shipping|fee|postage)")
# a condition asked about: "what if I already opened it?", "如果拆了呢"
asks_what_if = Cue(r"\bwhat\s+(?:about\s+)?if\b|^\W*(?:and\s+)?if\b|如果|万一|要是")
# a complaint named as one: "I want to complain", "我要投诉", "给个说法"
# (a loss to be made good is more than a return settles: "这个损失你们怎么算", "compensation")
names_a_complaint = Cue(r"\bcomplain|\bcomplaint|投诉|举报|给(?:我)?个说法|要个说法|差评|"
                        + "|".join(re.escape(words) for words in LOSS_MADE_GOOD))
# why a refund or a return was turned down: "为啥拒绝 我就用了一次", "why was it rejected?"
asks_why_refused = Cue(
    r"(?:为啥|为什么|凭什么|怎么)[^，。？?]{0,6}(?:拒绝|驳回|不通过|没通过|不给退|不能退)"
    r"|(?:拒绝|驳回|拒)了?[？?！!\s]*(?:为啥|为什么|凭什么)"
    r"|\bwhy\b[^.?!]{0,30}\b(?:rejected|refused|declined|turned\s+down|denied)\b"
    # why the amount is less than paid: "为啥是57 我买的时候69啊", "why only 45?"
    r"|(?:为啥|为什么|怎么)(?:只有|才|就|是)?\s*\d+(?:\.\d+)?|怎么(?:少了|只退了?)"
    r"|\bwhy\s+(?:is\s+it\s+)?(?:only|just)\s+[€$£¥]?\d|\bwhy\s+(?:did\s+i\s+)?(?:only\s+)?get\s+"
    r"(?:back\s+)?(?:only\s+)?[€$£¥]?\d")
# how much comes back: "how much do I actually get back after the courier fee?", "扣完运费能
# 退多少", "到手多少"
asks_amount_back = Cue(
    r"\bhow\s+much\b[^?.!]{0,40}\b(?:get|getting|come|coming)\s+back\b"
    r"|\bhow\s+much\s+(?:will|would|do|does|can)\s+i\s+(?:get|receive)\b"
    r"|\bwhat\s+(?:do|would|will)\s+i\s+(?:actually\s+)?get\s+back\b"
    # "so what would actually land back in my account?"
    r"|\b(?:what|how\s+much)\b[^?.!]{0,25}\b(?:land|lands|come|comes)\s+back\b"
    r"|\bhow\s+much\b[^?.!]{0,30}\brefund(?:ed)?\b|\bdid\s+i\s+get\s+(?:the\s+)?(?:full|whole|all)\b"
    r"|\b(?:get|getting)\s+(?:the\s+)?(?:full|whole)\s+(?:price|amount|refund|money)\b"
    # "so that's the whole 15.98 back, yeah? no postage taken off?"
    r"|\b(?:whole|full|entire)\s+(?:[€£$¥]\s?)?\d+(?:[.,]\d+)?\s+back\b"
    r"|\b(?:postage|shipping|fee|anything)\s+(?:taken|deducted|knocked)\s+off\b"
    r"|(?:能|可以|会|可)?退(?:回|给我|我)?多少|到手多少|扣(?:完|掉)[^，。？?]{0,8}多少|退(?:给我)?几(?:块|元)")
# the amount of what was just told of, asked again: "how much was it ah? forgot already",
# "退了多少来着"
asks_how_much_it_was = Cue(
    r"\bhow\s+much\s+(?:was|is)\s+(?:it|that)\b|多少钱来着|(?:退了|是)多少(?:钱)?来着|退了多少")
# the refund paid to someone else's or another account: "can the refund go to my husband's
# Alipay?", "退款能直接打到我老公的支付宝吗" (the policy: back the way it was paid)
asks_refund_elsewhere = Cue(
    r"\b(?:refund|money)\b.{0,30}?\b(?:go|goes|sent|paid|put|transferred|refunded)?\s*(?:to|into|onto)\s+"
    r"(?:a\s+different|another|some\s*one\s+else'?s|(?:my\s+)?(?:husband|wife|partner|son|daughter"
    r"|mum|mom|dad|friend|brother|sister)'?s?)\s+(?:\w+\s+)?(?:card|account|paypal|bank|alipay|wallet)"
    r"|退(?:款|的钱)?.{0,6}(?:打|退|转|汇)到(?:我)?(?:老公|老婆|爱人|家人|朋友|别人|孩子|儿子|女儿|爸|妈"
    r"|另一|另外|其他|别的)")
# why a refund came to less than was paid: "why is it £3.95 less than what I paid?",
# "为啥只退了78" (the return fee the rules keep, not the refund's progress)
asks_why_less = Cue(
    r"\b(?:less|lower)\s+than\s+(?:what\s+)?(?:i|we)\s+paid\b|\bwhy\s+(?:did\s+i\s+|was\s+i\s+)?"
    r"(?:only|just)\s+(?:get|got|refunded|receive|received|\d)|\bwhy\s+(?:was|were|is)\s+"
    r"(?:\w+\s+){0,3}(?:short|docked|deducted)\b"
    # the sum put against what was paid: "it says 96.02 though and I paid 99.97 - where's
    # the rest gone?", "少了的钱去哪了"
    r"|\bwhere(?:'s|\s+is|\s+has|\s+did)\s+the\s+(?:rest|difference|remainder|missing)\b"
    r"|\bwhat\s+happened\s+to\s+the\s+(?:rest|difference|other)\b"
    r"|(?:为啥|为什么|怎么|咋)(?:只|才)退(?:了|给我)?|少退了|退少了|(?:差的|少的|剩下的)(?:那)?(?:钱|部分)?(?:去哪|哪去)")
# how to get an item to the shop, asked: "送修的话整车怎么寄", "要寄回去吗", "how do I send
# it in?" (after a fault: the warranty's way; after a return: the return's)
asks_how_to_send_in = Cue(
    r"送修|寄修|返修|(?:怎么|如何|咋)(?:寄|送|发)(?:回|过去|给你们)?|(?:要|需要|得)(?:我)?寄回(?:去)?(?:吗|么|嘛)"
    r"|\bhow\s+(?:do|should|can|would)\s+i\s+(?:send|post|ship|get)\s+(?:it|them|this|the\s+\w+)\s+"
    r"(?:in|back|over|to\s+you)\b|\bsend\s+(?:it|them)\s+in\b")
# what went back with a return, asked of it: "did the chain checker go back in that box
# too?", "那个也一起退回去了吗"
asks_what_went_back = Cue(
    # (what must go back is the terms': "does the good one have to go back with it?")
    r"\b(?:did|has|have)(?!\s+to\b)\s+(?:the\s+|my\s+)?[\w\s-]{0,30}?\b(?:go|gone|come)\s+back\b"
    r"|(?:也|都)(?:一起|一块)?退(?:回去|回来)?了(?:吗|么|没)")
