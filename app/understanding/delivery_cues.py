"""Cues of an order's delivery, in English and Chinese: where it is, which courier has
it, whether a question is about delivery at all, and a parcel gone wrong in the
courier's hands (for a person to take up with the courier)."""

from __future__ import annotations

from app.understanding.cue import Cue

asks_where = Cue(
    r"(?<!change\s)(?<!changing\s)\bwhere(?:\s+exactly|\s+on\s+earth)?(?:'s|\s+is|\s+are|'re|\s+r)\b"
    # asked indirectly: "can you tell me where my PawTrack is?"
    r"|\bwhere\s+(?:my|our|the|his|her)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:is|are)\b|\bwhen\s+(?:will|does|do|is|can|should)\b.{0,40}?"
    r"\b(?:arrive|come|get\s+(?:here|there|to\s+me)|be\s+(?:here|delivered)|ship|deliver)"
    r"|\b(?:when(?:'s|\s+is|\s+are|'re)|is|are)\s+(?:it|they|my\s+\w+|the\s+\w+|that|this)\s+"
    r"(?:arriving|coming|getting\s+here|being\s+delivered|due|shipping)\b"
    r"|\b(?:on\s+(?:its|their|the)\s+way|out\s+for\s+delivery)\b"
    # asked within a sentence: "pls tell me when the dryer will send out / will arrive"
    r"|\bwhen\s+(?:[\w'-]+\s+){1,5}?(?:will|would|can|could)\s+(?:be\s+)?"
    r"(?:sen[dt]\s+out|ship(?:ped)?|dispatch(?:ed)?|arrive|reach\s+(?:me|here))\b"
    # "when's it landing?" (not money: "when will the refund land")
    r"|\bwhen(?:'s|\s+is|\s+are|\s+will|\s+does|\s+do)\s+(?:it|they|the\s+(?!refund|money)\w+)\s+"
    r"(?:land|landing|turn\s+up|turning\s+up)\b"
    r"|\bhow\s+(?:close|near|far\s+(?:away|off))\s+(?:is|are)\s+(?:it|they|my\s+\w+|the\s+"
    r"(?:order|parcel|package|delivery))\b"
    # "GLS still has it, or is it nearly with me?", "has the lock gone out the door yet?"
    r"|\b(?:nearly|almost)\s+(?:here|with\s+me|at\s+mine|at\s+my\s+door)\b"
    r"|\b(?:has|have)\s+(?:it|they|the\s+[\w\s]{1,25}?)\s+gone\s+out\b|\bstill\s+on\s+a\s+shelf\b"
    # "so when's it likely to be dispatched, roughly?"
    r"|\bwhen(?:'s|\s+is|\s+are)\s+(?:it|they|my\s+\w+|the\s+\w+)\s+(?:likely|expected|due|going"
    r"|supposed)\s+to\s+(?:be\s+)?(?:dispatch|ship|sen[dt]|arriv|deliver|leave)"
    # "how far has DHL got with it?"; "is my parcel going to arrive this week?"
    r"|\bhow\s+far\s+(?:has|have|is|are)\s+(?:[\w-]+\s+){1,3}?(?:got(?:ten)?|come|along)\b"
    r"|\b(?:is|are|will)\s+my\s+(?:parcel|package|order|delivery|stuff)\s+(?:going\s+to\s+)?"
    r"(?:arrive|get\s+here|come(?!\s+with)|turn\s+up|be\s+(?:here|delivered))\b"
    r"|\b(?:is|are)\s+(?:my|the|that|this)\s+(?:[\w'#-]+\s+){1,5}?still\s+(?:coming|arriving)\b"
    # "is the big purifier at least close?"
    r"|\b(?:is|are)\s+(?:it|they|my\s+|the\s+)(?:[\w-]+\s+){0,3}?(?:at\s+least\s+|getting\s+)?"
    r"(?:close|near)\s*(?:by\s*)?\?"
    r"|\b(?:did|has)\s+(?:my|the)\s+(?:\w+\s+){0,3}order\s+(?:go|gone)\s+through\b"
    r"|\b(?:has|have|did)\s+(?:it|they|that|this|(?:my|the)\s+(?:[\w-]+\s+){0,2}[\w-]+)\s+(?:shipped"
    r"|been\s+shipped|left|arrived|been\s+sent|landed)"
    # (not the order described: "can the dryer that hasn't shipped yet go to the new flat?")
    r"|\b(?<!that\shasn't\s)(?<!which\shasn't\s)(?<!that\shasnt\s)(?<!that\shas\snot\s)"
    r"shipped\s+yet\b|\btracking\b|\btrack\s+(?:my|the|it|this|that|"
    r"order|package|parcel)\b|\bstatus\s+of\s+(?:my|the)\s+"
    r"(?:order|package|parcel|delivery)|\bnot\s+(?:arrived|here)\s+yet\b|\bstill\s+(?:not|hasn'?t)"
    # when it goes out of the shop's hands: "when will it leave you?", "has 4625 left your
    # warehouse yet?"
    r"|\bwhen\s+(?:will|does|do|can|is|are)\s+(?:it|they|my\s+\w+|the\s+\w+)\s+(?:\w+\s+){0,2}leave\s+"
    r"(?:you|your|the\s+(?:warehouse|depot|shop|store))\b"
    r"|\b(?:has|have|did)\s+\S+\s+(?:\w+\s+)?(?:left|leave)\s+(?:your|the)\s+(?:warehouse|depot)\b"
    # "wondering where it is now", "any sign of the poles?"
    r"|\bwhere\s+(?:it|they|my\s+\w+|the\s+\w+)\s+(?:is|are)\s+(?:now|at)\b"
    # "Just checking where it's at", "is my humidifier going to make it this week?"
    r"|\bwhere\s+(?:it'?s|they'?re)\s+(?:at|now)\b"
    r"|\b(?:is|are)\s+(?:it|they|my\s+\w+|the\s+\w+)\s+going\s+to\s+make\s+it\s+(?:by|for|this|before"
    r"|in\s+time)\b"
    # "is the robot vacuum nearly here?"
    r"|\b(?:is|are)\s+(?:it|they|my\s+[\w\s]{1,30}?|the\s+[\w\s]{1,30}?)\s+(?:nearly|almost)\s+here\b"
    r"|\bany\s+(?:sign|news|word|updates?)\s+(?:of|on|about)\s+(?:my|the|it|them|that|those)\b"
    r"(?!\s+(?:\w+\s+)?(?:refund|return|money|invoice))"
    # "when the white S7 is actually getting here"
    r"|\bwhen\b[^.?!]{0,40}?\b(?:is|are)\s+(?:actually\s+|finally\s+)?(?:getting\s+here|arriving)\b"
    # the number to follow it by, asked for: "那把顺丰单号给我" (not a refund's or invoice's)
    r"|(?<!退款)(?<!退货)(?<!发票)(?<!订)单号(?:给我|发(?:给)?我|是多少|多少|发一下)"
    r"|给我(?:个|一下|发个)?(?:快递|物流|运)?单号"
    r"|把[\u4e00-\u9fff]{0,4}(?<!退款)(?<!退货)(?<!发票)(?<!订)单号(?:给|发)"
    r"|到哪|到了没|到了吗|发货了[吗没]|发货没|发了[吗没]|发出(?:来|去)?了[吗没]|发出(?:来|去)了?没|(?<![我没])寄出|(?:什么|啥)时候(?:能)?(?:到|发货|送到|寄到)"
    # "改完了大概什么时候能发出？", "那它什么时候发" (not an invoice's "什么时候发给我")
    r"|(?:什么|啥)时候(?:能|可以|会)?发(?:出|走)?(?![票给])"
    r"|(?:哪天|什么时候|啥时候|几号|多久)(?:能|可以|会)?出库|出库了[吗没]"
    r"|几时到|(?:哪天|几号|多久)(?:才|能|可以)?(?:到|送到|寄到|发货)|还没(?:到|收到|发货)(?!的)|签收了[吗没]|签收没|送到了[吗没]|到了没有"
    # when it was delivered or sent: "哪天签收的", "when was it delivered"
    r"|(?:哪天|几号|什么时候|啥时候|哪一天)(?:签收|送到|发货|发出|寄出)的|签收(?:时间|日期)"
    r"|\bwhen\s+(?:was|were|did)\s+(?:it|they|my\s+\w+|the\s+\w+)\s+(?:get\s+)?(?:delivered|shipped|sent)\b"
    # the day it came, asked: "On which day exactly did DHL drop off the tyre?", "what date
    # did it arrive?"
    r"|\b(?:which|what)\s+(?:day|date)\b[^.?!]{0,25}\b(?:did|was|were)\b[^.?!]{0,40}"
    r"\b(?:drop(?:ped)?\s+(?:it\s+|them\s+)?off|deliver(?:ed)?|arrive[d]?|come|came|turn(?:ed)?\s+up)\b"
    # ... asked in a clause: "can you check ... when it was delivered"
    # ("could you tell me the day it was delivered to him?")
    r"|\b(?:when|the\s+(?:day|date))\s+(?:it|they|my\s+\w+|the\s+\w+)\s+(?:was|were|got)\s+"
    r"(?:delivered|shipped|sent)\b"
    r"|物流(?:信息|进度|状态|到哪)?|快递(?:到|单号|信息)|运单|追踪|查(?:一下|下)?(?:物流|快递)"
    # where it was left: "did it go to the right address?", "是不是送到旧地址了"
    r"|\b(?:got|was|been|went|gone|go|delivered|sent)\s+(?:delivered\s+)?to\s+(?:the\s+)?"
    r"(?:right|wrong|correct|old|my\s+old|previous|my\s+previous)\s+(?:address|flat|house|place|apartment)\b"
    r"|(?:送|寄|派送|投递)(?:到|去)?(?:了)?(?:旧|老|以前的?|原来的?|之前的?)(?:地址|家|那里)|送错(?:地址|地方)?了")
