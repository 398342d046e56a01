"""Readings of a price asked after a product question (in the shopper's currency), a
receipt asked about rather than asked for, an order said by what is in it, a cancellation
told beside a question of the product, a courier's shop or a neighbour to leave it with,
an order's delivery asked beside the warranty, things put into or taken off an order, an
invoice sent again, money taken twice, and a question of its own after "btw"."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist import dialogue
from app.assist.dialogue.deliveries import where_is
from app.assist.dialogue.invoices import how_soon_the_invoice_comes
from app.assist.dialogue.requests import shows_an_order
from app.models import Product
from app.store.product_attributes import price_in
from app.understanding import dialogue_cues as cue
from app.understanding.item_changes import adds_to_order
from app.understanding.slots import Slots
from tests.api_helpers import Api
from tests.shop_k1 import STORE, say, shop
from tests.test_dialogue_misreadings import reading


@pytest.mark.parametrize(("text", "read_as", "previous", "intent"), [
    # what a thing costs, right after a question about the product
    ("Fair enough, I'll just buy another. How much is a 4-pack on its own?",
     "promotion_question", "product_question", "product_question"),
    ("套餐首月免费 之后一个月多少钱来着", "check_cancellation_fee", "product_question",
     "product_question"),
    # a code, a delivery or a cancellation named keeps the shop's terms
    ("how much is it with the discount code?", "promotion_question", "product_question",
     "promotion_question"),
    ("how much does cancelling cost?", "check_cancellation_fee", "product_question",
     "check_cancellation_fee"),
    # no product question before: the classifier's
    ("How much is a 4-pack on its own?", "promotion_question", None, "promotion_question"),
])
def test_a_price_asked_after_a_product_question(
        text: str, read_as: str, previous: str | None, intent: str) -> None:
    r = reading(text, read_as, previous=previous)
    dialogue.read(r)
    assert r.u.intent == intent


def test_how_much_may_open_any_sentence() -> None:
    assert cue.asks_price("Fair enough. How much is the 4-pack?")
    assert not cue.asks_price("I don't know how much longer I can wait")


@pytest.mark.parametrize(("text", "previous", "intent"), [
    # whether a receipt is needed, after the warranty: the warranty's terms
    ("Good. Do we need to have registered it, or dig out the original receipt?",
     "product_question", "product_question"),
    ("退货需要提供发票吗", "check_refund_policy", "check_refund_policy"),
    # one asked for stays an invoice asked for
    ("please send me the receipt for it", "product_question", "get_invoice"),
])
def test_a_receipt_asked_about_is_not_asked_for(text: str, previous: str, intent: str) -> None:
    r = reading(text, "check_invoice", previous=previous,
                slots=Slots(order_id="4101", order_source="previous"))
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "intent"), [
    # an order said by what is in it: the last request of an order, on that one
    ("冲牙器那单呢", "track_order"),
    ("and the kettle order?", "track_order"),
    # an item alone, after a product question, asks the same of that item
    ("冲牙器呢", "product_question"),
])
def test_an_order_said_after_a_product_question(text: str, intent: str) -> None:
    slots = Slots(order_id="4103", order_source="item_reference", item_products=["WFL0300"],
                  item_refs=["冲牙器" if "冲" in text else "kettle"])
    r = reading(text, "product_question", previous="product_question", slots=slots)
    r.state.last_request = "track_order"
    dialogue.read(r)
    assert r.u.intent == intent


def test_a_cancellation_told_beside_a_question_of_the_product() -> None:
    text = ("ahh, the two head torches I cancelled! totally slipped my mind. I might order one "
            "after all - is it fine in the rain?")
    slots = Slots(order_id="SO-5", order_source="item_reference", item_products=["HT"],
                  item_refs=["head torches"])
    r = reading(text, "cancel_order", previous="track_refund", slots=slots)
    dialogue.read(r)
    assert r.u.intent == "product_question"
    # asked now, it is the cancellation
    asked = reading("is it fine in the rain? if not please cancel the head torches", "cancel_order",
                    previous="track_refund", slots=slots.model_copy())
    dialogue.read(asked)
    assert asked.u.intent == "cancel_order"
    passive = reading("can the head torches order be cancelled please? is it too late?",
                      "cancel_order", previous="track_refund", slots=slots.model_copy())
    dialogue.read(passive)
    assert passive.u.intent == "cancel_order"


@pytest.mark.parametrize(("text", "elsewhere"), [
    ("Could they simply leave it at the GLS shop on Praterstraße in the meantime?", True),
    ("can you hold it at the depot until Monday?", True),
    ("ok. the Royal Mail one with the collar - I'm away till Friday, can they hang onto it for "
     "me?", True),
    ("leave it at the door please", False),
])
def test_a_couriers_shop_to_leave_it_at(text: str, elsewhere: bool) -> None:
    assert bool(cue.wants_it_elsewhere(text)) is elsewhere


def test_a_price_in_the_shoppers_currency_from_a_stored_product() -> None:
    filters = Product(id="FL4", name="Filters (4 pcs)", price=49.0, currency="CNY",
                      attributes={"price_gbp": 9.99})
    assert price_in(filters, "GBP") == 9.99
    assert price_in(filters, "CNY") == 49.0
    assert price_in(filters, "EUR") is None


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """K1's shop as a store selling in two currencies: the catalogue in yuan, a price in
    pounds beside it, and K1's orders in pounds."""
    store = copy.deepcopy(STORE)
    for product in store["products"]:
        product |= {"price": 350.0, "currency": "CNY"}
        product["attributes"]["price_gbp"] = 39.99
    for order in store["orders"]:
        order["currency"] = "GBP"
    with shop(initialised_template, tmp_path_factory.mktemp("prices"), store) as client:
        yield client


