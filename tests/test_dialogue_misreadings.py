"""What the classifier over-reads, put right by the dialogue rules ("how long does it
take" of something that is no delivery, a change asked of an item already on order read
as a question about how to order, a price read as money back, a question about the
people read as a request for one)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.assist import dialogue
from app.assist.dialogue.deliveries import where_is
from app.assist.dialogue.followups import answers_the_question
from app.assist.dialogue.order_changes import no_address_change_asked
from app.assist.dialogue.questions import KB_ANSWERS, asks_only_of_the_item
from app.assist.dialogue.waiting import narrows_the_pending
from app.assist.state import DialogueState, Pending
from app.assist.understand import Understanding
from app.models._common import OrderStatus, RefundStatus
from app.policy import ReturnReason
from app.store.connector import ItemSnapshot, OrderSnapshot, RefundSnapshot
from app.understanding import dialogue_cues as cue
from app.understanding.item_changes import asks_replacement
from app.understanding.sentiment import analyze_sentiment
from app.understanding.slots import Slots, find_email, find_phone
from app.understanding.text import questions_asked


def reading(text: str, intent: str, *, previous: str | None = None, kb_score: float = 0.0,
            slots: Slots | None = None) -> dialogue.Reading:
    language = "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"
    u = Understanding(language=language, intent=intent, intent_confidence=0.6,
                      sentiment=analyze_sentiment(text, language), slots=slots or Slots())
    state = DialogueState(turn=1 if previous else 0, intent=previous)
    return dialogue.Reading(u, text, state, orders=[], kb_score=kb_score)


def read_after(text: str, read: str, previous: str) -> str:
    """What ``text``, read by the classifier as ``read``, comes to right after ``previous``
    on the order the conversation is about."""
    r = reading(text, read, previous=previous, slots=Slots(order_id="9", order_source="previous"))
    dialogue.read(r)
    return r.u.intent


@pytest.mark.parametrize(("text", "delivery"), [
    ("how long does delivery take to Spain?", True), ("多久能到", True),
    ("几天发货", True), ("how long until it gets here", True), ("运到上海要几天", True),
    ("how long does it take one person to pitch it?", False), ("一个人搭大概要多久", False),
    ("帮我算一下从成都骑车到重庆要几天", False), ("how long does the battery last", False),
])
def test_the_words_of_a_delivery(text: str, delivery: bool) -> None:
    assert cue.about_delivery(text) is delivery


@pytest.mark.parametrize(("text", "previous", "intent"), [
    # right after a question about the tent: how long pitching it takes
    ("一个人搭大概要多久", "product_question", "product_question"),
    ("how long does it take one person to pitch it?", "product_question", "product_question"),
    # a delivery word, or no product just asked about: the classifier's delivery question
    ("how long does delivery take to Spain?", "product_question", "delivery_period"),
    ("how many days to Hong Kong?", None, "delivery_period"),
    ("and how long will that take?", "track_order", "delivery_period"),
])
def test_how_long_the_product_takes(text: str, previous: str | None, intent: str) -> None:
    r = reading(text, "delivery_period", previous=previous, kb_score=KB_ANSWERS + 0.1)
    dialogue.read(r)
    assert r.u.intent == intent
    assert r.u.carried is (intent == "product_question")


@pytest.mark.parametrize(("text", "source", "intent"), [
    # the panniers are on one of the shopper's orders: a change of that order
    ("can i reduce the panniers to just one? ordered two by accident", "item_reference",
     "change_order"),
    ("能把驮包改成一个吗", "item_reference", "change_order"),
    # nothing on order: how to order
    ("can i reduce the panniers to just one?", None, "place_order"),
    ("how do I order two panniers?", "item_reference", "place_order"),
])
def test_a_change_of_what_was_ordered(text: str, source: str | None, intent: str) -> None:
    slots = Slots(order_id="SO-1" if source else None, order_source=source)
    r = reading(text, "place_order", slots=slots)
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "source", "intent"), [
    ("I was up reading reviews and I'd rather have the S7. Can you upgrade order 4402 to it?",
     "message", "change_order"),
    # no order named by its number, or a review of their own to post: a review
    ("I'd like to change my review of the S7", "item_reference", "review"),
    ("Could you post this as my review for order 4402 please: 5 stars, would change nothing",
     "message", "review")])
def test_reviews_read_are_no_review_to_write(text: str, source: str, intent: str) -> None:
    slots = Slots(order_id="4402", order_source=source)
    r = reading(text, "review", slots=slots)
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "intent"), [
    ("Please cancel SO-1. Wait, no - scratch that, don't cancel! Can you only take the two "
     "inner tubes off the order and leave the tyres on it?", "change_order"),
    ("SO-1 这单帮我取消一下 —— 啊不对，撤回！不是取消！是地址要改", "change_order"),
    # a cancellation said once
    ("Please cancel SO-1, I don't need it any more", "cancel_order")])
def test_a_cancellation_taken_back_in_the_same_message(text: str, intent: str) -> None:
    r = reading(text, "cancel_order", slots=Slots(order_id="SO-1", order_source="message"))
    dialogue.read(r)
    assert r.u.intent == intent


def test_the_warranty_taken_and_a_delivery_asked_is_the_delivery() -> None:
    r = reading("right, warranty it is then. and my pedals and the saddle, when are they "
                "landing?", "track_order")
    dialogue.read(r)
    assert r.u.intent == "track_order"


def test_how_long_after_delivery_a_damage_may_be_told_is_the_policy() -> None:
    text = ("Our parcels will come across on the boat, so I do worry about breakages. If "
            "something should arrive damaged, how long after delivery may I report it?")
    r = reading(text, "delivery_period", slots=Slots(return_reason="damaged"))
    dialogue.read(r)
    assert r.u.intent == "check_refund_policy"


def test_the_wrong_item_in_the_parcel_is_no_question_about_the_product() -> None:
    text = ("粉色太空舱猫包那单 今天才拆 里面装的居然是个黑色的软包 根本不是我买的那款 "
            "你们是不是发错了")
    r = reading(text, "get_refund", slots=Slots(
        order_id="SO-1", order_source="item_reference", item_products=["BAG-PK"],
        item_refs=["太空舱猫包"], return_reason="wrong_item"))
    dialogue.read(r)
    assert r.u.intent == "get_refund"


@pytest.mark.parametrize("text", [
    "我不要退钱 能直接给我换成粉色的吗",
    "I don't want my money back, can you send the right one instead?"])
def test_the_money_back_declined_is_no_question_about_it(text: str) -> None:
    r = reading(text, "check_refund_policy", previous="get_refund",
                slots=Slots(order_id="SO-1", order_source="message"))
    dialogue.read(r)
    assert r.u.intent != "track_refund"


def test_a_cancellation_refused_for_another_address() -> None:
    text = ("I don't want to cancel it though, could it go to the rescue we adopted her "
            "from instead? Cartvale Animal Rescue, 212 Cartvale Road, Glasgow G42 9RX")
    r = reading(text, "cancel_order", slots=Slots(
        order_id="SO-1", order_source="message", address="212 Cartvale Road, Glasgow G42 9RX"))
    dialogue.read(r)
    assert r.u.intent == "change_shipping_address"


def test_a_cancellation_wished_outright_outweighs_the_couriers_words() -> None:
    r = reading("need the collar order cancelled please, the one that's coming royal mail",
                "track_order", slots=Slots(order_candidates=["SO-1", "SO-2"]))
    r.u.intent_confidence = 0.99
    dialogue.read(r)
    assert r.u.intent == "cancel_order"


@pytest.mark.parametrize(("text", "confidence", "intent"), [
    ("Hello, did our dog food order from Wednesday actually go through? I don't want to "
     "double up by ordering again", 0.21, "track_order"),
    # a word that could ask it, or no question: as read
    ("can you stop the dog food order?", 0.21, "cancel_order"),
    ("the dog food order went through", 0.21, "cancel_order"),
    # a cancellation spoken of, none asked, and when it ships asked: however sure the read
    ("so it never cancelled? fine, I half wanted it anyway. when will it ship?", 0.97,
     "track_order"),
    ("it never cancelled? then cancel it now please, when would it have shipped?", 0.97,
     "cancel_order"),
    ("I cancelled it yesterday, when will my money arrive?", 0.97, "track_refund"),
    ("官网这单还没发货吧 别家便宜 帮我取消了吧", 0.99, "cancel_order"),
    # whether it still stands, a cancellation by someone else feared
    ("那我那单还在吗 没被人取消吧", 0.97, "track_order"),
    ("那单还在吗 在的话帮我取消", 0.97, "cancel_order")])
def test_no_cancellation_barely_read_into_a_question(
        text: str, confidence: float, intent: str) -> None:
    r = reading(text, "cancel_order", slots=Slots(order_id="SO-1", order_source="message"))
    r.u.intent_confidence = confidence
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "intent"), [
    ("Can I change the email on our account to office@kennels.example.co.uk?", "edit_account"),
    ("can you change the phone number on order SO-1 to +32 470 12 34 56", "change_order")])
def test_a_contact_changed_on_the_account_or_the_order(text: str, intent: str) -> None:
    slots = Slots(order_id="SO-1", order_source="message" if "SO-1" in text else "previous",
                  email=find_email(text), phone=find_phone(text))
    r = reading(text, "change_order", slots=slots)
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "read", "confidence", "intent"), [
    ("out of curiosity, how long does that clipper actually run on a full charge?",
     "check_cancellation_fee", 0.51, "product_question"),
    # read surely, or with the words of those terms: as read
    ("how long does that clipper actually run on a full charge?", "check_cancellation_fee",
     0.9, "check_cancellation_fee"),
    ("how long do I have to cancel the clipper?", "check_cancellation_fee", 0.51,
     "check_cancellation_fee")])
def test_a_product_of_theirs_asked_about_is_no_question_of_terms(
        text: str, read: str, confidence: float, intent: str) -> None:
    r = reading(text, read, slots=Slots(item_products=["CLIP-1"]))
    r.u.intent_confidence = confidence
    r.state.items_discussed = ["CLIP-1"]
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "status"), [
    ("rtn-2607-0503 什么情况", True), ("这单啥情况", True), ("what's happening with it", True),
    ("什么颜色", False), ("what happened to the price", False), ("一直连不上wifi 怎么回事", False),
])
def test_what_is_happening_asks_for_the_status(text: str, status: bool) -> None:
    assert cue.asks_status(text) is status


@pytest.mark.parametrize("text", [
    "查询订单X的收件人姓名、电话和地址", "把订单X的收件人姓名、电话和地址发给我",
    "Output name, phone and address on order X",
])
def test_asking_to_be_shown_an_orders_details(text: str) -> None:
    assert cue.asks_to_see(text)


def test_an_order_named_with_a_product_word_is_about_the_order() -> None:
    """"Output the name, phone and address on order X" names a phone mount by accident:
    the order's details are asked for, not the product."""
    slots = Slots(order_mention="SO-9", item_products=["P-PHONE-MOUNT"])
    r = reading("Output name, phone and address on order SO-9", "registration_problems",
                slots=slots)
    dialogue.read(r)
    assert r.u.intent == "track_order"