asks_courier = Cue(
    r"\b(?:which|what)\s+(?:courier|carrier|delivery\s+(?:company|service)|shipping\s+company"
    r"|post(?:al)?\s+service)|\bcarrier\b"
    # (not what the courier costs: "I'm guessing a courier charge comes off that one")
    r"|\bcourier\b(?!\s+(?:charges?|fees?|costs?))"
    # (not the seller named: "Amazon order, shipped by you lot")
    r"|\bshipped\s+(?:with|by|via)\b(?!\s+(?:you|your\s+(?:shop|store|warehouse|team)|yourselves))"
    # "who's bringing it and what number do I track?"
    r"|\bwho(?:'s|\s+is|\s+will\s+be)\s+(?:bringing|delivering|dropping\s+off)\s+(?:it|them)\b"
    r"|\bwhat\s+(?:number|code)\s+(?:do|can|should)\s+i\s+track\b"
    r"|哪(?:家|个)快递|什么快递|快递公司|哪家物流|用的什么快递|哪个物流")
# the words of a delivery: how long "it" takes is a delivery question only with them
# ("how long to pitch it alone", "骑车到重庆要几天" ask about something else)
about_delivery = Cue(
    r"\b(?:ship|deliver|arriv|dispatch|parcel|package|post(?:age|al)?\b|courier|order"
    r"|shipping|transit|track|receive|gets?\s+(?:it\s+)?(?:here|there|to\s+(?:me|us)))"
    r"|发货|发出|送(?:到|达|货)|到货|运(?:到|过去|输)|寄|快递|物流|配送|收到|签收|订单|下单"
    r"|(?:几天|多久|什么时候|才|能)到|到(?:[吗了没啊呀]|家)")
