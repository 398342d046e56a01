"""Consistency of the foreign store (data/foreign): store, policy, knowledge base, scenarios.

Pure Python: reads only the JSON, JSONL and markdown files, never the application.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from tests.pack_format import INTENTS

ROOT = Path(__file__).resolve().parent.parent / "data" / "foreign"

ORDER_STATUSES = {"pending", "paid", "shipped", "delivered", "cancelled", "returned"}
REFUND_STATUSES = {"requested", "approved", "refunded", "rejected"}
ACTION_STATUSES = {"executed", "needs_confirmation", "needs_approval", "blocked", "failed"}
WRITE_ACTIONS = {"cancel_order", "change_shipping_address", "get_refund", "change_order"}
EXPECT_KEYS = {
    "intent",
    "action",
    "status",
    "handoff",
    "reply_contains",
    "reply_excludes",
    "gives",
    "followup",
}
REFUND_WORDS = {
    "en": {s: s for s in REFUND_STATUSES},
    "zh": {"requested": "已申请", "approved": "已批准", "refunded": "已退款", "rejected": "已拒绝"},
}
RECORD_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")  # the import schema's id pattern

ORDER_ID_SHAPES = [
    re.compile(r"^SO-\d{5}$"),
    re.compile(r"^\d{3}-\d{7}-\d{7}$"),
    re.compile(r"^\d{18}$"),
]
TRACKING_SHAPES = {
    "DHL": re.compile(r"^00340434\d{12}$"),
    "DPD": re.compile(r"^0150\d{10}$"),
    "GLS": re.compile(r"^6\d{10}$"),
    "PostNL": re.compile(r"^3S[A-Z]{4}\d{7}$"),
    "SF Express": re.compile(r"^SF\d{13}$"),
    "ZTO Express": re.compile(r"^75\d{12}$"),
    "JD Logistics": re.compile(r"^JDV\d{12}$"),
}
REFUND_ID = re.compile(r"^RTN-\d{4}-\d{4}$")


def ts(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@lru_cache(maxsize=1)
def store() -> dict[str, Any]:
    return json.loads((ROOT / "store.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def policy() -> dict[str, Any]:
    return json.loads((ROOT / "policy.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def scenarios() -> list[dict[str, Any]]:
    lines = (ROOT / "scenarios.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def customers() -> dict[str, dict]:
    return {c["id"]: c for c in store()["customers"]}


def products() -> dict[str, dict]:
    return {p["id"]: p for p in store()["products"]}


def orders() -> dict[str, dict]:
    return {o["id"]: o for o in store()["orders"]}


def refunds() -> dict[str, dict]:
    return {r["id"]: r for r in store()["refunds"]}


def orders_of(customer_id: str) -> list[dict]:
    return [o for o in store()["orders"] if o["customer_id"] == customer_id]


def age_days(value: str) -> int:
    """Whole days between a date and the reference date (dates are shifted by whole days)."""
    return (ts(store()["reference_date"]).date() - ts(value).date()).days


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


# ----------------------------------------------------------------------------- policy
def test_policy_schema() -> None:
    p = policy()
    for key in (
        "returns_window_days",
        "invoice_request_days",
        "refund_processing_business_days",
        "refund_after_cancellation_business_days",
        "warranty_months",
        "ships_within_business_days",
    ):
        assert isinstance(p[key], int) and p[key] >= 0, key
    for key in (
        "cancellable_statuses",
        "address_change_statuses",
        "order_change_statuses",
        "refundable_statuses",
        "invoice_statuses",
    ):
        assert set(p[key]) <= ORDER_STATUSES, key
    assert p["free_return_reasons"] == ["defective", "damaged", "wrong_item"]
    assert p["return_shipping_fee"] > 0 and p["cancellation_fee"] >= 0
    for opt in p["shipping_options"]:
        assert set(opt) == {"id", "days", "fee", "free_over"}
        assert opt["fee"] >= 0
    assert p["currency"] == "EUR"
    # different from the demo store's rules
    assert p["returns_window_days"] != 30 and p["return_shipping_fee"] != 6.95
    assert p["invoice_request_days"] != 180


# -------------------------------------------------------------------------------- kb
def parse_article(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    assert m, f"{path}: no front matter"
    meta: dict[str, Any] = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        value = value.strip()
        if value.startswith("["):
            meta[key.strip()] = [v.strip() for v in value.strip("[]").split(",") if v.strip()]
        else:
            meta[key.strip()] = value
    return meta, m.group(2)


@lru_cache(maxsize=1)
def articles() -> list[tuple[Path, dict[str, Any], str]]:
    out = []
    for lang in ("en", "zh"):
        for path in sorted((ROOT / "kb" / lang).glob("*.md")):
            meta, body = parse_article(path)
            out.append((path, meta, body))
    return out


def test_kb_front_matter() -> None:
    ids = set()
    per_lang: dict[str, set[str]] = defaultdict(set)
    layers: dict[str, Counter] = defaultdict(Counter)
    for path, meta, body in articles():
        lang = path.parent.name
        assert set(meta) == {"id", "title", "layer", "language", "intents"}, path
        assert meta["language"] == lang, path
        assert meta["layer"] in {"policy", "product", "promotion", "complaint"}, path
        assert meta["intents"] and set(meta["intents"]) <= INTENTS, path
        assert meta["id"] not in ids, path
        ids.add(meta["id"])
        per_lang[lang].add(path.name)
        layers[lang][meta["layer"]] += 1
        if lang == "zh":
            cjk = len(re.findall(r"[\u4e00-\u9fff]", body))
            assert cjk > 0.3 * len(re.sub(r"\s", "", body)), f"{path}: not written in Chinese"
    assert per_lang["en"] == per_lang["zh"]
    for lang in ("en", "zh"):
        assert 15 <= len(per_lang[lang]) <= 25
        assert {"policy", "product", "promotion", "complaint"} <= set(layers[lang])


def allowed_policy_numbers() -> dict[str, set]:
    p = policy()
    money = {p["return_shipping_fee"], p["cancellation_fee"]}
    bdays = {
        str(p["refund_processing_business_days"]),
        str(p["refund_after_cancellation_business_days"]),
        str(p["ships_within_business_days"]),
    }
    for opt in p["shipping_options"]:
        money.add(opt["fee"])
        if opt["free_over"] is not None:
            money.add(opt["free_over"])
        bdays.add(opt["days"].split()[0])
    for text in p["refund_posting_days"].values():
        bdays.add(text.split()[0])
    days = {
        p["returns_window_days"],
        p["invoice_request_days"],
        p["review_window_days"],
        p["account_deletion_grace_days"],
    }
    return {
        "money": {round(x, 2) for x in money},
        "bdays": bdays,
        "days": days,
        "months": {p["warranty_months"]},
    }


NUMBER_PATTERNS = {
    "money": [r"€\s?(\d+(?:\.\d+)?)", r"(\d+(?:\.\d+)?)\s*欧元"],
    "bdays": [r"(\d+(?:-\d+)?)\s+business days?", r"(\d+(?:-\d+)?)\s*个工作日"],
    "days": [r"(?<![\d.-])(\d+)(?:-day|\s+days?)\b", r"(?<![\d.-])(\d+)\s*天"],
    "months": [r"(\d+)[- ]months?", r"(\d+)\s*个月"],
}


def test_policy_articles_state_only_the_policy_numbers() -> None:
    allowed = allowed_policy_numbers()
    for path, meta, body in articles():
        if meta["layer"] not in ("policy", "complaint"):
            continue
        for kind, patterns in NUMBER_PATTERNS.items():
            for pattern in patterns:
                for m in re.finditer(pattern, body):
                    raw = m.group(1)
                    value: Any = (
                        round(float(raw), 2)
                        if kind == "money"
                        else (raw if kind == "bdays" else int(raw))
                    )
                    assert value in allowed[kind], (
                        f"{path.name}: {m.group(0)!r} is not in policy.json"
                    )


def test_key_policy_numbers_are_stated() -> None:
    p = policy()
    fee = f"{p['return_shipping_fee']:.2f}"
    for lang, day_word, bday_word, month_word in (
        ("en", " days", " business days", " months"),
        ("zh", " 天", " 个工作日", " 个月"),
    ):
        kb = ROOT / "kb" / lang
        returns = (kb / "returns-policy.md").read_text(encoding="utf-8")
        assert f"{p['returns_window_days']}{day_word}" in returns and fee in returns
        assert f"{p['refund_processing_business_days']}{bday_word}" in returns
        cancel = (kb / "cancel-order.md").read_text(encoding="utf-8")
        assert f"{p['refund_after_cancellation_business_days']}{bday_word}" in cancel
        assert f"{p['warranty_months']}{month_word}" in (kb / "warranty.md").read_text(
            encoding="utf-8"
        )
        assert f"{p['invoice_request_days']}{day_word}" in (kb / "invoices.md").read_text(
            encoding="utf-8"
        )
        shipping = (kb / "shipping-options.md").read_text(encoding="utf-8")
        for opt in p["shipping_options"]:
            assert f"{opt['fee']:.2f}" in shipping and opt["days"].split()[0] in shipping, opt["id"]
        contact = (kb / "contact-us.md").read_text(encoding="utf-8")
        assert p["support_email"] in contact and p["support_phone"][lang] in contact
    payment = (ROOT / "kb" / "en" / "payment-methods.md").read_text(encoding="utf-8")
    for method in p["payment_methods"]:
        assert method in payment, method


def test_warranty_is_the_same_everywhere() -> None:
    months = policy()["warranty_months"]
    for path, _meta, body in articles():
        for m in re.finditer(
            r"(\d+)-month warranty|warranty of (\d+) months|保修\s*(\d+)\s*个月", body
        ):
            value = int(next(g for g in m.groups() if g))
            assert value == months, f"{path.name}: {m.group(0)!r}"


# ------------------------------------------------------------------------- scenarios
def turns() -> list[tuple[dict, int, dict]]:
    return [(s, i, t) for s in scenarios() for i, t in enumerate(s["turns"])]


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


def looks_like_order_id(token: str) -> bool:
    return any(rx.match(token) for rx in ORDER_ID_SHAPES)


def looks_like_tracking(token: str) -> bool:
    return any(rx.match(token) for rx in TRACKING_SHAPES.values())


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


def mentioned_orders(s: dict, e: dict) -> list[str]:
    return [f for f in e.get("reply_contains", []) if f in orders()]


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