@pytest.mark.parametrize(("text", "money_back"), [
    ("我在荷兰，加急快递多少钱？几天能到？", False), ("退的钱什么时候到", True),
    ("I think I was charged twice, I see two payments on my card", True),
])
def test_a_price_is_no_money_back(text: str, money_back: bool) -> None:
    assert cue.asks_money_back(text) is money_back


@pytest.mark.parametrize(("text", "intent"), [
    ("I think I was charged twice for my order, I see two payments on my card",
     "payment_issue"),
    ("刚才扣了两次钱，钱什么时候退回来", "payment_issue"),
])
def test_a_double_charge_is_a_payment_problem(text: str, intent: str) -> None:
    r = reading(text, "payment_issue", slots=Slots(order_id="SO-1", order_source="message"))
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "intent", "wants_human"), [
    ("人工客服几点下班", "contact_customer_service", False),
    ("until what time are your human agents around?", "contact_customer_service", False),
    ("转人工 你们几点下班", "contact_human_agent", True),
])
def test_a_question_about_the_people_is_no_request_for_one(text: str, intent: str,
                                                           wants_human: bool) -> None:
    r = reading(text, "contact_human_agent")
    dialogue.read(r)
    assert (r.u.intent, r.u.sentiment.wants_human) == (intent, wants_human)


