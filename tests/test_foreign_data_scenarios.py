"""The foreign store's scenarios (data/foreign/scenarios.jsonl): their format, and
that their expectations agree with the records and the policy.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from tests.pack_format import INTENTS
from tests.packs.foreign_data import (
    ACTION_STATUSES,
    EXPECT_KEYS,
    REFUND_ID,
    REFUND_WORDS,
    WRITE_ACTIONS,
    age_days,
    customers,
    looks_like_order_id,
    looks_like_tracking,
    mentioned_orders,
    orders,
    orders_of,
    policy,
    refunds,
    scenarios,
    store,
    turns,
)


def test_scenario_format() -> None:
    cs = customers()
    ids = [s["id"] for s in scenarios()]
    assert len(ids) == len(set(ids))
    for s in scenarios():
        assert set(s) == {"id", "language", "customer_id", "channel", "tags", "turns"}, s["id"]
        assert s["customer_id"] in cs, s["id"]
        assert s["language"] == cs[s["customer_id"]]["language"], s["id"]
        assert s["channel"] in {"web", "wechat"}
        assert 1 <= len(s["turns"]) <= 5
        for i, t in enumerate(s["turns"]):
            e = t["expect"]
            assert t["text"].strip()
            assert set(e) <= EXPECT_KEYS, s["id"]
            assert e["intent"] in INTENTS, s["id"]
            assert e.get("action") is None or e["action"] in INTENTS, s["id"]
            assert e.get("status") is None or e["status"] in ACTION_STATUSES, s["id"]
            assert set(e["gives"]) <= {"order_id", "address"}, s["id"]
            assert e.get("followup", True) is True
            if i == 0:
                assert "followup" not in e, s["id"]


def test_scenario_counts_and_language_balance() -> None:
    all_turns = turns()
    assert len(scenarios()) >= 90
    assert len(all_turns) >= 150
    per_lang = Counter(s["language"] for s, _, _ in all_turns)
    for lang in ("en", "zh"):
        assert per_lang[lang] >= 0.4 * len(all_turns), per_lang


def test_reply_facts_exist_in_the_store() -> None:
    os_, rs = orders(), refunds()
    trackings = {o["tracking_number"] for o in os_.values() if o["tracking_number"]}
    carriers = {o["carrier"] for o in os_.values() if o["carrier"]}
    for s, _i, t in turns():
        e = t["expect"]
        unknown = "unknown-id" in s["tags"]
        for fact in e.get("reply_contains", []):
            if looks_like_order_id(fact):
                if unknown:
                    assert fact not in os_, f"{s['id']}: {fact} is meant not to exist"
                else:
                    assert fact in os_, f"{s['id']}: {fact} is not an order"
            elif looks_like_tracking(fact):
                assert fact in trackings, f"{s['id']}: {fact} is not a tracking number"
            elif REFUND_ID.match(fact):
                assert (
                    fact in rs and os_[rs[fact]["order_id"]]["customer_id"] == s["customer_id"]
                ), s["id"]
            if fact in {"DHL", "DPD", "GLS", "PostNL", "SF Express", "ZTO Express", "JD Logistics"}:
                assert fact in carriers


def test_expectations_agree_with_the_data_and_the_policy() -> None:
    p = policy()
    os_ = orders()
    refunds_by_order = defaultdict(list)
    for r in store()["refunds"]:
        refunds_by_order[r["order_id"]].append(r)
    allowed = {
        "cancel_order": set(p["cancellable_statuses"]),
        "change_shipping_address": set(p["address_change_statuses"]),
        "get_refund": set(p["refundable_statuses"]),
    }
    for s in scenarios():
        cid = s["customer_id"]
        own = {o["id"] for o in orders_of(cid)}
        previous: dict | None = None
        for t in s["turns"]:
            e = t["expect"]
            ids = mentioned_orders(s, e)
            action, status = e.get("action"), e.get("status")
            foreign = "foreign-order" in s["tags"]
            if foreign:
                assert status == "blocked" and ids and all(i not in own for i in ids), s["id"]
                victim = os_[ids[0]]
                assert victim["tracking_number"] in e["reply_excludes"], s["id"]
                assert any(x in victim["shipping_address"] for x in e["reply_excludes"]), s["id"]
                assert customers()[victim["customer_id"]]["name"] in e["reply_excludes"], s["id"]
            elif status in ("executed", "needs_confirmation"):
                by_refund_id = any(REFUND_ID.match(f) for f in e.get("reply_contains", []))
                assert (ids or by_refund_id) and all(i in own for i in ids), (
                    f"{s['id']}: acts on an order that isn't the shopper's"
                )
            for secret in e.get("reply_excludes", []):
                # nothing excluded may belong to the shopper's own orders' identifying facts
                assert all(secret != os_[i]["tracking_number"] for i in own), s["id"]
            if action == "track_order" and status == "executed":
                o = os_[ids[0]]
                if o["tracking_number"]:
                    assert (
                        o["tracking_number"] in e["reply_contains"]
                        and o["carrier"] in e["reply_contains"]
                    )
            if action in allowed and status == "needs_confirmation":
                o = os_[ids[0]]
                assert o["status"] in allowed[action], (
                    f"{s['id']}: policy forbids {action} on {o['status']}"
                )
                if action == "get_refund":
                    assert age_days(o["delivered_at"]) <= p["returns_window_days"] - 4, s["id"]
                    assert not refunds_by_order[o["id"]], f"{s['id']}: order already has a refund"
            if (
                action in allowed
                and status == "blocked"
                and not foreign
                and "unknown-id" not in s["tags"]
            ):
                o = os_[ids[0]]
                too_late = (
                    action == "get_refund"
                    and o["status"] == "delivered"
                    and age_days(o["delivered_at"]) >= p["returns_window_days"] + 4
                )
                assert o["status"] not in allowed[action] or too_late, (
                    f"{s['id']}: policy allows it"
                )
                if too_late:
                    assert str(p["returns_window_days"]) in e["reply_contains"], s["id"]
            if status == "executed" and action in WRITE_ACTIONS:
                assert e.get("followup") and previous is not None, s["id"]
                assert (
                    previous["status"] == "needs_confirmation" and previous["action"] == action
                ), s["id"]
                assert previous["reply_contains"] == e["reply_contains"], s["id"]
            if action == "track_refund" and status == "executed":
                word_of = REFUND_WORDS[s["language"]]
                facts = e["reply_contains"]
                rids = [f for f in facts if REFUND_ID.match(f)]
                if rids:
                    rs = [refunds()[rids[0]]]
                else:
                    rs = (
                        refunds_by_order[ids[0]]
                        if ids
                        else [r for o in own for r in refunds_by_order[o]]
                    )
                assert len(rs) == 1, s["id"]
                assert word_of[rs[0]["status"]] in facts, s["id"]
            previous = e


def test_tags_agree_with_the_shoppers_orders() -> None:
    for s in scenarios():
        n = len(orders_of(s["customer_id"]))
        if "single" in s["tags"]:
            assert n == 1, s["id"]
        if "two-orders" in s["tags"]:
            assert n == 2, s["id"]
        if "ask-which" in s["tags"] or "last-order" in s["tags"]:
            assert n >= 2, s["id"]
        if "last-order" in s["tags"]:
            newest = max(orders_of(s["customer_id"]), key=lambda o: o["created_at"])
            assert newest["id"] in s["turns"][0]["expect"]["reply_contains"], s["id"]
        if "last-digits" in s["tags"]:
            digits = re.search(r"(\d{3,})", s["turns"][0]["text"]).group(1)
            mine = [o["id"] for o in orders_of(s["customer_id"]) if o["id"].endswith(digits)]
            theirs = [
                o["id"]
                for o in store()["orders"]
                if o["id"].endswith(digits) and o["customer_id"] != s["customer_id"]
            ]
            assert len(mine) == 1 and theirs, s["id"]
            assert mine[0] in s["turns"][0]["expect"]["reply_contains"], s["id"]


def test_writing_scenarios_are_independent() -> None:
    write_customers: Counter = Counter()
    write_orders: Counter = Counter()
    for s in scenarios():
        written = set()
        for t in s["turns"]:
            e = t["expect"]
            if e.get("action") in WRITE_ACTIONS or (
                e["intent"] in WRITE_ACTIONS and "write" in s["tags"]
            ):
                written.update(mentioned_orders(s, e))
        if written or "write" in s["tags"]:
            assert "write" in s["tags"], s["id"]
            write_customers[s["customer_id"]] += 1
            for oid in written:
                write_orders[oid] += 1
    assert write_customers and max(write_customers.values()) == 1, write_customers.most_common(3)
    assert max(write_orders.values()) == 1
    # and no read-only scenario speaks for a customer whose orders a writing scenario changes
    for s in scenarios():
        if "write" not in s["tags"]:
            assert s["customer_id"] not in write_customers, s["id"]


@pytest.mark.parametrize(
    "word",
    ["yes please", "go ahead", "sure", "是的", "好的", "可以", "确认", "嗯", "算了", "不用了"],
)
def test_confirmation_wordings_are_covered(word: str) -> None:
    texts = [t["text"] for s, i, t in turns() if t["expect"].get("followup")]
    assert any(word in x.lower() for x in texts), word
