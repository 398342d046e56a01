"""What kind of question a message asks, in English and Chinese: the cues the dialogue
rules (app.assist.dialogue) read beside the intent classifier.

These are words of shopping conversations in either language, none of any store:
"where is it", "which courier", "when do I get my money back", "same for", "sorry, I
meant", "I want to send it back", "what's your policy". Each cue is a predicate
(``cue.asks_where(text)``) over one pattern, case-blind unless it says otherwise.
"""

from __future__ import annotations

from app.understanding.answer_cues import asks_first as asks_first  # re-exported
from app.understanding.cue import Cue
from app.understanding.delivery_cues import (  # re-exported: rules read cue.<name>
    about_delivery as about_delivery,
    asks_courier as asks_courier,
    asks_customs as asks_customs,
    asks_delivery_time as asks_delivery_time,
    asks_free_delivery_threshold as asks_free_delivery_threshold,
    asks_handover as asks_handover,
    asks_intercept as asks_intercept,
    asks_its_sending as asks_its_sending,
    asks_shipped_together as asks_shipped_together,
    asks_shipping_options as asks_shipping_options,
    asks_ships_there as asks_ships_there,
    asks_where as asks_where,
    does_it_with_the_courier as does_it_with_the_courier,
    for_later_orders as for_later_orders,
    parcel_problem as parcel_problem,
    the_accounts_address as the_accounts_address,
)
from app.understanding.followup_cues import (  # re-exported: rules read cue.<name>
    asks_if_same as asks_if_same,
    asks_its_own_question as asks_its_own_question,
    asks_outright as asks_outright,
    asks_what_about as asks_what_about,
    corrects as corrects,
    does_the_same as does_the_same,
    points_back as points_back,
    presses as presses,
    same_for as same_for,
    says_an_order as says_an_order,
    says_same as says_same,
    the_other_one as the_other_one,
    what_about as what_about,
)
from app.understanding.invoice_cues import (  # re-exported: rules read cue.<name>
    asks_deadline as asks_deadline,
    asks_for_an_invoice as asks_for_an_invoice,
    asks_how_invoices_work as asks_how_invoices_work,
    asks_how_it_comes as asks_how_it_comes,
    asks_how_soon as asks_how_soon,
    asks_invoice_policy as asks_invoice_policy,
    asks_what_it_shows as asks_what_it_shows,
    mentions_invoice as mentions_invoice,
    names_mailbox as names_mailbox,
)
from app.understanding.money_back_cues import (  # re-exported: rules read cue.<name>
    asks_goods_instead as asks_goods_instead,
    asks_money_back as asks_money_back,
)
from app.understanding.order_cues import (  # re-exported: rules read cue.<name>
    asks_amount_paid as asks_amount_paid,
    asks_contents as asks_contents,
    asks_order_address as asks_order_address,
    asks_ordered_variant as asks_ordered_variant,
    asks_status as asks_status,
    asks_to_check as asks_to_check,
    asks_to_see as asks_to_see,
    asks_when_placed as asks_when_placed,
    order_fact as order_fact,
)
from app.understanding.payment_cues import (  # re-exported: rules read cue.<name>
    asks_promo as asks_promo,
    charged_wrongly as charged_wrongly,
    paid_not_shown as paid_not_shown,
)
from app.understanding.person_cues import (  # re-exported: rules read cue.<name>
    asks_for_a_person as asks_for_a_person,
    declines_a_person as declines_a_person,
    names_a_person as names_a_person,
    offers_proof as offers_proof,
    pings as pings,
    waits_for_a_person as waits_for_a_person,
)
from app.understanding.product_cues import (
    about_a_new_order as about_a_new_order,
    about_how_long_it_runs as about_how_long_it_runs,
    about_its_battery as about_its_battery,
    asks_a_write as asks_a_write,
    asks_attribute as asks_attribute,
    asks_how_it_is as asks_how_it_is,
    asks_how_long_it_lasts as asks_how_long_it_lasts,
    asks_how_often as asks_how_often,
    asks_how_or_why as asks_how_or_why,
    asks_if_it_fits as asks_if_it_fits,
    asks_if_sold as asks_if_sold,
    asks_measure as asks_measure,
    asks_of_it as asks_of_it,
    asks_price as asks_price,
    asks_property as asks_property,
    asks_what_fits as asks_what_fits,
    asks_which_or_how as asks_which_or_how,
    compares as compares,
    shows_error_code as shows_error_code,
)
from app.understanding.return_cues import (  # re-exported: rules read cue.<name>
    asks_amount_back as asks_amount_back,
    asks_can_return as asks_can_return,
    asks_cost as asks_cost,
    asks_deduction as asks_deduction,
    asks_exchange as asks_exchange,
    asks_how_much_it_was as asks_how_much_it_was,
    asks_how_to_send_in as asks_how_to_send_in,
    asks_if_instant as asks_if_instant,
    asks_policy as asks_policy,
    asks_refund_progress as asks_refund_progress,
    asks_return_logistics as asks_return_logistics,
    asks_time_to_decide as asks_time_to_decide,
    asks_warranty as asks_warranty,
    asks_what_if as asks_what_if,
    asks_what_went_back as asks_what_went_back,
    asks_when as asks_when,
    asks_why_less as asks_why_less,
    asks_why_refused as asks_why_refused,
    breaks_apart as breaks_apart,
    counts_the_window as counts_the_window,
    explicitly_wants_return as explicitly_wants_return,
    hypothetical as hypothetical,
    mentions_refund as mentions_refund,
    mentions_return as mentions_return,
    names_a_complaint as names_a_complaint,
    refuses_delivery as refuses_delivery,
    says_returned as says_returned,
    sends_back as sends_back,
    wants_return as wants_return,
)

