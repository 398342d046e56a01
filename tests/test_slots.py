"""Slot filling: order references resolved against the shopper's orders, and the surface
slots (addresses, contacts, amounts, quantities, yes/no) in English, Chinese and both."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from app.models._common import OrderStatus
from app.store.catalogue import Catalogue
from app.store.connector import ItemSnapshot, OrderSnapshot
from app.store.id_shapes import IdShapes, learn
from app.store.product_attributes import product_words
from app.store.store_facts import StoreFacts
from app.understanding.slots import Slots, extract_slots, missing_slots

# the store's catalogue: every word the tests below use to name an item comes from here
# (names, aliases, colours), none from code
PRODUCTS = [
    ("P-MUG-B", "Ceramic Mug 350 ml — Blue",
     {"line": "mug", "color": "Blue", "颜色": "蓝色", "name_zh": "陶瓷马克杯 350ml（蓝色）",
      "aliases": ["cup", "coffee cup", "杯子"]}),
    ("P-MUG-K", "Ceramic Mug 350 ml — Black",
     {"line": "mug", "color": "Black", "颜色": "黑色", "name_zh": "陶瓷马克杯 350ml（黑色）",
      "aliases": ["cup", "杯子"]}),
    ("P-TEE-W", "Cotton T-Shirt — White M",
     {"line": "t-shirt", "color": "White", "颜色": "白色", "size": "M",
      "name_zh": "纯棉T恤（白色 S）", "aliases": ["tee"]}),
    ("P-SHOE", "Running Shoes — EU 43", {"line": "shoes", "aliases": ["sneakers", "trainers"]}),
    ("P-BUDS", "Wireless Earbuds — White",
     {"line": "earbuds", "color": "White", "name_zh": "无线蓝牙耳机（黑色）",
      "aliases": ["headphones", "耳机"]}),
    ("P-JKT", "Down Jacket — Olive M",
     {"line": "jacket", "color": "Olive", "name_zh": "羽绒服（黑色 M）", "aliases": ["coat"]}),
    ("P-LAMP", "LED Desk Lamp — White", {"line": "lamp", "color": "White"}),
    ("P-MAT", "Yoga Mat 6 mm — Pink", {"line": "yoga mat", "color": "Pink"}),
    ("P-WATCH", "Smart Watch — Black", {"line": "watch", "aliases": ["smartwatch"]}),
    ("P-BAG", "City Backpack 20 L", {"line": "backpack", "aliases": ["rucksack"]}),
    ("P-SOCK", "Wool Socks", {"line": "socks"}),
]
NAME_TO_PRODUCT = {name: pid for pid, name, _ in PRODUCTS}
NAME_TO_PRODUCT.update({attrs["name_zh"]: pid for pid, _, attrs in PRODUCTS
                        if "name_zh" in attrs})
CATALOGUE = Catalogue.build(product_words(pid, name, attrs) for pid, name, attrs in PRODUCTS)


def order(oid: str, day: int, *names: str, customer: str = "C1") -> OrderSnapshot:
    return OrderSnapshot(
        id=oid, customer_id=customer, status=OrderStatus.paid,
        created_at=datetime(2026, 11, day, 10, tzinfo=UTC), total=10.0 * len(names),
        currency="USD",
        items=tuple(ItemSnapshot(line=i, product_id=NAME_TO_PRODUCT[n], name=n, qty=1,
                                 price=10.0) for i, n in enumerate(names)),
    )


# deliberately not newest first: extract_slots sorts by created_at itself
EN = (
    order("A10023", 18, "Ceramic Mug 350 ml — Black", "Cotton T-Shirt — White M"),
    order("A10005", 2, "Running Shoes — EU 43", "Wireless Earbuds — White"),
    order("A10031", 20, "Ceramic Mug 350 ml — Blue"),
    order("A10011", 10, "Down Jacket — Olive M"),
)
ZH = (
    order("B20001", 15, "羽绒服（黑色 M）", "纯棉T恤（白色 S）", customer="C2"),
    order("B20002", 21, "陶瓷马克杯 350ml（蓝色）", customer="C2"),
    order("B20000", 1, "陶瓷马克杯 350ml（黑色）", "无线蓝牙耳机（黑色）", customer="C2"),
)
PAIR = (order("A20001", 5, "LED Desk Lamp — White"), order("A20002", 9, "Yoga Mat 6 mm — Pink"))
SINGLE = (order("A30001", 3, "Smart Watch — Black"),)
# the shapes of the store's order numbers, learned from its ids
FACTS = StoreFacts(CATALOGUE, IdShapes(tuple(learn(
    o.id for o in (*EN, *ZH, *PAIR, *SINGLE)))))


def slots(text: str, orders: tuple[OrderSnapshot, ...] = EN, *, language: str = "en",
          history: Sequence[str] = (), previous: Slots | None = None,
          intent: str | None = None) -> Slots:
    return extract_slots(text=text, language=language, orders=orders, history=history,
                         previous=previous, intent=intent, facts=FACTS)


# --- order ids in the message --------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Where is order A10023?", "A10023"),
    ("我的order a10023 到哪了", "A10023"),
    ("订单号：A10023 还没发货", "A10023"),
    ("订单A10031到哪了", "A10031"),
    ("#a10011 hasn't arrived", "A10011"),
    ("order #10023 please", "A10023"),  # bare digits of one of the shopper's orders
    ("订单号10031怎么还没到", "A10031"),
    ("订单号Ａ１００３１怎么还没到", "A10031"),  # full-width
])
def test_order_id_in_message(text: str, expected: str) -> None:
    found = slots(text)
    assert (found.order_id, found.order_source) == (expected, "message")


@pytest.mark.parametrize("text, mention", [
    ("can you cancel A99999", "A99999"),  # the store's shape, not theirs
    ("where is order 4242?", "4242"),  # any shape after an order word
])
def test_an_order_we_cannot_find_is_kept_as_written(text: str, mention: str) -> None:
    found = slots(text)
    assert found.order_id is None and found.order_mention == mention
    assert missing_slots("cancel_order", found) == []


@pytest.mark.parametrize("text", [
    "my tracking number is 1ZA10023X77", "order 99999 is late", "I paid 10023 yen?",
])
def test_no_order_id_where_none_is(text: str) -> None:
    assert slots(text, orders=()).order_id is None


def test_two_named_orders_side_by_side_are_both_meant_newest_first() -> None:
    found = slots("A10023 and A10031 haven't shipped")
    assert found.order_ids == ["A10031", "A10023"] and found.order_id == "A10031"


def test_two_named_orders_as_alternatives_are_ambiguous_newest_first() -> None:
    found = slots("A10023 or A10031, not sure which")
    assert found.order_id is None and not found.order_ids
    assert found.order_candidates == ["A10031", "A10023"]


def test_both_named_orders_are_meant_newest_first() -> None:
    found = slots("A10023 and A10031 both haven't shipped")
    assert found.order_ids == ["A10031", "A10023"] and found.order_id == "A10031"


@pytest.mark.parametrize(("text", "several"), [
    ("please invoice both orders: the lamp one, and the yoga mat order", ["A20002", "A20001"]),
    ("两个订单都开个发票：台灯那单，还有瑜伽垫那单", ["A20002", "A20001"])])
def test_both_orders_named_by_their_items_are_meant(text: str, several: list[str]) -> None:
    found = slots(text, PAIR)
    assert found.order_ids == several


def test_both_items_of_one_order_are_that_order() -> None:
    found = slots("both the shoes and the earbuds came scuffed")
    assert found.order_id == "A10005" and not found.order_ids


# --- item references -------------------------------------------------------------------------

@pytest.mark.parametrize("text, orders, expected, ref", [
    ("我上周买的蓝色杯子到哪了", ZH, "B20002", "杯子"),
    ("黑色的杯子能退吗", ZH, "B20000", "杯子"),
    ("我的羽绒服什么时候发货", ZH, "B20001", "羽绒服"),
    ("耳机坏了", ZH, "B20000", "耳机"),
    ("the blue mug arrived chipped", EN, "A10031", "mug"),
    ("where's my jacket??", EN, "A10011", "jacket"),
    ("my coat hasn't come yet", EN, "A10011", "coat"),
    ("the sneakers are too small", EN, "A10005", "sneaker"),
    ("the headphones won't charge", EN, "A10005", "headphone"),
    ("I want to return the white t-shirt", EN, "A10023", "t-shirt"),
    ("my blue cup", EN, "A10031", "cup"),
    ("我的 jacket 到哪了", EN, "A10011", "jacket"),
    ("my smartwatch", SINGLE, "A30001", "smartwatch"),
])
def test_item_reference_names_one_order(
    text: str, orders: tuple[OrderSnapshot, ...], expected: str, ref: str
) -> None:
    found = slots(text, orders=orders)
    assert (found.order_id, found.order_source) == (expected, "item_reference")
    assert ref in found.item_refs
    assert found.order_candidates == []


def test_item_words_come_from_the_catalogue_only() -> None:
    # an item the store does not sell is no item, however common the word
    assert slots("my umbrella hasn't come", orders=EN).item_refs == []
    more = Catalogue.build([*(product_words(p, n, a) for p, n, a in PRODUCTS),
                            product_words("P-UMB", "Storm Umbrella", {"aliases": ["brolly"]})])
    facts = StoreFacts(more, FACTS.order_ids)
    found = extract_slots(text="my brolly hasn't come", language="en", orders=EN, facts=facts)
    assert found.item_products == ["P-UMB"]


def test_a_size_alone_is_of_the_item_named_a_few_messages_back() -> None:
    beds = Catalogue.build([
        product_words("BED-M", "Donut Bed – M", {"size": "M", "name_zh": "甜甜圈窝 M",
                                                 "aliases": ["donut bed", "甜甜圈窝"]}),
        product_words("BED-L", "Donut Bed – L", {"size": "L", "name_zh": "甜甜圈窝 L",
                                                 "aliases": ["donut bed", "甜甜圈窝"]})])
    facts = StoreFacts(beds, FACTS.order_ids)
    history = ["甜甜圈窝的外套缩水了 想退掉", "不用换新 退钱就行", "那先不退了"]
    found = extract_slots(text="L号的那款直径多大", language="zh", orders=(),
                          history=history, facts=facts)
    assert found.item_products == ["BED-L"]


@pytest.mark.parametrize("text, named", [
    ("it's basically a backpack in there, how long does the charge last?", []),
    ("the watch feels like a backpack on my wrist", ["P-WATCH"]),
    ("这表戴着跟背包似的 充满电要多久", []),
    ("could I swap it for a backpack?", ["P-BAG"])])
def test_a_thing_likened_to_is_no_item(text: str, named: list[str]) -> None:
    assert slots(text, language="zh" if "表" in text else "en").item_products == named


@pytest.mark.parametrize("text, orders, candidates", [
    ("where is the mug?", EN, ["A10031", "A10023"]),
    ("the mugs I bought", EN, ["A10031", "A10023"]),
    ("我的杯子到哪了", ZH, ["B20002", "B20000"]),
    ("马克杯还没到", ZH, ["B20002", "B20000"]),
    # the colour fits neither mug: both stay candidates, none is picked
    ("the green mug", EN, ["A10031", "A10023"]),
])
def test_ambiguous_item_reference_stays_ambiguous(
    text: str, orders: tuple[OrderSnapshot, ...], candidates: list[str]
) -> None:
    found = slots(text, orders=orders)
    assert found.order_id is None and found.order_source is None
    assert found.order_candidates == candidates
    assert missing_slots("track_order", found) == ["order_id"]


def test_an_item_no_order_holds_leaves_the_conversation_order() -> None:
    found = slots("could I swap it for a backpack?", previous=Slots(order_id="A10023"))
    assert (found.order_id, found.order_source) == ("A10023", "previous")
    assert found.item_refs == ["backpack"] and found.item_products == ["P-BAG"]


def test_the_conversation_order_settles_an_ambiguous_item() -> None:
    found = slots("the mug has a crack", previous=Slots(order_id="A10023"))
    assert (found.order_id, found.order_source) == ("A10023", "previous")


def test_a_colour_picks_among_the_previous_candidates() -> None:
    before = Slots(order_candidates=["A10031", "A10023"])
    found = slots("the blue one", previous=before)
    assert (found.order_id, found.order_source) == ("A10031", "item_reference")
    unclear = slots("hmm not sure", previous=before)
    assert unclear.order_id is None and unclear.order_candidates == ["A10031", "A10023"]


@pytest.mark.parametrize(("text", "orders", "in_hand"), [
    ("嗯 取消 羽绒服那单别动哈", ZH, "B20002"),
    ("ok cancel it, but leave the jacket order alone", EN, "A10031"),
    ("yes cancel, don't touch the jacket one", EN, "A10031")])
def test_the_order_left_alone_is_not_the_one_meant(
        text: str, orders: tuple[OrderSnapshot, ...], in_hand: str) -> None:
    """"X那单别动", "leave the X order alone": the order of that item is the one kept,
    so the order already in hand stays the one meant."""
    previous = Slots(order_id=in_hand, order_source="message")
    found = slots(text, orders, previous=previous, intent="cancel_order")
    assert found.order_id == in_hand and not found.item_products


def test_what_is_left_on_the_order_is_not_the_item_meant() -> None:
    found = slots("can you take the mug off the order and leave the shoes on it?", EN)
    assert NAME_TO_PRODUCT["Running Shoes — EU 43"] not in found.item_products


def test_an_order_holding_more_of_what_is_named_beats_those_offered() -> None:
    """After "which one: the mug or the lamp order?", "the mug and the tee I ordered"
    names the order that holds both, not the mug order offered."""
    previous = Slots(order_candidates=["A50002", "A20001"])
    mine = (PAIR[0], order("A50002", 4, "Ceramic Mug 350 ml — Black"),
            order("A50001", 6, "Ceramic Mug 350 ml — Black", "Cotton T-Shirt — White M"))
    found = slots("the black mug and the tee I ordered, where are they?", mine,
                  previous=previous)
    assert found.order_id == "A50001"


@pytest.mark.parametrize("text", ["不是T恤那个，另一个", "not the tee one, the other one"])
def test_the_order_offered_that_does_not_hold_what_is_named(text: str) -> None:
    """"不是T恤那个，另一个" after "which one: A10023 (mug, tee) or A10031 (mug)?"."""
    previous = Slots(order_candidates=["A10023", "A10031"])
    found = slots(text, EN, previous=previous, language="zh" if "不是" in text else "en")
    assert found.order_id == "A10031"
    assert NAME_TO_PRODUCT["Cotton T-Shirt — White M"] not in found.item_products


def test_the_shops_name_names_no_product() -> None:
    # a shop whose name holds a product's word: "Desk Lamp Co." sells a desk lamp
    facts = replace(FACTS, shop_names=("LED Desk Lamp Co.", "台灯小铺子"))
    named = extract_slots(text="paid to LED Desk Lamp yesterday, has it shipped?", language="en",
                          orders=PAIR, history=(), previous=None, intent=None, facts=facts)
    assert named.item_products == []
    assert facts.without_shop_name("台灯小铺的扣款") == "    的扣款"
    assert slots("has the desk lamp shipped?", PAIR).item_products == ["P-LAMP"]
