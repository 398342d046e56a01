""""The order I cancelled before, is the money back?" asked while the conversation is on
another order: the cancelled order the message describes (its refund said), not the
order in hand and not a cancellation proposed again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api_helpers import Api
from tests.shop_k1 import STORE, iso, order, say, shop

CANCELLED = order("Q-4800", "BL", "Power Blender", 25, "cancelled")
REFUND = {"id": "RF-77", "order_id": "Q-4800", "status": "refunded", "amount": 50.0,
          "created_at": iso(24), "refunded_at": iso(22)}


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    store = STORE | {"orders": [*STORE["orders"], CANCELLED], "refunds": [REFUND]}
    with shop(initialised_template, tmp_path_factory.mktemp("cancelled-money"), store) as c:
        yield c


@pytest.mark.parametrize(("label", "first", "then"), [
    ("en", "can I get an invoice for the toaster order?",
     "ok. and the order I cancelled before, did the money come back?"),
    ("zh", "多士炉那单能开发票吗", "行吧 那之前取消的那单 钱退回来了吧"),
    ("zh-amount", "台灯那单到哪了", "之前取消的破壁机那单 50退回来了没"),
])
def test_the_cancelled_order_described_is_the_one_asked_about(
        api: Api, label: str, first: str, then: str) -> None:
    say(api, label, first)
    result = say(api, label, then)
    assert result.intent == "track_refund", result.reply
    assert result.action is not None and result.action.params.get("order_id") == "Q-4800"
    assert "RF-77" in result.reply
