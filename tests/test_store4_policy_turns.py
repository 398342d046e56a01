"""The Maowu store pack's dialogues follow its policy: delivery dates clear of the
windows, writes allowed or blocked as the policy says, opened food and litter refused,
confirmations before executions, invoices and refund timing as the policy states.
"""

from __future__ import annotations

from tests.store4_pack import (
    DIALOGUES,
    FEE,
    FEE_TEXT,
    ORDERS,
    POLICY,
    PRODUCTS,
    REASON_TAGS,
    REFUNDS,
    STORE,
    WRITES,
    age_days,
    turns,
)


def turn_order(e: dict) -> str | None:
    facts = [f for f in e.get("reply_contains", []) if f in ORDERS]
    return facts[0] if facts else None


def reason_of(d: dict) -> str:
    reasons = [REASON_TAGS[t] for t in d["tags"] if t in REASON_TAGS]
    assert len(reasons) <= 1, d["id"]
    return reasons[0] if reasons else "changed_mind"


def window(reason: str) -> int:
    return POLICY["returns_window_days_by_reason"].get(reason, POLICY["returns_window_days"])


def test_delivery_dates_keep_clear_of_the_windows():
    speakers = {d["customer_id"] for d in DIALOGUES}
    for o in STORE["orders"]:
        if o["customer_id"] in speakers and o["delivered_at"]:
            a = age_days(o["delivered_at"])
            assert a <= 25 or 35 <= a <= 55 or a >= 66, (o["id"], a)


def test_writes_allowed_or_blocked_as_the_policy_says():
    seen = set()
    for d, _, t, e in turns():
        if e.get("action") not in WRITES or e.get("status") not in (
            "needs_confirmation",
            "executed",
            "blocked",
        ):
            continue
        oid = turn_order(e)
        assert oid and ORDERS[oid]["customer_id"] == d["customer_id"], (d["id"], t["text"])
        o = ORDERS[oid]
        if e["action"] == "cancel_order":
            allowed = o["status"] in POLICY["cancellable_statuses"]
        elif e["action"] == "change_shipping_address":
            allowed = o["status"] in POLICY["address_change_statuses"]
        else:
            reason = reason_of(d)
            allowed = o["status"] in POLICY["refundable_statuses"] and age_days(
                o["delivered_at"]
            ) <= window(reason)
            if e["status"] == "blocked":
                assert str(window(reason)) in e["reply_contains"], d["id"]
            if e["status"] == "needs_confirmation":
                if reason in POLICY["free_return_reasons"]:
                    assert all(x in e.get("reply_excludes", []) for x in FEE_TEXT[o["currency"]]), (
                        d["id"]
                    )
                else:
                    fee = FEE[o["currency"]]
                    assert f"{fee:g}" in e["reply_contains"], d["id"]
        assert allowed == (e["status"] != "blocked"), (d["id"], t["text"], o["status"])
        seen.add((e["action"], e["status"]))
    for action in WRITES:
        for status in ("needs_confirmation", "executed", "blocked"):
            assert (action, status) in seen, (action, status)


def test_opened_food_and_litter_start_nothing():
    excl = set(POLICY["opened_return_exclusions"])
    for d in DIALOGUES:
        if "opened" not in d["tags"]:
            continue
        first = d["turns"][0]["expect"]
        oid = turn_order(first)
        assert first["intent"] == "get_refund" and first.get("status", "x") is None and oid
        cats = {PRODUCTS[i["product_id"]]["attributes"]["category"] for i in ORDERS[oid]["items"]}
        assert cats & excl, d["id"]
        assert ORDERS[oid]["status"] == "delivered" and age_days(ORDERS[oid]["delivered_at"]) <= 30


def test_confirmations_precede_executions():
    for d in DIALOGUES:
        for i, t in enumerate(d["turns"]):
            e = t["expect"]
            if e.get("status") == "executed" and e.get("action") in WRITES:
                assert i > 0 and e["followup"], d["id"]
                j = (
                    i - 1
                )  # questions asked on the way (nothing run, nothing declined) may come between
                while (
                    j > 0
                    and "action" in d["turns"][j]["expect"]
                    and d["turns"][j]["expect"]["action"] is None
                ):
                    j -= 1
                prev = d["turns"][j]["expect"]
                assert (
                    prev.get("action") == e["action"] and prev.get("status") == "needs_confirmation"
                ), d["id"]
                assert turn_order(prev) == turn_order(e), d["id"]
                if e["action"] == "change_shipping_address":
                    assert prev["reply_contains"][1:] == e["reply_contains"][1:], d["id"]
            if e.get("action") in WRITES and e.get("status") == "needs_confirmation":
                later = d["turns"][i + 1 :]
                assert later, f"{d['id']}: a proposal nobody answers"


def test_invoices_follow_the_policy():
    n = 0
    for d, _, _t, e in turns():
        if e["intent"] != "get_invoice":
            continue
        oid = turn_order(e)
        assert oid and ORDERS[oid]["customer_id"] == d["customer_id"]
        o = ORDERS[oid]
        ok = (
            o["status"] in POLICY["invoice_statuses"]
            and age_days(o["created_at"]) <= POLICY["invoice_request_days"]
        )
        if ok:
            assert (
                "status" not in e
                and age_days(o["created_at"]) <= POLICY["invoice_request_days"] - 10
            )
        else:
            assert "status" in e and e["status"] is None, d["id"]
            if o["status"] in POLICY["invoice_statuses"]:
                assert str(POLICY["invoice_request_days"]) in e["reply_contains"]
                assert age_days(o["created_at"]) >= POLICY["invoice_request_days"] + 10
        n += 1
    assert n >= 4


def test_refund_status_words_and_timing():
    words = {
        "en": {"requested", "approved", "refunded", "rejected"},
        "zh": {"已申请", "已批准", "已退款", "已拒绝"},
    }
    word_of = {
        "en": {w: w for w in words["en"]},
        "zh": dict(
            zip(
                ["requested", "approved", "refunded", "rejected"],
                ["已申请", "已批准", "已退款", "已拒绝"],
                strict=True,
            )
        ),
    }
    posting = set()
    for v in POLICY["refund_posting_days"].values():
        posting.add(v.split()[0])
    allowed = posting | {
        str(POLICY["refund_processing_business_days"]),
        str(POLICY["refund_after_cancellation_business_days"]),
    }
    ship_days = {o["days"].split()[0] for o in POLICY["shipping_options"]}
    for d, _, _t, e in turns():
        if e["intent"] != "track_refund":
            continue
        facts = e.get("reply_contains", [])
        if e.get("status") == "executed":
            key = facts[0]
            r = REFUNDS.get(key) or next(x for x in REFUNDS.values() if x["order_id"] == key)
            assert ORDERS[r["order_id"]]["customer_id"] == d["customer_id"]
            assert facts[1] == word_of[d["language"]][r["status"]]
        else:
            assert facts and set(facts) <= allowed, (d["id"], facts)
            assert set(e.get("reply_excludes", [])) <= ship_days
            assert not set(e.get("reply_excludes", [])) & set(facts)
