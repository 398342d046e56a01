"""A named part of the address just given put right ("it's Chiu Yin Hall, not Kwan Wai",
"不是桂花楼，是丹桂楼"): the address proposed again with that part replaced, and the yes
writes the corrected one, never the address said first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.understanding.address_names import name_put_right
from tests.conftest import demo_say

_HALL = "Room 1207, Kwan Wai Hall, 9 Sassoon Road, Pok Fu Lam"
_ZH = "上海市浦东新区桂花路88弄桂花楼3栋502室"


@pytest.mark.parametrize(("address", "text", "fixed"), [
    (_HALL, "Argh, she's just texted me - it's Chiu Yin Hall, not Kwan Wai, that's her "
            "friend's. Same room number, same road.",
     "Room 1207, Chiu Yin Hall, 9 Sassoon Road, Pok Fu Lam"),
    # typed in lower case: the name keeps the address's capitals
    (_HALL, "chiu yin hall not kwan wai", "Room 1207, Chiu Yin Hall, 9 Sassoon Road, Pok Fu Lam"),
    ("14 Maple Close, Leeds LS6 2AB", "sorry, Maple Court not Maple Close",
     "14 Maple Court, Leeds LS6 2AB"),
    (_ZH, "是丹桂楼 不是桂花楼", "上海市浦东新区桂花路88弄丹桂楼3栋502室"),
    (_ZH, "不是桂花楼，是丹桂楼", "上海市浦东新区桂花路88弄丹桂楼3栋502室"),
    (_ZH, "哦不对 是丹桂楼不是桂花楼", "上海市浦东新区桂花路88弄丹桂楼3栋502室"),
])
def test_the_part_named_wrong_is_replaced(address: str, text: str, fixed: str) -> None:
    assert name_put_right(address, text) == fixed


@pytest.mark.parametrize(("address", "text"), [
    (_HALL, "Please ship it to the hall, not the flat"),  # no part of this address
    (_HALL, "It's for my daughter not me"),
    (_HALL, "Chiu Yin Hall, room 1207 - correct this time. Please change it."),  # no "not"
    (_ZH, "我女儿说是丹桂楼 不是桂花"),  # 桂花 stands twice in it: which one is a guess
    (_ZH, "不是这个订单"),
    ("12 Oak Street, Leeds", "Berlin not Munich"),
])
def test_nothing_named_that_the_address_holds_is_no_correction(address: str, text: str) -> None:
    assert name_put_right(address, text) is None


def _a_pending_order(home: Path) -> tuple[str, str]:
    with sqlite3.connect(home / "kefu.db") as conn:
        oid, customer = conn.execute('SELECT id, customer_id FROM "order" WHERE status = '
                                     "'pending' ORDER BY id").fetchone()
    return str(oid), str(customer)


@pytest.mark.parametrize(("first", "fix", "meant", "said_first"), [
    ("could {oid} go to my daughter instead? " + _HALL + ", Hong Kong",
     "Argh, she's just texted me - it's Chiu Yin Hall, not Kwan Wai. Same room, same road.",
     "Chiu Yin Hall", "Kwan Wai"),
    ("订单{oid}的地址改成 " + _ZH, "不是桂花楼，是丹桂楼", "丹桂楼", "桂花楼")])
def test_the_corrected_address_is_proposed_and_written(
        home: Path, first: str, fix: str, meant: str, said_first: str) -> None:
    oid, customer = _a_pending_order(home)
    asked = demo_say(customer, first.format(oid=oid))
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    fixed = demo_say(customer, fix)
    assert fixed.action is not None and fixed.action.status == "needs_confirmation"
    assert meant in fixed.action.params["address"]
    assert said_first not in fixed.action.params["address"]
    done = demo_say(customer, "yes please" if meant.isascii() else "对 改吧")
    assert done.action is not None and done.action.status == "executed"
    assert done.action.result is not None
    assert meant in done.action.result["shipping_address"]


@pytest.mark.parametrize(("first", "then", "written"), [
    # the yes names a part the address proposed does not have: no yes to that address
    ("订单{oid}的地址改成 上海市长宁区虹桥路1591号悦禾会所A区608", "B区806 这回没错了 确认改吧",
     False),
    ("could {oid} go to my daughter instead? " + _HALL + ", Hong Kong",
     "Chiu Yin Hall, room 1207 - correct this time. Please change it.", False),
    # ... or only parts it has, or none: the yes
    ("could {oid} go to my daughter instead? " + _HALL + ", Hong Kong",
     "yes, room 1207 at Kwan Wai Hall is right, please change it", True),
    ("订单{oid}的地址改成 上海市长宁区虹桥路1591号悦禾会所A区608", "A区608没错 确认改吧", True)])
def test_a_yes_with_another_part_writes_nothing(home: Path, first: str, then: str,
                                                written: bool) -> None:
    oid, customer = _a_pending_order(home)
    asked = demo_say(customer, first.format(oid=oid))
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    answer = demo_say(customer, then)
    executed = answer.action is not None and answer.action.status == "executed"
    assert executed is written


def test_the_address_said_right_after_the_wrong_one_is_proposed(home: Path) -> None:
    """"It says Flat 9, 3 Wilmslow Road but we're number 33 - Flat 9, 33 …": the address
    said right is proposed, not the one quoted wrong, and the yes writes it."""
    oid, customer = _a_pending_order(home)
    asked = demo_say(customer, f"I typed the wrong door number on {oid}. It says Flat 9, 3 "
                               "Wilmslow Road but we're number 33 - Flat 9, 33 Wilmslow Road, "
                               "Manchester M14 5TB. Can you fix that?")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert asked.action.params["address"].startswith("Flat 9, 33 Wilmslow Road")
    done = demo_say(customer, "Yep, 33 is right. Go ahead")
    assert done.action is not None and done.action.status == "executed"