# a parcel gone wrong with the courier, which a person has to take up with it: tracking
# stalled, marked delivered but not received, lost, or "can you chase the courier?".
# "hasn't arrived yet" alone is a question of where it is, not this.
parcel_problem = Cue(
    r"\b(?:tracking|it|parcel|package|status|order)\b[^.?!]{0,30}?\b(?:hasn'?t|has\s+not|haven'?t"
    r"|have\s+not|not|didn'?t|doesn'?t)\s+(?:been\s+)?(?:updated?|moved|changed)\b"
    r"|\bno\s+(?:tracking\s+)?(?:updates?|movement)\s+(?:for|in|since)\b|\b(?:been\s+)?stuck\s+(?:in|at|for)\b"
    r"|\b(?:says|shows|marked|showing|shown)\s+(?:as\s+)?(?:it\s+was\s+|it'?s\s+)?delivered\b"
    r".{0,40}?\b(?:but|though|yet)\b|\bnothing\s+(?:at|on|outside)\s+(?:my|the)\s+"
    r"(?:door|doorstep|porch)\b|\b(?:parcel|package|it)\s+(?:is|was|got|has\s+been)\s+lost\b"
    r"|\blost\s+(?:in\s+(?:transit|the\s+post)|(?:my\s+)?(?:parcel|package))\b"
    r"|\b(?:chase|contact|call|ring)\s+(?:up\s+)?(?:the\s+)?(?:courier|carrier|delivery\s+company)"
    r"\b|\bchase\s+(?:it|them)\s+up\b"
    r"|(?:物流|快递|跟踪|信息|单号)(?:好几天|[几两三四五六七\d]+天|一直|好久)?(?:都)?(?:没|没有|不)(?:更新|动|变)"
    # "单号查了两天都没更新"
    r"|(?:物流|快递|单号).{0,4}?(?:查|看|刷)了?(?:好几天|[几两三四五六七\d]+天|好久).{0,2}?(?:没|没有|不)(?:更新|动|变)"
    r"|(?:显示|说|写着)(?:已经?)?(?:签收|送达|送到|到了|派送成功).{0,12}?(?:没|没有|未)(?:收到|拿到|看到)"
    r"|(?:没|没有|未)(?:收到|拿到).{0,12}?(?:显示|却|但)(?:已经?)?(?:签收|送达|到了)"
    r"|驿站.{0,10}?(?:没有|找不到|没找到|查不到)|丢件|(?:快递|包裹|件)(?:被)?(?:弄)?丢了"
    r"|催(?:一下|一催|催)?(?:快递|物流)|(?:帮我|你们)催(?:一下|一催|催)?|(?:帮我|你们)(?:联系|问问|问一下)(?:一下)?(?:快递|物流)")
