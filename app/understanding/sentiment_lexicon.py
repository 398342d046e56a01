"""Cue words for :mod:`app.understanding.sentiment`, English and Chinese.

Kept small and precise: every entry is a cue a customer-service agent would read the
same way in an e-commerce chat. English entries match whole words (case-insensitive);
Chinese entries match as substrings, so they are chosen long enough not to hit inside
ordinary words (no bare "差", which is in "差价", nor "靠", which is in "靠谱").
"""

from __future__ import annotations

# insults and profanity: one of them makes a message angry
INSULTS: frozenset[str] = frozenset({
    "scam", "scammer", "scammers", "fraud", "frauds", "rip-off", "ripoff", "wtf", "bullshit",
    "crap", "crappy", "shit", "shitty", "fuck", "fucking", "idiot", "idiots", "stupid",
    "morons", "incompetent", "liar", "liars", "thieves", "disgusting", "pathetic",
    "垃圾", "骗子", "坑人", "坑爹", "气死", "什么破", "破玩意", "恶心", "傻逼", "傻X", "sb客服",
    "妈的", "他妈", "尼玛", "无良", "黑心", "奸商", "欺诈", "扯淡", "有病", "脑残", "滚",
    "什么鬼", "搞什么鬼", "忍无可忍", "去死", "废物",
})

# strong negative words: frustration, not yet abuse; each one is also a complaint
STRONG_NEGATIVE: frozenset[str] = frozenset({
    "ridiculous", "worst", "unacceptable", "terrible", "horrible", "awful", "useless", "fuming",
    "outrageous", "furious", "fed up", "sick of", "sick and tired", "what a joke", "rubbish",
    "this is a joke", "insane", "absurd", "thanks for nothing", "damn", "angry", "rude", "livid",
    "离谱", "太过分", "过分", "差劲", "太差", "极差", "最差", "敷衍", "气人", "气到", "气愤",
    "火大", "烂透", "太烂", "坑", "受够了", "烦死", "欺骗", "骗人", "搞什么", "太坑", "无语",
    "服了",
    "什么玩意", "虚假宣传", "失去信心", "阴阳怪气", "😡", "🤬", "😠", "💢",
})

# mild negative words: a problem or a worry, which a bot can often just solve
MILD_NEGATIVE: frozenset[str] = frozenset({
    "bad", "disappointed", "disappointing", "unhappy", "upset", "annoyed", "annoying",
    "frustrated", "frustrating", "broken", "damaged", "defective", "torn", "cracked",
    "delayed", "wrong", "poor", "missing", "slow", "worried", "concerned", "unfortunately",
    "not happy", "not satisfied", "impatient",
    "失望", "不满意", "不满", "糟糕", "郁闷", "着急", "烦", "太慢", "好慢", "很慢", "慢死",
    "坏了", "破损", "碎了", "有问题", "质量差", "服务差", "态度差", "很差", "真差", "不好用",
    "发错", "少发", "漏发", "不合适", "难用", "伤心", "生气", "不耐烦", "褪色", "瑕疵",
    # the goods judged, however strongly, is a reason to send them back, which a return
    # settles; read before the bare strong word they hold ("太差", "terrible")
    "质量太差", "质量极差", "质量很差", "质量差劲", "做工太差", "做工极差", "做工很差", "做工差",
    "做工不好", "做工粗糙", "用料太差", "材质太差", "terrible quality", "awful quality",
    "horrible quality", "poor quality", "bad quality", "quality is terrible", "quality is awful",
    "quality is horrible",
})

POSITIVE: frozenset[str] = frozenset({
    "great", "awesome", "love", "loved", "perfect", "excellent", "happy", "good", "nice",
    "amazing", "helpful", "wonderful", "fantastic", "satisfied", "pleased", "glad",
    "太好了", "满意", "不错", "很好", "喜欢", "给力", "棒", "赞", "好评", "完美", "开心",
    "好用", "神速",
})

# negated ("not satisfied", "不太满意"), these voice dissatisfaction: a complaint
SATISFIED: frozenset[str] = frozenset({"satisfied", "happy", "pleased", "满意"})

# gratitude: ends many plain requests ("where is it? thanks"), so it weighs half
THANKS: frozenset[str] = frozenset({
    "thanks", "thank you", "thx", "appreciate", "appreciated", "谢谢", "感谢", "多谢", "辛苦了",
})