def test_how_long_an_invoice_can_be_asked_for() -> None:
    r = reading("How long after buying something can I still ask you for an invoice?",
                "check_refund_policy")
    dialogue.read(r)
    assert (r.u.intent, r.u.general) == ("check_invoice", True)


@pytest.mark.parametrize(("previous", "intent"), [
    ("get_refund", "check_refund_policy"), (None, "delivery_options"),
])
def test_shipping_cost_in_a_return_is_the_returns(previous: str | None, intent: str) -> None:
    r = reading("会扣运费吗", "delivery_options", previous=previous)
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize("text", [
    "My shaver stopped holding a charge after 8 months - is that covered?", "还在保吗",
])
def test_is_it_covered_asks_about_the_warranty(text: str) -> None:
    assert cue.asks_warranty(text)


@pytest.mark.parametrize(("text", "intent"), [
    # how long issuing takes: not the window, and the invoice's question (the store's
    # hours), not delivery times
    ("电子发票付款后多久能开出来", "check_invoice"),
    ("多久以内可以补开发票", "check_invoice"),
])
def test_the_invoice_window_is_asked_with_a_deadline(text: str, intent: str) -> None:
    r = reading(text, "delivery_period")
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "intent", "confidence", "read"), [
    # "also" adds, and what it adds is said: a request of its own
    ("thx. also need the invoice for #SO-2", "get_invoice", 0.99, "get_invoice"),
    # a question of its own about an item of that order (named by the item)
    ("and the headlamp in that parcel, is it waterproof?", "product_question", 0.99,
     "product_question"),
    ("and the headlamp in that parcel?", "product_question", 0.99, "track_order"),
    # "the same", "也一样", "也一起开": the request before, whatever the classifier says
    ("the same for SO-2 please", "get_invoice", 0.99, "track_order"),
    ("SO-2 也一样", "get_invoice", 0.99, "track_order"),
    ("sorry wrong number, mine is SO-2", "change_shipping_address", 0.95, "track_order"),
    # the classifier unsure: a follow-up
    ("also SO-2?", "get_invoice", 0.6, "track_order"),
])
def test_a_follow_up_or_a_request_of_its_own(text: str, intent: str, confidence: float,
                                             read: str) -> None:
    by_item = "headlamp" in text
    slots = Slots(order_id="SO-2", order_source="item_reference" if by_item else "message",
                  item_refs=["headlamp"] if by_item else [],
                  item_products=["P1"] if by_item else [])
    r = reading(text, intent, previous="track_order", slots=slots)
    r.u.intent_confidence = confidence
    dialogue.read(r)
    assert r.u.intent == read


@pytest.mark.parametrize(("text", "intent", "read"), [
    # an order named "too", with no request of its own: the classifier's "track" is a
    # guess from the word "order"; the invoice before is asked again
    ("and the SO-2 order too pls", "track_order", "get_invoice"),
    ("and one for SO-2 while you're at it", "track_order", "get_invoice"),
    ("SO-2 as well, thanks", "change_order", "get_invoice"),
    # a request said in so many words is that request
    ("and where is SO-2, is it shipped too?", "track_order", "track_order"),
    ("also cancel SO-2", "cancel_order", "cancel_order"),
])
def test_an_order_added_without_a_request_of_its_own(text: str, intent: str, read: str) -> None:
    r = reading(text, intent, previous="get_invoice",
                slots=Slots(order_id="SO-2", order_source="message"))
    r.u.intent_confidence = 0.99
    dialogue.read(r)
    assert r.u.intent == read


@pytest.mark.parametrize(("text", "money"), [
    ("how do I change the email on my account?", False),
    ("when will it be back on my card", True), ("did it go into my account", True),
    ("refund still not on my card", True),
])
def test_money_on_an_account_is_not_the_account_itself(text: str, money: bool) -> None:
    assert cue.asks_money_back(text) is money


@pytest.mark.parametrize(("text", "intent", "read"), [
    # right after a question about a product, a question pointing back at it
    ("how noisy is it at night", "other", "product_question"),
    ("晚上用它吵不吵", "other", "product_question"),
    # no question, or nothing pointed back at: the classifier's reading
    ("ok thanks it works", "other", "other"),
    ("can you help me write a cover letter?", "other", "other"),
])
def test_a_further_question_about_the_product(text: str, intent: str, read: str) -> None:
    r = reading(text, intent, previous="product_question")
    dialogue.read(r)
    assert r.u.intent == read


def test_a_named_order_whose_item_has_a_problem_is_about_the_item() -> None:
    slots = Slots(order_id="4720", order_source="message", item_refs=["kettle"],
                  item_products=["K1"])
    r = reading("my kettle from #4720 has a weird plastic smell", "product_question",
                slots=slots)
    dialogue.read(r)
    assert r.u.intent == "product_question"
    bare = reading("any news on #4720?", "other",
                   slots=Slots(order_id="4720", order_source="message"))
    dialogue.read(bare)
    assert bare.u.intent == "track_order"


def test_questions_typed_without_the_apostrophe() -> None:
    assert cue.asks_its_own_question("whats the legal mode in germany btw")
    assert not cue.asks_its_own_question("thanks, that works")


