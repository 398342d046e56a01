"""What a scenario's reply_contains / reply_excludes count as said."""

from __future__ import annotations

import pytest

from eval.scenarios import says


@pytest.mark.parametrize(("fact", "text", "said"), [
    ("4.90", "退款金额 24.90 欧元", False),  # inside a larger amount
    ("4.90", "Return shipping costs €4.90.", True),
    ("197.9", "Refund of €197.90 was made", True),  # trailing zeros of a decimal
    ("12", "runs about 120 minutes", False),
    ("12", "保修 12 个月", True), ("14", "2026年11月14日", True),
    ("48-52", "S fits 48-52 cm", True),
    ("SO-84650", "order so-84650 is", True), ("IPX4", "ipx4 splash-proof", True),
])
def test_a_fact_said_in_a_reply(fact: str, text: str, said: bool) -> None:
    assert says(fact, text) is said
