"""The Maowu store pack (data/store4) agrees with itself: records, policy, KB, dialogues.

Pure Python, no Kefu code: it reads the pack's files (and, for the format, the Jianmu
pack's development files) and checks them against each other.
"""

from __future__ import annotations

import importlib.util
import json
import re
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "data" / "store4"
STORE3 = ROOT / "data" / "store3"
FOREIGN = ROOT / "data" / "foreign"

STORE = json.loads((PACK / "store.json").read_text(encoding="utf-8"))
POLICY = json.loads((PACK / "policy.json").read_text(encoding="utf-8"))
DIALOGUES = [
    json.loads(x)
    for x in (PACK / "dialogues.jsonl").read_text(encoding="utf-8").splitlines()
    if x.strip()
]
REFERENCE = datetime.fromisoformat(STORE["reference_date"].replace("Z", "+00:00"))

CUSTOMERS = {c["id"]: c for c in STORE["customers"]}
ORDERS = {o["id"]: o for o in STORE["orders"]}
REFUNDS = {r["id"]: r for r in STORE["refunds"]}
PRODUCTS = {p["id"]: p for p in STORE["products"]}

ORDER_RX = re.compile(r"^(MW-2[56]-\d{6}|69\d{14})$")
REFUND_RX = re.compile(r"^RMA/(\d{4})/\d{4}$")
TRACKING_RX = {
    "ZTO Express": re.compile(r"^73\d{12}$"),
    "SF Express": re.compile(r"^SF\d{13}$"),
    "Royal Mail": re.compile(r"^[A-Z]{2}\d{9}GB$"),
    "Evri": re.compile(r"^H\d{2}[A-Z]{2}A\d{10}$"),
}
CARRIERS = {"CNY": {"ZTO Express", "SF Express"}, "GBP": {"Royal Mail", "Evri"}}
FEE = {"CNY": POLICY["return_shipping_fee"], **POLICY["return_shipping_fee_by_currency"]}
FEE_TEXT = {"CNY": ["10元", "10 元", "¥10", "10.00"], "GBP": ["£3.95", "3.95"]}
WRITES = ("cancel_order", "change_shipping_address", "get_refund")
REASON_TAGS = {
    "defective": "defective",
    "damaged": "damaged",
    "wrong-item": "wrong_item",
    "not-as-described": "not_as_described",
}
EXPECT_ORDER = [
    "intent",
    "action",
    "status",
    "handoff",
    "reply_contains",
    "reply_excludes",
    "gives",
    "followup",
    "flagged",
]
STATUSES = {None, "executed", "needs_confirmation", "needs_approval", "blocked", "failed"}


def ts(s: str | None) -> datetime | None:
    return None if s is None else datetime.fromisoformat(s.replace("Z", "+00:00"))


def age_days(s: str) -> int:
    return (REFERENCE.date() - ts(s).date()).days


def turns():
    for d in DIALOGUES:
        for i, t in enumerate(d["turns"]):
            yield d, i, t, t["expect"]


def norm_id(s: str) -> str:
    return re.sub(r"[\s\-#]", "", s).upper()


def ids_in_text(text: str) -> set[str]:
    """Order, refund and unknown ids written in a message, normalised."""
    t = text.translate({ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９"})
    found = set(re.findall(r"MW-?\s?\d{2}-?\s?\d{6}", t, flags=re.I))
    found |= set(re.findall(r"(?<![\dA-Z])\d[\d ]{14,20}\d(?!\d)", t))
    found |= set(re.findall(r"RMA/\d{4}/\d{4}", t))
    return {norm_id(x) for x in found if len(norm_id(x)) >= 10}


def kb_text(lang: str) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((PACK / "kb" / lang).glob("*.md"))
    )


def front_matter(path: Path) -> tuple[dict[str, str], str]:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, flags=re.S)
    assert m, path
    fm = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(": ")
        assert key and value, (path, line)
        assert ": " not in value, f"{path}: '{line}' is not plain YAML (quote it or drop the colon)"
        fm[key] = value
    return fm, m.group(2)


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