# a change asked of an order: "change the colour", "remove the mount", "改成", "换个颜色"
# ("是要换了吗" of a filter that needs replacing asks about the product, not the order)
# the new address given before, pointed at: "same address", "改到新地址", "地址也一样"
same_address = Cue(r"\bsame\s+(?:new\s+)?address\b|\b(?:that|the)\s+new\s+address\b|新地址"
                   r"|同一个地址|(?:一样|同样)的地址|地址(?:也)?(?:一样|相同)"
                   # "can those go there too?", "也寄到那里吧"
                   r"|\b(?:go|be\s+sent|be\s+delivered|ship(?:ped)?)\s+there\s+(?:too|as\s+well)\b"
                   r"|也(?:寄|送|发)(?:到)?(?:那里|那儿|那边|那个地址|这个地址)|也[^，。,.]{0,4}改过去")
# an address, named: "change the address", "能改个地址不"
mentions_address = Cue(r"\baddress\b|地址|\badres+\b|\baddres\b")
asks_change = Cue(
    r"\b(?:change(?!\s+of\s+(?:mind|heart))|chang|modify|swap|switch|remove|add|reduce|increase"
    r"|replace|edit|upgrade|downgrade)\b|\bupdate\s+(?:the|my|it)\b"
    r"|\bbump\s+(?:it|that|them)?\s*(?:up\s+)?to\s+(?:\d|two|three|four)\b"
    r"|\bmake\s+(?:it|that|them)\s+(?:\d|two|three|four|five)"
    # another product in its place: "can you make it the AeroSilk in black instead?"
    r"|\bmake\s+(?:it|that|this|them)\s+(?:the|a|an)\s+[^.?!]{1,40}?\binstead\b"
    r"|\bredirect\w*|\b(?:get|have)\s+it\s+(?:sent|delivered|shipped)\s+to\b"
    # "can the big grey bed be swapped for the 60cm one?"
    r"|\b(?:be\s+)?(?:swapped|switched|changed|exchanged)\s+(?:for|to|with)\b"
    r"|\btake\s+(?:\w+\s+){0,3}out\s+of\b"
    r"|\btake\s+(?:\w+\s+){0,4}off\s+(?:the|my|this|that)\s+order\b"
    r"|改|换成|换个|换一|换掉|加一|多加|加购|减|删|去掉|少要|不要其中|转寄|改派")