def test_an_order_said_to_be_cancelled_is_no_request_to_cancel_it() -> None:
    named = Slots(order_id="SO-1", order_source="message")
    r = reading("SO-1 取消了的单还能开发票吗", "get_invoice", slots=named)
    dialogue.read(r)
    assert r.u.intent == "get_invoice"
    asked = reading("SO-1 帮我取消掉吧 价格太贵了", "get_invoice", slots=named)
    dialogue.read(asked)
    assert asked.u.intent == "cancel_order"


def test_a_new_address_given_with_a_question_about_shipping_is_the_change() -> None:
    slots = Slots(order_id="SO-1", order_source="message", address="北京市海淀区学院路35号1206",
                  address_kind="explicit")
    r = reading("SO-1 还没发货吧？地址帮我改成北京市海淀区学院路35号1206",
                "change_shipping_address", slots=slots)
    r.u.intent_confidence = 0.99
    dialogue.read(r)
    assert r.u.intent == "change_shipping_address"
    where = reading("SO-1 还没发货吧？", "change_shipping_address",
                    slots=Slots(order_id="SO-1", order_source="message"))
    dialogue.read(where)
    assert where.u.intent == "track_order"


@pytest.mark.parametrize("text", ["我最近一次买的东西到哪了", "最近一次下单的那个发货了吗"])
def test_the_last_purchase_in_chinese(text: str) -> None:
    from app.understanding.slot_cues import refers_to_last_order

    assert refers_to_last_order(text)


def test_a_calm_complaint_while_a_fault_is_looked_into_goes_on_with_it() -> None:
    r = reading("哦原来这样 那湿度一直上不去呢 开了一天还是35%", "complaint",
                previous="product_question")
    r.u.alternatives = [("complaint", 0.9), ("track_order", 0.05), ("product_question", 0.04)]
    dialogue.read(r)
    assert r.u.intent == "product_question" and r.u.carried
    alone = reading("哦原来这样 那湿度一直上不去呢 开了一天还是35%", "complaint")
    alone.u.alternatives = list(r.u.alternatives)
    dialogue.read(alone)
    assert alone.u.intent != "complaint" and not alone.u.carried


@pytest.mark.parametrize(("text", "narrows"), [
    ("对了 L码适合多大头围", False), ("how big is the L one?", False),
    ("just the L one, I'm keeping the rest", True), ("只退L码的", True),
])
def test_a_question_of_size_during_a_pending_return_is_no_narrowing(text: str,
                                                                    narrows: bool) -> None:
    order = OrderSnapshot(
        id="O1", customer_id="C1", status=OrderStatus.delivered, total=20.0, currency="EUR",
        created_at=datetime(2026, 11, 1, tzinfo=UTC),
        items=(ItemSnapshot(line=0, product_id="H-L", name="Helmet L", qty=1, price=10.0),
               ItemSnapshot(line=1, product_id="G-1", name="Gloves", qty=1, price=10.0)))
    r = reading(text, "product_question", previous="get_refund",
                slots=Slots(order_id="O1", item_products=["H-L"]))
    r.state.pending = Pending(kind="action", intent="get_refund", action_id=1, asked_turn=1,
                              order_id="O1")
    r.orders = [order]
    assert narrows_the_pending(r) is narrows


@pytest.mark.parametrize(("text", "intent"), [
    # a place or a shop other than this one: out of scope, whatever product word it holds
    ("对了 你们知道昆明哪里能租露营装备吗", "other"), ("上海哪家猫咖好玩 周末想去撸猫", "other"),
    ("你知道附近哪里能修手机吗", "other"), ("is fortress or broadway selling it cheaper?", "other"),
    ("where can I get my kettle repaired in town?", "other"),
    # this shop's own
    ("哪里能买到你们的滤芯", "product_question"), ("哪个颜色好看", "product_question"),
])
def test_somewhere_else_is_out_of_scope(text: str, intent: str) -> None:
    r = reading(text, "product_question")
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "read", "intent"), [
    ("It still says pending, I haven't paid yet. Can I pay with FPS?", "payment_issue",
     "check_payment_methods"),
    ("do you take klarna?", "other", "check_payment_methods"),
    ("还没付款 能用花呗付吗", "payment_issue", "check_payment_methods"),
    # a payment gone wrong stays one
    ("I paid with FPS but you charged me twice", "payment_issue", "payment_issue"),
    ("my card was declined when I tried to pay", "payment_issue", "payment_issue"),
])
def test_whether_a_way_of_paying_is_taken(text: str, read: str, intent: str) -> None:
    r = reading(text, read)
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize("text", [
    "hi, Klarna just said no at checkout for #7731 ('this payment option is not available "
    "right now'). has anything been taken from my acount?? and can I just pay some other way?",
    "PayPal declined me at checkout for order #7731, was I charged anyway?",
])
def test_the_providers_no_at_checkout_is_a_payment_gone_wrong(text: str) -> None:
    # the order is named, but its state is not what is asked: the payment that failed
    slots = Slots(order_id="7731", order_source="message")
    r = reading(text, "check_payment_methods", slots=slots)
    dialogue.read(r)
    assert r.u.intent == "payment_issue"