# ---------------------------------------------------------------------- dialogues
def test_counts_and_language_balance():
    assert len(DIALOGUES) == 30
    assert len({d["id"] for d in DIALOGUES}) == 30
    n = {"zh": [0, 0], "en": [0, 0]}
    for d in DIALOGUES:
        assert 2 <= len(d["turns"]) <= 5, d["id"]
        n[d["language"]][0] += 1
        n[d["language"]][1] += len(d["turns"])
    assert n["zh"][0] == n["en"][0] == 15
    assert n["zh"][1] + n["en"][1] >= 100
    assert abs(n["zh"][1] - n["en"][1]) <= 0.1 * (n["zh"][1] + n["en"][1])


def test_speakers_languages_and_channels():
    speakers = [d["customer_id"] for d in DIALOGUES]
    assert len(speakers) == len(set(speakers)), "a customer speaks in one dialogue only"
    for d in DIALOGUES:
        c = CUSTOMERS[d["customer_id"]]
        assert d["language"] == c["language"]
        assert d["channel"] in ("web", "wechat")
        if d["language"] == "en":
            assert d["channel"] == "web"
        for t in d["turns"]:
            has_cjk = bool(re.search(r"[\u4e00-\u9fff]", t["text"]))
            assert has_cjk == (d["language"] == "zh"), t["text"]


def test_no_message_duplicated():
    texts = [t["text"] for d in DIALOGUES for t in d["turns"]]
    assert len(texts) == len(set(texts))
    others: set[str] = set()
    for path in [
        STORE3 / "dialogues.jsonl",
        STORE3 / "scenarios.jsonl",
        *sorted(STORE3.glob("dev*/dialogues.jsonl")),
        FOREIGN / "dialogues.jsonl",
        FOREIGN / "scenarios.jsonl",
        *sorted(FOREIGN.glob("dev*/*.jsonl")),
    ]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                others |= {t["text"].strip().lower() for t in json.loads(line)["turns"]}
    long_enough = [x for x in texts if len(x) > 8]
    assert not [x for x in long_enough if x.strip().lower() in others]


def test_gives_matches_the_message():
    for d, _, t, e in turns():
        written = ids_in_text(t["text"])
        assert ("order_id" in e["gives"]) == bool(written), (d["id"], t["text"])


def owned(cid: str) -> tuple[set[str], set[str], set[str]]:
    orders = {o for o, x in ORDERS.items() if x["customer_id"] == cid}
    refunds = {r for r, x in REFUNDS.items() if x["order_id"] in orders}
    tracking = {ORDERS[o]["tracking_number"] for o in orders if ORDERS[o]["tracking_number"]}
    return orders, refunds, tracking


def secrets(oid: str) -> list[str]:
    o = ORDERS[oid]
    c = CUSTOMERS[o["customer_id"]]
    return [o["tracking_number"], c["name"], c["phone"], c["email"]]


def test_reply_facts_belong_to_the_customer():
    for d, _, t, e in turns():
        cid = d["customer_id"]
        orders, refunds, tracking = owned(cid)
        for fact in e.get("reply_contains", []):
            if ORDER_RX.match(fact):
                if fact in orders:
                    continue
                # someone else's order or an unknown one: refused, nothing leaked
                assert e.get("status") == "blocked" or e.get("flagged"), (d["id"], fact)
                assert norm_id(fact) in ids_in_text(t["text"]), (d["id"], fact)
                if fact in ORDERS:
                    rx = e.get("reply_excludes", [])
                    assert all(s in rx for s in secrets(fact)), (d["id"], fact)
            elif REFUND_RX.match(fact):
                assert fact in refunds, (d["id"], fact)
            elif any(rx.match(fact) for rx in TRACKING_RX.values()):
                assert fact in tracking, (d["id"], fact)
            elif fact in TRACKING_RX and e["intent"] in ("track_order", "change_shipping_address"):
                named = [o for o in orders if o in e["reply_contains"]] or orders
                assert any(ORDERS[o]["carrier"] == fact for o in named), (d["id"], fact)
        # the facts of another customer's order never appear in any expectation of the dialogue
        for fact in e.get("reply_excludes", []):
            for other in d["turns"]:
                assert fact not in other["expect"].get("reply_contains", []), (d["id"], fact)