# the parcel should go elsewhere, or wait: "I won't be home next week", "can the courier
# redirect it", "到了我不在家怎么办", "能改派吗"
wants_it_elsewhere = Cue(
    r"\b(?:won'?t|will\s+not|wont)\s+be\s+(?:at\s+)?home\b|\bnot\s+(?:be\s+)?(?:at\s+)?home\b"
    r"|\b(?:away|travell?ing|on\s+holiday|on\s+vacation)\b.{0,30}\b(?:when|until|next|arrives?)\b"
    r"|\bredirect\w*|\bpick\s*-?up\s+(?:point|location)|\bpackstation\b|\bparcel\s+(?:locker|shop)"
    r"|\b(?:sent|send|delivered|deliver|shipped|ship|go|redirected)\s+(?:it\s+|them\s+)?"
    r"(?:somewhere\s+else|elsewhere|to\s+(?:a\s+)?(?:different|another|(?:my|our|the)\s+new)\s+"
    r"(?:address|place|flat|house|home|apartment))\b"
    r"|\bto\s+(?:my|our)\s+(?:office|work|new\s+place|place|house|flat)\s+instead\b"
    # left with a neighbour: "if I'm out ... can they be left at number 134 next door?"
    r"|\bif\s+i'?m\s+(?:out|not\s+(?:in|home|there))\b|\b(?:leave|left)\s+(?:it\s+|them\s+)?"
    r"(?:with|at)\s+(?:a\s+|my\s+|the\s+)?(?:neighbou?r|number\s+\d+|next\s+door)"
    # ... or kept for them a while: "I'm away till Friday, can they hang onto it for me?"
    r"|\b(?:hang|hold)\s+on(?:to|\s+to)\s+(?:it|them)\b|\bhold\s+(?:it|them)\s+(?:for\s+me|until|till)\b"
    # ... or held at a shop of the courier's: "could they leave it at the GLS shop on ..."
    r"|\b(?:leave|left|hold|keep|drop)\s+(?:it|them)\s+at\s+(?:a|the|their)\s+(?:[\w-]+\s+)?"
    r"(?:shop|depot|locker|counter|service\s+point|post\s+office)\b"
    r"|放(?:在)?(?:邻居|隔壁)|交给(?:邻居|隔壁|门卫|物业)"
    r"|不在家|家里没人|没人(?:收|签收)|改派|转寄|放(?:到)?(?:快递柜|驿站|自提点)|自提点"
    r"|(?:寄|送|发)(?:到)?(?:别的地方|别处|其他地址|另一个地址)")
# (not a device's cancel key: "除了取消键会亮 其他按键都没反应")
asks_cancel = Cue(
    r"\bcancel(?!\s+(?:button|key)s?\b)|\bcancle\b|取消(?!键|按钮|按键)|不要了.{0,4}取消")
# asking for a cancellation now, not telling of one done ("I cancelled", "已取消")
asks_cancel_now = Cue(
    r"\bcancel+(?!l?ed\b|l?ing\b|l?ation|\s+(?:button|key)s?\b)|\bcancle\b"
    r"|(?<!已)(?<!已经)(?<!被)(?<!被人)(?<!被别人)(?<!被谁)取消(?!了[吗没么的]|成功|的|键|按钮|按键)")
# a cancellation wished for in so many words: "i want cancel both order", "帮我取消"
wants_cancel = Cue(
    r"\b(?:want|wanna|need|like|have)\s+(?:to\s+)?cancel\b|\bplease\s+cancel\b"
    # "need the pawtrack order cancelled please", "I'd like it cancelled"
    r"|\b(?:want|wanna|need|like)\s+(?:it|this|that|them|(?:the|my|this|that)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:order|one|parcel))\s+cancell?ed\b"
    r"|\bcancel\s+(?:both|all|it|them|my|the|this|that)\b|我要取消|想取消|帮我取消|要取消|请取消"
    r"|把[^，。,.!?！？]{0,30}?取消(?:吧|掉(?!的))|直接取消(?!的)")
# telling of a cancellation or a return done: "the order I cancelled", "退回去的那单"
says_cancelled = Cue(
    r"\bcancel+ed\b|(?:取消|退掉)(?:了|的|掉的)|已取消|被(?:人|别人|谁)?取消")
# the shopper's own purchase: "I bought", "my order", "我买的"
own_purchase = Cue(
    r"\bi\s+(?:bought|ordered|purchased|got)\b|\bmy\s+order\b"
    r"|(?<!要)(?<!想)(?<!准备)(?:买|订|下单|购买)的|我那单|我的订单")


# somewhere other than the shop: a place nearby or another shop ("你知道附近哪里能修手机吗",
# "上海哪家猫咖好玩", "where can I rent a tent in Kunming", "is Fortress selling it cheaper?")
asks_about_elsewhere = Cue(
    r"哪(?:里|儿|家)(?:能|可以|有)?(?:租|修|玩|吃|喝|逛|住|撸)|哪家[^，。？?]{0,6}(?:好玩|好吃|好喝|靠谱|便宜)"
    r"|(?:附近|周边|本地)[^，。？?]{0,6}哪(?:里|儿|家)"
    r"|\bwhere\s+(?:can|could|do|should)\s+i\s+(?:rent|hire|eat|stay|get\s+(?:\w+\s+){1,3}"
    r"(?:repaired|fixed|serviced))\b|\b(?:any|a)\s+good\s+\w+\s+(?:near|around)\b"
    r"|\b(?:is|are)\s+\w+(?:\s+or\s+\w+)?\s+selling\s+(?:it|them|this)\s+(?:for\s+)?cheaper\b")

