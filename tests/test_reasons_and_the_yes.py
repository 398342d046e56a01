"""A yes that gives another reason for the return than the one it was proposed on ("好的，
那就按质量问题退吧" to a return proposed with the fee kept): the reason changes what the
return costs, so it is proposed again on that reason, never opened on the old terms. Beside
it, the reasons read from how a fault is told (a part come away, damage that came with use,
a listing belied, a stain or a blank screen, a zip that splits) and goods asked for instead
of the money."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import demo_say


@pytest.mark.parametrize(("ask", "fault", "yes"), [
    ("订单{oid}我想退了", "好的，那就按质量问题退吧", "好"),
    ("I'd like to return order {oid} please", "yes go ahead, but it's faulty after all - it "
                                             "stopped working", "yes")])
def test_a_fault_said_with_the_yes_proposes_the_return_again(
        home: Path, ask: str, fault: str, yes: str) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        oid, customer = conn.execute('SELECT id, customer_id FROM "order" WHERE status = '
                                     "'delivered' ORDER BY created_at DESC").fetchone()
    asked = demo_say(customer, ask.format(oid=oid))
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert not asked.action.params.get("return_reason")
    again = demo_say(customer, fault)
    assert again.action is not None and again.action.status == "needs_confirmation"
    assert again.action.params.get("return_reason") == "defective"
    done = demo_say(customer, yes)
    assert done.action is not None and done.action.status == "executed"
    assert done.action.params.get("return_reason") == "defective"
    assert done.action.result is not None and not done.action.result.get("return_shipping_kept")


@pytest.mark.parametrize(("text", "reason"), [
    ("头盔左边的织带从壳里脱出来了，扣好以后轻轻一拉就松开", "defective"),
    ("包的肩带断了", "defective"),
    ("带子有点松", "wrong_size"),  # loose on the body, not a part come away
])
def test_a_part_come_away_is_a_fault(text: str, reason: str) -> None:
    from app.understanding.return_reasons import find_return_reason

    assert find_return_reason(text) == reason


@pytest.mark.parametrize(("text", "reason"), [
    # damage that came with weeks of ordinary use is a fault of the item
    ("the casing has cracked along the seam. It sat on the dog's collar as normal for about "
     "six weeks - can I return it?", "defective"),
    ("正常用了两个月就裂了", "defective"),
    # ... damage found on arrival is damage on the way
    ("the mug arrived cracked", "damaged"), ("快递送到的时候就裂了", "damaged")])
def test_damage_with_use_is_a_fault(text: str, reason: str) -> None:
    from app.understanding.return_reasons import find_return_reason

    assert find_return_reason(text) == reason


@pytest.mark.parametrize(("text", "reason"), [
    ("opened the clay litter and it's not clumping at all, just sludge. The listing says hard "
     "clumps?? I'd like to send it back", "not_as_described"),
    ("详情页写的是结团 结果全是泥 要退", "not_as_described"),
    ("the listing says 2kg, is that right?", None)])
def test_what_the_listing_promised_set_against_what_came(text: str, reason: str | None) -> None:
    from app.understanding.return_reasons import find_return_reason

    assert find_return_reason(text) == reason


@pytest.mark.parametrize(("text", "reason"), [
    ("there's a big black grease smear right across the back. Never worn, tags on. Can it go "
     "back?", "damaged"),
    ("收到的衣服上有油污 能退吗", "damaged"),
    ("the little display on the front is totally blank, nothing on the screen at all. Can I "
     "send it back?", "defective"),
    ("开机就黑屏 想退", "defective"),
    ("is the screen bright enough to read outdoors?", None)])
def test_soiled_or_blank_is_the_items_fault(text: str, reason: str | None) -> None:
    from app.understanding.return_reasons import find_return_reason

    assert find_return_reason(text) == reason


def test_a_zip_that_splits_is_a_fault() -> None:
    from app.understanding.return_reasons import find_return_reason

    assert find_return_reason("the door zip has split behind the slider - you zip it shut and "
                              "it just opens up again behind it. Can I have a refund?") == (
        "defective")


@pytest.mark.parametrize(("text", "instead"), [
    ("Before I say yes - can I get a replacement rather than my money back?", True),
    ("能直接给我换个粉色的吗 钱不用退", True),
    ("I want my money back rather than a replacement", False)])
def test_goods_asked_instead_of_the_money(text: str, instead: bool) -> None:
    from app.understanding import dialogue_cues as cue

    assert bool(cue.asks_goods_instead(text)) is instead


@pytest.mark.parametrize(("text", "reason"), [
    ("吹风机用着用着就开始闪红灯 风也一下子变小了 这是啥情况", "defective"),
    ("风变小了", None),  # weaker, not too small
    ("这件骑行服有点小了 能退吗", "wrong_size")])
def test_a_warning_light_is_a_fault_and_weaker_is_no_size(text: str, reason: str | None) -> None:
    from app.understanding.return_reasons import find_return_reason

    assert find_return_reason(text) == reason
