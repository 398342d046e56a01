"""The foreign store's records (data/foreign/store.json): ids, products, orders,
statuses, dates and refunds hold together.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from tests.packs.foreign_data import (
    ORDER_ID_SHAPES,
    ORDER_STATUSES,
    RECORD_ID,
    REFUND_ID,
    REFUND_STATUSES,
    TRACKING_SHAPES,
    age_days,
    customers,
    orders,
    policy,
    products,
    store,
    ts,
)


# ------------------------------------------------------------------------------ store
def test_store_shape_and_unique_ids() -> None:
    s = store()
    assert ts(s["reference_date"]).tzinfo is not None
    for kind in ("customers", "products", "orders", "refunds"):
        ids = [r["id"] for r in s[kind]]
        assert len(ids) == len(set(ids)), f"duplicate {kind} ids"
        for rid in ids:
            assert RECORD_ID.match(rid) and len(rid) <= 64, f"{kind} id {rid!r} would not import"
    assert 40 <= len(s["customers"]) <= 65
    assert 40 <= len(s["products"]) <= 80
    assert 150 <= len(s["orders"]) <= 250
    langs = Counter(c["language"] for c in s["customers"])
    assert set(langs) == {"en", "zh"} and min(langs.values()) >= 15


def test_id_shapes_differ_from_the_demo_and_mix_styles() -> None:
    s = store()
    for c in s["customers"]:
        assert re.match(r"^(cus_[A-Za-z0-9]{6}|u-\d{5})$", c["id"]), c["id"]
    for p in s["products"]:
        assert re.match(r"^[A-Z]{2}-[A-Z0-9]{2}-\d{4}(-[A-Z0-9]+)?$", p["id"]), p["id"]
    styles = Counter(
        next(i for i, rx in enumerate(ORDER_ID_SHAPES) if rx.match(o["id"])) for o in s["orders"]
    )
    assert set(styles) == {0, 1, 2}, "web, Amazon and Tmall order numbers all occur"
    for r in s["refunds"]:
        assert REFUND_ID.match(r["id"]), r["id"]


def test_products() -> None:
    for p in store()["products"]:
        assert p["currency"] == policy()["currency"] == "EUR"
        assert p["price"] > 0 and round(p["price"], 2) == p["price"]
        attrs = p["attributes"]
        assert re.search(r"[\u4e00-\u9fff]", attrs["name_zh"]), p["id"]
        assert isinstance(attrs["aliases"], list) and attrs["aliases"]
        assert any(re.search(r"[\u4e00-\u9fff]", a) for a in attrs["aliases"]), p["id"]
        assert any(a.isascii() for a in attrs["aliases"]), p["id"]
        if "color" in attrs:
            assert "颜色" in attrs


def test_orders_resolve_and_add_up() -> None:
    cs, ps = customers(), products()
    for o in store()["orders"]:
        assert o["customer_id"] in cs, o["id"]
        assert o["currency"] == "EUR"
        assert o["items"], o["id"]
        lang = cs[o["customer_id"]]["language"]
        for it in o["items"]:
            p = ps[it["product_id"]]
            assert it["price"] == p["price"], o["id"]
            assert it["qty"] >= 1
            shown = p["attributes"]["name_zh"] if lang == "zh" else p["name"]
            assert it["name"] == shown, f"{o['id']}: item name is not the product name in {lang}"
        assert round(sum(i["qty"] * i["price"] for i in o["items"]), 2) == o["total"], o["id"]
        assert o["shipping_address"]


def test_order_status_matches_dates_and_carriers() -> None:
    ref = ts(store()["reference_date"])
    carriers = {c for group in policy()["carriers"].values() for c in group}
    seen = Counter()
    for o in store()["orders"]:
        st = o["status"]
        seen[st] += 1
        assert st in ORDER_STATUSES
        created = ts(o["created_at"])
        assert created <= ref, o["id"]
        if st in ("shipped", "delivered", "returned"):
            assert o["carrier"] in carriers, o["id"]
            assert TRACKING_SHAPES[o["carrier"]].match(o["tracking_number"]), o["id"]
            assert created <= ts(o["shipped_at"]) <= ref, o["id"]
        else:
            assert (
                o["carrier"] is None and o["tracking_number"] is None and o["shipped_at"] is None
            ), o["id"]
        if st in ("delivered", "returned"):
            assert ts(o["shipped_at"]) <= ts(o["delivered_at"]) <= ref, o["id"]
        else:
            assert o["delivered_at"] is None, o["id"]
        if re.match(r"^\d{18}$", o["id"]):  # Tmall numbers start with the order date
            assert o["id"][2:6] == created.strftime("%m%d"), o["id"]
    assert set(seen) == ORDER_STATUSES
    tracking = [o["tracking_number"] for o in store()["orders"] if o["tracking_number"]]
    assert len(tracking) == len(set(tracking))


def test_delivery_dates_keep_a_margin_around_the_returns_window() -> None:
    window = policy()["returns_window_days"]
    for o in store()["orders"]:
        if o["delivered_at"]:
            age = age_days(o["delivered_at"])
            assert age <= window - 4 or age >= window + 4, f"{o['id']} delivered {age} days ago"


def test_refunds() -> None:
    os_ = orders()
    seen = Counter()
    for r in store()["refunds"]:
        o = os_[r["order_id"]]
        seen[r["status"]] += 1
        assert r["status"] in REFUND_STATUSES
        assert 0 < r["amount"] <= o["total"] + 1e-9, r["id"]
        assert ts(r["created_at"]) >= ts(o["created_at"]), r["id"]
        assert (r["refunded_at"] is not None) == (r["status"] == "refunded"), r["id"]
        if r["refunded_at"]:
            assert ts(r["refunded_at"]) >= ts(r["created_at"])
        assert r["id"][4:8] == ts(r["created_at"]).strftime("%y%m"), f"{r['id']}: not its month"
        if o["status"] in ("delivered", "returned"):
            assert ts(r["created_at"]) >= ts(o["delivered_at"]), r["id"]
        else:
            assert o["status"] == "cancelled", f"{r['id']}: a refund on a {o['status']} order"
    assert set(seen) == REFUND_STATUSES
    refunded_orders = {r["order_id"] for r in store()["refunds"]}
    for o in store()["orders"]:
        if o["status"] == "returned":
            assert o["id"] in refunded_orders, f"returned order {o['id']} without a refund"


def test_deliberate_cases_exist() -> None:
    per_customer = Counter(o["customer_id"] for o in store()["orders"])
    assert any(n == 1 for n in per_customer.values())
    assert any(n == 2 for n in per_customer.values())
    window = policy()["returns_window_days"]
    delivered = [o for o in store()["orders"] if o["status"] == "delivered"]
    assert any(age_days(o["delivered_at"]) <= window - 4 for o in delivered)
    assert any(age_days(o["delivered_at"]) >= window + 4 for o in delivered)
    open_refund = {
        r["order_id"] for r in store()["refunds"] if r["status"] in ("requested", "approved")
    }
    assert open_refund
    # an order number sharing its last four digits with another customer's order
    by_suffix = defaultdict(set)
    for o in store()["orders"]:
        by_suffix[o["id"][-4:]].add(o["customer_id"])
    assert any(len(c) > 1 for c in by_suffix.values())
