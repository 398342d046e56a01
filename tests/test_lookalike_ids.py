"""An order number typed with letters for the digits they look like ("OO5160" for
"005160", "l" for "1") names the shopper's own order, and only theirs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.models.store import OrderStatus
from app.store.connector import OrderSnapshot
from app.store.id_shapes import IdShapes, learn
from app.understanding.references import find_mentions


def _orders(*ids: str) -> list[OrderSnapshot]:
    return [OrderSnapshot(id=oid, customer_id="C", status=OrderStatus.paid, total=1.0,
                          currency="EUR", created_at=datetime(2026, 11, 1, tzinfo=UTC))
            for oid in ids]


def _found(text: str, mine: list[OrderSnapshot]) -> list[str | None]:
    shapes = IdShapes(tuple(learn([o.id for o in mine] + ["KX-31-004410", "SOL-7788"])))
    return [m.order_id for m in find_mentions(text, orders=mine, shapes=shapes)]


@pytest.mark.parametrize(("text", "want"), [
    ("Order KX-31-OO5160 - can it go to a parcel shop?", "KX-31-005160"),
    ("where is kx-31-0051б0", None),  # not a lookalike of a digit: unresolved
    ("订单 KX-3l-005160 到哪了", "KX-31-005160"),
    ("order KX-31-OO7720 please", None),  # no order of theirs reads that way
])
def test_lookalike_letters_name_an_own_order(text: str, want: str | None) -> None:
    found = _found(text, _orders("KX-31-005160", "KX-31-005133"))
    assert [f for f in found if f is not None] == ([want] if want else [])


def test_two_own_orders_it_could_be_are_not_guessed() -> None:
    both = _orders("AB-10", "AB-1O")  # a store whose ids hold a letter O
    assert _found("order AB-1O", both)[:1] == ["AB-1O"]  # written exactly: that one
    assert all(f is None for f in _found("order AB-IO", both))  # 10 or 1O: not guessed
    three = _orders("QX-7000", "QX-7O00", "QX-7155")
    assert all(f is None for f in _found("order QX-7o0o", three))  # 7000 or 7O00


def test_a_letter_of_the_prefix_is_not_read_as_a_digit() -> None:
    mine = _orders("SOL-7788", "S0L-7788")
    assert _found("my order SOL-7788", mine)[:1] == ["SOL-7788"]


@pytest.mark.parametrize(("text", "want"), [
    ("just spotted a mistake on MW-2026-005178", "MW-26-005178"),  # the year in full
    ("order MW-266-005178 please", "MW-26-005178"),  # a key struck twice
    ("order MW-2026-005133", None),  # the same end is no order of theirs
    ("order MW-2026-995178", None),  # another number at the end
])
def test_an_own_order_written_with_a_character_or_two_more(text: str, want: str | None) -> None:
    found = _found(text, _orders("MW-26-005178", "MW-26-004410"))
    assert [f for f in found if f is not None] == ([want] if want else [])


def test_two_own_orders_with_the_same_end_are_not_guessed() -> None:
    both = _orders("MW-26-005178", "MW-25-005178")
    assert all(f is None for f in _found("order MW-2027-005178", both))