def test_a_price_asked_is_in_the_shoppers_currency(api: Api) -> None:
    assert say(api, "gbp", "do you sell the steel toaster on its own?").intent == (
        "product_question")
    asked = say(api, "gbp", "ok. How much is it on its own?")
    assert asked.intent == "product_question"
    assert "39.99" in asked.reply and "350" not in asked.reply, asked.reply


def test_a_price_asked_in_another_of_the_stores_currencies(api: Api) -> None:
    assert say(api, "rmb", "do you sell the steel toaster on its own?").intent == (
        "product_question")
    asked = say(api, "rmb", "ok. How much is it in RMB?")
    assert "350" in asked.reply and "39.99" not in asked.reply, asked.reply


@pytest.mark.parametrize(("text", "oid", "read_as", "intent"), [
    # an order number, and when it was delivered asked beside the warranty: that order
    ("我岳父买的净化器坏了 订单号3238480483 是哪天签收的 还在不在保修期", "3238480483",
     "product_question", "track_order"),
    ("The seller says it's still under warranty, order 3744097312. Can you check it's one of "
     "yours and when it was delivered?", "3744097312", "product_question", "track_order"),
    # a tenant moving out is no return
    ("我是房东 之前的租客退租时留了台暖风机 说还在保修期 帮我查下这单是哪天签收的 订单号3883096680",
     "3883096680", "get_refund", "track_order"),
    # ... or the order named by its item
    ("On which day exactly did DHL drop off the tyre I had from you? I need the exact date "
     "to work out if it's still in warranty", "item:SO-1", "product_question", "track_order"),
    # the warranty alone stays a question of the product
    ("净化器一般保修多长时间", None, "product_question", "product_question"),
])
def test_when_an_order_was_delivered_asked_beside_the_warranty(
        text: str, oid: str | None, read_as: str, intent: str) -> None:
    by_item = oid is not None and oid.startswith("item:")
    oid = oid.removeprefix("item:") if oid else None
    slots = Slots(order_id=oid, order_source=("item_reference" if by_item else "message")
                  if oid else None)
    r = reading(text, read_as, slots=slots)
    dialogue.read(r)
    assert r.u.intent == intent


@pytest.mark.parametrize(("text", "where"), [
    ("折叠锁的退货申请提交了，但是我还没寄出去，现在是什么状态？", False),
    ("寄出了吗", True),
])
def test_the_shoppers_own_sending_is_no_question_of_where(text: str, where: bool) -> None:
    assert bool(cue.asks_where(text)) is where


def test_another_one_for_asks_the_same() -> None:
    assert cue.says_same("and another one for the sensor kit please")
    r = reading("and another one for the sensor kit please, even if the parcel's still on "
                "its way", "track_order", previous="get_invoice",
                slots=Slots(order_id="SO-2", order_source="item_reference",
                            item_products=["KIT"], item_refs=["sensor kit"]))
    assert not where_is(r)


@pytest.mark.parametrize(("text", "adds"), [
    ("could you add one Beacon 60 rear light to SO-88104 (the socks) before I pay?", True),
    ("SO-87472 背带裤那单还没发吧？能不能往里面再加两双美利奴羊毛袜一起寄", True),
    ("add a bell to 4592", True),
    ("can you pop a third bag of the bentonite in the parcel that's already on its way?", True),
    # numbers that are no order
    ("I want to add 5 to 10 minutes", False),
])
def test_something_added_to_an_order_by_its_number(text: str, adds: bool) -> None:
    assert bool(adds_to_order(text)) is adds


def test_an_order_shown_is_not_a_change_asked() -> None:
    r = reading("SO-87472 背带裤那单还没发吧？能不能往里面再加两双美利奴羊毛袜一起寄",
                "track_order", slots=Slots(order_id="SO-87472", order_source="message"))
    assert not shows_an_order(r)


@pytest.mark.parametrize(("text", "intent"), [
    # "好几天" tells how long it has been, and the invoice is asked for again
    ("桌面净化器那单都发货好几天了 电子发票一直没收到 邮箱垃圾箱也翻过了 麻烦再给我发一次",
     "get_invoice"),
    # how long one takes still asks the terms
    ("电子发票几天能收到", "check_invoice"),
])
def test_an_invoice_sent_again(text: str, intent: str) -> None:
    r = reading(text, "check_invoice", slots=Slots(order_id="41279", order_source="item_reference"))
    dialogue.read(r)
    assert r.u.intent == intent


