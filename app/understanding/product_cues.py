"""Cues of questions about a product: its properties and measures, how often a part is
changed, a fault shown by its code, products set side by side. Patterns of how people
ask, in either language, never a store's words (those come from its catalogue)."""

from __future__ import annotations

from app.understanding.cue import Cue
from app.understanding.return_cues import ONCE_IT_ARRIVES

asks_attribute = Cue(
    r"\bwhat\s+(?:colou?r|size|model|version)\b|\bwhich\s+(?:colou?r|size|model)\b"
    r"|什么颜色|哪个颜色|啥颜色|几号|多大(?:码|号)|什么(?:尺码|型号|规格)|哪(?:个|款|种)(?:型号|规格)")
# which one goes with another: "which spare-parts kit fits the E5?", "哪款刷头适用T6"
asks_what_fits = Cue(r"\bwhich\s+(?:[\w-]+\s+){0,4}?(?:fits?|goes\s+with|works\s+with"
                     r"|is\s+compatible\s+with)\b|哪(?:个|款|种)[^，。？?]{0,10}(?:适用|适配|能用在)")
# how big, long, heavy ... something is: a question about the item, not a request
asks_measure = Cue(r"\bhow\s+(?:big|long|tall|heavy|wide|large|small)\b|\bwhat\s+size\b"
                   r"|多[大长高重宽厚]")
# how something of it is: "how loud is it on the lowest setting", "how bright is the
# lamp", "声音大吗", "有多亮" (how long, much, many or often are questions of their own)
asks_how_it_is = Cue(
    r"\bhow\s+(?!long\b|much\b|many\b|often\b|soon\b|do\b|does\b|did\b|can\b|to\b|about\b)"
    r"[a-z]+\s+(?:is|are|does|do|will|would|can)\s+(?:it|they|this|that|these|those|the\s+\w+)\b"
    r"|(?:声音|噪音|噪声)(?:大|响|吵)|有多(?:大|长|高|重|宽|厚|亮|响|吵|热|快)|(?:亮|响|吵|重|烫|热)(?:吗|不)"
    r"|防不防水|耐不耐[用摔脏磨]|保不保暖|透不透气|结不结实|好不好用|准不准|软不软|硬不硬"
    # how far a setting of it goes: "最多能提前多少个钟头设", "what's the longest the timer can
    # be set?"
    r"|最(?:多|长|久|大|高|低|少|早|晚)(?:能|可以)[^，。,.!！?？]{0,8}(?:多少个?|几个?)"
    r"(?:钟头|小时|分钟|度|档|人|升|瓦|公斤|斤)|最(?:多|长|久)(?:能|可以)[^，。,.!！?？]{0,8}(?:多久|多长时间)"
    r"|\bwhat(?:'s|\s+is)\s+the\s+(?:longest|most|furthest|latest|earliest|max(?:imum)?|min(?:imum)?)\b"
    r"[^.?!]{0,40}\b(?:can|will|could)\b"
    # its output or its noise, measured: "what's the noise level at its slowest speed?", "how
    # many decibels", "出水速度怎么样 一分钟能出多少", "will one charge last the whole trip?"
    r"|\bwhat(?:'s|\s+is)\s+(?:the|its)\s+(?:noise|sound|volume|decibel|db)\s+level\b"
    r"|\bhow\s+many\s+(?:decibels|db|watts|litres|liters|ml|lumens)\b"
    r"|(?:一|每)(?:分钟|小时|天)(?:能|可以)?(?:出|加湿|喷|吹|烧|处理)多少"
    r"|\bwill\s+(?:one|a|the)\s+(?:full\s+)?charge\s+last\b"
    r"|\bhow\s+much\s+(?:\w+\s+)?(?:does\s+)?(?:it|that|this|the\s+\w+)\s+holds?\b")
