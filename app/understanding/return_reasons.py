"""Why a shopper sends something back, in English and Chinese.

The policy prices a return by its reason (a faulty item comes back free), so the
reason is a slot. These are ordinary words of shopping in either language, not any
store's; the first reason that fits, in the order below, wins: "arrived broken" is
damage, not a change of mind.
"""

from __future__ import annotations

import re

from app.policy import ReturnReason
from app.understanding.answer_cues import HOLDS
from app.understanding.damage_in_use import damage_is_a_fault

_REASONS: tuple[tuple[ReturnReason, re.Pattern[str]], ...] = (
    ("wrong_item", re.compile(
        r"\bwrong\s+(?:item|product|one|colou?r|model|thing)\b|\bnot\s+what\s+i\s+ordered\b"
        r"|\bsent\s+(?:me\s+)?the\s+wrong\b|\bdifferent\s+(?:item|product)\b"
        r"|\bordered\b.{1,30}(?<!never\s)(?<!not\s)(?<!n't\s)\b(?:got|received|came)\b"
        r"|\bordered\b.{1,50}\bbut\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:turned\s+up|showed\s+up|arrived|came)\b|\bordered\b.{1,60}\b(?:box|package|parcel)"
        r"\s+(?:had|has|contained|contains|came\s+with)\b|\bdifferent\s+(?:colou?r|size|model)\s+"
        r"(?:than|from)\b|\bnot\s+the\s+(?:colou?r|size|model)\s+i\s+ordered\b|\b(?:got|received)\s+(?:a|the)\s+\w+"
        r"\s+instead\b|\b(?:you\s+)?sent\b.{1,40}\bbut\s+i\s+(?:ordered|bought|chose|picked)\b"
        # "they sent pink instead of grey", "I definitely ordered grey"
        r"|\bsent\s+(?:me\s+)?(?:a\s+|the\s+)?[\w-]+(?:\s+[\w-]+)?\s+instead\s+of\b"
        # "should have been the AirPure 3200, but … there's a Mini 1100 inside instead"
        r"|\bshould(?:'ve|\s+have)\s+been\s+(?:the|a|an|my)\s+[^.?!]{0,120}\binstead\b"
        r"|\bi\s+(?:definitely|clearly|specifically)\s+(?:ordered|chose|picked)\b"
        # (not an order that is not theirs at all: "这单根本不是我买的 你帮我查查是谁的")
        r"|发错|错发|寄错|(?<!单)(?<!单根本)(?<!单压根)不是我(?:买|订|下单)的|(?:买|订|选)的是.{1,12}(?:收到|发来|寄来)的是"
        r"|(?:收到|发来|寄来)的是.{1,15}?[，,。\s]*(?:我|但我?|可我?|而我)(?:买|订|选|要)的是"
        # a label that is not what is inside: "bag marked M but the jersey inside says L"
        r"|\b(?:bag|box|package|packaging|packet|sleeve|tag)\s+(?:was\s+|is\s+)?(?:marked|labell?ed"
        r"|says?)\s+[\w-]+\s+but\b.{0,30}\b(?:inside|actually|it'?s|it\s+is|got|received|contains"
        r"|what\s+came)\b"
        # ... or a label inside it that says another size than the one ordered: "The sticker
        # inside the shell says size M, but my order was for an L"
        r"|\b(?:sticker|label|tag)\b[^.?!]{0,30}\bsays\s+(?:size\s+)?[\w-]+\s*,?\s+but\s+"
        r"(?:my\s+order\s+was\s+for|i\s+(?:ordered|bought|chose|picked))\s+(?!it\b|them\b)"
        r"|(?:袋子|包装|盒子|外盒|外包装)上?(?:写|标|印)(?:的是|着)"
        r"[^，。,.]{1,8}[，,\s]*(?:但|可|结果)?(?:里面|实际|拆开)"
        # a pair that is no pair: "both gloves are for the left hand", "两只都是左脚的"
        r"|\bboth\s+(?:\w+\s+)?(?:of\s+them\s+)?(?:are\s+)?(?:for\s+(?:the|my)\s+)?(?:left|right)[\s-]+(?:hand(?:ed)?|foot(?:ed)?|ones?|side)\b"
        r"|\btwo\s+(?:left|right)(?:-hand(?:ed)?)?\s+(?!turns?\b)[a-z]+|(?:都|全)是(?:左|右)(?:手|脚|耳)",
        re.I)),
    ("damaged", re.compile(
        r"\b(?:damaged|cracked|chipped|shattered|smashed|dented|scratched|torn|ripped|crushed|"
        r"leak(?:s|ed|ing)?|bent)\b|\b(?:a|with|has|have|got)\s+(?:\w+\s+)?cracks?\b"
        r"|\barrived\s+broken\b|\bbroken\s+(?:on|in)\s+(?:arrival|transit|delivery)\b"
        r"|破损|碎了|碎的|裂了|裂开|裂的|裂纹|裂痕|裂口|缺口|划痕|划伤|压坏|摔坏|磕坏|磕破|漏了|撕破"
        r"|包装坏|变形|破了|破洞|有个洞|烂了|开胶|凹痕|凹陷|凹坑|凹了|瘪了|磕碰|磕伤|摔裂"
        # crushed on the way: "外盒整个压扁了", "肯定是路上压的"
        r"|压扁|压碎|压断|压变形|压塌|(?:路上|运输|途中|快递)[^，。,.\s]{0,4}压(?:的|坏|了)"
        # cut open: "袖子被划了一道两厘米的口子", "a gash down the sleeve"
        r"|划开|划破|割破|割开|[道条个][^，。,.!！\s]{0,6}口子|\bgash(?:ed|es)?\b|\bslashed\b"
        r"|\bslit\s+(?:open|in|along|down|across)\b|\bcut\s+open\b"
        r"|\bdents?\b|\b(?:a|with|has|have|got)\s+(?:a\s+)?holes?\b|\bholes?\s+in\b"
        # a bag or a box burst open on the way: "came split right down the side"
        r"|\b(?:came|arrived)\s+(?:split|burst|ripped|torn|open)\b|\bsplit\s+open\b|\bburst\b"
        # "there's a split along the underneath", "a tear in the seam"
        r"|(?<!not\s)\b(?:a|with\s+a|has\s+a)\s+(?:\w+\s+)?(?:split|tear|rip)\s+"
        r"(?:along|down|across|(?:in|on|at)\s+(?:the|its|one)\b)"
        # soiled when it came: "a big black grease smear right across the back", "有油污"
        r"|\b(?:grease|oil|dirt|ink)\s+(?:smears?|stains?|marks?)\b|油污|污渍|脏兮兮",
        re.I)),
    ("defective", re.compile(
        # (not the rider's: "he's in hospital with a broken collarbone")
        r"\b(?:defective|faulty|broken(?!\s+(?:collar\s?bone|arm|leg|wrist|ankle|ribs?|bones?|finger"
        r"|toe|nose|hand|foot|hip|heart|shoulder|elbow|knee|neck|back|jaw))|snapped|malfunction\w*|doa)\b"
        r"|\bdoes(?:n'?t| not)\s+work"
        r"|\b(?:stopped|not|isn'?t|won'?t)\s+(?:working|work|charg\w*|turn\w*\s+on|switch\w*\s+on)"
        r"|\bstopped\s+(?:heating|cooling|spinning|blowing|pumping|lighting\s+up|making\s+\w+)\b"
        # a reading that no longer moves: "the gauge is stuck at 3 bar ... the needle doesn't move"
        r"|\b(?:gauge|needle|dial|display|reading|meter)\b[^.?!]{0,20}\b(?:stuck\s+(?:at|on)\s+\d"
        r"|(?:doesn'?t|won'?t|does\s+not|will\s+not)\s+move)\b|\b(?:display|screen)\b[^.?!]{0,30}\b(?:is|stays"
        r"|went|goes)\s+(?:\w+\s+)?(?:blank|dead|dark)\b|黑屏|屏幕(?:不亮|没(?:有)?显示|什么都不显示)"
        # a loose part heard: "one wheel rattles now"
        r"|\brattl(?:es|ed)\b|\brattling\s+(?:now|inside|noise|sound)\b"
        r"|\bzip(?:per)?\b[^.?!]{0,20}\b(?:has\s+)?split\b|\bzip(?:per)?\b[^.?!]{0,40}\bopens?\s+(?:up\s+)?again\b"
        # what a device does, given up: "the collar has stopped following the dog"
        r"|\bstopped\s+(?:following|tracking|updating|connecting|syncing|recording|responding"
        r"|detecting|dispensing|registering|measuring|locking|latching|sealing)\b"
        r"|\b(?:won'?t|doesn'?t|does\s+not|will\s+not)\s+(?:lock|latch|seal|stay\s+(?:shut|closed|locked))"
        r"\s+(?:any\s*more|at\s+all|properly)\b"
        r"|\bquality\s+(?:issue|problem)|\b(?:poor|bad|terrible|awful|horrible|low|cheap)\s+quality"
        # water got in where it should not: "fog inside the casing", "进水了", "里面起雾"
        r"|\b(?:fog|condensation|moisture|water)\s+(?:\w+\s+)?(?:inside|in\s+the\s+(?:casing|case|housing"
        r"|screen|lens))\b|\bfogged\s+up\s+inside\b|(?<!掉)(?<!会)进水了|进了水|里面(?:起雾|有水汽|有水珠)"
        # it cannot be added to the app at all: "添加不上", "提示已被其他账号绑定" (an app that
        # will not connect is the app's to troubleshoot)
        r"|(?:添加|绑定|配对)不上|已被(?:其他|别的)账号绑定"
        # ... unless put right by the shopper already, to no avail: "恢复出厂设置也没用"
        r"|(?:恢复出厂(?:设置)?|重置|复位)(?:了)?[^，。,.]{0,3}(?:也|都|还是)(?:没用|不行|不管用|没反应)"
        r"|\b(?:a\s+)?(?:factory\s+)?reset\w*\b[^.?!]{0,30}\b(?:didn'?t|did\s+not|doesn'?t|hasn'?t)\s+"
        r"(?:help|fix|work|change)|\btried\s+(?:a\s+)?(?:factory\s+)?reset\w*\b[^.?!]{0,20}\bstill\b"
        # split where it should hold: "the holster has split right at the rivet"
        r"|\b(?:has|have|had|'s|is|are)\s+(?:\w+\s+)?split\s+(?:right\s+)?(?:at|along|down|open|in)\b"
        # called a fault outright, or a part that will not hold: "That's a fault, not me
        # changing my mind", "the zip won't stay up"
        r"|\b(?:that'?s|it'?s|this\s+is)\s+(?:a\s+|clearly\s+a\s+|obviously\s+a\s+)?(?:fault|defect)\b"
        r"|\b(?:won'?t|doesn'?t|does\s+not|will\s+not)\s+stay\s+(?:up|closed|shut|done\s+up|in\s+place)\b"
        r"|\bquality\s+is\s+(?:poor|bad|terrible|awful|horrible)|\b(?:fell|falling|came|coming)\s+apart\b"
        r"|\b(?:coming|came|come)\s+(?:unstuck|undone|loose|unglued|unstitched)\b|\bpeel(?:s|ed|ing)?\s+off\b"
        # a strap or a seam that let go: "one side just let go", "the handle gave way"
        r"|\b(?:strap|handle|seam|side|buckle|clip|zip(?:per)?|stitching)\b[^.,;]{0,20}\b(?:let\s+go"
        r"|gave\s+way)\b|\b(?:stitched|sewn)\s+(?:shut|closed|together)\b|缝死了?"
        # a socket come loose: "底座的type-c口松了 线要歪着插才通电", "一碰就断"
        r"|(?:口|接口|插口|底座|支架|卡扣|螺丝)[^，。,.\s]{0,3}松(?:了|动|掉)|(?:一碰|一扯|一拉|一拽)就(?:要)?(?:断|掉|灭|关|停|开|松|脱)"
        # a strip or a coating lifting off: "反光条整条起边翘起来了", "表面起皮了"
        r"|起边|翘边|翘起来|起皮|(?:掉色|褪色)(?:了|严重)"
        r"|\bno\s+(?:sound|power|picture|signal)\b|没(?:有)?声音|不出声"
        # rain let through what should keep it out: "骑了二十分钟 后背全湿透了 说好的防水呢"
        r"|湿透|不防水|透水|漏雨|\bsoak(?:s|ed|ing)?\s+through\b|\bnot\s+(?:water|rain)-?proof\b"
        r"|\bkeeps?\s+(?:switching|turning|shutting|cutting)\s+(?:itself\s+)?(?:off|out|down)\b"
        # a switch-off that never comes: "doesn't click off when it boils"
        r"|\b(?:doesn'?t|does\s+not|won'?t|never)\s+(?:click|switch|turn|shut|cut)\s+(?:itself\s+)?off\b"
        r"|\bkeeps?\s+(?:stopping|shutting\s+(?:off|down)|turning\s+off|cutting\s+out|dying)\b"
        r"|\b(?:stopped|won'?t|doesn'?t|does\s+not)\s+(?:hold(?:ing)?|tak(?:e|ing))\s+(?:a\s+)?charge"
        r"|\berror\s+(?:code\s+\w{1,6}|[A-Z]{1,2}\d{1,4})\b|漏水|渗水|报错|故障码|自动关机|自己关机"
        r"|\b(?:rattl\w*|grinding|clicking|strange|weird|loud|funny)\s+(?:nois\w*|sound\w*)"
        # "started making a high-pitched whine on day two"
        r"|\b(?:started|starts|begun|began|now)\s+(?:making|giving\s+off)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?"
        r"(?:whine|squeal|screech|hum|buzz)\b"
        r"|不出(?:热风|风|水|雾|气|热)|不加热|不制冷|不转了|异响|有杂音|漏电|不充电"
        # a warning light still on after the fix was tried: "洗了叶轮 装回去还是红灯", "put it
        # back, still red" (the light alone is for the articles to explain)
        r"|还是红灯|\bstill\s+(?:flashing\s+|blinking\s+)?red\b"
        # ... or its error code: "filled it again, and it still says E2", "还是报E11"
        r"|\bstill\s+(?:says|shows|showing|flashing|displays|displaying|gives|giving)\s+(?:error\s+)?"
        r"[A-Z]{1,2}\d{1,3}\b|还是(?:报|显示)[A-Z]{1,2}\d{1,3}"
        r"|坏了|坏的|质量问题|质量(?:太|很|极)?差|质量不好|做工(?:太|很|极)?(?:差|不好|粗糙)|有问题|不能用|用不了|(?<!系统)(?<!网络)(?<!网站)(?<!页面)(?<!支付)(?<!服务器)故障|失灵|不工作|不亮|充不进|开不了机"
        r"|没反应|断了|是断的|断掉了|断成[两几]截|掉漆|开线|脱胶|按不动|时好时坏|接触不良|(?:电池|质量|性能)不行了"
        r"|(?:闪|亮)红灯|红灯(?:一直)?闪|\b(?:light|ring|led)\s+(?:is\s+|keeps\s+)?flashing\s+red\b"
        # a button that does nothing: "温度键按了没用", "the button does nothing"
        r"|(?:键|按钮|开关|按键)[^，。,.]{0,3}按了?(?:也)?没用"
        r"|\b(?:button|switch|setting|remote)s?\b[^.,]{0,20}\b(?:does|do)\s+nothing\b"
        # on and off by itself, stuck on a setting, a mode gone: "only respond now and then",
        # "got stuck on full blast", "skips the 200 lumen mode"
        r"|\b(?:only|just)\s+(?:respond|work)s?\s+(?:now\s+and\s+then|sometimes|occasionally)\b"
        r"|\bintermittent(?:ly)?\b|\b(?:got|gets|get|is)\s+stuck\s+on\s+(?:full|max\w*|high|one)\b"
        r"|\bskips?\s+(?:the\s+)?[\w ]{0,20}?\bmode\b"
        # a seam come open: "掌心的缝线就开了", "the seam split after two rides"
        r"|缝线[^，。,.]{0,3}开|脱线|开胶|\bseams?\s+(?:has\s+)?(?:split|ripped|burst|came\s+apart"
        r"|come\s+apart|coming\s+apart|opened)\b|\bstitching\s+(?:has\s+)?(?:came|come|coming)\s+"
        r"(?:apart|undone|loose)\b"
        r"|自己(?:跳|关|停|断电|重启)|就没电了|\b(?:turns?|switch(?:es)?|shuts?)\s+(?:itself\s+)?off\s+by\s+itself\b"
        r"|\bbattery\s+(?:dies|drains|doesn'?t\s+last|won'?t\s+hold)"
        r"|\bkeeps?\s+(?:blinking|flashing|beeping|restarting|rebooting|switching\s+off)\b"
        r"|\b(?:only|barely)\s+gets?\s+(?:lukewarm|warm)\b|\bdoesn'?t\s+(?:get|heat\s+up)\s+hot\b"
        # a part that does not do its job: "the lid doesn't close properly", "不通电"
        r"|\b(?:does(?:n'?t| not)|won'?t|will not|can'?t|cannot|isn'?t|is not|not)\s+"
        r"(?!fit)(?:\w+\s+){1,2}(?:properly|correctly)\b"
        r"|\b(?:won'?t|doesn'?t|does not|will not)\s+(?:start|power\s+(?:on|up)|heat|spin|boot"
        r"|close|shut|lock|open|turn)\b"
        r"|不通电|通不了电|不启动|启动不了|开不了|关不上|合不上|盖不上|盖不严|锁不上|不好使"
        # a part come off: "拉链头直接掉了 拉不上", "the zip pull came off"
        r"|(?:拉链|拉头|扣子|纽扣|卡扣|按钮|把手|提手|轮子|零件|配件|盖子|挂钩|吸盘|防滑点|胶点|涂层"
        r"|印花|贴片|logo|标志|织带|带子|绑带|肩带)[^，。,.]{0,8}(?:掉了|掉下来|脱落|脱出来?|断了"
        r"|(?:老是|总是|一直|经常)掉|起皮|剥落)"
        r"|拉不上|扣不上|\b(?:zip(?:per)?|button|handle|wheel|clasp|buckle|strap)\s+(?:pull\s+)?"
        r"(?:has\s+)?(?:came|come|fell|fallen|snapped)\s+off\b"
        r"|不灵了|不动了|不运转|停转|卡住了|卡死|死机|黑屏|打不着|不出热|不制热"
        # a screen gone wrong: "屏幕中间有一条竖着的黑线", "dead pixels"
        r"|坏屏|花屏|坏点|屏幕?[^，。,.!?！？]{0,10}(?:黑线|竖线|横线|亮线)"
        r"|\bdead\s+pixels?\b|\blines?\s+(?:on|across|down)\s+the\s+(?:screen|display)\b"
        r"|\b(?:broke|burn(?:ing|t)\s+smell|smok(?:es|ing)|sparks?|sparking)\b"
        r"|坏掉|焦糊|焦味|烧焦|糊味|冒烟|冒火花|打火"
        # food or a consumable gone bad: "结块发霉了", "smells off", "weevils in it"
        r"|发霉|霉了|长毛了|变质|馊了|发臭|臭了|有异味|怪味|生虫|有虫|过期了|哈喇味?"
        r"|(?:有|长|爬出|生)(?:小)?虫(?:子)?|(?:小)?虫(?:子)?在爬"
        # dye that runs in the wash: "第一次洗就掉色", "the colour ran in its first wash"
        # a coating that comes away: "内胆的涂层一块块往下掉", "the non-stick is flaking"
        r"|(?:涂层|镀层|漆面|不粘层)[^，。,.]{0,8}(?:掉|脱落|剥落|起皮|起泡)"
        r"|\b(?:coating|non-?stick|plating|enamel)\b[^.,]{0,20}\b(?:peel\w*|flak\w*|chipp\w*"
        r"|coming\s+off|came\s+off|bubbl\w*)"
        r"|掉色|褪色|串色|\b(?:dye|colou?rs?)\s+(?:ran|runs|bled|bleeds|bleeding|running)\b"
        # ... or rubs off on what it touches: "the straps are rubbing pink dye off onto
        # everything", "颜色染到白衬衫上了"
        r"|\b(?:rubb\w*|com\w*|transferr\w*)\s+(?:\w+\s+)?(?:dye|colou?r)\s+(?:off|on)\w*\b"
        r"|\bdye\s+(?:rubs?|rubbing|rubbed|comes?|coming|came)\s+off\b|(?:颜色|色)染(?:到|在)[^，。,.]{0,8}上"
        r"|\b(?:mou?ldy|mou?ld\s+(?:on|in)|spoiled|spoilt|rotten|rancid|smells?\s+(?:off|bad|rotten))\b"
        # (a link, a code or a password that expired is no spoiled goods)
        r"|^(?!.*\b(?:link|code|coupon|voucher|password|session|offer|promo|token)s?\b)"
        r".*?\b(?:expired|out\s+of\s+date)\b|\b(?:bugs|insects|weevils|maggots)\s+in\b"
        # what harms the one using it (a rash from a cream) is handled as a fault: the
        # policy's exceptions for faulty items apply, opened or not
        r"|\b(?:allergic|skin|bad)\s+reaction\b|\ballerg(?:y|ic)\b|\brash\b|\bhives\b"
        r"|\birritat(?:ed|ion|es|ing)\b|过敏|红疹|起疹|疹子|刺痛|烂脸|红肿", re.I)),
    ("not_as_described", re.compile(
        r"\bnot\s+as\s+(?:described|pictured|advertised)\b"
        r"|\b(?:is|looks?|was)\s+(?:very\s+|totally\s+|quite\s+)?different\s+(?:from|than|to)\s+"
        r"(?:the|your)\s+(?:website\s+|site\s+|product\s+|online\s+)?(?:photos?|pictures?|images?"
        r"|description)\b|\bdoesn'?t\s+match\s+the\s+"
        r"(?:description|photo|picture)|与描述不符|和描述不|(?:和|跟|与)(?:图片|照片|详情页)(?:不|差)|色差"
        r"|货不对板"
        # what the listing promised, set against what came: "The listing says hard clumps??"
        r"|\b(?:listing|description|product\s+page|advert|ad)\s+(?:says|said|claims|claimed|promises"
        r"|promised)\b[^.!\n]{0,60}(?:\?\?|!\?|\?!|\bbut\b)"
        r"|(?:详情页|商品页|宣传|描述)(?:上|里)?(?:写|说|标)(?:的|着)?[^，。]{0,20}(?:结果|但是?|可是|实际上?)",
        re.I)),
    ("wrong_size", re.compile(
        r"\btoo\s+(?:small|big|large|tight|loose|short|long)\b|\b(?:doesn'?t|does not)\s+fit\b"
        r"|\bwrong\s+size\b|尺码不|太小|太大|偏小|偏大|(?<!年纪)(?<!岁数)(?<!年龄)(?<!变)大了|(?<!变)小了|不合身"
        r"|穿不下|不合适"
        # tight or loose on the body, not a plug come loose ("插头松了")
        r"|(?:有点|太|偏|穿着|戴着|稍微|略|比较|有些)(?:紧|松)",
        re.I)),
    ("changed_mind", re.compile(
        r"\bchanged\s+(?:my\s+)?mind\b|\bno\s+longer\s+need\b|\bdon'?t\s+(?:need|want|like)\s+it\b"
        # (not how it should be kept: "I don't want it sat on the doorstep in the rain")
        r"(?!\s+(?:sat|sitting|left|lying|to\s+(?:be|get|sit)|getting|on\s+the|outside|in\s+the"
        # ("I don't want it repaired, I want my money back": how, not whether, it goes back)
        r"|repaired|fixed|mended|replaced|swapped|exchanged))"
        r"|\bfound\s+(?:it\s+)?cheaper\b|\b(?:gone|went)\s+off\s+(?:it|them|the)\b|\bnot\s+for\s+me\b"
        r"|\b(?:bought|ordered|got)\s+(?:one|two|a\s+few|\d+)\s+too\s+many\b"
        r"|\b(?:ordered|bought)\s+(?:it\s+|them\s+)?(?:by\s+mistake|twice)\b"
        r"|\baccidentally\s+(?:ordered|bought)\b"
        # more of a thing than wanted: "way brighter than I need", "overkill for me"
        r"|\b\w+er\s+than\s+i\s+(?:need|needed|wanted)\b|\bmore\s+than\s+i\s+need\b"
        r"|\boverkill\b"
        r"|\bnot\s+(?:the\s+\w+\s+|what\s+)i\s+(?:expected|wanted|thought)\b"
        r"|不是我想要的|(?:跟|和)(?:我)?想(?:象|的)(?:的)?不一样"
        r"|不想要了|不需要了|不(?:太|怎么)?喜欢|不要了|买多了|多买了|拍多了|多拍了|买重了|拍重了"
        r"|后悔|用不上|用不着|用不到",
        re.I)),
)


