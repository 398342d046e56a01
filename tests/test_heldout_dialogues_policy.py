"""The held-out Spokeline dialogues' writes against the store's policy, and that
customers whose orders change speak in one conversation only.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.packs.heldout_dialogues import (
    OPEN_REFUND,
    WRITE_ACTIONS,
    _age_days,
    _owner_orders,
    _turns,
    _write_orders,
    _writing_customers,
    load_convs,
    load_policy,
    load_store,
)


@pytest.fixture(scope="module")
def convs() -> list[dict]:
    return load_convs()


@pytest.fixture(scope="module")
def store() -> dict:
    return load_store()


@pytest.fixture(scope="module")
def policy() -> dict:
    return load_policy()


def test_writes_follow_the_policy(convs, store, policy):
    window = policy["returns_window_days"]
    for c, i, t in _turns(convs):
        e = t["expect"]
        action, status = e.get("action"), e.get("status")
        if action not in WRITE_ACTIONS or status not in (
            "needs_confirmation",
            "executed",
            "blocked",
        ):
            continue
        where = f"{c['id']} turn {i}"
        orders = _write_orders(store, c, e)
        assert len(orders) == 1, f"{where}: the reply must name exactly one of the shopper's orders"
        o = orders[0]
        refunds = store["_refunds_by_order"].get(o["id"], [])
        ok = {
            "cancel_order": o["status"] in policy["cancellable_statuses"],
            "change_shipping_address": o["status"] in policy["address_change_statuses"],
            "change_order": o["status"] in policy["order_change_statuses"],
            "get_refund": (
                o["status"] in policy["refundable_statuses"]
                and _age_days(store, o) is not None
                and _age_days(store, o) <= window - 4
                and not any(r["status"] in OPEN_REFUND for r in refunds)
            ),
        }[action]
        if status == "blocked":
            assert not ok, f"{where}: policy allows {action} on {o['id']}"
            if action == "get_refund" and o["status"] == "delivered":
                assert _age_days(store, o) >= window + 4, f"{where}: too close to the window"
                assert str(window) in e["reply_contains"], f"{where}: the refusal names the window"
        else:
            assert ok, f"{where}: policy refuses {action} on {o['id']} ({o['status']})"


def test_confirmations_answer_a_pending_write(convs):
    for c in convs:
        pending = None
        for i, t in enumerate(c["turns"]):
            e = t["expect"]
            where = f"{c['id']} turn {i}"
            if e.get("status") == "executed" and e.get("action") in WRITE_ACTIONS:
                assert pending == e["action"], f"{where}: nothing of {e['action']} was pending"
                assert e.get("followup"), where
                pending = None
            elif e.get("status") == "needs_confirmation":
                pending = e["action"]
            elif (
                e.get("status") is None
                and "status" in e
                and e["intent"] in WRITE_ACTIONS
                and pending == e["intent"]
            ):
                pending = None


def test_return_fee_expectations(convs, store, policy):
    fee = f"{policy['return_shipping_fee']:.2f}"
    free = {"defective", "damaged", "wrong-item"}
    for c, i, t in _turns(convs):
        e = t["expect"]
        if e.get("action") != "get_refund" or e.get("status") != "needs_confirmation":
            continue
        where = f"{c['id']} turn {i}"
        if free & set(c["tags"]):
            assert fee in e.get("reply_excludes", []), (
                f"{where}: a free return must not quote {fee}"
            )
        elif {"size", "changed-mind"} & set(c["tags"]):
            assert fee in e.get("reply_contains", []), f"{where}: the fee applies"


def test_refund_timing_turns(convs, policy):
    after_cancel = str(policy["refund_after_cancellation_business_days"])
    after_return = str(policy["refund_processing_business_days"])
    for c in convs:
        done = []
        for i, t in enumerate(c["turns"]):
            e = t["expect"]
            if e.get("status") == "executed" and e.get("action") in ("cancel_order", "get_refund"):
                done.append(e["action"])
            if e["intent"] != "track_refund" or not done or not e.get("followup"):
                continue
            where = f"{c['id']} turn {i}"
            assert "3-5" in e.get("reply_excludes", []), f"{where}: shipping times stay out"
            if done[-1] == "cancel_order" and "pending" not in c["tags"]:
                assert after_cancel in e.get("reply_contains", []), where
            if done[-1] == "get_refund":
                assert after_return in e.get("reply_contains", []), where


def test_colour_and_size_facts_come_from_the_order(convs, store):
    for c, i, t in _turns(convs):
        e = t["expect"]
        if e["intent"] != "product_question" or not ({"colour-ref", "size"} & set(c["tags"])):
            continue
        names = " ".join(
            it["name"] for o in _owner_orders(store, c["customer_id"]) for it in o["items"]
        )
        for s in e.get("reply_contains", []):
            if re.fullmatch(r"[A-Za-z]+|[\u4e00-\u9fff]+色|[SMLX]+码", s):
                assert s in names, f"{c['id']} turn {i}: {s} is in none of the shopper's items"


# ------------------------------------------------------------------ independence


def test_writing_customers_speak_once(convs, store):
    writers = _writing_customers(convs)
    speakers = Counter(c["customer_id"] for c in convs)
    for cust, ids in writers.items():
        assert speakers[cust] == 1, (
            f"{cust} writes in {ids} and speaks in {speakers[cust]} conversations"
        )
    # nobody else's conversation relies on a writing customer's orders
    for c, i, t in _turns(convs):
        for s in t["expect"].get("reply_excludes", []) + t["expect"].get("reply_contains", []):
            o = store["_orders"].get(s) or store["_tracking"].get(s)
            if o and o["customer_id"] != c["customer_id"]:
                assert o["customer_id"] not in writers, f"{c['id']} turn {i}: {s}"
