"""The currency a price question asks in, among the ones the world writes: a code, a
sign, a name or a place that pays in it; none when two are named."""

from __future__ import annotations

import pytest

from app.understanding.currency_asked import currency_asked


@pytest.mark.parametrize(("text", "code"), [
    ("how much is it on your Hong Kong site?", "HKD"), ("新加坡那边卖多少钱", "SGD"),
    ("what's that in euros?", "EUR"), ("the HK$1,529 one, how much now?", "HKD"),
    ("how much is it?", None), ("is it cheaper in HKD or SGD?", None),
    ("how much is the HKS-2 hook?", None),
])
def test_the_currency_a_price_is_asked_in(text: str, code: str | None) -> None:
    assert currency_asked(text) == code
