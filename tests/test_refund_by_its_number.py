"""A refund asked after by its own number, in any case, is that refund's progress, not
the tracking of its order: "is rf-1234 all done?"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.assist.service import assist_once
from tests.conftest import current


@pytest.mark.parametrize("template", [
    "while I'm here, is {} all done?", "{} 弄完了没",
    # the item going back said too: no new return, the progress of this one
    "Morning - what's the latest on {}? It's the item going back to you because it's too small"])
def test_a_refund_number_asks_after_the_refund(home: Path, template: str) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        refund, customer = conn.execute(
            'SELECT r.id, o.customer_id FROM refund r JOIN "order" o ON o.id = r.order_id '
            "ORDER BY r.id LIMIT 1").fetchone()
    result = assist_once(current(), customer_id=customer,
                         text=template.format(refund.lower()), label="r").result
    assert result.intent == "track_refund"
    assert result.action is not None and result.action.status == "executed"


def test_an_item_being_sent_back_asks_after_its_return(home: Path) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        rows = conn.execute(
            'SELECT o.customer_id, o.id FROM refund r JOIN "order" o ON o.id = r.order_id '
            "ORDER BY r.id").fetchall()
        counts: dict[str, int] = {}
        for customer, _ in rows:
            counts[customer] = counts.get(customer, 0) + 1
        customer, oid = next((c, o) for c, o in rows if counts[c] == 1)
        (item,) = conn.execute("SELECT name FROM order_item WHERE order_id = ? ORDER BY line "
                               "LIMIT 1", (oid,)).fetchone()
    result = assist_once(current(), customer_id=customer,
                         text=f"hi, what's happening with the {item} I'm sending back? "
                              "haven't heard a thing", label="s").result
    assert result.intent == "track_refund"
    assert result.action is not None and result.action.status == "executed"
    assert oid in result.reply


@pytest.mark.parametrize(("follow", "lang", "said"), [
    ("which card did it go back to? I've changed cards since then", "en", "you paid with"),
    ("退到哪张卡了 我换卡了", "zh", "付款时用的账户")])
def test_where_a_refund_went_is_asked_of_it(home: Path, follow: str, lang: str,
                                            said: str) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        order, customer = conn.execute(
            'SELECT o.id, o.customer_id FROM refund r JOIN "order" o ON o.id = r.order_id '
            "WHERE r.status = 'refunded' ORDER BY r.id LIMIT 1").fetchone()
    first = f"was the refund for {order} paid?" if lang == "en" else f"{order} 的退款退了吗"
    assist_once(current(), customer_id=customer, text=first, label=f"w-{lang}")
    result = assist_once(current(), customer_id=customer, text=follow, label=f"w-{lang}").result
    assert result.intent == "track_refund" and said in result.reply
