"""Whether the shop delivers to a place at all is its shipping terms (where it goes, what
it costs, how long each way takes), even when the same message asks how long; how long
delivery to a place takes, asked alone, is its delivery times."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.assist.service import assist_once
from app.understanding.delivery_cues import asks_ships_there
from tests.conftest import current


@pytest.mark.parametrize(("text", "there"), [
    ("Do you even ship to China, and what would it cost and how long would it take?", True),
    ("can deliver to my cousin in KL or not", True),
    ("到时候在官网下单寄到上海可以吗 大概几天能到", True),
    ("能寄到香港吗", True),
    ("We're retiring to the Isles of Scilly. I should like to know whether you will still "
     "deliver to us there, and whether there is any extra charge.", True),
    ("can you deliver to me tomorrow instead?", False),
    ("can you send it to my office instead?", False),
    ("how long does standard delivery to Germany usually take?", False),
    ("官网寄到上海要几天", False),
    ("能寄到我公司吗", False),
])
def test_whether_the_shop_delivers_there(text: str, there: bool) -> None:
    assert asks_ships_there(text) is there


@pytest.mark.parametrize(("text", "intent"), [
    ("我年底回国住一阵 到时候在官网下单寄到上海可以吗 大概几天能到", "delivery_options"),
    ("do you deliver to Ireland? and roughly how many days would it take", "delivery_options"),
    ("官网寄到上海一般要几天", "delivery_period"),
])
def test_a_place_asked_of_the_shop(home: Path, text: str, intent: str) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        customer = conn.execute("SELECT id FROM customer ORDER BY id LIMIT 1").fetchone()[0]
    asked = assist_once(current(), customer_id=customer, text=text, label=text).result
    assert asked.intent == intent and asked.action is None