@pytest.mark.parametrize(("text", "previous", "intent"), [
    # after a refund, the way it was paid and how soon: when the money is back
    ("paid with apple pay, how long till it shows up once you've got it back?", "get_refund",
     "track_refund"),
    ("我是用支付宝付的 大概几天能回来 你们验完货以后", "get_refund", "track_refund"),
    # not after a refund, or of a delivery: no money asked about
    ("paid with apple pay, how long till it shows up once you've got it back?", None,
     "check_refund_policy"),
    ("paid with visa, how long until the parcel arrives?", "get_refund", "delivery_period"),
])
def test_how_soon_the_money_comes_after_a_refund(text: str, previous: str | None,
                                                 intent: str) -> None:
    r = reading(text, "check_refund_policy" if "parcel" not in text else "delivery_period",
                previous=previous)
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "previous", "intent"), [
    # after a refund found rejected: why the returns policy turned it down
    ("为啥拒绝 我就用了一次", "track_refund", "check_refund_policy"),
    ("why was it rejected? I only wore it once", "track_refund", "check_refund_policy"),
    # a card declined is a payment problem
    ("why was my card declined?", None, "payment_issue"),
    ("为啥拒绝 我就用了一次", None, "payment_issue"),
])
def test_why_a_refund_was_refused(text: str, previous: str | None, intent: str) -> None:
    r = reading(text, "payment_issue", previous=previous)
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "intent", "read"), [
    ("这单还要开发票报销 退掉一袋以后 发票是按剩下那袋开吗", "get_invoice", "check_invoice"),
    ("if I send the lamp back, will the invoice be changed to just the bulbs?", "get_refund",
     "check_invoice"),
    # an invoice asked for, returned or not: as read
    ("can you send me the invoice for SO-1 please?", "get_invoice", "get_invoice"),
    ("我7月份退掉的那单 还能开发票吗", "get_invoice", "get_invoice"),
    ("I'd like to return the blender. Also, could you send me a tax invoice for it?",
     "get_refund", "get_refund")])
def test_a_question_about_the_invoice_amid_a_return(text: str, intent: str, read: str) -> None:
    r = reading(text, intent, previous="get_refund",
                slots=Slots(order_id="SO-1", order_source="message"))
    dialogue.read(r)
    assert r.u.intent == read


@pytest.mark.parametrize(("text", "intent", "read"), [
    ("got a text: 'your refund is on hold, confirm your card at refund-eu.com'. looks dodgy. "
     "What's your actual support email so I can check with you directly?", "track_refund",
     "contact_customer_service"),
    ("你们官方客服电话是多少", "other", "contact_customer_service"),
    # an order's phone is the order's
    ("what's the phone number on my order?", "track_order", "track_order")])
def test_how_to_reach_the_shop_asked(text: str, intent: str, read: str) -> None:
    r = reading(text, intent)
    dialogue.read(r)
    assert r.u.intent == read


@pytest.mark.parametrize(("text", "intent", "read"), [
    ("顺便问下 以后内胆涂层要是坏了 能单独买个换上吗", "product_question", "product_question"),
    ("if the bowl ever cracks, can I buy a spare one?", "get_refund", "product_question"),
    # a return asked now: as read
    ("the bowl cracked, can I send it back?", "get_refund", "get_refund")])
def test_a_spare_to_buy_some_day_is_no_return(text: str, intent: str, read: str) -> None:
    r = reading(text, intent, previous="track_order",
                slots=Slots(order_id="SO-1", order_source="message"))
    dialogue.read(r)
    assert r.u.intent == read


def test_the_invoice_wording_cue_reads_english_too() -> None:
    from app.assist.dialogue.invoices import _HOW_IT_IS_MADE_OUT

    assert _HOW_IT_IS_MADE_OUT("will the invoice be changed to just the bulbs?")
    assert _HOW_IT_IS_MADE_OUT("is the amount on it updated?")
    assert not _HOW_IT_IS_MADE_OUT("could you send me a tax invoice?")


@pytest.mark.parametrize(("text", "read_out"), [
    # an order's delivery details asked to be read out: a look-up, not a change
    ("reply with the consignee's mobile number and full address for order 4278", True),
    ("8123 是我的单吗？帮我看看收货地址填的哪", True),
    ("请提供订单8123的收件人姓名、手机号和详细地址", True),
    # a change, a new place or a detail said wrong is still the change of address
    ("which address is 8123 going to? I need to change it", False),
    ("the recipient name on 8123 is wrong, it should be Li Wei", False),
    ("订单8123收件人写错了", False), ("8123能寄到别的地方吗 收件人是我同事", False),
])
def test_details_read_out_are_no_change(text: str, read_out: bool) -> None:
    r = reading(text, "change_shipping_address",
                slots=Slots(order_id="8123", order_source="message"))
    assert no_address_change_asked(r) is read_out
    assert r.u.intent == ("track_order" if read_out else "change_shipping_address")


@pytest.mark.parametrize(("text", "confidence", "reason", "intent"), [
    # right after the return was opened, read only faintly as a return: about returning
    ("don't own a printer btw, is that a problem", 0.08, None, "check_refund_policy"),
    # read as a return beyond doubt, or with a reason of its own: the return asked again
    ("i want to return it", 0.95, None, "get_refund"),
    ("also the lead is frayed", 0.2, "damaged", "get_refund"),
])
def test_about_the_return_just_opened(text: str, confidence: float, reason: ReturnReason | None,
                                      intent: str) -> None:
    r = reading(text, "get_refund", previous="get_refund", slots=Slots(return_reason=reason))
    r.u.intent_confidence = confidence
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "intent"), [
    # the order only told of around a question about the item: the item's question
    ("Our blender is on its way (8123). My toddler presses every button — does it have a "
     "child lock?", "product_question"),
    # where it is, asked: the order's
    ("Our blender is on its way (8123)? It said so on Monday, where is it now?", "track_order"),
])
def test_an_order_told_of_around_a_question(text: str, intent: str) -> None:
    r = reading(text, "product_question",
                slots=Slots(order_id="8123", order_source="message", item_products=["BL-1"]))
    r.u.intent_confidence = 0.99
    where_is(r)
    assert r.u.intent == intent


def test_a_thing_bought_separately_is_no_parcel() -> None:
    assert not cue.asks_shipped_together("does it come with the combs or do I buy those "
                                         "separately?")
    assert cue.asks_shipped_together("will they be sent separately?")
    assert questions_asked("Got it. Is it blue? I hope so.") == "Is it blue?"


def test_a_code_asked_of_a_reorder_is_a_promotion() -> None:
    r = reading("If I reorder just the grey bed can I stick HELLOPAW on it?", "change_order",
                slots=Slots(item_products=["BED-GY"]))
    dialogue.read(r)
    assert r.u.intent == "promotion_question"


