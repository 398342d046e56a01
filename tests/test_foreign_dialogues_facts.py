"""The foreign dialogues' shape and coverage, and that every hard fact they expect
is a real fact of the conversation's own customer.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.pack_format import EXPECT_KEYS, INTENTS
from tests.packs.foreign_dialogues import (
    ACTIONS,
    GIVES,
    ORDER_ID_RE,
    REFUND_ID_RE,
    STATUSES,
    TOP_KEYS,
    TRACKING_RE,
    customers,
    dialogues,
    names_any_order,
    names_order_of,
    orders,
    orders_of,
    refunds,
    turns,
)

# ---------------------------------------------------------------------------------- shape


def test_file_is_json_lines_with_the_scenario_keys():
    rows = dialogues()
    assert rows, "no dialogues"
    ids = Counter(c["id"] for c in rows)
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    for c in rows:
        assert set(c) == TOP_KEYS, (c["id"], set(c) ^ TOP_KEYS)
        assert c["language"] in {"en", "zh"}
        assert isinstance(c["tags"], list) and all(isinstance(t, str) for t in c["tags"])
        assert isinstance(c["channel"], str) and c["channel"]
        assert isinstance(c["turns"], list) and c["turns"], c["id"]
        for t in c["turns"]:
            assert set(t) == {"text", "expect"}, c["id"]
            assert isinstance(t["text"], str) and t["text"].strip(), c["id"]
            e = t["expect"]
            assert set(e) <= EXPECT_KEYS, (c["id"], set(e) - EXPECT_KEYS)
            assert "intent" in e and "gives" in e and "followup" in e, (c["id"], t["text"])


def test_sizes_and_language_balance():
    rows = dialogues()
    assert len(rows) >= 40
    all_turns = turns()
    assert len(all_turns) >= 140
    per_lang = Counter(c["language"] for c, _ in all_turns)
    for lang in ("en", "zh"):
        assert per_lang[lang] >= 0.4 * len(all_turns), per_lang


def test_expect_values():
    for c, t in turns():
        e = t["expect"]
        where = (c["id"], t["text"])
        assert e["intent"] in INTENTS, where
        if "action" in e:
            assert e["action"] is None or e["action"] in ACTIONS, where
        if "status" in e:
            assert e["status"] is None or e["status"] in STATUSES, where
        if "handoff" in e:
            assert isinstance(e["handoff"], bool), where
        for key in ("reply_contains", "reply_excludes"):
            if key in e:
                assert isinstance(e[key], list) and e[key], where
                assert all(isinstance(s, str) and s for s in e[key]), where
        assert isinstance(e["gives"], list) and set(e["gives"]) <= GIVES, where
        assert len(set(e["gives"])) == len(e["gives"]), where
        assert isinstance(e["followup"], bool), where
        if "flagged" in e:
            assert e["flagged"] is True, where
        # a write that is proposed or carried out never hands off
        if e.get("status") in {"needs_confirmation", "executed"}:
            assert e.get("handoff") is False, where


def test_first_turns_are_not_followups():
    for c in dialogues():
        assert c["turns"][0]["expect"]["followup"] is False, c["id"]


def test_every_customer_exists():
    known = customers()
    for c in dialogues():
        assert c["customer_id"] in known, c["id"]


# ---------------------------------------------------------------------------------- facts


def test_reply_contains_facts_belong_to_the_conversations_customer():
    all_orders = orders()
    all_refunds = refunds()
    tracking = {o["tracking_number"]: o for o in all_orders.values() if o["tracking_number"]}
    carriers = {o["carrier"] for o in all_orders.values() if o["carrier"]}
    for c, t in turns():
        cid = c["customer_id"]
        own_carriers = {o["carrier"] for o in orders_of(cid) if o["carrier"]}
        for fact in t["expect"].get("reply_contains", []):
            where = (c["id"], t["text"], fact)
            if fact in all_orders:
                assert all_orders[fact]["customer_id"] == cid, where
            elif ORDER_ID_RE.match(fact):
                pytest.fail(f"unknown order id {where}")
            elif fact in tracking:
                assert tracking[fact]["customer_id"] == cid, where
            elif TRACKING_RE.match(fact):
                pytest.fail(f"unknown tracking number {where}")
            elif fact in carriers:
                assert fact in own_carriers, where
            elif fact in all_refunds:
                assert all_orders[all_refunds[fact]["order_id"]]["customer_id"] == cid, where
            elif REFUND_ID_RE.match(fact):
                pytest.fail(f"unknown refund id {where}")


def test_track_order_turns_name_one_order_with_its_own_tracking_and_carrier():
    all_orders = orders()
    for c, t in turns():
        e = t["expect"]
        if e.get("action") != "track_order" or e.get("status") != "executed":
            continue
        named = [f for f in e.get("reply_contains", []) if f in all_orders]
        assert len(named) == 1, (c["id"], t["text"])
        o = all_orders[named[0]]
        for fact in e["reply_contains"]:
            if TRACKING_RE.match(fact):
                assert fact == o["tracking_number"], (c["id"], t["text"])
            if fact in {x["carrier"] for x in all_orders.values() if x["carrier"]}:
                assert fact == o["carrier"], (c["id"], t["text"])


def test_refund_status_words_match_the_refund():
    words = {
        "requested": "已申请",
        "approved": "已批准",
        "refunded": "已退款",
        "rejected": "已拒绝",
    }
    all_refunds = refunds()
    for c, t in turns():
        rc = t["expect"].get("reply_contains", [])
        ids = [f for f in rc if f in all_refunds]
        for rid in ids:
            status = all_refunds[rid]["status"]
            word = status if c["language"] == "en" else words[status]
            assert word in rc, (c["id"], t["text"])


def test_gives_order_id_matches_the_text():
    for c, t in turns():
        gives = "order_id" in t["expect"]["gives"]
        named = names_order_of(t["text"], c["customer_id"]) or names_any_order(t["text"])
        assert gives == named, (c["id"], t["text"])


# ---------------------------------------------------------------------------------- coverage


def test_coverage_of_the_brief():
    all_turns = turns()
    e = [t["expect"] for _, t in all_turns]
    assert sum(1 for x in e if x["followup"]) >= 40
    assert sum(1 for x in e if x.get("handoff") is True) >= 8
    # money-back questions are refund intents and never answered with a delivery time
    timing = [
        (c, t)
        for c, t in all_turns
        if "refund-timing" in c["tags"]
        and t["expect"]["intent"] == "track_refund"
        and t["expect"].get("reply_excludes")
    ]
    assert len(timing) >= 10
    for c, t in timing:
        assert {"3-5", "7-12"} & set(t["expect"]["reply_excludes"]), (c["id"], t["text"])
    # defective / damaged / wrong item: the return fee is never quoted
    waived = [
        t
        for c, t in all_turns
        if "fee-waived" in c["tags"] and t["expect"]["intent"] == "get_refund"
    ]
    assert waived and all("4.90" in t["expect"].get("reply_excludes", []) for t in waived)
    for lang in ("en", "zh"):
        tags = Counter(tag for c in dialogues() if c["language"] == lang for tag in c["tags"])
        for tag in (
            "refund-timing",
            "correction",
            "injection",
            "handoff",
            "blocked",
            "confirm",
            "decline",
            "multi-topic",
            "fee-waived",
        ):
            assert tags[tag] >= 1, (lang, tag)


def test_excluded_strings_never_hit_what_the_reply_must_name():
    """A reply_excludes string must not be part of a required fact or of the shopper's own ids."""
    for c, t in turns():
        e = t["expect"]
        own = [o["id"] for o in orders_of(c["customer_id"])]
        own += [o["tracking_number"] for o in orders_of(c["customer_id"]) if o["tracking_number"]]
        for x in e.get("reply_excludes", []):
            for y in e.get("reply_contains", []) + own:
                assert x not in y, (c["id"], t["text"], x, y)