# a loss to be made good, which no action pays and no return settles: "这个损失你们怎么算",
# "I want compensation" (a complaint, and one named as such)
LOSS_MADE_GOOD: tuple[str, ...] = ("赔偿", "损失你们", "这个损失", "这损失", "compensation",
                                   "compensate me", "compensate us",
                                   # a bill of theirs the shop is to answer for
                                   "钱你们得负责", "钱你们要负责", "你们得负责", "你们要负责",
                                   "你们负责赔", "reimburse me", "cover the vet", "pay the vet",
                                   # part of the money back for goods kept: no action
                                   # refunds part, a person decides what to offer
                                   "partial refund", "part refund", "and i keep it",
                                   "and i'll keep it", "and i can keep it",
                                   "keep it for a discount", "部分退款", "退一部分", "补偿点",
                                   "补点钱", "退点钱")

# dissatisfaction with the shop or its service, and problems no action solves, which
# routing hands to a person. A bare problem ("arrived broken", "还没到", "扣了两次") is no
# complaint: the actions solve it.
COMPLAINT: frozenset[str] = frozenset({
    "complaint", "complain", "complaining", "grievance", "not happy", "not satisfied",
    "not acceptable", "not ok", "not okay", "poor service", "terrible service", "bad service",
    "no one replied", "nobody replied", "no one responded", "nobody responded",
    "no one answers", "nobody answers", "expected better", "third time", "disappointed",
    "disappointing", "unhappy", "upset", "waste of time", "wasting my time", "3rd time",
    "i'm done", "im done", "i've had it", "had it with", "had enough", "fed up",
    "投诉", "不满", "不满意", "失望", "没人理", "没人回复", "没人解决", "说好的", "态度差",
    "服务差", "给个说法", "给我个说法", "要个说法", "反映一个问题", "反映个问题", "反映个事",
    "反映一下", "跟你们反映", "举报", "踢皮球",
    "答非所问", "浪费我时间", "浪费时间", "怎么把关", "提个意见", "严肃的意见",
    # the service for show, not the shopper's own unused purchase ("窝买了也是摆设")
    "客服是摆设", "客服就是摆设", "是摆设吗", "热线是摆设", "电话是摆设",
    "就卖这种东西", "你们怎么回事", "这合适吗", "真够可以的", "品控", "第二次了", "第三次了",
    "上点心", "纸糊的", "说好", "态度很差", "态度太差", "态度恶劣", "态度不好", "行不行啊",
    "到底行不行",
    # who answers for the damage done: "耽误我行程谁负责", "who is responsible for this"
    "谁负责", "谁来负责", "谁赔", "耽误我", "耽误了我", "who is responsible", "who's responsible",
    "who will compensate", "ruined my",
    *LOSS_MADE_GOOD,
    # someone else's details in the shopper's parcel: a privacy slip for a person to take up
    "somebody else's name", "someone else's name", "somebody else's address",
    "someone else's address", "somebody else's details", "someone else's details",
    "别人的地址", "别人的信息", "别人的快递单", "别人的名字",
    # the service mocked: "你们客服除了说不行还会点啥？", "is that all you can say?"
    "除了说不行", "只会说不行", "就会说不行", "还会点啥", "还会干啥", "还会点什么",
    "all you ever say is no", "all you say is no", "is that all you can say",
    # a used item sold as new: an accusation for a person to answer, whatever comes back
    "拿二手", "二手货当", "当新品卖", "当新的卖", "当全新卖", "用过退回来的", "别人用过退回",
    "这么做生意", "sold me a used", "sent me a used", "sent me a second-hand",
    "sold me a second-hand", "passed off as new",
    # something left out of the parcel: no action sends it, a person has to
    "少发", "漏发", "缺件", "missing from the box", "missing from my order",
    "missing from the parcel", "missing from the package", "wasn't in the box",
    "was not in the box", "not in the box",
})