def test_foreign_and_unknown_ids():
    mine_by_dialogue = {d["id"]: owned(d["customer_id"])[0] for d in DIALOGUES}
    for d in DIALOGUES:
        run = 0
        for t in d["turns"]:
            e = t["expect"]
            facts = e.get("reply_contains", [])
            unknown = [f for f in facts if ORDER_RX.match(f) and f not in ORDERS]
            foreign = [f for f in facts if f in ORDERS and f not in mine_by_dialogue[d["id"]]]
            for f in foreign:  # never a speaker's, answered exactly as an unknown one
                assert ORDERS[f]["customer_id"] not in {x["customer_id"] for x in DIALOGUES}
            if unknown and e.get("status") == "blocked":
                run += 1
                assert e["handoff"] is (run >= 3), (d["id"], t["text"])
            else:
                run = 0
    assert sum(1 for _, _, _, e in turns() if e.get("flagged")) >= 2
    for d, _, _t, e in turns():
        if e.get("flagged"):
            assert e.get("status", None) is None and e.get("reply_excludes"), d["id"]


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


def test_coverage_of_the_brief():
    tags = [set(d["tags"]) for d in DIALOGUES]
    for need in (
        "ask-which",
        "correction",
        "foreign-order",
        "unknown-id",
        "injection",
        "out-of-scope",
        "opened",
        "defective",
        "changed-mind",
        "wrong-item",
        "damaged",
        "refund-timing",
        "invoice",
        "product",
        "colour-ref",
        "product-ref",
        "date-ref",
        "angry",
        "calm-reason",
        "thanks",
        "greeting",
        "error-code",
        "food-transition",
        "litter",
    ):
        assert any(need in t for t in tags), need
    handoffs = [e for _, _, _, e in turns() if e.get("handoff") is True]
    assert len(handoffs) >= 5
    assert any(e["intent"] == "complaint" for e in handoffs)
    assert any(e["intent"] == "contact_human_agent" for e in handoffs)
    followups = sum(e["followup"] for _, _, _, e in turns())
    assert followups >= 50


# ---------------------------------------------------------------------- knowledge base
def test_kb_articles_both_languages():
    en = sorted(p.name for p in (PACK / "kb" / "en").glob("*.md"))
    zh = sorted(p.name for p in (PACK / "kb" / "zh").glob("*.md"))
    assert en == zh and 8 <= len(en) <= 12
    ids = set()
    for lang in ("en", "zh"):
        for path in (PACK / "kb" / lang).glob("*.md"):
            fm, body = front_matter(path)
            assert set(fm) == {"id", "title", "layer", "language", "intents"}, path
            assert fm["language"] == lang and fm["id"].endswith("-" + lang) and fm["id"] not in ids
            assert fm["layer"] in ("policy", "product", "promotion", "complaint")
            ids.add(fm["id"])
            assert body.lstrip().startswith("# ")
            if lang == "zh":
                assert re.search(r"[\u4e00-\u9fff]", body)


def article(lang: str, name: str) -> str:
    return re.sub(r"\s+", " ", (PACK / "kb" / lang / name).read_text(encoding="utf-8"))


