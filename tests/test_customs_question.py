"""Customs and import duties asked of an order on its way are the shop's shipping terms,
not that order's tracking again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.assist.service import assist_once
from tests.conftest import current


@pytest.mark.parametrize("question", ["从国外发过来的 到我手上还要另外交关税吗",
                                      "will I have to pay import duties on it?"])
def test_customs_after_tracking(home: Path, question: str) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        oid, customer = conn.execute('SELECT id, customer_id FROM "order" WHERE status = ? '
                                     "ORDER BY id LIMIT 1", ("shipped",)).fetchone()
    tracked = assist_once(current(), customer_id=customer, text=f"where is {oid}?",
                          label="c").result
    assert tracked.intent == "track_order"
    asked = assist_once(current(), customer_id=customer, text=question, label="c").result
    assert asked.intent == "delivery_options" and asked.action is None
