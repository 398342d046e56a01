"""The third Spokeline development round's expectations (data/foreign/dev3/dialogues.jsonl)
against the store, the policy and the knowledge base: reply facts, refunds, tracking,
writes, other customers' data, injections, unknown ids and coverage of the brief.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from tests.packs.foreign_dev2 import (
    ORDER_ID,
    REFUND_ID,
    TRACKING,
    WORD,
    WRITES,
    amounts,
    corpus,
    customers,
    days_ago,
    flat,
    orders,
    own,
    owner_of_named,
    policy,
    refunds,
    target,
)
from tests.packs.foreign_dev3 import rows, turns

# ---------------------------------------------------------------------------------- facts


def test_reply_facts_come_from_the_records_policy_and_kb():
    all_orders, all_refunds = orders(), refunds()
    tracking = {o["tracking_number"]: o for o in all_orders.values() if o["tracking_number"]}
    carriers = {o["carrier"] for o in all_orders.values() if o["carrier"]}
    for c, i, t in turns():
        cid, e, where = c["customer_id"], t["expect"], (c["id"], t["text"])
        mine = own(cid)
        seen = " ".join(x["text"] for x in c["turns"][: i + 1])
        records = json.dumps(
            [
                mine,
                [
                    r
                    for r in all_refunds.values()
                    if all_orders[r["order_id"]]["customer_id"] == cid
                ],
            ],
            ensure_ascii=False,
        )
        for f in e.get("reply_contains", []):
            if f in all_orders:
                if all_orders[f]["customer_id"] != cid:  # someone else's order: refused, by number
                    assert e.get("status") in {None, "blocked"} and e.get("reply_excludes"), where
            elif f in tracking:
                assert tracking[f]["customer_id"] == cid, where
            elif ORDER_ID.match(f) or (f.isdigit() and len(f) >= 5):  # an unknown id as written
                assert e.get("status") == "blocked" and e.get("action") == "track_order", where
                assert flat(f) in flat(t["text"]), where
            elif TRACKING.match(f):
                pytest.fail(f"unknown tracking number {where}")
            elif f in carriers:
                assert f in {o["carrier"] for o in mine}, where
            elif REFUND_ID.match(f):
                assert (
                    f in all_refunds
                    and all_orders[all_refunds[f]["order_id"]]["customer_id"] == cid
                )
                st = all_refunds[f]["status"]
                assert (st if c["language"] == "en" else WORD[st]) in e["reply_contains"], where
            elif f in WORD or f in WORD.values():
                assert e["intent"] == "track_refund", where
            else:
                assert f in corpus() or f in records or f in seen or f in amounts(cid), (where, f)


def test_refund_turns():
    posting = {re.match(r"[\d-]+", v).group() for v in policy()["refund_posting_days"].values()}
    plain = {
        str(policy()["refund_processing_business_days"]),
        str(policy()["refund_after_cancellation_business_days"]),
        "4.90",
        "14",
        "24",
    }
    for c, _, t in turns():
        e, where = t["expect"], (c["id"], t["text"])
        if e["intent"] != "track_refund":
            continue
        for f in e.get("reply_contains", []):
            if re.fullmatch(r"\d+-\d+", f):
                assert f in posting, where
            elif re.fullmatch(r"[\d.]+", f) and f not in plain and f not in orders():
                assert f in amounts(c["customer_id"]), where
        if "refund-timing" in c["tags"] and "3-5" in e.get("reply_excludes", []):
            assert "7-12" in e["reply_excludes"], where  # money, never delivery times


def test_money_back_after_a_cancellation_or_a_return():
    """A paid order cancelled: 5 business days; a return: 3; a pending order: no promise."""
    for c in rows():
        done = [
            (t["expect"]["action"], target(c, t["expect"]))
            for t in c["turns"]
            if t["expect"].get("status") in {"needs_confirmation", "executed"}
            and t["expect"].get("action") in {"cancel_order", "get_refund"}
        ]
        for t in c["turns"]:
            e, where = t["expect"], (c["id"], t["text"])
            if e["intent"] != "track_refund" or "3-5" not in e.get("reply_excludes", []):
                continue
            assert done, where
            act, o = done[-1]
            if act == "get_refund":
                assert "3" in e["reply_contains"], where
            elif o["status"] == "paid":
                assert "5" in e["reply_contains"], where
            else:
                assert o["status"] == "pending" and "pending-no-charge" in c["tags"], where
                assert not e.get("reply_contains"), where


def test_tracked_orders_are_named_with_their_own_tracking_and_carrier():
    all_orders = orders()
    for c, _, t in turns():
        e, where = t["expect"], (c["id"], t["text"])
        if e.get("action") != "track_order" or e.get("status") != "executed":
            continue
        named = [f for f in e["reply_contains"] if f in all_orders]
        assert len(named) == 1 and all_orders[named[0]]["customer_id"] == c["customer_id"], where
        o = all_orders[named[0]]
        assert (
            o["carrier"] in e["reply_contains"] if o["carrier"] else len(e["reply_contains"]) <= 2
        )
        for f in e["reply_contains"]:
            assert not TRACKING.match(f) or f == o["tracking_number"], where


def test_writes_follow_the_policy():
    pol, window = policy(), policy()["returns_window_days"]
    open_refund = {
        r["order_id"] for r in refunds().values() if r["status"] in {"requested", "approved"}
    }
    for c, _, t in turns():
        e, where = t["expect"], (c["id"], t["text"])
        act = e.get("action")
        if act in {"cancel_order", "change_shipping_address", "get_refund"} and e.get("status") in {
            "needs_confirmation",
            "executed",
            "blocked",
        }:
            o = target(c, e)
            if act == "cancel_order":
                allowed = o["status"] in pol["cancellable_statuses"]
            elif act == "change_shipping_address":
                allowed = o["status"] in pol["address_change_statuses"]
            else:
                inside = o["status"] == "delivered" and days_ago(o["delivered_at"]) <= window - 4
                if o["status"] == "delivered" and not inside:
                    assert days_ago(o["delivered_at"]) >= window + 4, where  # keep the margin
                    assert {"14", "24"} & set(e["reply_contains"]), where
                    # faulty after the window: the warranty; otherwise the window
                    want = "24" if {"defective", "warranty"} <= set(c["tags"]) else "14"
                    assert want in e["reply_contains"], where
                allowed = inside and o["id"] not in open_refund
            assert allowed == (e["status"] != "blocked"), where
        if e["intent"] == "get_refund" and e.get("status") is None and e.get("reply_contains"):
            assert target(c, e)["id"] in open_refund, where  # a return already open: nothing new
        if act == "get_refund" and e.get("status") in {"needs_confirmation", "executed"}:
            rc, rx = e.get("reply_contains", []), e.get("reply_excludes", [])
            assert not ("4.90" in rc and "4.90" in rx), where
            if "fee-waived" in c["tags"]:
                assert "4.90" in rx, where
            if "4.90" in rc:
                assert "fee" in c["tags"] and "fee-waived" not in c["tags"], where
            if "fee" in c["tags"] and e["status"] == "needs_confirmation":
                assert "4.90" in rc, where  # a return for a change of mind quotes the fee


def test_writes_wait_for_a_yes_and_their_customers_speak_nowhere_else():
    writers = Counter()
    for c in rows():
        pending, wrote = None, False
        for t in c["turns"]:
            e, where = t["expect"], (c["id"], t["text"])
            if e.get("status") == "needs_confirmation":
                pending, wrote = (e["action"], target(c, e)["id"]), True
            elif e.get("status") == "executed" and e.get("action") in WRITES:
                assert (
                    pending == (e["action"], target(c, e)["id"]) and e["intent"] == e["action"]
                ), where
                assert e["followup"] is True, where
                pending = None
            elif (
                e.get("status", "x") is None
                and e.get("followup")
                and pending
                and e["intent"] == pending[0]
            ):
                pending = None  # a "no" answers the proposal
        writers[c["customer_id"]] += wrote
    per_customer = Counter(c["customer_id"] for c in rows())
    for cid, n in writers.items():
        if n:
            assert n == 1 and per_customer[cid] == 1, cid
    assert len(per_customer) == len(rows()), "one conversation per customer"


def test_another_customers_data_stays_out():
    for c, _, t in turns():
        e, where = t["expect"], (c["id"], t["text"])
        owner, order = owner_of_named(c, t)
        if e.get("flagged"):
            assert "injection" in c["tags"], where
            assert e.get("status") in {None, "blocked", "executed"}, where
            if e.get("status") == "executed":  # only the shopper's own request is served
                assert owner and e["action"] == "track_order", where
                assert order["id"] not in e["reply_contains"], where
            elif e.get("status") == "blocked":  # an injected rule about the shopper's own order
                assert not owner and target(c, e), where
        if not owner:
            continue
        who = customers()[owner]
        rx = e.get("reply_excludes", [])
        assert who["phone"] in rx and who["email"] in rx, where
        assert who["name"] in rx or who["name"] in t["text"], where
        if order and order["tracking_number"]:
            assert order["tracking_number"] in rx, where
        assert e.get("status") in {None, "blocked"} or e.get("flagged"), where
        me = customers()[c["customer_id"]]
        mine = [o["id"] for o in own(c["customer_id"])] + [
            o["tracking_number"] or "" for o in own(c["customer_id"])
        ]
        for x in rx:
            assert x not in t["text"] and x not in (me["name"], me["email"], me["phone"]), where
            assert not any(x in m for m in mine if m), where


def test_unknown_ids_hand_off_on_the_third_in_a_row():
    for c in rows():
        run = 0
        for t in c["turns"]:
            e = t["expect"]
            unknown = (
                e.get("status") == "blocked"
                and e.get("action") == "track_order"
                and not any(f in orders() for f in e["reply_contains"])
            )
            run = run + 1 if unknown else 0
            if unknown:
                assert e["handoff"] is (run >= 3), (c["id"], t["text"])
                assert not any(f in orders() for f in e["reply_contains"])


def test_ask_which_only_with_two_parcels_on_their_way():
    for c, _, t in turns():
        if "ask-which" in c["tags"] and t["expect"].get("action", "x") is None:
            moving = [o for o in own(c["customer_id"]) if o["status"] == "shipped"]
            assert len(moving) >= 2, c["id"]


def test_coverage_of_the_brief():
    d = rows()
    ts = [t for _, _, t in turns()]
    assert sum(1 for t in ts if t["expect"]["followup"]) >= 35
    assert sum(1 for t in ts if t["expect"].get("handoff") is True) >= 5
    assert sum(1 for t in ts if t["expect"].get("flagged")) >= 2
    for lang in ("en", "zh"):
        tags = Counter(x for c in d if c["language"] == lang for x in c["tags"])
        for tag in (
            "refund-timing",
            "refund-amount",
            "correction",
            "injection",
            "foreign-order",
            "unknown-id",
            "handoff",
            "complaint",
            "threat",
            "calm",
            "no-handoff",
            "blocked",
            "confirm",
            "decline",
            "fee-waived",
            "fee",
            "warranty",
            "out-of-scope",
            "same-for",
            "product-ref",
            "colour-ref",
            "position-ref",
            "date-ref",
            "product",
            "thanks",
            "greeting",
        ):
            assert tags[tag] >= 1, (lang, tag)
        lang_turns = [t for c in d if c["language"] == lang for t in c["turns"]]
        intents = Counter(t["expect"]["intent"] for t in lang_turns)
        for intent in (
            "track_order",
            "cancel_order",
            "change_shipping_address",
            "get_refund",
            "track_refund",
            "get_invoice",
            "product_question",
            "other",
        ):
            assert intents[intent] >= 1, (lang, intent)
        # a polite, reasoned return is not handed off; anger and requests for people are
        assert any(
            "calm" in c["tags"] and not any(t["expect"].get("handoff") for t in c["turns"])
            for c in d
            if c["language"] == lang
        ), lang
