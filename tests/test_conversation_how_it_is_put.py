"""Whole turns of a conversation put in the shopper's own way: a yes with an emoji after
it carries out the change proposed, thanks after an order was talked about closes the
matter instead of counting as one more failure, an e-mail's signature (a name, an
address, "Sent from my iPhone") is no new address, and an address in a country the store
does not deliver to is refused in the shopper's language."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from app.assist.schemas import AssistResult
from app.assist.service import assist_once
from tests.conftest import current, reset_caches


def _order(home: Path, status: str) -> tuple[str, str]:
    with sqlite3.connect(home / "kefu.db") as conn:
        row = conn.execute('SELECT id, customer_id FROM "order" WHERE status = ? '
                           "ORDER BY id LIMIT 1", (status,)).fetchone()
    return row[0], row[1]


def _say(customer: str, text: str, label: str) -> AssistResult:
    return assist_once(current(), customer_id=customer, text=text, label=label).result


def test_a_yes_with_an_emoji_after_it_carries_out_the_change(home: Path) -> None:
    oid, customer = _order(home, "paid")
    asked = _say(customer, f"订单{oid}改个收货地址：上海市浦东新区世纪大道100号5楼501室", "emoji")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    done = _say(customer, "地址对的 改吧👌", "emoji")
    assert done.action is not None and done.action.status == "executed"
    assert done.intent == "change_shipping_address"


def test_thanks_after_the_order_was_talked_about_closes_the_matter(home: Path) -> None:
    oid, customer = _order(home, "delivered")
    _say(customer, f"where is order {oid}?", "ta")
    closed = _say(customer, "Makes sense, nothing to claim there then. Ta!", "ta")
    assert closed.intent == "other" and closed.action is None
    assert closed.decision == "auto_send" and closed.ticket_id is None


def test_an_e_mails_signature_is_no_new_address(home: Path) -> None:
    oid, customer = _order(home, "shipped")
    mail = (f"Hello,\n\nCould you please let me know whether order {oid} has been dispatched "
            "yet?\n\nKind regards,\nJack Doe\n3 Douglas Street, Cork T12 Y7C9\n"
            "+353 87 555 0356\n\nSent from my iPhone")
    tracked = _say(customer, mail, "mail")
    assert tracked.intent == "track_order"
    assert tracked.action is not None and tracked.action.name == "track_order"
    assert tracked.action.status == "executed"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_country_not_delivered_to_is_refused_and_said_so(home: Path, lang: str) -> None:
    policy = json.loads((home / "policy.json").read_text(encoding="utf-8"))
    (home / "policy.json").write_text(json.dumps({**policy, "ships_to": ["CN", "US"]}),
                                      encoding="utf-8")
    reset_caches()
    oid, customer = _order(home, "paid")
    text = {"zh": f"订单{oid}能改寄到香港吗：九龍旺角彌敦道688號旺角中心12樓B室",
            "en": f"can order {oid} go to my sister instead? 14 Canal Street, Manchester M1 3HE"}
    refused = _say(customer, text[lang], f"abroad-{lang}")
    assert refused.action is not None and refused.action.status == "blocked"
    assert oid in refused.reply
    assert "香港" in refused.reply if lang == "zh" else "the United Kingdom" in refused.reply