# "滤芯没拆", "still sealed": what some policies take back only unopened
_UNOPENED = re.compile(
    r"\b(?:unopened|un-opened|still\s+(?:sealed|in\s+(?:the|its)\s+(?:box|packaging|wrapping|plastic|wrapper))"
    r"|(?:never|not|haven'?t|didn'?t|hasn'?t\s+been)\s+(?:been\s+)?(?:opened|unwrapped|unsealed|used)"
    r"|(?:seal|packaging|wrapping)\s+(?:is\s+)?(?:still\s+)?intact)\b"
    r"|(?:没|未|没有|还没)(?:拆|拆开|拆封|开封|开过|拆过|用过)|全新未拆|包装完好|原封", re.I)


def says_unopened(text: str) -> bool:
    return _UNOPENED.search(text) is not None


# "sorry, wrong one - I meant the pump order": the shopper named the wrong order, not the
# shop that sent the wrong thing
_OWN_SLIP = re.compile(
    r"\b(?:sorry|oops|whoops|my\s+bad|my\s+mistake)\W{0,3}\s*(?:that'?s\s+the\s+)?wrong\s+(?:one|order|number)\b"
    r"|\bwrong\s+(?:one|order|number)\b(?=[\s\W]{0,4}(?:sorry\W{0,3}\s*)?i\s+mean)", re.I)


