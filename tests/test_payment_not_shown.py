"""Money taken for an order that still shows unpaid: a payment problem a person checks
with the payment provider (the reply says not to pay twice), not the order's tracking
nor card advice; in either language."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.assist.service import assist_once
from app.understanding import dialogue_cues as cue
from tests.conftest import current


@pytest.mark.parametrize(("text", "hit"), [
    ("怎么还是待付款 可我信用卡已经被扣了68.9欧", True),
    ("微信显示扣款成功了 订单怎么还是待付款", True),
    ("my banking app shows 158 euro gone but the order still says pending??", True),
    ("I was charged but it still shows as unpaid", True),
    ("my order still says pending, when will it ship?", False),
    ("待付款的订单可以改地址吗", False), ("I paid yesterday", False),
    ("It still says pending, I haven't paid yet. Can I pay with FPS?", False)])
def test_paid_not_shown(text: str, hit: bool) -> None:
    assert bool(cue.paid_not_shown(text)) is hit


@pytest.mark.parametrize(("template", "words"), [
    ("{} 怎么还是待付款 我银行卡已经扣了钱", "不要重复付款"),
    ("the money is gone from my card but {} still says pending", "don't pay a second time")])
def test_a_person_checks_the_payment(home: Path, template: str, words: str) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        oid, customer = conn.execute('SELECT id, customer_id FROM "order" WHERE status = ? '
                                     "ORDER BY id LIMIT 1", ("pending",)).fetchone()
    result = assist_once(current(), customer_id=customer, text=template.format(oid),
                         label="p").result
    assert result.intent == "payment_issue"
    assert oid in result.reply and words in result.reply
    assert result.decision != "auto_send"  # a person looks before it is promised


@pytest.mark.parametrize(("template", "again", "words"), [
    ("{} 怎么还是待付款 我银行卡已经扣了钱", "那我要不要重新付一次", "不要重复付款"),
    ("the money is gone from my card but {} still says pending", "so should I just pay again?",
     "don't pay a second time")])
def test_paying_again_asked_of_that_payment(home: Path, template: str, again: str,
                                            words: str) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        oid, customer = conn.execute('SELECT id, customer_id FROM "order" WHERE status = ? '
                                     "ORDER BY id LIMIT 1", ("pending",)).fetchone()
    assist_once(current(), customer_id=customer, text=template.format(oid), label="again")
    result = assist_once(current(), customer_id=customer, text=again, label="again").result
    assert result.intent == "payment_issue" and words in result.reply
    assert result.decision != "auto_send"
