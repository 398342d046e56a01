"""Cues of an invoice: named, how late one may still ask for it, and how long it takes
to come."""

from __future__ import annotations

from app.understanding.cue import Cue

# an invoice made out, the word left out: "开给公司", "一起开了报销"
_MADE_OUT_WITHOUT_THE_WORD = r"开给公司|开[^，。,.!?！？]{0,6}报销"
# an invoice or a receipt, named
mentions_invoice = Cue(r"\binvoices?\b|\breceipts?\b|\bproof\s+of\s+purchase\b|\bfapiaos?\b"
                       r"|发票|开票|收据|购物凭证|购买凭证"
                       # the title it is made out to, said without the word: "抬头：某某公司"
                       r"|抬头[:：]|按(?:这个|我的|公司的?)?抬头|" + _MADE_OUT_WITHOUT_THE_WORD)
# one asked for: "please send me a receipt for 4667", "I'll need a receipt", "能开发票不"
asks_for_an_invoice = Cue(
    r"\b(?:send|need|wants?|get|have|email|mail|issue)\b[^.?!]{0,40}\b(?:invoices?|receipts?|fapiaos?"
    r"|proof\s+of\s+purchase)\b|\b(?:invoices?|receipts?)\s+(?:for|of)\s+(?:order\s+)?#?\w*\d"
    r"|(?:能|可以|帮我|麻烦|给我)(?:不能)?(?:补)?开(?:一?张|个|一下)?发票|开发票|补开|要(?:一?张|个)?发票|发票(?:能|可以)开"
    r"|按(?:这个|我的|公司的?)?抬头开|" + _MADE_OUT_WITHOUT_THE_WORD +
    # sent again: "电子发票一直没收到 … 麻烦再给我发一次"
    r"|发票[^。！!?？]{0,30}(?:再|重新)(?:给我|帮我)?(?:发|开|寄)(?:一次|一遍|一下|一份|过来)"
    # made out anew: "能把发票改开成我的名字", "发票重开一张"
    r"|发票[^。！!?？]{0,6}(?:改开|重开|重新开)|(?:改开|重开|重新开)[^。！!?？]{0,6}发票"
    # "could that order's invoice be emailed to me as well?"
    r"|\b(?:invoices?|receipts?)\s+(?:be\s+)?(?:e-?mailed|sent|mailed)\s+(?:over\s+)?to\s+me\b"
    # "is an invoice for that possible?"
    r"|\bis\s+an?\s+(?:invoice|receipt)\b[^.?!]{0,20}\b(?:possible|available)\b")
# whether one is needed, not one asked for: "do we need to have registered it, or dig out the
# original receipt?", "保修要提供发票吗"
asks_if_one_is_needed = Cue(
    r"\b(?:do|does|will|would)\s+(?:i|we|you|they|it)\s+(?:really\s+)?(?:need|have\s+to|require)\b"
    r"|\b(?:is|are)\s+(?:an?|the|my|our)\s+(?:\w+\s+)?(?:receipts?|invoices?|proof\s+of\s+purchase)"
    r"\s+(?:needed|required|necessary)\b"
    r"|(?:需要|要|得)(?:提供|出示|拿出|附上)?(?:原始)?(?:发票|收据|购物凭证|购买凭证)(?:吗|么|嘛)")
# how late one may still ask for something ("how long after buying can I still ask",
# "多久以内能开"), not how long a thing takes ("发票多久能开好")
asks_deadline = Cue(
    r"\bhow\s+far\s+back\b|\bwithin\s+how\b|\bdeadline\b|\bstill\s+(?:ask|request|get)"
    r"|\bhow\s+long\s+after\b|多久(?:以内|之内|内)|最长|最晚|期限|(?:几|多少)天内"
    r"|(?:还能|还可以)(?:开|要|补)")
# how long or late, said of an invoice already being asked about ("within how long",
# "多久以内"): the invoice policy's question
asks_invoice_policy = Cue(
    r"\bhow\s+(?:far\s+back|long|late)\b|\bwithin\s+how\b|\bdeadline\b|\bstill\s+(?:ask|request|get)"
    r"|多久(?:以内|之内|内)?|最长|最晚|期限|几天内|多少天")
