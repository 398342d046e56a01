"""The invoice of an order, asked for in any words ("invoice for that one possible?"), is
that invoice; the shop's invoice terms (how late, how soon) stay a question about them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.assist.service import assist_once
from tests.conftest import current


def _delivered(home: Path) -> tuple[str, str]:
    with sqlite3.connect(home / "kefu.db") as conn:
        row = conn.execute('SELECT id, customer_id FROM "order" WHERE status = ? ORDER BY id '
                           "LIMIT 1", ("delivered",)).fetchone()
    return row[0], row[1]


@pytest.mark.parametrize("text", ["right. {} - invoice for that one possible? for my records",
                                  "{} 这单能开发票吗"])
def test_an_orders_invoice_asked_for(home: Path, text: str) -> None:
    oid, customer = _delivered(home)
    result = assist_once(current(), customer_id=customer, text=text.format(oid),
                         label="i").result
    assert result.intent == "get_invoice"
    assert result.action is not None and result.action.params.get("order_id") == oid


def test_the_terms_stay_a_question_about_them(home: Path) -> None:
    oid, customer = _delivered(home)
    result = assist_once(current(), customer_id=customer,
                         text=f"how long after buying {oid} can I still ask for an invoice?",
                         label="t").result
    assert result.intent == "check_invoice"


@pytest.mark.parametrize("question", ["will the VAT be shown separately on it?",
                                      "税额会单独列出来吗？"])
def test_what_the_invoice_shows_after_asking_for_it(home: Path, question: str) -> None:
    oid, customer = _delivered(home)
    asked = assist_once(current(), customer_id=customer,
                        text=f"can I get an invoice for {oid}?", label="v").result
    assert asked.intent == "get_invoice"
    shows = assist_once(current(), customer_id=customer, text=question, label="v").result
    assert shows.intent == "check_invoice" and shows.action is None