# a request for a human: phrases (regular-expression fragments), both languages
WANTS_HUMAN: tuple[str, ...] = (
    r"\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a|an|some|the|your|someone)?\s*(?:real\s+|live\s+"
    r"|actual\s+)?(?:person|human|agent|representative|rep|manager|supervisor|operator|people"
    r"|somebody|someone)\b",
    r"\b(?:real|live|actual)\s+(?:person|human|agent|people)\b",
    r"\bhuman\s+(?:agent|being|support|please)\b",
    r"\b(?:customer\s+service\s+)?representative\b",
    r"\b(?:get|give|connect|transfer|put)\s+me\s+(?:to|through\s+to|with)?\s*(?:a|an|the|your)?"
    r"\s*(?:human|person|agent|manager|supervisor|someone)\b",
    r"\btransfer\s+me\b",
    # "please pass me to a person who can arrange it", "hand this over to a colleague"
    r"\b(?:pass|hand)\s+(?:me|this|it|my\s+case)\s+(?:on\s+|over\s+|through\s+)?to\s+"
    r"(?:a|an|the|your|one\s+of\s+your)?\s*(?:real\s+)?(?:person|human|agent|colleague|manager"
    r"|supervisor|someone|somebody|staff)\b",
    r"\b(?:i\s+(?:want|need)|let\s+me\s+speak\s+to)\s+(?:a|an|the|your)?\s*"
    r"(?:human|manager|supervisor|someone)\b",
    r"转人工", r"人工客服", r"人工服务", r"找人工", r"要人工", r"人工(?!智能)[\s！!。]*$",
    # (not "every staff member is getting a desk purifier": a staff member asked for)
    r"\ba\s+human\b", r"\b(?:a|another|one|your)\s+staff\s+member\b", r"\bescalat(?:e|ed|ion)\b",
    r"\bto\s+(?:a|your|the)\s+(?:manager|supervisor)\b",
    r"\bsomeone\s+from\s+your\s+(?:team|company|staff)\b",
    # "I want to report it to a person on your team please, not the bot"
    r"\bto\s+a\s+(?:real\s+)?(?:person|human)\s+(?:on|from|in|at)\s+your\s+(?:team|side|end|staff)\b",
    r"[,;-]\s*(?:and\s+)?not\s+(?:the|a|your)\s+(?:bot|chatbot|robot)\b",
    # "I'd like a person on your side to check this out"
    r"\b(?:i'?d\s+like|i\s+would\s+like|i\s+want|i\s+need)\s+(?:a|an)\s+(?:real\s+)?(?:person"
    r"|human|staff\s+member|member\s+of\s+(?:staff|your\s+team))\b",
    # "I'd like to talk that through with someone", "go over it with one of your staff"
    r"\b(?:talk|go)\s+(?:(?:it|this|that|things|everything)\s+)?(?:through|over)\s+"
    r"(?:(?:it|this|that|things|everything)\s+)?with\s+"
    r"(?:someone|somebody|a\s+person|one\s+of\s+(?:you|your))\b",
    r"\bis\s+anyone\s+(?:actually\s+)?there\b",
    # "this needs looking at by somebody who can actually do something about it"
    r"\b(?:someone|somebody|a\s+person|anyone)\s+who\s+(?:can|could)\s+(?:actually\s+|really\s+)?"
    r"(?:do\s+something|do\s+anything|help|sort\s+(?:this|it)|fix\s+(?:this|it)|decide)\b",
    # "is there someone in accounts I can talk to directly?", "anyone I could speak with"
    r"\b(?:someone|somebody|anyone|a\s+person)\b[^.?!]{0,30}\b(?:i|we)\s+(?:can|could)\s+"
    r"(?:talk|speak|chat)\s+(?:to|with)\b",
    r"有(?:没有)?(?:人|同事|专人)(?:可以|能)(?:直接)?(?:沟通|对接|聊|谈|联系)",
    r"^\W*(?:agent|operator|representative|human)(?:\W+(?:agent|operator|representative|human))*\W*$",
    r"真人", r"活人", r"人类", r"(?:叫|找|让)你们(?:的)?(?:经理|领导|主管|负责人|老板)",
    # (not who the writer says they are: "我是轮语客服部主管")
    r"(?<!是)(?<![部组])主管",
    r"客服经理", r"人工坐席", r"转人功", r"人工(?:在哪|介入|来)", r"转(?:个|一个|一下)?人工",
    r"(?:客服|售后|工作|值班)人员", r"客服小姐姐", r"找个人", r"要人[\s。！!]*$", r"(?:跟|和)人聊",
    r"能解决问题的人", r"(?:不想|不要|别)(?:跟|和|让)?\s*(?:AI|机器人|机器)",
    # a person of the shop demanded to act: "Somebody needs to trace the payment with your
    # bank", "somebody with access to the payments has to check this"
    r"\b(?:someone|somebody)\s+(?:(?:with|from|in|at)\s+[^.?!,]{1,40}?\s+)?(?:needs\s+to|has\s+to"
    r"|must|ought\s+to)\s+(?:\w+\s+){0,2}?(?:check|trace|look\s+(?:into|at)|call|ring"
    r"|sort|fix|investigate|contact|chase|explain)\b",
    # ... or to be in touch: "can someone from your accounts side get in touch"
    r"\b(?:can|could)\s+(?:someone|somebody)\s+(?:(?:from|in|at|on)\s+[^.?!,]{1,30}?\s+)?"
    r"(?:please\s+)?(?:chase|look\s+into|trace|investigate|call\s+me|ring\s+me|get\s+in\s+touch"
    r"|contact\s+me|email\s+me|reach\s+out)\b",
    # "please get a person to deal with this", "get someone on your side to take this up"
    r"\b(?:get|find|have)\s+(?:(?:a|an|some|one\s+of\s+your)\s+(?:real\s+)?(?:person|human|manager|supervisor"
    r"|staff\s+member|colleagues?)|(?:someone|somebody)\s+(?:on|from|at)\s+your\s+(?:side|end|team))\s+to\s+"
    r"(?:deal|look|handle|sort|check|call|contact|chase|take\s+(?:this|it)\s+up)\b",
    # a call asked for: "could someone give me a ring?", "能不能找人给我打个电话"
    r"\b(?:someone|somebody|a\s+person|one\s+of\s+(?:you|your\s+\w+))\s+(?:to\s+)?(?:just\s+)?(?:give\s+me\s+a\s+"
    r"(?:ring|call|bell)|call\s+me|ring\s+me|phone\s+me)\b",
    r"(?:找|让|安排)?(?:个)?(?:人|客服|同事)(?:直接)?给我(?:回|打)(?:个)?电话",
    # one person of the shop asked for again: "上次帮我处理发票的那位客服小周今天在吗 我还想找她",
    # "is the agent who helped me last week in today?"
    r"(?:那位|那个|上次的?)(?:客服|同事)[^，。！？]{0,12}(?:在吗|在不在|在么|今天在)"
    r"|客服小[\u4e00-\u9fff](?:今天)?(?:在吗|在不在|在么)|(?:还想|想|要)找(?:她|他)(?=[\s，,。！!]|$)",
    r"\b(?:agent|person|lady|guy|woman|man|colleague)\s+(?:who|that|i)\s+(?:helped\s+me|dealt\s+with"
    r"|spoke\s+(?:to|with)|chatted\s+with)\b[^.?!]{0,40}\b(?:there|in\s+today|available|around"
    r"|working|on\s+today)\b",
)