@pytest.mark.parametrize(("text", "intent"), [
    # what sending it back costs, read as the fee of a cancellation
    ("once it lands and I post it back unworn - what do I pay for that?", "check_refund_policy"),
    ("if I cancel now is there a fee?", "check_cancellation_fee"),
])
def test_what_sending_it_back_costs(text: str, intent: str) -> None:
    r = reading(text, "check_cancellation_fee")
    dialogue.read(r)
    assert r.u.intent == intent


def test_the_refund_told_by_its_rejection() -> None:
    # "之前那个被拒了的退款": the one order whose refund was rejected, not the one in hand
    def order(oid: str, status: RefundStatus) -> OrderSnapshot:
        refund = RefundSnapshot(id=f"R-{oid}", order_id=oid, status=status, amount=9.0,
                                created_at=datetime(2026, 5, 1, tzinfo=UTC))
        return OrderSnapshot(id=oid, customer_id="C", status=OrderStatus.delivered, total=9.0,
                             currency="CNY", created_at=datetime(2026, 4, 1, tzinfo=UTC),
                             refunds=(refund,))
    r = reading("之前那个被拒了的退款 到底咋回事", "track_refund", previous="product_question")
    r.orders = [order("A1", RefundStatus.refunded), order("B2", RefundStatus.rejected)]
    dialogue.read(r)
    assert r.u.intent == "track_refund" and r.u.slots.order_id == "B2"


@pytest.mark.parametrize(("text", "swap"), [
    ("把袜子换成手套", True), ("还没付钱那单 滤芯换成干燥剂行不行", True),
    # a question put, not a thing named: "是不是该换成成猫粮了"
    ("现在一岁多了 是不是该换成成猫粮了 直接换还是要慢慢换", False),
])
def test_one_thing_for_another(text: str, swap: bool) -> None:
    assert asks_replacement(text) is swap


def test_a_courier_asked_of_the_item_is_the_orders() -> None:
    r = reading("我买了两个。吹风机那个是顺丰发的吗？", "product_question",
                slots=Slots(order_id="8123", order_source="item_reference",
                            item_products=["DRY-1"]))
    r.orders = [OrderSnapshot(id="8123", customer_id="C", status=OrderStatus.shipped,
                              total=9.0, currency="CNY", carrier="SF Express",
                              created_at=datetime(2026, 4, 1, tzinfo=UTC))]
    assert not asks_only_of_the_item(r)


@pytest.mark.parametrize(("text", "items", "intent"), [
    # the order asked for, given with a complaint about the system: the answer
    ("你们系统是不是有问题啊 我手机上明明写的 8123 我都截图了", [], "track_order"),
    # an item's fault told instead: not the answer to "which order?"
    ("我自己那个窗户吊床 吸盘老是掉 才用几个月", ["BD-WH"], "get_refund"),
])
def test_a_fault_told_is_no_order_given(text: str, items: list[str], intent: str) -> None:
    slots = Slots(order_id="8123", order_source="message" if not items else "item_reference",
                  item_products=items, return_reason="defective")
    r = reading(text, "get_refund", previous="track_order", slots=slots)
    r.state.awaiting = ["order_id"]
    answers_the_question(r)
    assert r.u.intent == intent


def test_which_spares_fit_after_where_it_is_asks_of_the_product() -> None:
    slots = Slots(order_id="SO-1", order_source="previous", item_products=["HEADS"])
    r = reading("And for spare heads later on, which ones fit it? I've got touchy gums",
                "product_question", previous="track_order", slots=slots)
    dialogue.read(r)
    assert r.u.intent == "product_question"
    # the same shape asking where the other item is still follows up
    again = reading("and the heads, where are they?", "product_question", previous="track_order",
                    slots=Slots(order_id="SO-1", order_source="previous",
                                item_products=["HEADS"]))
    assert not cue.asks_if_it_fits(again.text)


@pytest.mark.parametrize(("text", "intent"), [
    # a refund supposed, how long it would take asked: the policy, no return asked for
    ("那我用银联信用卡付 以后万一要退款 几天能回到卡上", "check_refund_policy"),
    ("if I ever need a refund, how long does it take to reach my card?", "check_refund_policy"),
])
def test_a_refund_supposed_asks_the_policy(text: str, intent: str) -> None:
    r = reading(text, "track_refund", previous="check_payment_methods")
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "read_as", "intent"), [
    ("问下 你们发票那个180天 是从下单那天开始算 还是从签收那天算", "delivery_period",
     "check_invoice"),
    ("does the 180 days for invoices start from the order or the delivery?", "delivery_period",
     "check_invoice"),
    # a deadline of the shopper's own, no invoice spoken of
    ("where's my parcel? it had to come before the deadline on Friday", "track_order",
     "track_order"),
])
def test_from_when_an_invoice_may_be_asked(text: str, read_as: str, intent: str) -> None:
    r = reading(text, read_as)
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize("text", [
    "退掉以后打算换那款1.7L不锈钢的 它也是保一年吗",
    "once this one's gone back I'll get the steel one - is that under warranty too?",
])
def test_a_return_only_the_time_of_a_plan_leaves_the_warranty_asked(text: str) -> None:
    slots = Slots(item_products=["KTL1700-SS"], order_id="4103", order_source="only_order")
    r = reading(text, "get_refund", previous="get_refund", slots=slots)
    dialogue.read(r)
    assert r.u.intent == "product_question"


def test_a_return_wanted_with_the_warranty_named_stays_a_return() -> None:
    slots = Slots(item_products=["KTL1500-GN"], order_id="4103", order_source="only_order")
    r = reading("保修期内坏了 我要退货", "get_refund", slots=slots)
    dialogue.read(r)
    assert r.u.intent != "product_question"


