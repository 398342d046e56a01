"""Deleting an account where the store keeps it until the orders on their way are
finished: the reply names those orders first, in either language; a store that says
nothing of it, or a shopper with nothing open, is told only how to delete."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.assist.service import assist_once
from tests.conftest import current
from tests.test_policy_rules import _policy, _say


def _customers(home: Path) -> tuple[dict[str, list[str]], list[str]]:
    """Customers with orders still open (their ids) and customers with none open."""
    with sqlite3.connect(home / "kefu.db") as conn:
        rows = conn.execute('SELECT customer_id, id, status FROM "order" ORDER BY id').fetchall()
        returning = {oid for (oid,) in conn.execute(
            "SELECT order_id FROM refund WHERE status IN ('requested', 'approved')")}
        everyone = [c for (c,) in conn.execute("SELECT id FROM customer ORDER BY id")]
    open_: dict[str, list[str]] = {}
    for customer, oid, status in rows:
        if status in ("pending", "paid", "shipped") or oid in returning:
            open_.setdefault(customer, []).append(oid)
    return open_, [c for c in everyone if c not in open_]


def test_a_return_under_way_is_named_too(home: Path) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        oid, customer = conn.execute(
            'SELECT o.id, o.customer_id FROM refund r JOIN "order" o ON o.id = r.order_id '
            "WHERE r.status = 'requested' AND o.status = 'delivered' ORDER BY o.id").fetchone()
    result = assist_once(current(), customer_id=customer, text="我想把账号注销了",
                         label="t").result
    assert result.intent == "delete_account" and oid in result.reply


@pytest.mark.parametrize("text", ["how do I delete my account?", "我想注销账号"])
def test_the_orders_still_open_are_named(home: Path, text: str) -> None:
    open_, _ = _customers(home)
    customer, orders = next(iter(open_.items()))
    result = assist_once(current(), customer_id=customer, text=text, label="t").result
    assert result.intent == "delete_account"
    assert all(oid in result.reply for oid in orders)


def test_nothing_open_nothing_named(home: Path) -> None:
    _, closed = _customers(home)
    result = assist_once(current(), customer_id=closed[0], text="please delete my account",
                         label="t").result
    assert result.intent == "delete_account"
    assert "Before the account can be deleted" not in result.reply


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_store_that_does_not_wait_says_nothing_of_orders(language: str) -> None:
    waits = _say(language, "delete_account", open_orders=["X-1"],
                 policy=_policy(account_deletion_waits_for_orders=True))
    plain = _say(language, "delete_account", open_orders=["X-1"],
                 policy=_policy(account_deletion_waits_for_orders=False))
    assert "X-1" in waits and "X-1" not in plain
