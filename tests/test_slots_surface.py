"""Surface slots of one message: addresses and address references, contact details,
money amounts, quantities and yes/no answers; and the slots each intent requires."""

from __future__ import annotations

import time

import pytest

from app.understanding.slots import Slots, extract_slots, missing_slots
from tests.test_slots import EN, ZH, slots

# --- addresses -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, address", [
    ("change the address of order A10023 to 55 Oak Ave, Denver, CO 80201 please",
     "55 Oak Ave, Denver, CO 80201"),
    ("Please ship it to 2850 Sunset St, Austin, TX 78779 because I moved.",
     "2850 Sunset St, Austin, TX 78779"),
    ("my new address is Flat 3, 10 Downing Street, London SW1A 2AA",
     "Flat 3, 10 Downing Street, London SW1A 2AA"),
    ("I moved. 77 Harbour Road, Austin TX 78701", "77 Harbour Road, Austin TX 78701"),
    ("send it to 879 Elm Rd Portland OR 97269", "879 Elm Rd Portland OR 97269"),
    ("地址改成上海市浦东新区张杨路671号3栋514室谢谢", "上海市浦东新区张杨路671号3栋514室"),
    ("我的地址是广东省深圳市南山区科技园路52号16栋2416室，麻烦改一下",
     "广东省深圳市南山区科技园路52号16栋2416室"),
    ("帮我把A10023的地址换成杭州市西湖区文三路742号2栋2302室", "杭州市西湖区文三路742号2栋2302室"),
    ("改成成都市武侯区人民南路4段3号", "成都市武侯区人民南路4段3号"),
    ("送到深圳市南山区科技园路16号", "深圳市南山区科技园路16号"),
    ("寄到北京市海淀区", "北京市海淀区"),
    # the campus, block and flat after a space are the address's; a remark is not
    ("帮我把地址改到他学校：广州市番禺区大学城中环西路230号 广东外语外贸大学南校区",
     "广州市番禺区大学城中环西路230号 广东外语外贸大学南校区"),
    ("寄到杭州市西湖区文三路259号 7幢1单元502 收件人不变", "杭州市西湖区文三路259号 7幢1单元502"),
    ("改成 新疆乌鲁木齐市天山区解放南路216号金茂大厦1502 我调到那边上班了",
     "新疆乌鲁木齐市天山区解放南路216号金茂大厦1502"),
    # a flat before a street whose word is no street suffix, and a lettered postcode
    # after the town: neither may be dropped from what is confirmed and written
    ("Flat 2, 14 Marine Parade, Brighton BN2 1TL", "Flat 2, 14 Marine Parade, Brighton BN2 1TL"),
    ("Flat 3, 22 Lansdown Crescent, Bath BA1 5EX", "Flat 3, 22 Lansdown Crescent, Bath BA1 5EX"),
    ("Unit 7, 3 Dock Road, Cardiff CF10 5AL thanks", "Unit 7, 3 Dock Road, Cardiff CF10 5AL"),
    ("new address: 55 Rideau Street, Ottawa K1N 5W8", "55 Rideau Street, Ottawa K1N 5W8"),
    # a building named instead of numbered, a road with no number
    ("Could it go to our second site instead: Unit 4, Brook Farm Barns, Acle Road, Norwich "
     "NR13 3BW", "Unit 4, Brook Farm Barns, Acle Road, Norwich NR13 3BW"),
    ("please send it to Rose Cottage, Mill Lane, Holt NR25 6AB",
     "Rose Cottage, Mill Lane, Holt NR25 6AB"),
])
def test_explicit_address(text: str, address: str) -> None:
    found = slots(text, orders=())
    assert (found.address, found.address_kind) == (address, "explicit")


@pytest.mark.parametrize("text, kind", [
    ("改成公司地址", "work"),
    ("能寄到我公司吗", "work"),
    ("ship it to my work address instead", "work"),
    ("please use my office address", "work"),
    ("寄到我家", "home"),
    ("改成家里的地址吧", "home"),
    ("send it to my home address", "home"),
    ("change it to blue", None),
    ("改成明天送", None),
    ("reduce it to 2 mugs", None),
    ("2 mugs on the way?", None),
    ("寄到老家", None),
    ("How do I swap over to my work account?", None),
    ("怎么换成我的企业账号", None),
    ("地址少写了门牌号，帮我补一下", None),
    ("添加地址的时候省市区选不到我们县", None),
    ("Hi, Sarah here. My order, the blue one, where is it?", None),
    ("Order SO-2, Tracking NR13 3BW", None),
])
def test_address_kind_without_an_address(text: str, kind: str | None) -> None:
    found = slots(text, orders=())
    assert found.address is None
    assert found.address_kind == kind


# --- contacts, money, quantities ---------------------------------------------------------------

@pytest.mark.parametrize("text, email, phone", [
    ("my email is Bob.S@example.co.uk.", "Bob.S@example.co.uk", None),
    ("call me at (206) 555-7183", None, "(206) 555-7183"),
    ("new number +1-206-555-7183 thanks", None, "+1-206-555-7183"),
    ("手机号改成13555817525", None, "13555817525"),
    ("电话 +86 135 5581 7525，邮箱 user2@example.cn", "user2@example.cn", "+86 135 5581 7525"),
    ("order A10023 shipped to 78779", None, None),
    ("change the number to +32 470 55 12 34", None, "+32 470 55 12 34"),
    ("ring me on +353 87 555 0131 pls", None, "+353 87 555 0131"),
    ("order 305-6618830-2047719", None, None),
    ("my amazon order 305 2284671 9034417?", None, None),  # a number of a longer run
])
def test_contacts(text: str, email: str | None, phone: str | None) -> None:
    found = slots(text, orders=())
    assert (found.email, found.phone) == (email, phone)


