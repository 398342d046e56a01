"""Orders told apart by when they were placed ("the mat I bought last month")."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.models._common import OrderStatus, utcnow
from app.store.connector import ItemSnapshot, OrderSnapshot
from app.understanding.placed_when import placed_within
from app.understanding.slots import extract_slots
from tests.test_slots import FACTS, NAME_TO_PRODUCT

TODAY = date(2026, 11, 28)  # a Saturday


@pytest.mark.parametrize(("text", "window"), [
    ("the mat I bought last month", (date(2026, 10, 1), date(2026, 10, 31))),
    ("上个月买的睡垫", (date(2026, 10, 1), date(2026, 10, 31))),
    ("这个月买的", (date(2026, 11, 1), TODAY)),
    ("上周买的那个", (date(2026, 11, 16), date(2026, 11, 22))),
    ("ordered it yesterday", (date(2026, 11, 27), date(2026, 11, 27))),
    ("the mug", None),
    # a shopping festival, a date; the day before as well (a night order in UTC+8)
    ("双11买的净化器", (date(2026, 11, 10), date(2026, 11, 11))),
    ("双十一那单", (date(2026, 11, 10), date(2026, 11, 11))),
    ("618买的吹风机", (date(2026, 6, 17), date(2026, 6, 18))),
    ("双12那单", (date(2025, 12, 11), date(2025, 12, 12))),  # not yet this year
    ("11月3号买的", (date(2026, 11, 2), date(2026, 11, 3))),
    ("订单4108618到哪了", None), ("2月30日", None),
    # days counted back, said of ordering (a delivery's date is not the order's)
    ("the cage I ordered a few days ago", (date(2026, 11, 21), TODAY)),
    ("前几天买的码表", (date(2026, 11, 21), TODAY)),
    ("I bought it 3 days ago", (date(2026, 11, 24), date(2026, 11, 26))),
    ("5天前下的单", (date(2026, 11, 22), date(2026, 11, 24))),
    ("前天买的头盔", (date(2026, 11, 25), date(2026, 11, 26))),
    ("the one that arrived a few days ago", None), ("前几天刚到的码表", None),
    # a week or a day said of the delivery, not of the order
    ("is my parcel going to arrive this week? I'm away from Thursday", None),
    ("今天能送到吗", None), ("the one I ordered last month, has it shipped?",
                         (date(2026, 10, 1), date(2026, 10, 31))),
    # ... unless the day names the order
    ("另外昨天下午那单啥时候能发货啊", (date(2026, 11, 27), date(2026, 11, 27))),
    ("when will yesterday's order ship?", (date(2026, 11, 27), date(2026, 11, 27))),
])
def test_the_days_a_message_speaks_of(text: str, window: tuple[date, date] | None) -> None:
    assert placed_within(text, TODAY) == window


def test_last_month_across_a_year() -> None:
    assert placed_within("last month", date(2027, 1, 5)) == (date(2026, 12, 1),
                                                             date(2026, 12, 31))


def _mat_order(oid: str, placed: datetime) -> OrderSnapshot:
    name = "Yoga Mat 6 mm — Pink"
    return OrderSnapshot(
        id=oid, customer_id="C1", status=OrderStatus.delivered, created_at=placed,
        total=10.0, currency="USD",
        items=(ItemSnapshot(line=0, product_id=NAME_TO_PRODUCT[name], name=name, qty=1,
                            price=10.0),))


def test_the_order_placed_when_said_among_two_with_the_item() -> None:
    now = utcnow()
    last_month = now.replace(day=1, hour=12, tzinfo=UTC) - timedelta(days=10)
    orders = [_mat_order("A1", now - timedelta(days=200)), _mat_order("A2", last_month)]
    said = extract_slots(text="can I return the yoga mat I bought last month?",
                         language="en", orders=orders, facts=FACTS)
    assert said.order_id == "A2" and said.order_source == "item_reference"
    unsaid = extract_slots(text="can I return the yoga mat?", language="en", orders=orders,
                           facts=FACTS)
    assert unsaid.order_id is None and unsaid.order_candidates == ["A2", "A1"]