# "are you a bot?", "你是真人吗": a question about who answers, not yet a request for a
# person (the reply says who answers and offers one)
ASKS_IF_BOT: tuple[str, ...] = (
    r"\bare\s+you\s+(?:just\s+)?(?:a\s+|an\s+)?(?:bot|robot|machine|ai|chatbot|"
    r"(?:real\s+)?(?:person|human))\b",
    r"\bam\s+i\s+(?:talking|chatting|speaking)\s+(?:to|with)\s+(?:a\s+)?(?:bot|robot|machine"
    r"|real\s+person|human)\b",
    r"你是(?:不是)?(?:机器人|真人|人工|AI|机器)", r"(?:是|你)(?:机器人|真人)(?:吗|嘛|么|啊|\?|？)",
    r"机器人(?:吗|嘛|么)", r"真人(?:吗|嘛|么)", r"自动回复(?:吗|嘛|么)",
    # "请问是真人在回复吗", "是人工在聊吗"
    r"是(?:不是)?(?:真人|人工|机器人)在(?:回复|回答|回|聊|打字)",
)

# a threat to leave, escalate, dispute or go public
THREATENS_TO_LEAVE: tuple[str, ...] = (
    r"\bnever\s+(?:buy(?:ing)?|order(?:ing)?|shop(?:ping)?)\s+(?:here|from\s+you|with\s+you"
    r"|again)\b",
    r"\bnever\s+again\b",
    r"\b(?:won'?t|will\s+not)\s+(?:ever\s+)?(?:buy|order|shop)\b",
    r"\blast\s+time\s+i\s+(?:buy|order|shop)\b",
    r"\b(?:take|taking)\s+my\s+business\s+elsewhere\b",
    r"\bchargeback\b", r"\bdispute\s+(?:the|this|it|with)\b",
    # "I'm opening a PayPal dispute", "I'll raise a claim with my bank"
    r"\b(?:open|opening|file|filing|raise|raising|start|starting)\s+(?:a\s+)?(?:paypal\s+|bank\s+"
    r"|card\s+)?(?:dispute|claim\s+with\s+(?:paypal|my\s+bank|my\s+card))\b",
    # word of mouth: "I'll be sure to tell everyone how helpful you've been"
    # (the shop doing it is no threat: "forward it so you can warn other customers")
    r"(?<!\byou\s)(?<!\bcan\s)(?<!could\s)"
    r"\b(?:tell|warn)\s+(?:everyone|everybody|all\s+my\s+(?:friends|followers|colleagues)"
    r"|(?:all\s+)?(?:my\s+)?(?:friends|followers)|other\s+(?:people|customers|shoppers))\b"
    # (told in a review of the shop's own: "I'd like to tell other people how it was packed.
    # is there a deadline for posting a review?")
    r"(?!.{0,80}\b(?:post(?:ing)?|leav(?:e|ing)|writ(?:e|ing))\s+(?:a|my)\s+review)",
    r"\breport\s+(?:you|this|your)\b", r"\b(?:bbb|better\s+business\s+bureau|ftc)\b",
    r"\bconsumer\s+(?:protection|rights|ombudsman|council|association|agency|authority)\b",
    r"\b(?:trading\s+standards|ombudsman|trustpilot)\b",
    r"\b(?:go|going)\s+to\s+the\s+(?:press|media|police|regulator)\b",
    # (not "I hold lasting power of attorney for my mother")
    r"\b(?:lawyer|(?<!power\sof\s)attorney|sue|lawsuit|legal\s+action|small\s+claims)\b",
    r"\b(?:bad|negative|1-star|one-star|1\s+star|one\s+star)\s+review\b",
    r"\buninstall",
    r"再也不(?:买|来|会买|在你们)", r"以后不(?:买|来)", r"不会再买", r"最后一次(?:买|在)",
    # a bad review to come, not one given already and asked to be taken down ("打了个差评
    # … 能帮我删了吗")
    r"卸载", r"(?<!了)(?<!了个)(?<!了一个)(?<!那条)(?<!那个)(?<!的)差评(?![^，。,.!?！？]{0,8}删)",
    r"12315", r"消协", r"消费者协会", r"工商局?", r"市场监管", r"曝光",
    r"律师", r"起诉", r"告你们", r"投诉到", r"找媒体", r"报警", r"法院", r"黑猫投诉", r"拉黑",
    # an ultimatum, and going public: "今天不给个说法我就发小红书", "posting it all over reddit"
    r"不给(?:我)?(?:个|一个)?说法",
    # (said as what will be done: "发朋友圈配图用" is a post of one's own, no threat)
    r"(?:就|要|会|去|得)(?:发|晒)(?:到|在|上)?(?:小红书|微博|抖音|朋友圈|网上|大众点评|知乎)",
    r"挂(?:到|在|上)?(?:小红书|微博|抖音|朋友圈|网上|大众点评|知乎)",
    r"(?:小红书|微博|抖音|朋友圈|网上|大众点评|知乎)[^，。,.!?！？]{0,6}挂出(?:来|去)",
    r"让大家(?:都)?(?:看看|评评理)",
    r"\b(?:i'?ll|i\s+will|i'?m\s+going\s+to|gonna|i'?m)\s+(?:be\s+)?post(?:ing)?\s+(?:it|this"
    r"|about\s+(?:it|this|you))?\s*(?:on|all\s+over)\s+(?:twitter|x|facebook|instagram|tiktok"
    r"|reddit|social\s+media)\b",
)