# how a kind of invoice is had, asked before asking for one: "专票需要提供哪些资料",
# "专票是寄纸质的还是发邮箱", "what details do you need for a VAT invoice?"
asks_how_invoices_work = Cue(
    r"(?:专票|专用发票|增值税(?:普通)?发票|普票|纸质发票)[^。！!]{0,20}(?:还是|哪些|怎么(?:开|寄|给))"
    r"|(?:哪些|什么)(?:资料|信息|材料)[^。！!]{0,10}(?:专票|发票)"
    r"|(?:专票|专用发票|发票)[^。！!]{0,12}(?:需要|要)(?:提供)?(?:哪些|什么|啥)(?:资料|信息|材料)?"
    r"|\bwhat\s+(?:details|information|info)\b[^.?!]{0,30}\b(?:vat|tax|company)\s+(?:invoice|receipt)"
    # what becomes of one issued, once the money went back: "钱都退了 发票是不是就作废了",
    # "is the invoice void now I've been refunded?"
    r"|发票[^。！!?？]{0,10}(?:作废|红冲|冲红|失效)|\binvoice\b[^.?!]{0,30}\b(?:void(?:ed)?|invalid"
    r"|credit\s+note)\b")
# how long until it comes, not how late one may ask: "how long does it take", "how soon
# will I get it", "多久能开好", "要几天", "什么时候发给我"
asks_how_soon = Cue(
    r"\bhow\s+(?:long|soon|quickly|many\s+(?:more\s+)?(?:days|hours|weeks)|much\s+longer)\b|\bwhen\s+(?:will|do|does|can|would|should)"
    r"\s+(?:i|it|they|you)\b|多久|多长时间|(?<!好)几天|几个小时|什么时候|啥时候|何时")
# where an invoice goes: "多久能到邮箱", "when will it be in my inbox"
names_mailbox = Cue(r"\be-?mail\b|\binbox\b|邮箱|邮件")
# how an invoice reaches the shopper: "是发我邮箱 还是要我自己去账户里下载？", "do I download it?"
asks_how_it_comes = Cue(
    r"(?:发|寄)(?:到)?(?:我的?)?邮箱|自己(?:去)?[^，。？?]{0,8}下载|\bdownload\b"
    r"|\b(?:e-?mail(?:ed)?|sent|posted)\s+(?:to\s+(?:me|my\s+(?:e-?mail|inbox))|or\b)")
# what an invoice shows, asked: "will the VAT be shown separately on it?", "税额会单独列出来吗",
# "开的是普票吧"
asks_what_it_shows = Cue(
    r"\b(?:vat|gst|tax)\b.{0,40}\b(?:shown|show|listed|separate(?:ly)?|itemi[sz]ed|on\s+it)\b"
    r"|\b(?:show|list)\b.{0,20}\b(?:vat|gst|tax)\b|税(?:额|点|率)?.{0,6}(?:单独|分开|显示|列出)"
    # the rate in the price: "what rate of VAT was in the price?", "税率是多少"
    r"|\brate\s+of\s+(?:vat|gst|tax)\b|\b(?:vat|gst)\s+rate\b|税率(?:是)?多少"
    # which kind it is: "开的是普票吧？能不能换成增值税专票", "能开纸质的吗", "a paper copy?"
    r"|普票|专票|普通发票|专用发票|纸质|\b(?:paper|printed)\s+(?:copy|version|invoice|receipt|one)\b"
    r"|\bhard\s+copy\b")
# the invoice asked after, in a return: "what happens to the receipt if I send it back?"
asks_after_the_invoice = Cue(
    r"\b(?:happens?\s+(?:to|with)|about)\s+(?:the\s+|my\s+)?(?:receipt|invoice)"
    r"|\b(?:receipt|invoice)\s+(?:still\s+)?(?:be|get|stay|is)\b|发票(?:怎么办|还有效|会不会|要不要|需要|怎么算"
    r"|怎么处理|要作废|会作废)")
# whether a price or an invoice travels in the parcel: "包裹里会放价格单或者纸质发票吗"
asks_if_in_the_parcel = Cue(
    r"(?:包裹|盒子|箱子|快递)里[^，。？?]{0,6}(?:放|有|附|夹)[^，。？?]{0,8}(?:发票|价格|价签|小票|收据)"
    r"|\b(?:invoice|receipt|price)\b[^.?!]{0,30}\bin\s+the\s+(?:box|parcel|package)\b"
    r"|\bin\s+the\s+(?:box|parcel|package)\b[^.?!]{0,30}\b(?:invoice|receipt|price)")


# an invoice for goods not bought yet: "a pro-forma invoice first, so our accountant can
# approve it before we pay", "想先开个形式发票走报销流程再下单"
for_goods_not_bought = Cue(
    r"\bpro[\s-]?forma\b|\bquotation\b|报价单|形式发票"
    r"|\b(?:want|plan|planning|going|looking)\s+to\s+(?:buy|order|purchase)\b"
    r"|\bbefore\s+(?:we|i)\s+(?:pay|order|buy|place)\b|(?:想|打算|准备)(?:买|采购|下单|订)"
    r"|(?:下单|付款)(?:之前|前)")
