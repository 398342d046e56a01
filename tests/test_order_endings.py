"""An order told by its last digits, said as such ("是27结尾", "ending in 31"): two or
three digits are enough when they end exactly one of the shopper's own orders."""

from __future__ import annotations

import pytest

from tests.test_slots import EN, slots


@pytest.mark.parametrize(("text", "order"), [
    ("sorry, it's the one ending in 31", "A10031"),
    ("不好意思 最后两位反了 是23结尾", "A10023"),
    ("尾号11那单", "A10011"),
])
def test_the_ending_of_one_order(text: str, order: str) -> None:
    s = slots(text, EN)
    assert s.order_id == order and s.order_source == "message"


@pytest.mark.parametrize("text", [
    "the one ending in 99",  # none of theirs
    "I waited 31 days",  # no word of an ending
])
def test_no_order_by_digits_that_end_none_or_say_no_ending(text: str) -> None:
    s = slots(text, EN)
    assert s.order_id is None or s.order_source != "message", s.order_id