# someone hurt, or the goods a danger: no return settles it, a person has to look at it.
# Said as what happened, so a question ("could it burn a child?") is none
HARMED: tuple[str, ...] = (
    r"\b(?:i|we|he|she|they|my\s+\w+)\s+(?:got|was|were|have\s+been|has\s+been)\s+"
    r"(?:badly\s+|slightly\s+)?(?:hurt|injured|burn(?:ed|t)|shocked)\b",
    r"\bhurt\s+(?:myself|himself|herself|themselves|(?:my|his|her)\s+\w+)\b",
    r"\b(?:bruised|sprained|scraped|cut)\s+(?:my|his|her|their)\s+\w+",
    r"\b(?:caught|catching)\s+fire\b", r"\bburst\s+into\s+flames\b",
    r"\b(?:started|began)\s+(?:smoking|sparking)\b",
    r"\b(?:got|gave\s+(?:me|him|her|us))\s+an?\s+(?:electric\s+)?shock\b",
    r"(?:受伤|摔伤|烫伤|划伤|割伤|烧伤|触电|起火|着火|冒烟)了",
    r"(?:把|给)(?:我|孩子|宝宝|小孩|猫|狗|它)\S{0,3}(?:烫伤|划伤|割伤|烧伤|电到)",
)

# polite markers soften the anger of an otherwise negative message
POLITE: frozenset[str] = frozenset({
    "please", "could you", "would you", "kindly", "appreciate", "thank you", "thanks",
    "请", "麻烦", "谢谢", "不好意思", "您", "劳驾", "辛苦",
})