def test_nearly_here_asks_where_it_is() -> None:
    assert cue.asks_where("hey, is the robot vacuum nearly here? I've cleared the floor")
    assert not cue.asks_where("we're nearly there with the paperwork")


def test_another_product_in_its_place_is_a_change() -> None:
    assert cue.asks_change("any chance you can make it the AeroSilk in black instead?")


@pytest.mark.parametrize(("text", "read_as", "intent"), [
    ("昨天付款的时候页面卡住了 我又点了一次付款 是不是扣了我两次钱", "product_question",
     "payment_issue"),
    ("the page froze and I think you charged me twice for the bed", "track_refund",
     "payment_issue"),
    # only feared, with thanks: no problem to check
    ("好 都对上了 还以为被扣了两次 谢谢", "other", "other"),
    # a cancellation asked in the same breath is that cancellation
    ("you charged me twice, just cancel the whole order please", "cancel_order", "cancel_order"),
])
def test_money_taken_twice_is_a_payment_problem(text: str, read_as: str, intent: str) -> None:
    r = reading(text, read_as, slots=Slots(order_id="MW-5", order_source="only_order"))
    dialogue.read(r)
    assert r.u.intent == intent


def test_one_taken_off_the_order_in_hand_is_a_change() -> None:
    r = reading("Could you take one of the two bags off though?", "product_question",
                previous="cancel_order", slots=Slots(order_id="MW-6", order_source="previous"))
    r.state.orders_discussed = ["MW-6"]
    dialogue.read(r)
    assert r.u.intent == "change_order"


@pytest.mark.parametrize(("text", "asks"), [
    ("When I reorder, can I just use PayMe so I'm not stuck waiting for the new card?", True),
    ("could I use Klarna instead?", True),
    ("can I use the dryer on the lowest setting?", False),
    ("can I use my ideal card", False),
])
def test_whether_a_way_of_paying_is_taken(text: str, asks: bool) -> None:
    assert bool(cue.asks_if_accepted(text)) is asks


def test_a_question_set_off_by_btw_after_an_invoice_is_its_own() -> None:
    # the pipeline reads "另外开了的那袋 … 能放多久" without its "另外", and says so
    text = "开了的那袋 封口夹子夹不太紧 开封以后大概能放多久"
    r = reading(text, "product_question", previous="get_invoice")
    r.turned_topic = True
    assert not how_soon_the_invoice_comes(r)
    # without the turn of topic, "how long?" right after the invoice asks when it comes
    again = reading(text, "product_question", previous="get_invoice")
    assert how_soon_the_invoice_comes(again) and again.u.intent == "check_invoice"


def test_what_is_only_conceded_asks_nothing() -> None:
    r = reading("and another one for the sensor kit please, even if the parcel's still on its way",
                "track_order", previous="get_invoice",
                slots=Slots(order_id="SO-2", order_source="item_reference", item_products=["SK"],
                            item_refs=["sensor kit"]))
    r.u.intent_confidence = 0.99
    dialogue.read(r)
    assert r.u.intent == "get_invoice"


def test_how_it_goes_back_after_a_returns_progress_is_the_return_policy() -> None:
    text = ("approved, good. but nobody's come to collect it yet - do I need to print a label "
            "or drop it at a Kerry point myself?")
    r = reading(text, "track_order", previous="track_refund",
                slots=Slots(order_id="4547", order_source="previous"))
    dialogue.read(r)
    assert r.u.intent == "check_refund_policy"


def test_a_couriers_parcel_to_be_kept_or_left_elsewhere_is_no_question_of_where() -> None:
    r = reading("ok. the Royal Mail one with the collar - I'm away till Friday, can they hang "
                "onto it for me?", "track_order", previous="check_refund_policy",
                slots=Slots(order_id="MW-7", order_source="item_reference",
                            item_products=["COLLAR"], item_refs=["collar"]))
    assert not where_is(r)
    asked = reading("haha fair enough. it's Harvey, genuinely. if I'm out when the cat carriers "
                    "turn up, can they just be left at number 134 next door?", "track_order",
                    previous="track_order", slots=Slots(order_id="MW-8", order_source="message"))
    asked.state.awaiting = ["order_id"]
    dialogue.read(asked)
    assert asked.u.intent != "track_order"


@pytest.mark.parametrize(("text", "adds"), [
    ("brilliant, I'll add one to my next order", False),
    ("please add one to my current order", True),
])
def test_one_for_the_next_order_is_no_change(text: str, adds: bool) -> None:
    assert bool(adds_to_order(text)) is adds


def test_thanks_with_a_remark_read_as_a_write_asks_none(api: Api) -> None:
    say(api, "remark", "is the tower fan quiet?")
    closed = say(api, "remark", "done, back to the blue one. ta!")
    assert closed.intent == "other" and closed.action is None, (closed.intent, closed.reply)
    # a write said in so many words is still that write
    asked = say(api, "remark-2", "thanks, and please cancel Q-5101")
    assert asked.intent == "cancel_order"