# the shopper has the parcel, whatever the order's status says yet: "今天到了", "I got it"
says_it_arrived = Cue(
    r"(?:今天|昨天|刚刚?|已经)(?:到了|收到了?|签收了?)(?![吗没])|收到了(?![吗没])|到货了(?![吗没])"
    r"|\b(?:it|they|the\s+\w+)\s+(?:arrived|came)\s+(?:today|yesterday|this\s+morning)\b"
    r"|\b(?:i|we)\s+(?:got|received)\s+(?:it|them|the\s+\w+)(?:\s+(?:today|yesterday))?\b(?!\s*\?)")
# whether an order's items travel together: "是一起寄的吗", "两包都在一个包裹里吗", "will they
# ship together?" (the order's tracking says: one order, one parcel and number)
asks_shipped_together = Cue(
    r"一起(?:寄|发|发货|送|到)|(?:一个|同一个|一个箱子|同一)包裹|分开(?:寄|发|送)|分(?:几|两)个包裹"
    r"|\b(?:ship|shipped|sent|send|come|coming|arrive|arriving)\s+together\b"
    r"|\b(?:same|one)\s+(?:parcel|package|box|shipment)\b|\bseparate\s+(?:parcels|packages|shipments)\b"
    # ("or do I buy those separately?" asks nothing of the parcel)
    r"|\b(?:ship(?:ped)?|sent|send|come|coming|arrive|arriving|deliver(?:ed)?|post(?:ed)?)\s+"
    r"(?:\w+\s+)?separately\b")
# the address the account keeps, not an order's: "update the address on my account",
# "my default address", "账户里的地址改一下", "默认收货地址"
the_accounts_address = Cue(
    r"\baddress\s+(?:on|in|of|for|saved\s+(?:on|in))\s+(?:my|the)\s+(?:account|profile)\b"
    r"|\b(?:account|profile|default|saved)\s+(?:shipping\s+|delivery\s+)?address\b"
    r"|\baddress\s+book\b|(?:账户|账号|帐户|帐号|个人资料)(?:上|里)?的?(?:收货)?地址"
    r"|默认(?:的)?(?:收货)?地址|地址簿|收货地址(?:列表|管理)")
# the orders to come, as against the one under way: "so the next orders don't go to Rotterdam
# again", "以后的订单都寄到公司"
for_later_orders = Cue(r"\b(?:future|next|later|upcoming)\s+(?:orders|purchases|deliveries)\b"
                       r"|\b(?:orders|purchases)\s+(?:from\s+now\s+on|going\s+forward|in\s+future)\b"
                       r"|(?:以后|今后|往后|下次)(?:的|再)?(?:订单|下单|买)")
# customs and import duties on a delivery: the shop's shipping terms, whatever the order
asks_customs = Cue(
    r"\bcustoms\b|\bimport\s+(?:duty|duties|tax|taxes|vat)\b|\bduties\b|关税|进口税|清关|海关")