# a fault said loosely: dead or died, of the thing or a part of it ("the mains side of it
# is dead"), not of a pet or a person; "something's badly off with our PawTrack". Said
# alone it may be a setting to find ("completely dead?? … it was the lock"); said with
# the goods or the money wanted back, it is why they go back
_LOOSE_FAULT = re.compile(
    r"\b(?:it|it'?s|its|one|thing|battery|screen|display|motor|pump|unit|charger|light|bulb|power)"
    r"\s+(?:is\s+|has\s+|just\s+|completely\s+|totally\s+|now\s+|gone\s+|went\s+)*(?:dead|died)\b"
    r"|\bsomething'?s?\s+(?:is\s+)?(?:badly\s+|seriously\s+|really\s+|very\s+)?(?:off|wrong)\s+"
    r"with\s+(?:the|our|my|this|his|her)\s+(?!order|delivery|parcel|refund|account|payment|bill)",
    re.IGNORECASE)
_WANTED_BACK = re.compile(r"\b(?:return|refund|money\s+back|send\s+(?:it|them)\s+back"
                          r"|post\s+(?:it|them)\s+back|get\s+my\s+money)", re.IGNORECASE)


# a fault denied: "没有质量问题，就是…用不过来", "nothing wrong with it, I just changed my mind"
# (read as no fault at all, not as the fault the words name)
_FAULT_DENIED = re.compile(
    r"(?:没有|没|并没有|不是|也不是|并不是|倒不是)(?:什么|任何)?(?:质量|产品)?(?:问题|毛病|故障)"
    r"|没(?:有)?坏|不是坏(?:了|的)|(?:质量|东西)(?:本身)?(?:没|没有)(?:问题|毛病)"
    r"|\bnothing(?:'s|\s+is)?\s+wrong\s+with\s+(?:it|them|the\s+\w+)\b"
    r"|\b(?:isn'?t|aren'?t|is\s+not|are\s+not|not)\s+(?:faulty|broken|defective)\b"
    r"|\bno\s+(?:fault|defect|quality\s+(?:issue|problem))s?\b|\bworks?\s+(?:fine|perfectly)\b",
    re.IGNORECASE)