# never counted: they contain cue words but mean something else
NEUTRAL_IDIOMS: frozenset[str] = frozenset({
    "不好意思", "没问题", "no problem", "no worries", "麻烦", "good morning", "good afternoon",
    "good evening", "good night", "坑位",
    # a trap avoided, thanks to the answer: "谢谢你帮我避了个坑"
    "避坑", "避了个坑", "避了坑", "避开坑", "避开了坑", "踩坑前",
    # the matter called odd by the shopper, not the shop: "Slightly ridiculous one: our cats…"
    "ridiculous one", "silly one", "daft one",
    "不满足", "满足", "垃圾桶", "垃圾箱", "垃圾邮件", "当垃圾", "当成垃圾",
    "垃圾短信", "垃圾袋", "倒垃圾", "扔垃圾", "丢垃圾", "垃圾分类", "生活垃圾",
    "rubbish bin", "rubbish bag", "rubbish bags", "rubbish collection",
    "我妈的", "她妈的", "老妈的", "妈妈的", "爸妈的", "爹妈的", "他妈妈", "岳父母的",
    # someone's mum, not a curse: "他那支是给他妈买的"
    "给他妈", "帮他妈", "跟他妈", "和他妈", "他妈买", "他妈用",
    # the shopper's own slip, not an insult: "like an idiot I put my own name as reference"
    "like an idiot", "i'm an idiot", "i am an idiot", "i'm such an idiot", "idiot me",
    "stupid me", "i'm so stupid", "silly me", "my own stupid", "我真傻", "怪我自己",
    # a fraudster's text or call the shopper got, not the shop: "scam then, blocked the number"
    "scam text", "scam message", "scam email", "scam call", "scam link", "scam then",
    "诈骗短信", "诈骗电话", "骗子短信", "骗子电话", "骗子网站",
    # ... or the caller, named so: "那就是骗子了 你们官方的客服电话是多少"
    "那就是骗子", "那是骗子", "那肯定是骗子", "遇到骗子", "遇上骗子", "骗子冒充", "骗子打来",
    "短信就是骗子", "短信是骗子", "电话就是骗子", "链接就是骗子",
})

# common acronyms in upper case are not shouting
ACRONYMS: frozenset[str] = frozenset({
    "USB", "LED", "UPS", "USPS", "DHL", "FEDEX", "EMS", "ETA", "ASAP", "USD", "CNY", "RMB",
    "SMS", "PDF", "VAT", "FAQ", "API", "APP", "PRO", "SKU", "ID", "OK", "TV", "XL", "XXL",
    "EU", "USA", "NYC", "PIN", "OTP", "QR", "GPS", "AM", "PM",
})