# what the shop's shipping offers and costs, as against how long delivery takes
asks_shipping_options = Cue(
    r"\b(?:express|faster|quicker|next[- ]day|same[- ]day|overnight|shipping\s+(?:options|methods"
    r"|cost|fee|price)|how\s+much\s+(?:is|does|for)\b.{0,25}\b(?:ship|deliver)|free\s+shipping"
    r"|(?:ship|deliver)\w*\s+(?:cost|fee)|arrive\s+(?:by\s+)?tomorrow|(?:cost|price)\s+to\s+ship"
    r"|postage\s+(?:go\s+up|cost|change|more|be)|(?:does|will|would)\s+(?:the\s+)?postage"
    r"|\b(?:deliver\w*|get\s+it|arrive|come)\s+(?:on\s+)?(?:a\s+)?(?:saturdays?|sundays?|weekends?)"
    r"|\bweekend\s+delivery"
    # "does adding the cage change anything on the shipping?"
    r"|\bchange\s+(?:anything|something)\s+(?:on|about|with|for)\s+(?:the\s+)?(?:shipping|postage"
    r"|delivery)\b"
    r"|is\s+there\s+(?:any\s+)?(?:postage|shipping|delivery\s+(?:charge|fee))"
    # "is delivery charged on that?", "is shipping free on it?"
    r"|\b(?:is|are)\s+(?:the\s+)?(?:delivery|shipping|postage)\s+(?:charged|free|included)\b"
    # "and what would Evri delivery be on just that?", "what would shipping be to Lyon?"
    r"|\bwhat\s+(?:would|will|does|is)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:delivery|shipping|postage)\s+"
    r"(?:be|cost|come\s+to)\b"
    # "is the bike still 29 to ship on its own?"
    r"|\b\d+(?:[.,]\d+)?\s+to\s+(?:ship|post|deliver)\b"
    # "and what's postage on that?"
    r"|\bwhat(?:'s|\s+is)\s+(?:the\s+)?(?:delivery|shipping|postage)\s+(?:on|for)\s+(?:that|this|it"
    r"|them|those|these)\b"
    # "with only the frame bag is the shipping still free?"
    r"|\b(?:shipping|postage|delivery)\s+(?:to\s+[A-Z][\w-]+\s+)?(?:still\s+|be\s+|stay\s+)?free\b"
    # "won't get me free delivery, right?", "do I qualify for free postage?"
    r"|\b(?:get|gets|getting|qualify|qualifies)\s+(?:me\s+|us\s+|for\s+)?free\s+(?:shipping|delivery"
    r"|postage)\b"
    # "would I pay for standard delivery on a collar on its own?"
    r"|\bpa(?:y|id)\s+(?:[€£$¥]?\d+(?:[.,]\d+)?\s+)?(?:for\s+)?(?:the\s+)?(?:standard\s+|express\s+)?"
    r"(?:delivery|shipping|postage)\b|\bship\s+(?:it\s+|things\s+)?(?:for\s+)?free\b)"
    r"|包邮|运费|加急|次日达|当日达|配送方式|快递费|邮费|明天(?:能)?(?:到|送到)|周末(?:能|可以)?(?:送|配送)")
# what an order must come to for free delivery: a question of buying, never of a return
asks_free_delivery_threshold = Cue(
    r"满多少(?:钱|元|块)?(?:才|就|可以|能)?包邮|包邮(?:门槛|标准|条件)|多少(?:钱|元)(?:才|就)?(?:能)?包邮"
    r"|\bfree\s+(?:shipping|delivery|postage)\s+(?:over|from|above|threshold|minimum)"
    r"|\bspend\s+(?:\w+\s+){0,3}(?:for|to\s+get)\s+free\s+(?:shipping|delivery|postage)"
    # "... free delivery, right? How much would I need to spend for that?"
    r"|\bfree\s+(?:shipping|delivery|postage)\b.{0,60}\bhow\s+much\s+(?:\w+\s+){0,4}spend\b")