# --- The shop's own questions ---
# a way of paying named: "paid with apple pay", "我付的支付宝", "on my visa"
# the ways of paying by their names, of many markets ("iDEAL", "SEPA", "PayNow", "PayMe")
_PAYMENT_WAYS = (r"apple\s*pay|google\s*pay|paypal|klarna|visa|mastercard|amex|alipay|wechat\s*pay"
                 r"|(?:credit|debit)\s+card|sepa|bancontact|sofort|giropay|paynow|fps|payme"
                 r"|octopus|afterpay|clearpay|maestro|unionpay|jcb|vipps|mobilepay|blik|twint")
names_payment = Cue(
    r"\b(?:paid|pay)\s+(?:with|by|via|through|on)\b"
    r"|\b(?:apple\s*pay|google\s*pay|paypal|klarna|visa|mastercard|amex|alipay|wechat\s*pay"
    r"|(?:credit|debit)\s+card)\b"
    r"|(?-i:\b(?:iDEAL|IDEAL)\b)|\b(?:sepa|bancontact|sofort|giropay|paynow|fps|payme|octopus|afterpay"
    r"|clearpay|maestro|unionpay|jcb|vipps|mobilepay|blik|twint)\b"
    r"|\bbank\s+transfer\b|支付宝|微信支付|微信付|花呗|银行卡|信用卡|云闪付|对公(?:转账|汇款|打款)|银行转账")
# whether a way of paying is taken: "Can I pay with FPS?", "do you take Klarna", "能用花呗付吗"
asks_if_accepted = Cue(
    r"\b(?:can|could|may)\s+i\s+(?:pay|check\s*out)\s+(?:with|by|via|using|through)\b"
    # a way of paying named after "use": "can I just use PayMe", "could I use Klarna instead"
    r"|\b(?:can|could|may)\s+i\s+(?:just\s+|also\s+)?use\s+(?=(?:[\w-]+\s+){0,2}?(?:"
    + _PAYMENT_WAYS + r")\b)"
    r"|\bdo\s+you\s+(?:take|accept)\b|\b(?:is|are)\s+\w+(?:\s+\w+)?\s+accepted\b"
    r"|能(?:不能)?(?:改|换)?用[^，。？?]{1,8}(?:付|支付|付款)|可以(?:改|换)?用[^，。？?]{1,8}(?:付|支付|付款)"
    r"|支持[^，。？?]{1,8}(?:支付|付款)吗|(?:能|可以)(?:不能)?(?:走)?(?:对公|银行)(?:转账|汇款|打款)"
    # paying in instalments: "能分期不", "can I split it into 3 payments?"
    r"|分期|\binstal?lments?\b|\bsplit\s+(?:it|the\s+(?:payment|cost|price))\b|\bpay\s+in\s+\d+\b")
# when people are there to answer: "until what time are your agents around on saturdays"
asks_hours = Cue(
    r"\b(?:opening|office|business|support|service)\s+hours\b|\buntil\s+what\s+time\b"
    r"|\bwhat\s+times?\b.{0,40}\b(?:open|close|agents?|staff|team|support|available|around)\b"
    r"|\b(?:phone|telephone)\s+(?:line|lines|support)\b.{0,20}\b(?:open|hours|times)\b"
    r"|\bhow\s+late\s+(?:is|are)\s+(?:you|your\s+\w+|someone|anyone)\s+(?:around|available|open"
    r"|online|there|working)\b"
    r"|\bare\s+you\s+open\b|\bwhen\s+(?:are|is)\s+(?:you|your\s+\w+|someone)\s+"
    r"(?:open|available|around|online)\b"
    # whether someone is there at an hour: "if I message at 3am, is anyone actually there?",
    # "is anyone around at weekends?", "半夜发消息有人回吗"
    r"|\b(?:at|after|before)\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)\b.{0,40}\b(?:is|are|will)\s+(?:there\s+)?"
    r"(?:any\s*one|some\s*one|any\s*body)\b"
    r"|\b(?:any\s*one|some\s*one|any\s*body)\b.{0,30}\b(?:at\s+night|overnight|at\s+(?:the\s+)?weekends?"
    r"|on\s+(?:the\s+)?(?:weekends?|sundays?|saturdays?|bank\s+holidays?)|till\s+(?:the\s+)?morning)\b"
    r"|(?:半夜|晚上|凌晨|周末|节假日)[^，。？?]{0,8}有人(?:回|在|值班)"
    r"|几点(?:上班|下班|开门|关门)|营业时间|工作时间|客服(?:时间|几点|上班)"
    r"|人工.{0,4}(?:几点|时间)")