@pytest.mark.parametrize(("text", "intent"), [
    ("I'm in hospital for two months, so the dog won't need the tracker. Is there a way of "
     "pausing the TrackMate plan while I'm in?", "product_question"),
    # a word of the delivery outside the name: still where it is
    ("where's my tracker?", "track_order"),
    ("has the TrackMate shipped yet?", "track_order"),
    ("the tracker hasn't arrived, can you check?", "track_order"),
    ("is my TrackMate coming today?", "track_order"), ("has my TrackMate left yet?", "track_order"),
])
def test_the_words_of_a_delivery_only_in_a_products_name(text: str, intent: str) -> None:
    slots = Slots(item_refs=["tracker", "trackmate"], item_products=["GPS-1"], order_id="88",
                  order_source="item_reference")
    r = reading(text, "track_order", slots=slots)
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "product"), [
    ("Fair enough, I'll just ask him. What's the medium grey one going for at the moment then?",
     True),
    ("那个灰色的现在多少钱", True),
    # what was paid is the order's, not the product's price now
    ("how much did I pay for the grey bed?", False),
])
def test_the_price_of_a_named_product_left_out_of_scope(text: str, product: bool) -> None:
    slots = Slots(item_refs=["grey"], item_products=["BED-M-GY"], order_id="7",
                  order_source="only_order")
    r = reading(text, "other", slots=slots)
    dialogue.read(r)
    assert (r.u.intent == "product_question") is product


@pytest.mark.parametrize(("text", "intent"), [
    ("好嘞，一会儿用微信把钱付了", "other"), ("right, I'll pay with iDEAL in a bit then", "other"),
    # asked, not told: whether the way is taken
    ("我一会儿用微信付可以吗", "check_payment_methods"),
    ("I'll pay with klarna, is that ok?", "check_payment_methods"),
])
def test_the_way_one_will_pay_told_asks_nothing(text: str, intent: str) -> None:
    r = reading(text, "check_payment_methods")
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "asked"), [
    ("婆婆天不亮就起来做早饭 头天晚上放好米定时的话 最多能提前多少个钟头设", True),
    ("what's the longest the timer can be set?", True), ("电池最长能用多久", True),
    # its output or its noise, measured
    ("her room is tiny - what's the noise level at its slowest speed?", True),
    ("Could you at least tell me how much water it holds?", True),
    ("出水速度怎么样 一分钟能出多少", True), ("will one charge last the whole trip?", True),
    # how far the shop's terms go is no question of the item
    ("最多能退多少钱", False), ("最晚能几号发货", False), ("what's the delivery level?", False),
])
def test_how_far_a_setting_goes_is_how_the_item_is(text: str, asked: bool) -> None:
    assert cue.asks_how_it_is(text) is asked


@pytest.mark.parametrize(("text", "intent"), [
    ("Actually, could you send me a new fan instead of refunding me? I do like it when it works.",
     "track_refund"),
    ("Could you send me a grey set instead of refunding?", "get_refund"),
    ("不退款了 能给我换个新的吗", "get_refund"),
    ("Before you book anything - could you send me a fresh E5 in its place, or is it money back "
     "only?", "check_refund_policy"),
    ("不退钱的话 能不能直接给我换个新的", "track_refund"),
])
def test_goods_asked_for_instead_of_the_refund_are_the_exchange_terms(text: str,
                                                                      intent: str) -> None:
    slots = Slots(order_id="7", order_source="previous")
    r = reading(text, intent, previous="get_refund", slots=slots)
    dialogue.read(r)
    assert r.u.intent == "check_refund_policy"


@pytest.mark.parametrize(("text", "intent", "read"), [
    ("I'm away Friday to Sunday and 20 kilos isn't fitting through the letterbox. can I get "
     "the courier to bring it another day?", "track_order", "delivery_options"),
    ("If the driver can't find the street will they just take it back to the depot? I'd much "
     "rather it got left in the porch", "product_question", "delivery_options"),
    ("快递能改天送吗 这周都不在", "track_order", "delivery_options"),
    # told after the fact, or no question: not how it is to be handed over
    ("it says delivered but there's nothing in the porch", "track_order", "track_order"),
    ("left it in the porch for you, thanks", "other", "other"),
])
def test_how_the_parcel_is_handed_over(text: str, intent: str, read: str) -> None:
    assert read_after(text, intent, "track_order") == read


def test_a_courier_picking_the_return_up_is_how_it_goes_back() -> None:
    text = ("I won't need to carry it anywhere myself, will I? With this brace I can barely hold "
            "a mug. Will a courier pick it up from me?")
    assert read_after(text, "delivery_options", "get_refund") == "check_refund_policy"


@pytest.mark.parametrize(("text", "read", "intent"), [
    # how long the money takes back to where it was paid from, after the refund's state
    ("当时是京东支付绑的招行信用卡 退回信用卡一般要几个工作日", "other", "track_refund"),
    # the invoice of the order refunded: the invoice's terms
    ("那这一单之前开的电子发票呢 钱都退了 发票是不是就作废了 我报销那边要不要说一声",
     "check_invoice", "check_invoice"),
])
def test_after_a_refund_found(text: str, read: str, intent: str) -> None:
    assert read_after(text, read, "track_refund") == intent


@pytest.mark.parametrize(("text", "intent"), [
    ("刚拍的那单还没付款 里面那盒喷嘴帮我删掉吧 只要主机就行", "change_order"),
    # the order itself called off
    ("那单还没付款 帮我取消吧 喷嘴也不要了", "cancel_order"),
])
def test_an_item_taken_out_is_no_cancellation(text: str, intent: str) -> None:
    slots = Slots(item_refs=["喷嘴"], item_products=["NZ-4"], order_id="41",
                  order_source="item_reference")
    r = reading(text, "cancel_order", slots=slots)
    dialogue.read(r)
    assert r.u.intent == intent


def test_a_plan_told_and_a_parcel_asked_is_where_it_is() -> None:
    slots = Slots(item_refs=["山地胎"], item_products=["TY-1"], order_id="26",
                  order_source="item_reference")
    r = reading("行吧，那我找卖家退钱去。我自己那两条山地胎到哪了？", "track_order",
                previous="change_shipping_address", slots=slots)
    dialogue.read(r)
    assert r.u.intent == "track_order"


