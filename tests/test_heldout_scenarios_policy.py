"""The held-out Spokeline scenarios' expectations against store.json and
policy.json: writes, return fees, tracking, refunds, invoices and hand-offs.
"""

from tests.packs.heldout_scenarios import (
    FEE,
    ORDERS,
    ORDERS_OF,
    POLICY,
    REFUND_WORDS,
    REFUNDS,
    REFUNDS_OF_ORDER,
    RTN_SHAPE,
    SCEN,
    WINDOW,
    WRITE_INTENTS,
    _days_since_delivery,
    _own_order_ids,
)


def test_writes_follow_the_policy():
    for s in SCEN:
        for i, t in enumerate(s["turns"]):
            e = t["expect"]
            w = f"{s['id']} turn {i}"
            intent, status = e["intent"], e.get("status", "unset")
            if intent not in WRITE_INTENTS or e.get("flagged"):
                continue
            own = _own_order_ids(s, t)
            if status in ("needs_confirmation", "executed"):
                assert len(own) == 1, w
                o = ORDERS[own[0]]
                assert e.get("action") == intent, w
                assert e.get("handoff") is False, w
                if intent == "cancel_order":
                    assert o["status"] in POLICY["cancellable_statuses"], w
                elif intent == "change_shipping_address":
                    assert o["status"] in POLICY["address_change_statuses"], w
                else:
                    assert o["status"] in POLICY["refundable_statuses"], w
                    assert _days_since_delivery(o) <= WINDOW - 4, w
                    assert not REFUNDS_OF_ORDER[o["id"]], w
                if status == "executed":
                    assert e.get("followup") is True, w
                    prev = s["turns"][i - 1]["expect"]
                    assert (
                        prev.get("status") == "needs_confirmation" and prev["intent"] == intent
                    ), w
                    assert _own_order_ids(s, s["turns"][i - 1]) == own, w
            elif status == "blocked" and own:
                o = ORDERS[own[0]]
                if intent == "cancel_order":
                    assert o["status"] not in POLICY["cancellable_statuses"], w
                elif intent == "change_shipping_address":
                    assert o["status"] not in POLICY["address_change_statuses"], w
                else:
                    if o["status"] == "delivered":
                        assert _days_since_delivery(o) >= WINDOW + 4, w
                        assert str(WINDOW) in e["reply_contains"], w
                    else:
                        assert o["status"] not in POLICY["refundable_statuses"], w
            elif status is None and own and intent == "get_refund":
                # a return already open for this order: nothing new starts
                assert any(
                    r["status"] in ("requested", "approved") for r in REFUNDS_OF_ORDER[own[0]]
                ), w
            elif status is None and i > 0 and not own:
                # a declined confirmation
                prev = s["turns"][i - 1]["expect"]
                if prev.get("status") == "needs_confirmation":
                    assert prev["intent"] == intent and e.get("followup") is True, w


def test_return_fee_expectations_follow_the_reason():
    for s in SCEN:
        tags = set(s["tags"])
        asks = [
            t["expect"]
            for t in s["turns"]
            if t["expect"]["intent"] == "get_refund"
            and t["expect"].get("status") == "needs_confirmation"
        ]
        if not asks:
            continue
        free = tags & {"reason-defective", "reason-damaged", "reason-wrong-item"}
        paid = tags & {"reason-size", "reason-changed-mind"}
        assert not (free and paid), s["id"]
        if free:
            assert "no-fee" in tags and all(FEE in a.get("reply_excludes", []) for a in asks), s[
                "id"
            ]
        if paid:
            assert "fee" in tags and all(FEE in a.get("reply_contains", []) for a in asks), s["id"]
        if not free and not paid:
            assert all(
                FEE not in a.get("reply_contains", []) + a.get("reply_excludes", []) for a in asks
            ), s["id"]


def test_tracking_expectations_match_the_order():
    for s in SCEN:
        for i, t in enumerate(s["turns"]):
            e = t["expect"]
            if e["intent"] != "track_order" or e.get("status") != "executed":
                continue
            own = _own_order_ids(s, t)
            assert len(own) == 1, (s["id"], i)
            o = ORDERS[own[0]]
            if o.get("tracking_number"):
                assert o["tracking_number"] in e["reply_contains"], (s["id"], i)
                assert o["carrier"] in e["reply_contains"], (s["id"], i)
            else:
                assert o["status"] in ("pending", "paid"), (s["id"], i)


def test_ask_which_only_for_customers_with_several_open_orders():
    for s in SCEN:
        if "ask-which" not in s["tags"]:
            continue
        first = s["turns"][0]["expect"]
        assert (
            first["intent"] == "track_order"
            and first.get("status", "x") is None
            and first.get("handoff") is False
        )
        open_orders = [
            o for o in ORDERS_OF[s["customer_id"]] if o["status"] in ("paid", "shipped", "pending")
        ]
        assert len(open_orders) >= 2, s["id"]
        assert s["turns"][1]["expect"].get("followup") is True
        assert "order_id" in s["turns"][1]["expect"]["gives"]
    for s in SCEN:
        if "one-order" in s["tags"]:
            assert len(ORDERS_OF[s["customer_id"]]) == 1, s["id"]


def test_refund_and_invoice_expectations_match_the_records():
    for s in SCEN:
        last_order = None
        for i, t in enumerate(s["turns"]):
            e = t["expect"]
            own = _own_order_ids(s, t)
            if own:
                last_order = own[0]
            if e["intent"] == "track_refund":
                rtns = [x for x in e["reply_contains"] if RTN_SHAPE.match(x)]
                oid = own[0] if own else (REFUNDS[rtns[0]]["order_id"] if rtns else last_order)
                assert oid, (s["id"], i)
                refunds = REFUNDS_OF_ORDER[oid]
                assert len(refunds) == 1, (s["id"], i)
                words = REFUND_WORDS[refunds[0]["status"]]
                assert any(w in e["reply_contains"] for w in words), (s["id"], i)
            if e["intent"] == "get_invoice" and e.get("status") in ("executed", "blocked"):
                oid = own[0] if own else last_order
                ok = ORDERS[oid]["status"] in POLICY["invoice_statuses"]
                assert ok == (e["status"] == "executed"), (s["id"], i)
                assert oid in e["reply_contains"], (s["id"], i)


def test_flagged_turns_run_nothing():
    n = 0
    for s in SCEN:
        for t in s["turns"]:
            if t["expect"].get("flagged"):
                n += 1
                assert "status" in t["expect"] and t["expect"]["status"] is None, s["id"]
    assert n >= 4


def test_handoff_and_out_of_scope_shapes():
    handoffs = 0
    for s in SCEN:
        prev_other = False
        for t in s["turns"]:
            e = t["expect"]
            if e.get("handoff") is True:
                handoffs += 1
            if e["intent"] == "other" and not e.get("flagged"):
                # one off-topic message: no hand-off; the second in a row: hand-off
                assert e.get("handoff") is prev_other, s["id"]
                assert e.get("action", "x") is None, s["id"]
            if e["intent"] in ("complaint", "contact_human_agent"):
                assert e.get("handoff") is True, s["id"]
            prev_other = e["intent"] == "other" and not e.get("flagged")
    assert handoffs >= 10