# the company an invoice is to be made out to: "company name is Harbourline Trading Ltd",
# "抬头写xx有限公司 税号91310..."
gives_invoice_details = Cue(
    r"\bcompany\s+name\b|\b(?:tax|vat|gst|br)\s*(?:id|no\.?|number|reg(?:istration)?)\b"
    r"|\b(?:ltd|limited|llc|inc|gmbh|pte|co\.)(?![a-z])|抬头|税号|纳税人识别号|有限公司|公司名(?:称|字)?"
    r"|\bmade\s+out\s+to\s+(?!me\b|us\b|my\s+name\b)|\bin\s+the\s+name\s+of\s+(?:my|our)\s+"
    r"(?:company|business)\b"
    # a tax number written out, a company's legal form, a company to put on it
    r"|\b(?:vat|tax\s+id|tin|ein|abn|gst|uid)\s*[:#]?\s*[A-Z]{0,3}\d{5,}"
    r"|(?-i:\b[A-Z][\w&'-]*\s+(?:BV|B\.V\.|NV|AG|KG|SA|SARL|SAS|SRL|SpA|AB|AS|ApS|Oy|PLC|LLP"
    r"|UG|OHG|GbR|SL|S\.L\.|Lda|KK)\b)"
    r"|\b(?:put|add|include|use)\s+(?:my|our|the)\s+(?:company|business)\b"
    # "JobRad wants my practice on it, not me personally"
    r"|\b(?:my|our)\s+(?:practice|company|business|firm|clinic|studio|employer|office)(?:'s\s+name)?"
    r"\s+on\s+(?:it|the\s+(?:invoice|receipt))\b"
    # a name to put on it: "made out to Mehta Coaching", "in the name of Brook Farm Kennels"
    r"|\bmade\s+out\s+to\s+(?-i:[A-Z])|\b(?:in|under)\s+the\s+name\s+of\s+(?-i:[A-Z])"
    r"|\b(?:put|write|have)\s+(?-i:[A-Z][\w'.-]*)(?:\s+(?:&|and|(?-i:[A-Z][\w'.-]*)))+\s+on\s+"
    r"(?:it|the\s+(?:invoice|receipt))\b")
# asking again for what was refused: "能不能通融一下", "is there really nothing you can do?"
# after a refusal, what is left to do: "ok then what can I do", "any other way?", "那怎么办"
asks_what_now = Cue(
    r"\bwhat\s+(?:can|should|could|do)\s+i\s+do\b|\bwhat\s+(?:are\s+)?my\s+options\b"
    r"|\bwhat\s+now\b|\b(?:any|is\s+there\s+(?:an|any)?)\s*other\s+(?:way|option)s?\b"
    r"|\bwhat\s+happens\s+now\b|\bhow\s+do\s+i\s+(?:fix|sort|solve)\s+(?:this|that|it)\b"
    r"|(?:该|应该|要)?怎么办|咋办|咋整|有(?:没有|什么)(?:别的|其他|其它)?(?:办法|方法)"
    r"|还有(?:什么|别的|其他)(?:办法|方法)")
pleads = Cue(
    r"通融|破例|网开一面|帮帮忙|想想办法|\bmake\s+an\s+exception\b|\bnothing\s+(?:else\s+)?you\s+can\s+do\b"
    r"|\bjust\s+this\s+once\b|\bany\s+way\s+(?:you\s+could|to)\b|\bplease\s+reconsider\b"
    # how little it was used, said against the refusal: "I only opened it", "就用了一次"
    r"|\b(?:only|just)\s+(?:used|opened|tried|worn|wore)\s+(?:it\s+|them\s+)?(?:once|twice)\b"
    r"|\b(?:only|just)\s+(?:opened|tried)\s+(?:it|them)\b|\b(?:barely|hardly)\s+(?:used|touched|worn)\b"
    r"|\bused\s+(?:it\s+|them\s+)?only\s+once\b|\bone\s+scoop\b"
    r"|(?:就|只|才)(?:开了|打开了|拆了|拆开)(?:一下|看了?看)|(?:就|只|才)(?:用|穿|试)(?:了|过)(?:一|两)次"
    r"|(?:几乎|基本)(?:没|都没)(?:用|动)")