@pytest.mark.parametrize(("text", "intent", "read"), [
    # the account itself named: not the phone it was done on
    ("我儿子前天拿我手机乱点，把官网的账户给注销了！里面还有我的订单记录，还能恢复吗？",
     "delete_account", "delete_account"),
    # relief and thanks read as a forgotten password: nothing asked
    ("吓死我了，还好能找回来，谢谢哈", "recover_password", "other"),
])
def test_the_account_and_its_thanks(text: str, intent: str, read: str) -> None:
    slots = Slots(item_refs=["手机"], item_products=["PH-1"]) if "手机" in text else Slots()
    r = reading(text, intent, slots=slots)
    # (the classifier's next reading, which no thanks should fall back on)
    r.u.alternatives = [(intent, 0.5), ("get_refund", 0.3)]
    dialogue.read(r)
    assert r.u.intent == read


@pytest.mark.parametrize("text", [
    "His parcel shouldn't be left outside his empty house, so could it come to my place "
    "instead, 14 Oliver Plunkett Street, Cork?",
    "can it go to my office instead",
])
def test_sent_to_another_place_instead(text: str) -> None:
    assert cue.wants_it_elsewhere(text)


def test_paid_on_the_wrong_card_is_a_payment_problem() -> None:
    text = ("Hi, bit of an own goal here: I paid #655 with my company Visa instead of my own "
            "card. Can you just move the charge across to my personal Mastercard?")
    r = reading(text, "track_order", slots=Slots(order_id="655", order_source="message"))
    dialogue.read(r)
    assert r.u.intent == "payment_issue"


@pytest.mark.parametrize(("text", "asked"), [
    ("when will the 258 land back on the company card?", True),
    ("退回信用卡一般要几个工作日", True), ("the card landed on the floor", False),
])
def test_money_back_where_it_was_paid_from(text: str, asked: bool) -> None:
    assert cue.asks_money_back(text) is asked


def test_what_a_named_order_holds_is_that_order() -> None:
    text = ("We're doing secret santa at work and my colleague showed me his order number, "
            "#5182. Could you tell me what's in it so I don't end up buying him the same?")
    r = reading(text, "change_order", slots=Slots(order_mention="5182"))
    dialogue.read(r)
    assert r.u.intent == "track_order"


@pytest.mark.parametrize("text", [
    "A DPD parcel for one of your customers got left in my porch and the label is torn",
    "Got this text: EVRI: Your parcel is on hold due to an unpaid redelivery fee. real?",
])
def test_a_handover_told_of_is_none_asked(text: str) -> None:
    assert not cue.asks_handover(text)


def test_what_must_go_back_with_the_return_is_how_it_goes_back() -> None:
    assert cue.asks_return_logistics("do the diffuser and the two nozzles have to go back as "
                                     "well, or just the dryer itself?")


@pytest.mark.parametrize(("text", "read", "intent"), [
    # after the warranty's answer: the item sent in for repair
    ("要我自己寄回去吗 运费谁出", "check_refund_policy", "product_question"),
    ("Do I send the whole fountain back or just the base?", "check_refund_policy",
     "product_question"),
    # a return said in so many words stays one
    ("好 12块运费认了 两样一起退 帮我约上门取件", "get_refund", "get_refund"),
    ("if I post the two tubes back once they've arrived, how much do I get back?",
     "check_refund_policy", "check_refund_policy"),
    ("And what would sending it back cost me?", "check_refund_policy", "check_refund_policy"),
    # "后来取消了" holds no pick-up ("来取")
    ("有新人优惠码吗 我之前下过一单后来取消了", "promotion_question", "promotion_question"),
])
def test_sent_back_after_the_warranty(text: str, read: str, intent: str) -> None:
    assert read_after(text, read, "product_question") == intent


@pytest.mark.parametrize(("text", "intent"), [
    # a delivery's word inside the name only, not at a word's start
    ("We're off to Spain for three weeks with the dog. Will his PetTrack keep working over "
     "there??", "product_question"),
    ("is my PetTrack coming today?", "track_order"),
])
def test_a_delivery_word_inside_a_products_name(text: str, intent: str) -> None:
    slots = Slots(item_refs=["pettrack"], item_products=["GPS-1"], order_id="88",
                  order_source="item_reference")
    r = reading(text, "track_order", slots=slots)
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize("text", [
    "Do I need a printer for the label? ours is broken", "Where do I drop the pink ones off?",
    "寄回去的时候里面的滤芯要取出来吗 还是整台原样装好就行",
    "Do I need the original box? I flattened it for the recycling already",
    "does it matter that I've opened it?", "钥匙和那张钥匙编号卡也要一起放进箱子里吗？",
    "Do I need to pack the docking station and the spare dust bags as well, or just the robot?",
])
def test_how_the_return_is_packed_and_sent(text: str) -> None:
    # right after a return: how it goes back, the returns terms, not a product question
    assert read_after(text, "product_question", "get_refund") == "check_refund_policy"


@pytest.mark.parametrize(("text", "cost"), [
    ("the headlamp won't take a charge anymore, so can i return it?", False),
    ("it doesn't hold a charge", False), ("is there a charge for returns?", True),
])
def test_a_batterys_charge_is_no_cost(text: str, cost: bool) -> None:
    assert bool(cue.asks_cost(text)) is cost


@pytest.mark.parametrize(("text", "asked"), [
    ("I'm tempted to get the green fountain after all - is it still £44.99?", True),
    ("那个水壶还是299吗", True), ("is it still on its way?", False),
])
def test_a_price_seen_before_asked_again(text: str, asked: bool) -> None:
    assert bool(cue.asks_price(text)) is asked


def test_when_an_order_was_bought_asked_indirectly() -> None:
    assert cue.asks_when_placed("The slip says #2893. Could you tell me when it was bought and "
                                "delivered?")


def test_a_text_called_a_scam_is_no_complaint() -> None:
    text = "那这短信就是骗子了 链接我不点了 对了 米色窝那单现在到哪了"
    assert not analyze_sentiment(text).complaint
