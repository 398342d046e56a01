"""The Maowu store pack (data/store4) agrees with itself: the build script, the files'
format (the Jianmu pack's), its records and their ids. Dialogues and knowledge base:
test_store4_dialogues.py, test_store4_kb.py; the pack is read in tests/store4_pack.py.
"""

from __future__ import annotations

import importlib.util
import json
import re

from tests.store4_pack import (
    CARRIERS,
    CUSTOMERS,
    DIALOGUES,
    EXPECT_ORDER,
    FEE,
    ORDER_RX,
    ORDERS,
    PACK,
    POLICY,
    PRODUCTS,
    REFERENCE,
    REFUND_RX,
    STATUSES,
    STORE,
    STORE3,
    TRACKING_RX,
    ts,
    turns,
)


# ---------------------------------------------------------------------- build
def test_build_script_regenerates_the_files(tmp_path):
    spec = importlib.util.spec_from_file_location("build_store4", PACK / "build_store4.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    store, dialogues = mod.build()
    assert json.dumps(store, ensure_ascii=False, indent=1) + "\n" == (
        PACK / "store.json"
    ).read_text(encoding="utf-8")
    mod.write_dialogues(tmp_path / "d.jsonl", dialogues)
    assert (tmp_path / "d.jsonl").read_text(encoding="utf-8") == (
        PACK / "dialogues.jsonl"
    ).read_text(encoding="utf-8")
    src = (PACK / "build_store4.py").read_text(encoding="utf-8")
    imported = set(re.findall(r"^(?:from|import) ([\w.]+)", src, flags=re.M))
    assert imported <= {
        "__future__",
        "hashlib",
        "json",
        "random",
        "re",
        "datetime",
        "pathlib",
        "typing",
    }


# ---------------------------------------------------------------------- format
def test_store_json_mirrors_store3_keys():
    s3 = json.loads((STORE3 / "store.json").read_text(encoding="utf-8"))
    assert list(STORE) == list(s3)
    for kind in ("customers", "products", "orders", "refunds"):
        want = set(s3[kind][0])
        for rec in STORE[kind]:
            assert set(rec) == want, (kind, rec["id"])
    item_keys = set(s3["orders"][0]["items"][0])
    assert all(set(it) == item_keys for o in STORE["orders"] for it in o["items"])
    for p in STORE["products"]:
        a = p["attributes"]
        assert {"name_zh", "category", "aliases"} <= set(a), p["id"]
        assert ("color" in a) == ("颜色" in a), p["id"]
        assert isinstance(a["price_gbp"], float) and p["currency"] == "CNY"
        assert any(re.search(r"[\u4e00-\u9fff]", x) for x in a["aliases"]), p["id"]
    assert sum("size" in p["attributes"] for p in STORE["products"]) >= 5
    assert sum("color" in p["attributes"] for p in STORE["products"]) >= 10


def test_policy_has_store3_schema():
    p3 = json.loads((STORE3 / "policy.json").read_text(encoding="utf-8"))
    assert set(POLICY) == set(p3)
    for key, value in p3.items():
        assert type(POLICY[key]) is type(value) or {type(POLICY[key]), type(value)} <= {
            int,
            float,
        }, key
        if isinstance(value, dict) and set(value) == {"zh", "en"}:
            assert set(POLICY[key]) == {"zh", "en"}, key
    for opt in POLICY["shipping_options"]:
        assert set(opt["name"]) == {"zh", "en"}
    assert set(POLICY["carriers"]) == {"zh", "en"}
    cats = {p["attributes"]["category"] for p in STORE["products"]}
    assert set(POLICY["warranty_months_by_category"]) == cats
    assert set(POLICY["opened_return_exclusions"]) <= cats
    assert POLICY["returns_window_days"] == 30 and POLICY["invoice_request_days"] == 180


def test_dialogue_format_mirrors_store3_dev4():
    d4 = [
        json.loads(x)
        for x in (STORE3 / "dev4" / "dialogues.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    for d in DIALOGUES:
        assert list(d) == list(d4[0]), d["id"]
        for t in d["turns"]:
            assert list(t) == ["text", "expect"]
            e = t["expect"]
            assert list(e) == [k for k in EXPECT_ORDER if k in e], d["id"]
            assert {"intent", "gives", "followup"} <= set(e)
            assert isinstance(e["followup"], bool) and set(e["gives"]) <= {"order_id", "address"}
            assert e.get("status", None) in STATUSES
            assert "flagged" not in e or e["flagged"] is True
            for k in ("reply_contains", "reply_excludes"):
                assert k not in e or (e[k] and all(isinstance(x, str) and x for x in e[k]))
        assert d["turns"][0]["expect"]["followup"] is False, d["id"]


def store3_intents() -> set[str]:
    out: set[str] = set()
    for path in [
        STORE3 / "dialogues.jsonl",
        STORE3 / "scenarios.jsonl",
        *sorted(STORE3.glob("dev*/dialogues.jsonl")),
    ]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out |= {t["expect"]["intent"] for t in json.loads(line)["turns"]}
    return out


def test_intents_are_ones_store3_uses():
    used = {e["intent"] for _, _, _, e in turns()}
    assert used <= store3_intents(), used - store3_intents()
    for _, _, _, e in turns():
        if e.get("action"):
            assert e["action"] == e["intent"]


# ---------------------------------------------------------------------- records
def test_id_shapes_currencies_and_carriers():
    for c in STORE["customers"]:
        assert re.match(r"^pet_[A-Za-z0-9]{4}$", c["id"]) and c["language"] in ("zh", "en")
        if c["language"] == "en":
            assert c["phone"].startswith("+44 ")
        else:
            assert re.match(r"^1\d{10}$", c["phone"])
    for o in STORE["orders"]:
        assert ORDER_RX.match(o["id"]), o["id"]
        c = CUSTOMERS[o["customer_id"]]
        assert o["currency"] == ("GBP" if c["language"] == "en" else "CNY"), o["id"]
        if o["id"].startswith("69"):
            assert o["currency"] == "CNY"
        else:
            assert o["id"][3:5] == o["created_at"][2:4], o["id"]
        if o["carrier"]:
            assert o["carrier"] in CARRIERS[o["currency"]], o["id"]
            assert TRACKING_RX[o["carrier"]].match(o["tracking_number"]), o["id"]
        zh_names = o["currency"] == "CNY"
        for it in o["items"]:
            p = PRODUCTS[it["product_id"]]
            assert it["name"] == (p["attributes"]["name_zh"] if zh_names else p["name"])
            assert it["price"] == (p["price"] if zh_names else p["attributes"]["price_gbp"])
    for r in STORE["refunds"]:
        m = REFUND_RX.match(r["id"])
        assert m and m.group(1) == r["created_at"][2:4] + r["created_at"][5:7], r["id"]
    trk = [o["tracking_number"] for o in STORE["orders"] if o["tracking_number"]]
    assert len(trk) == len(set(trk))


def test_statuses_dates_and_totals():
    for o in STORE["orders"]:
        assert o["total"] == round(sum(i["qty"] * i["price"] for i in o["items"]), 2)
        created, shipped, delivered = (
            ts(o["created_at"]),
            ts(o["shipped_at"]),
            ts(o["delivered_at"]),
        )
        assert created < REFERENCE
        st = o["status"]
        assert (shipped is not None) == (st in ("shipped", "delivered", "returned")), o["id"]
        assert (delivered is not None) == (st in ("delivered", "returned")), o["id"]
        assert (o["carrier"] is not None) == (shipped is not None), o["id"]
        if shipped:
            assert created < shipped < REFERENCE
        if delivered:
            assert shipped < delivered < REFERENCE
    for r in STORE["refunds"]:
        o = ORDERS[r["order_id"]]
        assert ts(r["created_at"]) > ts(o["delivered_at"] or o["created_at"])
        assert (r["refunded_at"] is not None) == (r["status"] == "refunded")
        full = o["total"]
        want = round(full - FEE[o["currency"]], 2) if r["reason"] == "changed_mind" else full
        assert r["amount"] == want, r["id"]
        if o["status"] == "cancelled":
            assert r["status"] == "refunded"