# what it costs, asked in a few words: "how much?", "and the price?", "多少钱", "价格呢"
# ("how much" opening any sentence: "fair enough, I'll buy another. How much is a 4-pack?")
asks_price = Cue(r"(?:^|[.!?]\s+)\W*(?:and\s+|so\s+|ok\s+)?how\s+much\b|\bprice\b"
                 r"|\bwhat(?:'s|\s+is|\s+are)\s+(?:the|that|this|a|an|your)\s+[\w\s-]{1,30}?\s+going\s+for\b"
                 r"|\bwhat\s+(?:does|would|will)\s+(?:it|they|a\s+new\s+one|another(?:\s+one)?|one)\s+cost\b"
                 r"|多少钱|价格|价钱|几块钱|怎么卖"
                 # the price seen before, asked again: "is it still £44.99?", "还是299吗"
                 r"|\b(?:is|are)\s+(?:it|they|that|the\s+[\w-]+(?:\s+[\w-]+)?)\s+still\s+[£$€¥]\s?\d"
                 r"|还是\d+(?:\.\d+)?(?:元|块)?(?:吗|么|嘛)")
# a question about a property of a product ("is it waterproof?", "does it fold?")
asks_property = Cue(
    r"(?:^|[,.;!?—–]\s*|\b(?:and|but|so|also)\s+)(?:is|are|does|do|can|will|would)\s+"
    r"(?:it|they|this|that|these|those|the\s+\w+(?:\s+\w+)?)\b[^?]{0,40}\?")
# a yes-or-no question of a thing, in Chinese or after a colon or dash ("支架是装在把立上的
# 那种吗", "是不是漏气了", "...for my daughter: does it meet EN 1078?"), or whether the
# shopper may use it so ("am I allowed to run it on full power?")
asks_of_it = Cue(
    r"[:：—–-]\s*(?:is|are|does|do|can|will|would)\s+(?:it|they|this|that)\b[^?]{0,60}\?"
    r"|\bam\s+i\s+(?:actually\s+|even\s+)?(?:allowed|able|supposed|meant)\s+to\b[^?]{0,80}\?"
    r"|[^，。,.!?！？]{1,24}(?:吗|么|嘛)[\s?？。!！~]*$"
    r"|(?:是不是|会不会|有没有|支不支持)[^，。,.!?！？]{0,15}[\s?？。!！~]*$")
# ... which a write asked as a question is not: "那能换白色吗", "可以帮我改一下吗"
asks_a_write = Cue(r"(?:能|可以|能不能|可不可以|帮我)(?:给我|帮我)?(?:换|改|退|取消|加|减|寄|开)")
# ... and a change into another variant, asked or wished: "SO-87472 背带裤能换成L码吗", "想换成
# 大一号的" (not "台灯能改色温吗", a property)
asks_it_made_into = Cue(r"(?:能|可以|能不能|可不可以|帮我|想|要)(?:给我|帮我)?(?:换|改)成")
# two products set side by side: "S7跟E5差在哪", "what's the difference between..."
compares = Cue(
    r"\bdifferen(?:ce|ces|t)\s+(?:between|from)\b|\bcompared?\s+(?:to|with)\b|\bvs\.?\s|\bversus\b"
    r"|\bwhich\s+(?:one\s+|of\s+(?:the|them|these)\s+\w*\s*)?(?:is|would\s+be)\s+(?:better|quieter"
    r"|bigger|smaller|stronger|lighter)\b|差在哪|(?:有|有什么|有啥)区别|区别(?:是|在)|差别|有(?:什么|啥)不同"
    r"|哪个(?:好|更|比较)|对比一下|比较一下")
# how often a part is replaced or cleaned: "集尘袋多久换一次", "how often do I change it"
asks_how_often = Cue(
    r"\bhow\s+often\b|\bhow\s+long\s+(?:does|do|will)\s+(?:the|a|an|it|they|one)\b.{0,20}\blast\b"
    r"|\bhow\s+many\s+(?:days|hours|weeks|months)\s+(?:does|do|will)\s+(?:the|a|an|it|they|one)\b"
    r".{0,20}\blast\b"
    # "the cutting heads, when do those need swapping out?"
    r"|\bwhen\s+(?:do|does|should|will)\s+(?:those|they|it|these|the\s+\w+)\s+need\s+"
    r"(?:swapping|replacing|changing|cleaning)\b"
    r"|多久(?:要|需要|得)?(?:换|更换|清洗|清理|洗)|多长时间(?:换|更换|清洗)|(?:换|更换|清洗)一次|几个月换")
