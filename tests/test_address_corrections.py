"""A correction in the middle of an address change: the part of the address that was
wrong put right ("打错了，是西安路86号，不是88"), or the order that was meant instead
("sorry, wrong number, I meant <order>"), keeping everything else the shopper said; and
a shipped parcel wanted elsewhere, which the courier can still redirect."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from app.understanding import dialogue_cues as cue
from app.understanding.address_amend import amended, number_put_right
from tests.conftest import demo_say


@pytest.mark.parametrize(("address", "text", "fixed"), [
    ("大连市沙河口区西安路88号2单元1201", "打错了，是西安路86号，不是88",
     "大连市沙河口区西安路86号2单元1201"),
    ("上海市徐汇区田林路140号越界创意园28号楼3楼", "哦不对 是28号楼4楼",
     "上海市徐汇区田林路140号越界创意园28号楼4楼"),
    # "号" is not "号楼": the house number, not the building
    ("上海市徐汇区田林路140号越界创意园28号楼3楼", "不好意思 是142号",
     "上海市徐汇区田林路142号越界创意园28号楼3楼"),
    ("Skalitzer Str. 58, 10997 Berlin", "sorry, 85 not 58", "Skalitzer Str. 85, 10997 Berlin"),
    ("Skalitzer Str. 58, 10997 Berlin", "I meant Skalitzer Str. 85",
     "Skalitzer Str. 85, 10997 Berlin"),
    ("Flat 3, 12 High Street, London", "oops, it is flat 4", "Flat 4, 12 High Street, London"),
    # the street of a house number, named right
    ("成都市武侯区科华北路65号", "不对不对 是科华南路65号 写错了", "成都市武侯区科华南路65号"),
    ("北京市朝阳区建国路88号3单元", "不对 是建国门外大街88号", "北京市朝阳区建国门外大街88号3单元"),
    # a postcode's or a unit's part named wrong, the right one before the "not"
    ("Flat 2/1, 41 Dennistoun Road, Glasgow G31 2QQ", "sorry postcode is G31 2QP not QQ",
     "Flat 2/1, 41 Dennistoun Road, Glasgow G31 2QP"),
    ("8 Marina View, #32-01, Singapore 018960", "oops, unit is #23-01 not #32-01. same building",
     "8 Marina View, #23-01, Singapore 018960"),
    # another street and number: the street line replaced, the district kept
    ("成都市武侯区科华北路65号", "不对 是人民南路12号", "成都市武侯区人民南路12号"),
    ("杭州市西湖区文三路90号东部软件园2号楼", "写错了 应该是西湖区学院路77号",
     "杭州市西湖区学院路77号东部软件园2号楼"),
])
def test_the_part_that_was_wrong_is_put_right(address: str, text: str, fixed: str) -> None:
    assert amended(address, text) == fixed


@pytest.mark.parametrize(("address", "text"), [
    ("上海市徐汇区田林路140号越界创意园28号楼3楼", "好的"),
    ("上海市徐汇区田林路140号越界创意园28号楼3楼", "订单号是12345"),
    ("上海市徐汇区田林路140号越界创意园28号楼3楼", "是3楼"),  # already so
    ("成都市武侯区科华北路65号", "科华北路65号没错"),  # already so
    # two rooms numbered without a unit: which one is meant is a guess
    ("12 Main Road, 12 Side Street", "13 not 12"),
    ("Skalitzer Str. 58, 10997 Berlin", "I meant the tyre order, 5 of them"),
    ("Skalitzer Str. 58, 10997 Berlin", "Berlin not Munich"),
])
def test_no_correction_where_none_can_be_placed(address: str, text: str) -> None:
    assert amended(address, text) is None


def _orders(home: Path, status: str) -> list[tuple[str, str]]:
    with sqlite3.connect(home / "kefu.db") as conn:
        return conn.execute('SELECT id, customer_id FROM "order" WHERE status = ? '
                            "ORDER BY id", (status,)).fetchall()


def test_the_address_corrected_before_the_yes_is_the_one_written(home: Path) -> None:
    oid, customer = _orders(home, "pending")[0]
    first = demo_say(customer, f"请把订单{oid}的地址改成 大连市沙河口区西安路88号2单元1201")
    assert first.action is not None and first.action.status == "needs_confirmation"
    fixed = demo_say(customer, "打错了，是西安路86号，不是88")
    assert fixed.action is not None and fixed.action.status == "needs_confirmation"
    assert fixed.action.params["address"] == "大连市沙河口区西安路86号2单元1201"
    done = demo_say(customer, "对 改吧")
    assert done.action is not None and done.action.status == "executed"
    assert done.action.result is not None
    assert done.action.result["shipping_address"] == "大连市沙河口区西安路86号2单元1201"


def test_the_orders_own_house_number_put_right(home: Path) -> None:
    oid, customer = _orders(home, "pending")[0]
    with sqlite3.connect(home / "kefu.db") as conn:
        (address,) = conn.execute('SELECT shipping_address FROM "order" WHERE id = ?',
                                  (oid,)).fetchone()
    numbers = re.findall(r"(?<![\d-])\d{1,4}(?![\d-])", address)
    wrong = next(n for n in numbers if numbers.count(n) == 1)
    right = str(int(wrong) + 2)
    asked = demo_say(customer, f"I typed my house number wrong on {oid}: it's {right}, not "
                               f"{wrong}. Same street, same postcode. Can you fix it?")
    assert asked.intent == "change_shipping_address"
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    fixed = re.sub(rf"(?<![\d-]){wrong}(?![\d-])", right, address)
    assert asked.action.params["address"] == fixed


@pytest.mark.parametrize(("address", "text", "fixed"), [
    ("Rua da Rosa 88, 1200-384 Lisboa, Portugal",
     "Order SO-88l04: I typed it wrong, it's Rua da Rosa 86, not 88. Same postcode",
     "Rua da Rosa 86, 1200-384 Lisboa, Portugal"),
    ("浙江省杭州市西湖区文三路88号3楼", "下单时写错了 是86号，不是88号",
     "浙江省杭州市西湖区文三路86号3楼"),
    ("12 Oak Street, Leeds LS1 4AP", "I want 2 not 3 of them", None),  # no 3 in it
    ("12 Oak Street, 12 Elm Row", "it's 14, not 12", None),  # which 12 is meant?
])
def test_the_number_put_right_must_stand_once(address: str, text: str, fixed: str | None) -> None:
    assert number_put_right(address, text) == fixed


def test_a_no_that_puts_the_street_right_proposes_it_again(home: Path) -> None:
    oid, customer = _orders(home, "pending")[0]
    demo_say(customer, f"订单{oid}的收货地址改成 成都市武侯区科华北路65号")
    fixed = demo_say(customer, "不对不对 是科华南路65号 打错了")
    assert fixed.action is not None and fixed.action.status == "needs_confirmation"
    assert fixed.action.params["address"] == "成都市武侯区科华南路65号"
    # another street and number altogether: the street line, not only the number
    again = demo_say(customer, "哦还是不对 是人民南路12号")
    assert again.action is not None and again.action.status == "needs_confirmation"
    assert again.action.params["address"] == "成都市武侯区人民南路12号"


def test_the_order_meant_instead_keeps_the_new_address(home: Path) -> None:
    pending = dict((c, o) for o, c in _orders(home, "pending"))
    delivered = [(o, c) for o, c in _orders(home, "delivered") if c in pending]
    if not delivered:
        pytest.skip("the demo store has no shopper with a delivered and a pending order")
    wrong, customer = delivered[0]
    # (an address that names no country: the demo's orders go to several)
    blocked = demo_say(customer, f"please change the address on {wrong} to 12 High Street, "
                             "Springfield 62701")
    assert blocked.action is not None and blocked.action.status == "blocked"
    meant = demo_say(customer, f"oh sorry, wrong number, I meant {pending[customer]}")
    assert meant.intent == "change_shipping_address"
    assert meant.action is not None and meant.action.status == "needs_confirmation"
    assert meant.action.params["order_id"] == pending[customer]
    assert "12 High Street" in meant.action.params["address"]


@pytest.mark.parametrize(("text", "elsewhere"), [
    ("I won't be home next week", True), ("can the courier redirect it?", True),
    ("那到了我不在家怎么办", True), ("能放到快递柜吗", True),
    ("can I get it sent to a packstation", True),
    ("I'm home all week", False), ("where is my parcel", False), ("我在家等着呢", False),
])
def test_a_parcel_wanted_elsewhere(text: str, elsewhere: bool) -> None:
    assert cue.wants_it_elsewhere(text) is elsewhere


def test_a_shipped_order_wanted_elsewhere_is_the_couriers_to_redirect(home: Path) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        oid, customer, carrier, tracking = conn.execute(
            'SELECT id, customer_id, carrier, tracking_number FROM "order" WHERE status = '
            "'shipped' AND carrier IS NOT NULL AND tracking_number IS NOT NULL "
            "ORDER BY id").fetchone()
    asked = demo_say(customer, f"can I change the delivery address of {oid}?")
    assert asked.action is not None and asked.action.status == "blocked"
    assert tracking in asked.reply  # what the shopper can still do: ask the courier
    away = demo_say(customer, "I won't be home next week, what can I do?")
    assert away.intent == "change_shipping_address", away.intent
    assert tracking in away.reply and carrier in away.reply


def test_a_postcode_put_right_is_proposed_again(home: Path) -> None:
    oid, customer = _orders(home, "pending")[0]
    demo_say(customer, f"can {oid} go to Flat 2/1, 41 Dennistoun Road, Glasgow G31 2QQ please")
    fixed = demo_say(customer, "sorry postcode is G31 2QP not QQ, fat fingers")
    assert fixed.action is not None and fixed.action.status == "needs_confirmation"
    assert fixed.action.params["address"].endswith("Glasgow G31 2QP")


def test_a_change_let_go_for_a_cancellation_is_read_as_the_cancellation(home: Path) -> None:
    oid, customer = _orders(home, "shipped")[0]
    blocked = demo_say(customer, f"can I change the delivery address of {oid}?")
    assert blocked.action is not None and blocked.action.status == "blocked"
    # "never mind" lets the change go; "just cancel it" is a request of its own, not a "no"
    cancel = demo_say(customer, "never mind then, just cancel it, she'll order it again herself")
    assert cancel.intent == "cancel_order", cancel.intent
    assert cancel.action is not None and cancel.action.name == "cancel_order"
    assert cancel.action.params["order_id"] == oid
    kept = demo_say(customer, "never mind, leave it as it is")  # given up: nothing to do
    assert kept.action is None or kept.action.status != "executed"


@pytest.mark.parametrize(("first", "then", "again"), [
    ("please change the address of {oid} to 12 Nathan Road, Kowloon, Hong Kong",
     "ok then send it to 1 Raffles Place, Singapore 048616", "1 Raffles Place"),
    ("订单{oid}的收货地址改成 成都市武侯区科华北路65号",
     "好的 那就寄到 杭州市西湖区文三路90号吧", "文三路90号"),
])
def test_an_ok_with_another_address_proposes_that_address(
        home: Path, first: str, then: str, again: str) -> None:
    """An "ok" that comes with another address is no yes to the address proposed: that
    one is never written, the new one is proposed for the same order (not saved on the
    account, which the shopper did not ask for)."""
    oid, customer = _orders(home, "pending")[0]
    asked = demo_say(customer, first.format(oid=oid))
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    other = demo_say(customer, then)
    assert other.intent == "change_shipping_address", other.intent
    assert other.action is not None and other.action.status == "needs_confirmation"
    assert other.action.params["order_id"] == oid
    assert again in other.action.params["address"]
    done = demo_say(customer, "yes")
    assert done.action is not None and done.action.status == "executed"
    assert done.action.result is not None and again in done.action.result["shipping_address"]


@pytest.mark.parametrize(("text", "found", "meant"), [
    ("帮我改个地址 四川省成都市武侯区科华北路65号 哦不对 是56号 3栋2单元801 电话不变",
     "四川省成都市武侯区科华北路65号", "四川省成都市武侯区科华北路56号3栋2单元801"),
    # no correction after it: as found
    ("改到 上海市徐汇区漕溪北路88号 谢谢", "上海市徐汇区漕溪北路88号", "上海市徐汇区漕溪北路88号")])
def test_an_address_put_right_in_the_message_that_gives_it(text: str, found: str,
                                                            meant: str) -> None:
    from app.understanding.address_amend import corrected_in_place

    assert corrected_in_place(text, found) == meant