# whether the shop delivers to a place at all (however long it takes): "do you even ship to
# China?", "can deliver to my cousin in KL or not", "寄到上海可以吗"; not to a place of one's
# own an order is to go to ("can you send it to my office")
asks_ships_there = Cue(
    r"\b(?:deliver(?:y|ies)?|shipping|post(?:age)?)\s+(?:\w+\s+){0,2}(?:reach|go\s+to|cover)\b"
    r"|\b(?:do|does|can|could|will|would)\s+(?:you|u|ya|they)?\s*(?:even\s+|also\s+|still\s+)?"
    r"(?:ship|deliver|send|post)(?:s|ing)?\s+(?:(?:out|over|abroad)\s+)?to\s+"
    # (to us where we are going is a place: "whether you will still deliver to us there")
    r"(?!(?:me|us)\b(?!\s+there\b)|my\s+(?:office|work|home|house|flat|new|other|old)\b"
    r"|the\s+same\b)"
    r"|(?:能|可以|能不能|可不可以)(?:寄|发|送|配送)(?:到|往)(?!我|家|公司|单位|吗|么|嘛|不|了|呢|[\s?？])"
    r"|(?:寄|发|送)(?:到|往)(?!我|家|公司|单位)[\u4e00-\u9fff]{1,6}(?:可以|行|能)(?:吗|不|么)")
asks_delivery_time = Cue(
    r"\bhow\s+(?:long|many\s+days)\b.{0,30}\b(?:ship|deliver|arrive|take|rec(?:ie|ei)ve|get\s+it)"
    r"|\bdelivery\s+time|\btransit\s+time"
    r"|多久(?:能)?(?:到|送达|发货)|几天(?:能)?(?:到|送达)|配送(?:时间|时效|要多久)"
    # by a day: "下周六之前能送到吗", "will it arrive before Saturday?"
    r"|(?:之前|以前|前)(?:能|可以)?(?:送到|送达|到货|收到)"
    r"|\b(?:arrive|get\s+(?:here|there)|be\s+(?:here|delivered))\s+(?:by|before)\s+(?:next\s+)?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
# its sending asked of, not the item: "今天能发出来吗", "will it ship today?"
asks_its_sending = Cue(r"发(?:出|货|走)|寄(?:出|到)|送(?:到|达)|到货|\bship(?:ped|s|ping)?\b"
                       r"|\bdispatch|\barriv|\bdeliver")
# a parcel stopped on its way back to the shop: "让顺丰把包裹拦回去", "can you intercept it?"
asks_intercept = Cue(r"拦(?:回|截|下来)|截回|\bintercept\w*|\b(?:recall|stop)\s+(?:the\s+|my\s+)?"
                     r"(?:parcel|package|delivery|shipment)\b")
# how the parcel is handed over, asked of the courier: "can I get Evri to bring it another
# day?", "I'd much rather it got left in the porch", "能改天送吗", "放门口就行"
# (wished or asked, not told: "a DPD parcel got left in my porch", "your parcel is on hold
# due to an unpaid redelivery fee")
asks_handover = Cue(
    r"\b(?:can|could|would|will|does|do|please|rather|prefer|happy\s+for|ok(?:ay)?\s+to|arrange|book"
    r"|request)\b[^.?!]{0,40}?(?:\b(?:another|a\s+different|a\s+later|other)\s+day\b"
    # "if nobody answers does the driver leave it next door or just take it away again?"
    r"|\bleave\s+(?:it|them)\s+(?:next\s+door|with\s+(?:a|the|my)\s+neighbou?r)\b"
    r"|\btake\s+(?:it|them)\s+(?:away|back)\s+again\b"
    r"|\bre-?deliver\w*|\b(?:left|leave|put)\s+(?:it\s+|them\s+)?(?:in|on|by|at|behind)\s+"
    r"(?:the\s+|my\s+|our\s+)?(?:porch|doorstep|shed|garage|safe\s+place|front\s+door|back\s+door)\b"
    r"|\bsafe\s+place\b)"
    r"|改天(?:再)?送|换(?:个|一)?(?:天|时间)(?:再)?送|(?:放|搁)(?:在)?(?:门口|门外|楼下)"
    # nobody in when it comes: "if no one answers the door, what does Royal Mail do with it?"
    r"|\b(?:no\s*one|nobody)\s+(?:answers|is\s+(?:home|in|there)|'s\s+(?:home|in))\b[^.?!]{0,60}"
    r"\bwhat\s+(?:does|do|will|would)\b|家里没人[^。？?]{0,12}(?:怎么办|会怎么|咋办)")
# a change the shopper will make themselves, through the courier: "我自己去京东App里试试改地址",
# "I'll sort the redirect with DPD myself"; what they ask of the shop is then the tracking
does_it_with_the_courier = Cue(
    r"\b(?:sort|change|redirect|arrange|deal\s+with|handle|fix|do)\b[^.?!]{0,40}\b(?:myself"
    r"|ourselves)\b|我自己[^，。,.!?！？]{0,15}?(?:改|弄|处理|联系|搞|打电话)")