# a fault shown as a code: "一直报E11", "shows E2", "error code 05"
shows_error_code = Cue(
    r"(?:报|显示|提示|亮|闪|跳)(?:错|了)?\s*[A-Za-z]{1,2}\d{1,3}(?!\d)|故障码|错误码|报错"
    r"|\berror\s*(?:code\s*)?[A-Za-z]{0,2}\d{1,3}(?!\d)|\berror\s+codes?\b"
    r"|\b(?:shows?|showing|displays?|flash(?:es|ing)?)\s+(?:an?\s+)?(?:error\s+)?[A-Z]{1,2}\d{1,3}\b"
    r"|\b[A-Z]{1,2}\d{1,3}\s+(?:error|code)\b")
# a question about what to do or why ("how do I reset it", "是不是坏了", "怎么不出雾")
asks_how_or_why = Cue(
    r"\b(?:how|why)\b|\bwhat\s+(?:should|can|do)\s+i\b|\bis\s+(?:it|this)\s+"
    r"(?:normal|broken)\b|怎么|为什么|为啥|是不是|咋|正常吗|(?:啥|什么)情况"
    r"|\bwhat'?s\s+(?:going\s+on|wrong)\b"
    # whether it is faulty at all: "is the filter faulty?", "是滤网有问题吗"
    r"|\bis\s+(?:it|this|that|the\s+\w+)\s+(?:faulty|defective)\b|\bsomething\s+wrong\s+with\b"
    r"|\b(?:faulty|broken|defective)\s*\?"
    r"|有问题(?:吗|么|嘛)|坏了(?:吗|么|嘛|没)|出故障了?(?:吗|么)"
    # whether it counts as a fault: "这算质量问题吗", "would that count as a defect?"
    r"|算(?:不算)?(?:是)?质量问题|\bcount(?:s)?\s+as\s+(?:a\s+)?(?:defect|fault)")
# a question that asks which, how or whether ("买哪个型号", "是要换了吗", "怎么办", "which one?")
asks_which_or_how = Cue(
    r"\?|？|\b(?:which|how|what|whether)\b|哪|怎么|什么|吗|么$|是不是")
# the fix suggested did not work: "tried that, still not working", "试过了还是不行", "也不行"
still_not_working = Cue(
    r"\bstill\s+(?:not\s+working|doesn'?t\s+work|won'?t\s+\w+|broken|the\s+same|no\s+luck)\b"
    r"|\b(?:tried|did)\s+(?:that|it|this|everything|all\s+(?:of\s+)?that)\b.{0,30}?"
    r"\b(?:still|no\s+luck|nothing|didn'?t)\b|\b(?:didn'?t|did\s+not)\s+(?:help|work|fix\s+it)\b"
    r"|试过了|还是不行|也不行|还是没用|没有用|不管用|还是一样|都试了|还是(?:不|没)(?:出|亮|转|热|动|响)")
# whether a size will do, asked before anything goes back: "L码是不是太大了", "would the M be
# too small for him?", "will the S fit a 52 cm head?"
asks_if_it_fits = Cue(
    r"(?:是不是|会不会|会)太(?:大|小|紧|松|长|短)|合(?:不)?适(?:吗|不|么)|合不合适|够不够(?:大|用)?"
    r"|(?:穿|戴|装|放|塞)得(?:下|进)(?:吧|吗|么|不)|(?:穿|戴)不(?:下|进)(?:吧|吗|么)"
    r"|\b(?:is|are|would|will)\s+(?:it|they|the\s+\w+|an?\s+\w+)\s+(?:be\s+)?too\s+"
    r"(?:big|small|large|tight|loose|long|short)\b"
    r"|\b(?:will|would|does|do)\s+(?:it|they|the\s+\w+|an?\s+\w+)\s+fit\b"
    # which spare goes with it: "which ones fit it?", "which heads work with the T6?"
    r"|\bwhich\s+(?:ones?|\w+)\s+(?:fit|suit|work\s+with|go\s+with)\b"
    # whether one thing goes with another: "the heads I added fit the blue one as well right?"
    r"|\bfit\s+(?:the|my|a|an|it|them)\b[^.!?]{0,40}\?|(?:也)?(?:能|可以)(?:用|装|配)(?:吗|么|不|吧)"
    r"|(?:适用|通用)(?:吗|么|不)|穿得下|穿不穿得下|穿不下(?:吗|么)|装得下(?:吗|么|吧)"
    # one device with another: "心率带能连你们的码表吗", "is it compatible with ...?"
    r"|能连(?!续)|连得上|兼容|\bcompatible\b|\b(?:pair|connect)\s+(?:it\s+)?(?:with|to)\b"
    r"|\bget\s+(?:it|them)\s+(?:talking|connected|paired|synced)\s+(?:to|with)\b")
