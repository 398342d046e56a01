"""Each action's allowed path and each policy refusal, with the numbers from the policy."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from app.actions import Actor
from app.settings import get_settings
from tests.conftest import get_policy
from tests.pg import BOTH_DATABASES
from tests.test_actions_store import (
    NOW,
    SHOPPER,
    build_store,
    confirm,
    customer,
    order,
    propose,
    refunds,
    set_status,
)

# every test on SQLite and on PostgreSQL (tests/pg.py)
pytestmark = BOTH_DATABASES


@pytest.fixture(autouse=True)
def _store(migrated_home: Path) -> None:
    build_store()


def blocked(name: str, params: dict[str, Any], **kw: Any) -> dict[str, Any]:
    out = propose(name, params, **kw)
    assert out.status == "blocked", out
    assert out.result is not None and out.action_id is None
    assert isinstance(out.result.get("detail"), str) and out.result["detail"]
    return out.result


def executed(name: str, params: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """Propose a write, check it waits for the shopper, confirm it; the result."""
    pending = propose(name, params, **kw)
    assert pending.status == "needs_confirmation", pending
    done = confirm(pending.action_id, now=kw.get("now", NOW))
    assert done.status == "executed", done
    assert done.result is not None
    return done.result


# --- read-only ---------------------------------------------------------------------------------


def test_track_order_gives_the_facts() -> None:
    out = propose("track_order", {"order_id": "A102"})
    assert out.status == "executed" and out.action_id is not None
    assert out.result is not None
    assert {k: out.result[k] for k in ("order_id", "status", "carrier", "tracking_number")} == {
        "order_id": "A102", "status": "shipped", "carrier": "UPS", "tracking_number": "1ZTRACK"}
    assert out.result["shipped_at"] == order("A102").shipped_at.strftime(  # type: ignore[union-attr]
        "%Y-%m-%dT%H:%M:%SZ")


def test_track_order_without_id_lists_only_own_recent_orders() -> None:
    out = propose("track_order", {})
    assert out.result is not None
    ids = [o["order_id"] for o in out.result["orders"]]
    assert ids[0] == "A100" and len(ids) == out.result["count"] == 5
    assert all(i.startswith("A") for i in ids)


def test_track_refund_of_an_order_and_of_the_customer() -> None:
    one = propose("track_refund", {"order_id": "A105"})
    assert one.result is not None
    assert one.result["order_status"] == "delivered"
    assert [(r["refund_id"], r["status"]) for r in one.result["refunds"]] == [("R1", "requested")]
    mine = propose("track_refund", {})
    assert mine.result is not None
    assert [r["refund_id"] for r in mine.result["refunds"]] == ["R1"]  # not Bob's R2


def test_get_invoice_allowed() -> None:
    out = propose("get_invoice", {"order_id": "A101"})
    assert out.status == "executed" and out.result is not None
    assert out.result["billed_to"] == "Ada" and out.result["total"] == order("A101").total
    deadline = NOW - timedelta(days=2) + timedelta(days=get_policy().invoice_request_days)
    assert out.result["request_deadline"] == deadline.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize("oid, reason", [
    ("A100", "status_not_allowed"),  # pending
    ("A106", "status_not_allowed"),  # cancelled
    ("A107", "invoice_window_closed"),
])
def test_get_invoice_refused(oid: str, reason: str) -> None:
    result = blocked("get_invoice", {"order_id": oid})
    assert result["reason"] == reason and result["order_id"] == oid
    if reason == "status_not_allowed":
        assert result["allowed_statuses"] == sorted(get_policy().invoice_statuses)


def test_handoff_is_always_executed() -> None:
    out = propose("handoff", {"reason": "angry customer"}, actor=Actor.system())
    assert out.status == "executed"
    assert out.result == {"handoff": True, "reason": "angry customer"}
    assert propose("handoff", {}).result == {"handoff": True, "reason": "requested"}


# --- address ------------------------------------------------------------------------------------


@pytest.mark.parametrize("oid", ["A100", "A101"])
def test_change_shipping_address_before_shipping(oid: str) -> None:
    result = executed("change_shipping_address", {"order_id": oid, "address": "5 New Rd, TX"})
    assert result["shipping_address"] == "5 New Rd, TX" == order(oid).shipping_address
    assert result["previous_address"] == f"{oid} Harbor Street, Austin TX"


@pytest.mark.parametrize("oid, status", [("A102", "shipped"), ("A103", "delivered"),
                                         ("A106", "cancelled")])
def test_change_shipping_address_refused_once_shipped(oid: str, status: str) -> None:
    result = blocked("change_shipping_address", {"order_id": oid, "address": "5 New Rd, TX"})
    assert result["reason"] == "status_not_allowed" and result["order_status"] == status
    assert "shipping_address" not in result


def test_set_up_shipping_address() -> None:
    result = executed("set_up_shipping_address", {"address": "8 Default Ave, Austin TX"})
    assert result == {"customer_id": "C1", "default_address": "8 Default Ave, Austin TX",
                      "previous_address": "1 Old Lane, Austin TX"}
    assert customer("C1").default_address == "8 Default Ave, Austin TX"
    assert customer("C2").default_address == "9 Private Road, Boston MA"


# --- cancel ------------------------------------------------------------------------------------


def test_cancel_paid_and_pending_orders() -> None:
    paid = executed("cancel_order", {"order_id": "A101", "reason": "changed my mind"})
    fee = get_policy().cancellation_fee
    assert paid["order_status"] == "cancelled" and paid["previous_status"] == "paid"
    assert paid["payment_refund"] == order("A101").total - fee
    pending = executed("cancel_order", {"order_id": "A100"})
    assert pending["payment_refund"] == 0.0
    assert order("A100").status == order("A101").status == "cancelled"


@pytest.mark.parametrize("oid", ["A102", "A103", "A106"])
def test_cancel_refused_once_shipped_or_closed(oid: str) -> None:
    result = blocked("cancel_order", {"order_id": oid})
    assert result["reason"] == "status_not_allowed"
    assert result["allowed_statuses"] == sorted(get_policy().cancellable_statuses)


# --- refund -----------------------------------------------------------------------------------


def test_refund_whole_order_within_window() -> None:
    result = executed("get_refund", {"order_id": "A103", "reason": "too small"})
    # no reason that waives it: the ordinary return, whose fee comes off
    fee = get_policy().return_fee(None, order("A103").currency)
    assert result["amount"] == round(order("A103").total - fee, 2)
    assert result["status"] == "requested"
    assert [(r.id, r.amount, r.reason) for r in refunds("A103")] == [
        (result["refund_id"], result["amount"], "too small")]
    again = blocked("get_refund", {"order_id": "A103"})
    assert again["reason"] == "refund_already_open"
    assert again["refund_id"] == result["refund_id"]


@pytest.mark.parametrize(("reason", "kept"), [("changed_mind", True), ("wrong_size", True),
                                              ("defective", False), (None, True)])
def test_the_return_fee_comes_off_a_refund_the_shopper_pays_it_for(
        reason: str | None, kept: bool) -> None:
    """The stores' articles say the fee is deducted from the refund; the refund request
    is recorded so, unless the reason waives the fee (none said: the ordinary return)."""
    fee = get_policy().return_fee(reason, order("A103").currency)
    params = {"order_id": "A103", **({"return_reason": reason} if reason else {})}
    result = executed("get_refund", params)
    total = order("A103").total
    assert result["amount"] == (round(total - fee, 2) if kept else total)
    assert ("return_shipping_kept" in result) is kept
    assert [r.amount for r in refunds("A103")] == [result["amount"]]


def test_refund_of_some_items() -> None:
    result = executed("get_refund", {"order_id": "A103", "items": [{"product_id": "P2",
                                                                    "qty": 1}]})
    fee = get_policy().return_fee(None, order("A103").currency)
    assert result["amount"] == (14.0 if fee >= 14.0 else round(14.0 - fee, 2))


def test_refund_window_edges_come_from_policy() -> None:
    days = get_policy().returns_window_days
    delivered = order("A103").delivered_at
    assert delivered is not None
    last_moment = delivered + timedelta(days=days)
    assert propose("get_refund", {"order_id": "A103"}, now=last_moment).status == (
        "needs_confirmation")
    # proposing again re-checks the pending proposal, which the clock has now closed
    late = propose("get_refund", {"order_id": "A103"}, now=last_moment + timedelta(seconds=1))
    assert late.status == "blocked" and late.result is not None
    assert late.result["reason"] == "returns_window_closed"
    assert late.result["returns_window_days"] == days


@pytest.mark.parametrize("oid, params, reason", [
    ("A102", {}, "status_not_allowed"),  # shipped, not yet delivered
    ("A101", {}, "status_not_allowed"),  # paid
    ("A104", {}, "returns_window_closed"),
    ("A105", {}, "refund_already_open"),
    ("A103", {"items": [{"product_id": "P3", "qty": 1}]}, "item_not_in_order"),
    ("A103", {"items": [{"product_id": "P2", "qty": 3}]}, "item_not_in_order"),
])
def test_refund_refused(oid: str, params: dict[str, Any], reason: str) -> None:
    assert blocked("get_refund", {"order_id": oid, **params})["reason"] == reason


def test_refund_rechecked_at_confirmation() -> None:
    pending = propose("get_refund", {"order_id": "A103"})
    late = NOW + timedelta(days=get_policy().returns_window_days)
    out = confirm(pending.action_id, now=late)
    assert out.status == "blocked" and out.result is not None
    assert out.result["reason"] == "returns_window_closed"
    assert refunds("A103") == []


def test_refund_without_delivery_date_is_refused() -> None:
    set_status("A102", "delivered")
    assert blocked("get_refund", {"order_id": "A102"})["reason"] == "delivery_date_unknown"


# --- change order -------------------------------------------------------------------------------


def test_change_order_while_pending() -> None:
    result = executed("change_order", {"order_id": "A100", "items": [
        {"product_id": "P2", "qty": 1}, {"product_id": "P3", "qty": 2}]})
    assert result["total"] == 14.0 + 2 * 189.0 == order("A100").total
    assert result["previous_total"] == 28.0
    assert [(i["product_id"], i["qty"], i["name"]) for i in result["items"]] == [
        ("P2", 1, "Mug White"), ("P3", 2, "Jacket M")]


@pytest.mark.parametrize("oid, items, reason", [
    ("A101", [{"product_id": "P1"}], "status_not_allowed"),  # paid: contents locked
    ("A102", [{"product_id": "P1"}], "status_not_allowed"),
    ("A100", [{"product_id": "P404"}], "unknown_product"),
    ("A100", [{"product_id": "PE"}], "currency_mismatch"),
])
def test_change_order_refused(oid: str, items: list[dict[str, Any]], reason: str) -> None:
    result = blocked("change_order", {"order_id": oid, "items": items})
    assert result["reason"] == reason
    if reason == "status_not_allowed":
        assert result["allowed_statuses"] == sorted(get_policy().order_change_statuses)


def test_rules_follow_the_policy_not_the_code() -> None:
    lenient = get_policy().model_copy(update={
        "order_change_statuses": frozenset({"pending", "paid"})})
    out = propose("change_order", {"order_id": "A101", "items": [{"product_id": "P1"}]},
                  policy=lenient)
    assert out.status == "needs_confirmation"
    done = confirm(out.action_id, policy=lenient)
    assert done.status == "executed" and order("A101").total == 14.0
    assert confirm(out.action_id).status == "executed"  # replay, whatever the policy
    assert SHOPPER.label == "shopper:C1"


# --- rules by reason and by currency -------------------------------------------------------


def _policy_with(**changes: Any) -> None:
    """Write the store's policy file with ``changes`` (picked up without a restart)."""
    settings = get_settings()
    own = settings.home / "policy.json"
    source = own if own.exists() else settings.data_dir / "policy.json"
    raw = json.loads(source.read_text(encoding="utf-8"))
    own.write_text(json.dumps({**raw, **changes}), encoding="utf-8")


def test_a_reason_with_a_longer_window_is_judged_by_it() -> None:
    days = get_policy().returns_window_days
    _policy_with(returns_window_days_by_reason={"defective": days + 10})
    delivered = order("A103").delivered_at
    assert delivered is not None
    later = delivered + timedelta(days=days + 5)
    faulty = propose("get_refund", {"order_id": "A103", "return_reason": "defective"}, now=later)
    assert faulty.status == "needs_confirmation", faulty
    plain = blocked("get_refund", {"order_id": "A103", "return_reason": "changed_mind"},
                    now=later)
    assert plain["reason"] == "returns_window_closed" and plain["returns_window_days"] == days


def test_the_return_fee_is_charged_in_the_orders_currency() -> None:
    currency = order("A103").currency
    _policy_with(return_shipping_fee=5.0, free_return_reasons=["defective"],
                 return_shipping_fee_by_currency={currency: 7.5, "XXX": 99.0})
    result = executed("get_refund", {"order_id": "A103", "return_reason": "changed_mind"})
    assert result["return_shipping_fee"] == 7.5 and result["currency"] == currency
    assert get_policy().return_fee("changed_mind", "other") == 5.0
    assert get_policy().return_fee("defective", currency) == 0.0