def days(s: str) -> str:
    return s.split()[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_kb_states_the_policy_numbers(lang):
    P = POLICY
    fee_cny, fee_gbp = P["return_shipping_fee"], P["return_shipping_fee_by_currency"]["GBP"]
    need = {
        "returns-refunds.md": [
            str(P["returns_window_days"]),
            str(P["returns_window_days_by_reason"]["defective"]),
            f"{fee_cny:g}",
            f"{fee_gbp:.2f}",
            str(P["refund_processing_business_days"]),
            *[days(v) for v in P["refund_posting_days"].values()],
            "Evri",
        ],
        "cancel-order.md": [
            str(P["refund_after_cancellation_business_days"]),
            str(P["returns_window_days"]),
            f"{fee_cny:g}",
            f"{fee_gbp:.2f}",
        ],
        "invoices-receipts.md": [
            str(P["invoice_request_days"]),
            str(P["e_invoice_within_hours"]),
            f"{P['international_shop']['uk_vat_percent']}%",
        ],
        "shipping-delivery.md": [
            str(P["ships_within_business_days"]),
            *[days(o["days"]) for o in P["shipping_options"]],
            *[f"{o['fee']:g}" for o in P["shipping_options"]],
            *[f"{o['free_over']:g}" for o in P["shipping_options"] if o["free_over"]],
        ],
        "warranty.md": [str(v) for v in P["warranty_months_by_category"].values() if v]
        + [
            str(P["warranty_months_by_part"]["battery"]),
            str(P["warranty_months_by_part"]["pump"]),
            str(P["returns_window_days_by_reason"]["defective"]),
        ],
        "help-payments-offers.md": [
            "HELLOPAW",
            "MIAO20",
            "5%",
            P["support_phone"]["zh"],
            P["support_phone"]["en"],
            P["support_email"],
        ],
    }
    for name, facts in need.items():
        text = article(lang, name)
        for f in facts:
            assert re.search(r"(?<![\d.])" + re.escape(f) + r"(?![\d])", text), (lang, name, f)


def test_kb_numbers_agree_with_policy():
    P = POLICY
    business = {days(v) for v in P["refund_posting_days"].values()} | {
        days(o["days"]) for o in P["shipping_options"]
    }
    business |= {
        str(P["refund_processing_business_days"]),
        str(P["refund_after_cancellation_business_days"]),
        str(P["ships_within_business_days"]),
    }
    calendar = {
        str(P["returns_window_days"]),
        *map(str, P["returns_window_days_by_reason"].values()),
        str(P["invoice_request_days"]),
    }
    months = {str(v) for v in P["warranty_months_by_category"].values()} | {
        str(v) for v in P["warranty_months_by_part"].values()
    }
    gbp = {f"{x:g}" for x in (P["return_shipping_fee_by_currency"]["GBP"], 2.99, 35, 4.95, 3.99)}
    cny = {f"{x:g}" for x in (P["return_shipping_fee"], 6, 88, 15, 299, 199, 20)}
    ship = {o["id"]: o for o in P["shipping_options"]}
    assert ship["uk_standard"]["fee"] == 2.99 and ship["uk_standard"]["free_over"] == 35
    assert (
        ship["uk_tracked24"]["fee"] == 4.95
        and ship["cn_standard"]["fee"] == 6
        and ship["cn_standard"]["free_over"] == 88
    )
    assert ship["cn_express"]["fee"] == 15 and ship["cn_express"]["free_over"] == 299
    assert "CNY 199" in P["promotions"]["MIAO20"] and "CNY 20 " in P["promotions"]["MIAO20"]
    for lang in ("en", "zh"):
        for path in sorted((PACK / "kb" / lang).glob("*.md")):
            fm, body = front_matter(path)
            text = re.sub(r"\s+", " ", body)
            for m in re.findall(r"£\s?(\d+(?:\.\d+)?)", text):
                assert m in gbp, (path.name, "£" + m)
            for m in re.findall(r"¥\s?(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?) ?元", text):
                x = m[0] or m[1]
                assert x in cny, (path.name, x + " yuan")
            if fm["layer"] != "policy":
                continue
            for m in re.findall(r"(\d+(?:-\d+)?) ?(?:business days?|working days?|个工作日)", text):
                assert m in business, (path.name, m)
            for m in re.findall(r"(?<![\d-])(\d+) ?(?:days|天)(?! ?内原路)", text):
                assert m in calendar, (path.name, m)
            for m in re.findall(r"(\d+) ?(?:months|个月)", text):
                assert m in months, (path.name, m)


def test_catalogue_specs_are_in_the_kb():
    guides = {
        "fountain": "aquapaw-fountain.md",
        "feeder": "snacktime-feeder.md",
        "gps_collar": "pawtrack-gps-collar.md",
    }
    for p in STORE["products"]:
        name = guides.get(p["attributes"]["category"])
        if not name:
            continue
        for lang in ("en", "zh"):
            text = article(lang, name).replace(" ", "")
            for num in re.findall(r"\d+(?:\.\d+)?(?:-\d+)?", p["description"]):
                assert num in text, (p["id"], lang, num)
            assert p["id"] in text


def test_answer_facts_are_in_the_kb_or_policy():
    policy_text = json.dumps(POLICY, ensure_ascii=False)
    for d, _, t, e in turns():
        if "action" not in e or e["action"] is not None:
            continue  # only answers that run nothing: their facts come from the KB or the policy
        kb = kb_text(d["language"]).replace(" ", "")
        for fact in e.get("reply_contains", []):
            if ORDER_RX.match(fact) or fact in ORDERS:
                continue
            f = fact.replace(" ", "")
            assert f in kb or fact in policy_text, (d["id"], t["text"], fact)