# the reasons that are the item's fault, not the shopper's mind changed
FAULTS: frozenset[ReturnReason] = frozenset({"defective", "damaged", "wrong_item",
                                             "not_as_described"})


def a_fault_told_anew(text: str, reason: ReturnReason | None) -> bool:
    """"Hold on, the zip won't stay up. That's a fault, not me changing my mind" while a
    return waits: the return explained anew, whatever "not" and "no" it says."""
    return reason in FAULTS and bool(HOLDS(text))


# an allergy the pet or the shopper has, or fears, not a reaction the goods caused: "我家狗对
# 鸡肉过敏 你们这个羊肉的吃了会不会过敏", "she's allergic to chicken"
_A_CONDITION = re.compile(
    r"对[^，。,.!?！？\s]{1,8}过敏|(?:会不会|怕|容易)过敏|过敏(?:吗|么|不)"
    r"|\b(?:is|am|are|'s|'m|'re)\s+allergic\s+to\b|\ballerg(?:y|ies)\s+to\b", re.I)


def find_return_reason(text: str) -> ReturnReason | None:
    text = _A_CONDITION.sub(" ", _FAULT_DENIED.sub(" ", _OWN_SLIP.sub(" ", text)))
    for reason, pattern in _REASONS:
        if pattern.search(text):
            if reason == "damaged" and damage_is_a_fault(text):
                return "defective"
            return reason
    if _LOOSE_FAULT.search(text) and _WANTED_BACK.search(text):
        return "defective"
    return None