# the time a question is put at, not asked of: "when it arrives, how do I pair it?"
ONCE_IT_COMES = Cue(r"^\W*(?:and\s+|so\s+)?" + ONCE_IT_ARRIVES + r"\s*[,:-]\s*")


# whether the shop sells a thing: "内胆单独能买吗", "are the nozzles sold separately?"
asks_if_sold = Cue(
    r"单独(?:能)?(?:买|卖|购买|出售)|单(?:卖|买)吗|有(?:没有)?(?:得)?卖|能买到|买得到"
    r"|\bsold\s+(?:separately|alone|on\s+(?:its|their)\s+own)\b|\bdo\s+you\s+(?:sell|stock)\b"
    r"|\b(?:buy|order|get)\s+(?:just\s+)?(?:the|a|an)\s+[\w ]{1,30}?\s+"
    r"(?:separately|on\s+its\s+own)\b")
# an order not placed yet: "现在下单多久发货", "if I order today, when does it come?"
about_a_new_order = Cue(
    r"(?:现在|今天|马上|明天)下单|再(?:拍|买|下)(?:一|个|一个|一单|单)|重新(?:拍|下单|买)"
    r"|\bif\s+i\s+(?:order|buy|purchase)\b|\bplace\s+(?:a\s+)?new\s+order\b"
    r"|\b(?:order|buy)\s+(?:it\s+|one\s+|another\s+(?:one\s+)?)?(?:now|today)\b"
    r"|\b(?:my|the|that|a)\s+next\s+order\b|下一单|下次(?:下单|买)"
    # "it would be my first purchase with you"
    r"|\b(?:would|will)\s+be\s+my\s+first\s+(?:order|purchase)\b")
# its battery and charging: "how long does it take to charge back up?", "续航多久" (not money
# charged: "you charged me twice", a chargeback)
about_its_battery = Cue(
    r"\bcharge\s+(?:it\s+|them\s+)?(?:back\s+)?up\b|\brecharg|\bbatter(?:y|ies)\b"
    r"|\b(?:full|single|one)\s+charge\b|\bto\s+(?:fully\s+)?charge\s*(?:\?|$)"
    r"|\bcharge\s+(?:it\s+|them\s+)?(?:from\s+(?:flat|empty|zero|dead)|fully)\b"
    r"|充电|续航|充满|电池|电量")
# how long one of it lasts in use: "一片能用多久", "电池能撑多久", "how long will the one pack
# that's coming actually last me?" (not "last time"), not how long a parcel takes
asks_how_long_it_lasts = Cue(
    r"能用多久|能用几天|撑多久|能撑几天"
    r"|\bhow\s+long\s+(?:will|would|does|do|should|is|are)\b[^.?!]{0,50}?\blasts?"
    r"(?:\s+(?:me|us|him|her|them))?\s*(?:[?.!]|$)")


def about_how_long_it_runs(text: str) -> bool:
    """Its battery or how long one of it lasts: of the item in use, never of a parcel."""
    return about_its_battery(text) or asks_how_long_it_lasts(text)


# a fault come on with use, not damage on arrival: "最近每天早上起来都瘪了", "lately it keeps"
with_use = Cue(r"最近|每天|越来越|用了(?:一段时间|几天|几次)|\blately\b|\brecently\b|\bevery\s+"
               r"(?:morning|night|day|time)\b|\bafter\s+a\s+(?:few|couple)\b|\bkeeps?\s+\w+ing\b")
