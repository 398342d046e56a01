"""The third store's records (data/store3/store.json): ids, currencies, statuses,
dates, carriers and refunds hold together.
"""

from __future__ import annotations

from collections import Counter

from tests.packs.store3_data import (
    CUSTOMER_ID,
    ORDER_SHAPES,
    ORDER_STATUSES,
    PRODUCT_ID,
    RECORD_ID,
    REFUND_ID,
    REFUND_STATUSES,
    TRACKING,
    age,
    channel,
    index,
    policy,
    refunds_of,
    region,
    store,
    ts,
)


# ---------------------------------------------------------------------------- store
def test_ids_have_their_shapes_and_import() -> None:
    s = store()
    assert ts(s["reference_date"]).tzinfo is not None
    for kind in ("customers", "products", "orders", "refunds"):
        ids = [r["id"] for r in s[kind]]
        assert len(ids) == len(set(ids)), kind
        for rid in ids:
            assert RECORD_ID.match(rid) and len(rid) <= 64, rid
    assert all(CUSTOMER_ID.match(c["id"]) for c in s["customers"])
    assert all(PRODUCT_ID.match(p["id"]) for p in s["products"])
    assert all(REFUND_ID.match(r["id"]) for r in s["refunds"])
    shapes = Counter(channel(o["id"]) for o in s["orders"])
    assert set(shapes) == set(ORDER_SHAPES), shapes
    assert {len(o["id"]) for o in s["orders"] if shapes and channel(o["id"]) == "tmall"} == {18, 19}
    langs = Counter(c["language"] for c in s["customers"])
    assert set(langs) == {"en", "zh"} and min(langs.values()) >= 60


def test_orders_add_up_in_their_shop_currency() -> None:
    cs, ps = index()["customers"], index()["products"]
    for o in store()["orders"]:
        ch = channel(o["id"])
        cid = o["customer_id"]
        assert cid in cs, o["id"]
        want = ({"HK": "HKD", "SG": "SGD"}.get(region(cid)) if ch == "international" else "CNY")
        assert o["currency"] == want, o["id"]
        assert o["items"] and o["shipping_address"], o["id"]
        for it in o["items"]:
            p = ps[it["product_id"]]
            if ch == "international":
                assert it["name"] == p["name"], o["id"]
                key = "price_hkd" if want == "HKD" else "price_sgd"
                assert it["price"] == p["attributes"][key], o["id"]
            else:
                assert it["name"] == p["attributes"]["name_zh"], o["id"]
                assert it["price"] == p["price"], o["id"]
        assert round(sum(i["qty"] * i["price"] for i in o["items"]), 2) == o["total"], o["id"]
        m = ORDER_SHAPES["miniprogram"].match(o["id"])
        if m:
            assert m.group(1) == ts(o["created_at"]).strftime("%Y%m%d"), o["id"]


def test_statuses_dates_carriers_and_return_margins() -> None:
    ref = ts(store()["reference_date"])
    window = policy()["returns_window_days"]
    quality = policy()["returns_window_days_by_reason"]["defective"]
    carriers = {c for group in policy()["carriers"].values() for c in group}
    seen = Counter()
    for o in store()["orders"]:
        st = o["status"]
        seen[st] += 1
        created = ts(o["created_at"])
        assert created <= ref, o["id"]
        if st in ("shipped", "delivered", "returned"):
            assert o["carrier"] in carriers and TRACKING[o["carrier"]].match(o["tracking_number"])
            assert (o["carrier"] == "Kerry Express") == (channel(o["id"]) == "international")
            assert created <= ts(o["shipped_at"]) <= ref, o["id"]
        else:
            assert o["carrier"] is o["tracking_number"] is o["shipped_at"] is None, o["id"]
        if st in ("delivered", "returned"):
            assert ts(o["shipped_at"]) <= ts(o["delivered_at"]) <= ref, o["id"]
            a = age(o["delivered_at"])
            # never near a window edge: inside both, between the two, or outside both
            assert a <= window - 3 or quality - 5 <= a <= quality - 3 or a >= quality + 4, o["id"]
        else:
            assert o["delivered_at"] is None, o["id"]
    assert set(seen) == ORDER_STATUSES
    tracking = [o["tracking_number"] for o in store()["orders"] if o["tracking_number"]]
    assert len(tracking) == len(set(tracking))


def test_refunds() -> None:
    os_ = index()["orders"]
    seen = Counter()
    for r in store()["refunds"]:
        o = os_[r["order_id"]]
        seen[r["status"]] += 1
        assert 0 < r["amount"] <= o["total"], r["id"]
        assert (r["refunded_at"] is not None) == (r["status"] == "refunded"), r["id"]
        m = REFUND_ID.match(r["id"])
        if m.group(2):
            assert channel(o["id"]) != "international"
            assert m.group(2) == ts(r["created_at"]).strftime("%y%m%d"), r["id"]
        else:
            assert m.group(3) == o["id"], r["id"]
        if o["status"] in ("delivered", "returned"):
            assert ts(r["created_at"]) >= ts(o["delivered_at"]), r["id"]
            assert (o["status"] == "returned") == (r["status"] == "refunded"), r["id"]
        else:
            assert o["status"] == "cancelled" and r["status"] == "refunded", r["id"]
    assert set(seen) == REFUND_STATUSES
    for o in store()["orders"]:
        if o["status"] == "returned":
            assert any(r["status"] == "refunded" for r in refunds_of(o["id"])), o["id"]
