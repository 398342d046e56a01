"""Order numbers with their head left off: read as an order we cannot find, so the
shopper hears "I can't find order X" instead of being asked for a number they gave."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.models._common import OrderStatus
from app.store.connector import OrderSnapshot
from app.store.id_shapes import IdShapes, learn
from app.understanding.references import find_mentions

SHAPES = IdShapes(tuple(learn(["T7-3318-0042", "T7-3318-0107", "T7-4410-2291"])))


def order(oid: str) -> OrderSnapshot:
    return OrderSnapshot(id=oid, customer_id="m-1", status=OrderStatus.shipped,
                         created_at=datetime(2026, 11, 1, tzinfo=UTC), total=10.0,
                         currency="SGD")


@pytest.mark.parametrize("token, tail", [
    ("3318-0072", True), ("4410-2291", True), ("#3318-0072", True),
    ("３３１８－００７２", True),  # full-width
    ("3318", False),  # a bare number: the shape's plain part, not a tail
    ("11-03", False),  # too few digits: a date
    ("2026-11-03", False),  # runs of the wrong lengths
    ("3318/0072", False),  # another separator
])
def test_tail_of_a_distinctive_shape(token: str, tail: bool) -> None:
    assert SHAPES.match_tail(token) is tail


def test_a_store_without_separated_ids_has_no_tails() -> None:
    shapes = IdShapes(tuple(learn(["SO-84602", "SO-11873", "MP202611110516"])))
    assert not shapes.match_tail("84602") and not shapes.match_tail("2026-1111")


@pytest.mark.parametrize("text, written", [
    ("查一下3318-0072", "3318-0072"), ("where is 3318-0072 pls", "3318-0072")])
def test_a_tail_matching_none_of_theirs_is_an_order_we_cannot_find(
        text: str, written: str) -> None:
    found = find_mentions(text, orders=[order("T7-3318-0042")], shapes=SHAPES)
    assert [(m.written, m.order_id) for m in found] == [(written, None)]


def test_a_tail_of_their_own_order_resolves_to_it() -> None:
    found = find_mentions("查一下3318-0042", orders=[order("T7-3318-0042")], shapes=SHAPES)
    assert [m.order_id for m in found] == ["T7-3318-0042"]


PREFIXED = [order("SO-85127"), order("SO-71466"), order("SO-68450")]
PREFIXED_SHAPES = IdShapes(tuple(learn([o.id for o in PREFIXED])))


@pytest.mark.parametrize("text", [
    "where is 85127?", "85127到哪了", "can you change the address for 85127 to 4 Main St",
    "85127 还没到"])
def test_the_number_without_its_letters_is_that_order(text: str) -> None:
    found = find_mentions(text, orders=PREFIXED, shapes=PREFIXED_SHAPES)
    assert [m.order_id for m in found] == ["SO-85127"]


@pytest.mark.parametrize("text", [
    "I paid 5127 for it",  # an ending, not the whole number: needs an order word
    "my postcode is 11466",  # no order of theirs ends so
])
def test_a_bare_short_ending_alone_is_not_an_order(text: str) -> None:
    found = find_mentions(text, orders=PREFIXED, shapes=PREFIXED_SHAPES)
    assert [m.order_id for m in found if m.order_id] == []


def test_a_short_ending_when_an_order_number_is_expected() -> None:
    found = find_mentions("it's 5127", orders=PREFIXED, shapes=PREFIXED_SHAPES,
                          expected=True)
    assert [m.order_id for m in found] == ["SO-85127"]


LETTERED = IdShapes(tuple(learn(["SO-84602", "SO-11873", "SO-88231"])))


@pytest.mark.parametrize("token, left_off", [
    ("88213", True), ("#88213", True), ("８８２１３", True),
    ("2026", False),  # a year
    ("882130", False), ("882", False),  # not the lengths seen
    ("SO88213", False),  # not left off
])
def test_an_id_with_its_letters_left_off(token: str, left_off: bool) -> None:
    assert LETTERED.prefix_left_off(token) is left_off


def test_its_number_asked_after_is_an_order_we_cannot_find() -> None:
    text = "separate thing, is 88213 out for delivery?"
    mine = [order("SO-88231")]
    assert [m.written for m in find_mentions(text, orders=mine, shapes=LETTERED,
                                             expected=True)] == ["88213"]
    # not asked after an order: a number like any other
    assert find_mentions("I paid 88213 won for it", orders=mine, shapes=LETTERED) == []