@pytest.mark.parametrize("text, amount, currency", [
    ("I was charged $59 twice", 59.0, "USD"),
    ("refund me 59.99 dollars", 59.99, "USD"),
    ("退我59块吧", 59.0, "CNY"),
    ("多扣了¥1,299", 1299.0, "CNY"),
    ("退款59元还没到", 59.0, "CNY"),
    ("差价20美元", 20.0, "USD"),
    ("我买了2块砧板", None, None),
    ("order A10023", None, None),
])
def test_amounts(text: str, amount: float | None, currency: str | None) -> None:
    found = slots(text, orders=())
    assert (found.amount, found.currency) == (amount, currency)


@pytest.mark.parametrize("text, quantity", [
    ("make it 2 blue mugs", 2), ("change the quantity to 3", 3), ("two mugs please", 2),
    ("I want 3 items", 3), ("x4", 4), ("两个杯子", 2), ("数量改成5", 5), ("只买了一个", 1),
    ("I have 2 orders", None), ("我有一个问题", None), ("第一个杯子", None),
    ("it took 3 days", None), ("change it to 2 instead of 3", 2),
    ("so could you make it two of them instead of one?", 2), ("it is one instead of two", None),
    ("open from 9 to 5", None),
])
def test_quantity(text: str, quantity: int | None) -> None:
    assert slots(text, orders=()).quantity == quantity


# --- yes / no --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, answer", [
    ("yes, go ahead", "yes"), ("Yes go ahead", "yes"), ("ok do it", "yes"), ("sure", "yes"),
    ("Sure!", "yes"), ("yep", "yes"), ("please go ahead and cancel it", "yes"),
    ("no problem", "yes"), ("That's correct", "yes"), ("确认", "yes"), ("好的", "yes"),
    ("可以", "yes"), ("是的", "yes"), ("嗯嗯", "yes"), ("行", "yes"), ("好的谢谢", "yes"),
    ("确认修改", "yes"),
    ("no", "no"), ("nope", "no"), ("don't", "no"), ("No, not that one", "no"),
    ("never mind", "no"), ("算了", "no"), ("不用了", "no"), ("取消吧", "no"),
    ("不可以", "no"), ("别改了", "no"), ("不", "no"),
    ("cancel my order", None), ("取消订单", None), ("可以帮我查一下吗", None),
    ("好像还没到", None), ("对不起", None), ("对了，还有一个问题", None),
    ("确认一下地址", None), ("ok so where is my package?", None),
    ("I don't want you to do it", None), ("correct my address please", None),
    ("别的颜色有吗", None), ("I don't know where my parcel is", None),
    ("yes but when will it arrive?", None), ("where is my order?", None),
    ("可以修改订单里的商品数量吗，我想多买一个送人", None), ("stop sending me promo emails", None),
    ("别机器人了，给我转人工！！", None), ("取消订单 不要了 谢谢", None), ("stop", "no"),
])
def test_affirmation(text: str, answer: str | None) -> None:
    assert slots(text, orders=()).affirmation == answer


# --- required slots --------------------------------------------------------------------------

@pytest.mark.parametrize("intent, filled, missing", [
    ("track_order", {}, ["order_id"]),
    ("track_order", {"order_id": "A10023"}, []),
    ("track_refund", {}, []),
    ("cancel_order", {"order_candidates": ["A10031", "A10023"]}, ["order_id"]),
    ("get_invoice", {"order_id": "A10023"}, []),
    ("get_refund", {}, ["order_id"]),
    ("change_order", {}, ["order_id", "items"]),
    # items named are not yet the order's new contents
    ("change_order", {"order_id": "A10023", "item_products": ["P1"]}, ["items"]),
    ("change_order", {"order_id": "A10023", "new_items": [{"product_id": "P1", "qty": 2}]}, []),
    ("change_shipping_address", {}, ["order_id", "address"]),
    ("change_shipping_address", {"order_id": "A10023"}, ["address"]),
    ("change_shipping_address", {"order_id": "A10023", "address_kind": "work"}, []),
    ("change_shipping_address", {"address": "55 Oak Ave", "address_kind": "explicit"},
     ["order_id"]),
    ("set_up_shipping_address", {"address_kind": "home"}, ["address"]),
    ("set_up_shipping_address", {"address": "55 Oak Ave"}, []),
    ("delivery_options", {}, []),
])
def test_missing_slots(intent: str, filled: dict[str, object], missing: list[str]) -> None:
    assert missing_slots(intent, Slots.model_validate(filled)) == missing


def test_the_whole_flow_of_a_work_address_change() -> None:
    found = slots("把我上周买的蓝色杯子改成公司地址", orders=ZH, language="zh")
    assert (found.order_id, found.address_kind) == ("B20002", "work")
    assert missing_slots("change_shipping_address", found) == []


def test_fast_enough() -> None:
    texts = ["我上周买的蓝色杯子到哪了", "change the address of order A10023 to 55 Oak Ave, "
             "Denver, CO 80201 please", "the mug", "yes, go ahead", "另一单呢？"] * 40
    start = time.perf_counter()
    for text in texts:
        extract_slots(text=text, language="en", orders=EN + ZH, previous=Slots(order_id="A10023"))
    # well under a millisecond each on a laptop; the bound leaves room for slow CI machines
    assert (time.perf_counter() - start) / len(texts) < 0.005
