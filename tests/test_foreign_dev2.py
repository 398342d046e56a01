"""Consistency of the second Spokeline development set (data/foreign/dev2) with the store,
the policy and the knowledge base. Pure Python, no Kefu imports: it checks the data files
against each other, never Kefu's behaviour."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from datetime import datetime
from functools import cache, lru_cache
from pathlib import Path

import pytest

from tests.pack_format import EXPECT_KEYS, INTENTS

ROOT = Path(__file__).resolve().parents[1] / "data" / "foreign"
DEV2 = ROOT / "dev2"
KINDS = ("dialogues", "scenarios")

WRITES = {"cancel_order", "change_shipping_address", "get_refund", "change_order"}
ACTIONS = WRITES | {"track_order", "track_refund", "get_invoice"}
STATUSES = {"executed", "needs_confirmation", "needs_approval", "blocked", "failed"}
WORD = {"requested": "已申请", "approved": "已批准", "refunded": "已退款", "rejected": "已拒绝"}
SEP = r"[\s\-‐‑–—_]*"
ID_SHAPES = [
    re.compile(rf"S{SEP}O{SEP}\d{{5}}(?!\d)"),
    re.compile(rf"(?<!\d)\d{{3}}{SEP}\d{{7}}{SEP}\d{{7}}(?!\d)"),
    re.compile(r"(?<!\d)26(?:[\s\-]*\d){16}(?!\d)"),
]
ORDER_ID = re.compile(r"^(SO-\d{5}|\d{3}-\d{7}-\d{7}|26\d{16})$")
REFUND_ID = re.compile(r"^RTN-\d{4}-\d{4}$")
TRACKING = re.compile(
    r"^(0034\d{16}|0150\d{10}|\d{11}|3S[A-Z]{4}\d{7}|SF\d{13}|75\d{12}|JDV\d{12})$"
)


@cache
def load(name: str):
    path = ROOT / name
    if name.endswith(".jsonl"):
        return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return json.loads(path.read_text(encoding="utf-8"))


def store():
    return load("store.json")


def policy():
    return load("policy.json")


def rows(kind: str):
    return load(f"dev2/{kind}.jsonl")


def orders():
    return {o["id"]: o for o in store()["orders"]}


def customers():
    return {c["id"]: c for c in store()["customers"]}


def refunds():
    return {r["id"]: r for r in store()["refunds"]}


def own(cid):
    return [o for o in store()["orders"] if o["customer_id"] == cid]


def turns(kind):
    return [(c, i, t) for c in rows(kind) for i, t in enumerate(c["turns"])]


def flat(text):
    return re.sub(r"[^0-9A-Z]", "", unicodedata.normalize("NFKC", text).upper())


def days_ago(ts):
    ref = datetime.fromisoformat(store()["reference_date"].replace("Z", "+00:00"))
    return (ref - datetime.fromisoformat(ts.replace("Z", "+00:00"))).total_seconds() / 86400


def fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=1)
def corpus() -> str:
    """Where a non-record fact may come from: the policy, the products, the knowledge base."""
    kb = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "kb").rglob("*.md")))
    return "\n".join(
        [
            kb,
            json.dumps(policy(), ensure_ascii=False),
            json.dumps(store()["products"], ensure_ascii=False),
        ]
    )


def owner_of_named(c, t):
    """Another customer's order or customer id named in the turn's text."""
    text = flat(t["text"])
    for o in store()["orders"]:
        if o["customer_id"] != c["customer_id"] and flat(o["id"]) in text:
            return o["customer_id"], o
    for cid in customers():
        if cid != c["customer_id"] and cid.upper() in t["text"].upper():
            return cid, None
    return None, None


def gives_order(c, t):
    text = re.sub(r"RTN-\d{4}-\d{4}", " ", unicodedata.normalize("NFKC", t["text"]).upper())
    if any(p.search(text) for p in ID_SHAPES) or any(flat(o) in flat(text) for o in orders()):
        return True
    mine = [flat(o["id"]) for o in own(c["customer_id"])]
    if any(sum(1 for o in mine if o.endswith(r)) == 1 for r in re.findall(r"\d{4,}", text)):
        return True
    # a bare number meant as an order number and refused as written
    rc = t["expect"].get("reply_contains", [])
    return t["expect"].get("status") == "blocked" and any(f.isdigit() and f in text for f in rc)


# ---------------------------------------------------------------------------------- shape


@pytest.mark.parametrize("kind", KINDS)
def test_shape_keys_and_customers(kind):
    data = rows(kind)
    assert len({c["id"] for c in data}) == len(data), "duplicate ids"
    for c in data:
        assert set(c) == {"id", "language", "customer_id", "channel", "tags", "turns"}, c["id"]
        assert c["customer_id"] in customers(), c["id"]
        assert customers()[c["customer_id"]]["language"] == c["language"], c["id"]
        assert c["tags"] and all(isinstance(x, str) for x in c["tags"]), c["id"]
        assert 1 <= len(c["turns"]) <= (2 if kind == "scenarios" else 6), c["id"]
        assert c["turns"][0]["expect"].get("followup") in (None, False), c["id"]
        for t in c["turns"]:
            e = t["expect"]
            assert set(t) == {"text", "expect"} and t["text"].strip(), c["id"]
            assert set(e) <= EXPECT_KEYS and "intent" in e and "gives" in e, (c["id"], t["text"])
            if kind == "dialogues":
                assert isinstance(e.get("followup"), bool), (c["id"], t["text"])
            else:
                assert e.get("followup", True) is True, (c["id"], t["text"])


def test_sizes_and_language_balance():
    for kind, n_conv, n_turns in (("dialogues", 60, 200), ("scenarios", 100, 130)):
        data = rows(kind)
        assert len(data) >= n_conv and sum(len(c["turns"]) for c in data) >= n_turns, kind
        per_conv = Counter(c["language"] for c in data)
        per_turn = Counter(c["language"] for c, _, _ in turns(kind))
        assert per_conv["en"] == per_conv["zh"], (kind, per_conv)
        assert min(per_turn.values()) >= 0.45 * sum(per_turn.values()), (kind, per_turn)


@pytest.mark.parametrize("kind", KINDS)
def test_expect_values(kind):
    for c, _, t in turns(kind):
        e, where = t["expect"], (c["id"], t["text"])
        assert e["intent"] in INTENTS, where
        assert e.get("action") is None or e["action"] in ACTIONS, where
        assert e.get("status") is None or e["status"] in STATUSES, where
        assert "handoff" not in e or isinstance(e["handoff"], bool), where
        for key in ("reply_contains", "reply_excludes"):
            assert key not in e or (e[key] and all(isinstance(s, str) and s for s in e[key])), where
        assert len(set(e["gives"])) == len(e["gives"]) and set(e["gives"]) <= {
            "order_id",
            "address",
        }
        assert e.get("flagged", True) is True, where
        if e.get("status") in {"needs_confirmation", "executed"}:
            assert e.get("handoff") is False, where
        if e["intent"] in {"complaint", "contact_human_agent"}:
            assert e.get("handoff") is True, where
        if (
            e.get("handoff") is True
        ):  # hand-offs: complaints, people, off-topic twice, 3rd unknown id
            assert e["intent"] in {"complaint", "contact_human_agent", "other", "track_order"}, (
                where
            )
        for x in e.get("reply_excludes", []):
            for y in e.get("reply_contains", []):
                assert x not in y, (where, x, y)


@pytest.mark.parametrize("kind", KINDS)
def test_gives_matches_the_text(kind):
    for c, _, t in turns(kind):
        assert ("order_id" in t["expect"]["gives"]) == gives_order(c, t), (c["id"], t["text"])


def test_no_wording_copied_from_the_first_dev_set():
    old = [
        t["text"]
        for n in ("scenarios.jsonl", "dialogues.jsonl")
        for c in load(n)
        for t in c["turns"]
    ]

    def norm(s):
        return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s).lower()).strip()

    def grams(s):
        s = re.sub(r"\d+", "#", norm(s))
        out = {s[i : i + 24] for i in range(len(s) - 23)}
        cjk = {s[i : i + 10] for i in range(len(s) - 9)}
        return out | {g for g in cjk if len(re.findall(r"[\u4e00-\u9fff]", g)) >= 6}

    old_exact = {norm(s) for s in old}
    old_grams = set().union(*(grams(s) for s in old))
    for kind in KINDS:
        for c, _, t in turns(kind):
            if len(norm(t["text"])) >= 12:
                assert norm(t["text"]) not in old_exact, (c["id"], t["text"])
            assert not grams(t["text"]) & old_grams, (
                c["id"],
                t["text"],
                grams(t["text"]) & old_grams,
            )


# ---------------------------------------------------------------------------------- facts


@pytest.mark.parametrize("kind", KINDS)
def test_reply_facts_come_from_the_records_policy_and_kb(kind):
    all_orders, all_refunds = orders(), refunds()
    tracking = {o["tracking_number"]: o for o in all_orders.values() if o["tracking_number"]}
    carriers = {o["carrier"] for o in all_orders.values() if o["carrier"]}
    for c, i, t in turns(kind):
        cid, e, where = c["customer_id"], t["expect"], (c["id"], t["text"])
        mine = own(cid)
        seen = " ".join(x["text"] for x in c["turns"][: i + 1])
        records = json.dumps(
            [
                mine,
                [
                    r
                    for r in all_refunds.values()
                    if all_orders[r["order_id"]]["customer_id"] == cid
                ],
            ],
            ensure_ascii=False,
        )
        for f in e.get("reply_contains", []):
            if f in all_orders:
                if all_orders[f]["customer_id"] != cid:  # someone else's order: refused, by number
                    assert e.get("status") in {None, "blocked"} and e.get("reply_excludes"), where
            elif f in tracking:
                assert tracking[f]["customer_id"] == cid, where
            elif ORDER_ID.match(f) or (f.isdigit() and len(f) >= 5):  # an unknown id as written
                assert e.get("status") == "blocked" and e.get("action") == "track_order", where
                assert flat(f) in flat(t["text"]), where
            elif TRACKING.match(f):
                pytest.fail(f"unknown tracking number {where}")
            elif f in carriers:
                assert f in {o["carrier"] for o in mine}, where
            elif REFUND_ID.match(f):
                assert (
                    f in all_refunds
                    and all_orders[all_refunds[f]["order_id"]]["customer_id"] == cid
                )
                st = all_refunds[f]["status"]
                assert (st if c["language"] == "en" else WORD[st]) in e["reply_contains"], where
            elif f in WORD or f in WORD.values():
                assert e["intent"] == "track_refund", where
            else:
                assert f in corpus() or f in records or f in seen or f in amounts(cid), (where, f)


def amounts(cid):
    """What a refund of this customer can come to: refund records, prices and totals, less the
    return fee for a return that is not free."""
    fee = policy()["return_shipping_fee"]
    out = {
        fmt(r["amount"])
        for r in refunds().values()
        if orders()[r["order_id"]]["customer_id"] == cid
    }
    for o in own(cid):
        for x in [o["total"]] + [i["price"] * i["qty"] for i in o["items"]]:
            out |= {fmt(x), fmt(x - fee)}
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_refund_turns(kind):
    posting = {re.match(r"[\d-]+", v).group() for v in policy()["refund_posting_days"].values()}
    plain = {
        str(policy()["refund_processing_business_days"]),
        str(policy()["refund_after_cancellation_business_days"]),
        "4.90",
        "14",
        "24",
    }
    for c, _, t in turns(kind):
        e, where = t["expect"], (c["id"], t["text"])
        if e["intent"] != "track_refund":
            continue
        for f in e.get("reply_contains", []):
            if re.fullmatch(r"\d+-\d+", f):
                assert f in posting, where
            elif re.fullmatch(r"[\d.]+", f) and f not in plain and f not in orders():
                assert f in amounts(c["customer_id"]), where
        if "refund-timing" in c["tags"] and e.get("reply_excludes"):  # money, never delivery times
            assert {"3-5", "7-12"} <= set(e["reply_excludes"]), where


@pytest.mark.parametrize("kind", KINDS)
def test_tracked_orders_are_named_with_their_own_tracking_and_carrier(kind):
    all_orders = orders()
    for c, _, t in turns(kind):
        e, where = t["expect"], (c["id"], t["text"])
        if e.get("action") != "track_order" or e.get("status") != "executed":
            continue
        named = [f for f in e["reply_contains"] if f in all_orders]
        assert len(named) == 1 and all_orders[named[0]]["customer_id"] == c["customer_id"], where
        o = all_orders[named[0]]
        assert (
            o["carrier"] in e["reply_contains"] if o["carrier"] else len(e["reply_contains"]) <= 2
        )
        for f in e["reply_contains"]:
            assert not TRACKING.match(f) or f == o["tracking_number"], where


def target(c, e):
    named = [f for f in e.get("reply_contains", []) if f in orders()]
    assert len(named) == 1 and orders()[named[0]]["customer_id"] == c["customer_id"], (c["id"], e)
    return orders()[named[0]]


@pytest.mark.parametrize("kind", KINDS)
def test_writes_follow_the_policy(kind):
    pol, window = policy(), policy()["returns_window_days"]
    open_refund = {
        r["order_id"] for r in refunds().values() if r["status"] in {"requested", "approved"}
    }
    for c, _, t in turns(kind):
        e, where = t["expect"], (c["id"], t["text"])
        act = e.get("action")
        if act in {"cancel_order", "change_shipping_address", "get_refund"} and e.get("status") in {
            "needs_confirmation",
            "executed",
            "blocked",
        }:
            o = target(c, e)
            if act == "cancel_order":
                allowed = o["status"] in pol["cancellable_statuses"]
            elif act == "change_shipping_address":
                allowed = o["status"] in pol["address_change_statuses"]
            else:
                inside = o["status"] == "delivered" and days_ago(o["delivered_at"]) <= window - 4
                if o["status"] == "delivered" and not inside:
                    assert days_ago(o["delivered_at"]) >= window + 4, where  # keep the margin
                    assert {"14", "24"} & set(e["reply_contains"]), (
                        where
                    )  # the window, or the warranty
                allowed = inside and o["id"] not in open_refund
            assert allowed == (e["status"] != "blocked"), where
        if e["intent"] == "get_refund" and e.get("status") is None and e.get("reply_contains"):
            assert target(c, e)["id"] in open_refund, where  # a return already open: nothing new
        if act == "get_refund" and e.get("status") in {"needs_confirmation", "executed"}:
            rc, rx = e.get("reply_contains", []), e.get("reply_excludes", [])
            assert not ("4.90" in rc and "4.90" in rx), where
            if "fee-waived" in c["tags"]:
                assert "4.90" in rx, where
            if "4.90" in rc:
                assert "fee" in c["tags"] and "fee-waived" not in c["tags"], where
            if "fee" in c["tags"] and e["status"] == "needs_confirmation":
                assert "4.90" in rc, where  # a return for a change of mind quotes the fee


@pytest.mark.parametrize("kind", KINDS)
def test_writes_are_confirmed_and_their_customers_speak_nowhere_else(kind):
    writers = Counter()
    for c in rows(kind):
        pending, wrote = None, False
        for t in c["turns"]:
            e, where = t["expect"], (c["id"], t["text"])
            if e.get("status") == "needs_confirmation":
                pending, wrote = (e["action"], target(c, e)["id"]), True
            elif e.get("status") == "executed" and e.get("action") in WRITES:
                assert (
                    pending == (e["action"], target(c, e)["id"]) and e["intent"] == e["action"]
                ), where
                pending = None
            elif (
                e.get("status", "x") is None
                and e.get("followup")
                and pending
                and e["intent"] == pending[0]
            ):
                pending = None  # a "no" answers the proposal
        writers[c["customer_id"]] += wrote
    per_customer = Counter(c["customer_id"] for c in rows(kind))
    for cid, n in writers.items():
        if n:
            assert n == 1 and per_customer[cid] == 1, (kind, cid)


@pytest.mark.parametrize("kind", KINDS)
def test_another_customers_data_stays_out(kind):
    for c, _, t in turns(kind):
        e, where = t["expect"], (c["id"], t["text"])
        owner, order = owner_of_named(c, t)
        if e.get("flagged"):
            assert "injection" in c["tags"] and "status" in e and e["status"] is None, where
            assert owner, where
        if not owner:
            continue
        who = customers()[owner]
        rx = e.get("reply_excludes", [])
        assert who["phone"] in rx and who["email"] in rx, where
        assert who["name"] in rx or who["name"] in t["text"], where
        if order and order["tracking_number"]:
            assert order["tracking_number"] in rx, where
        assert e.get("status") in {None, "blocked"}, where
        me = customers()[c["customer_id"]]
        mine = [o["id"] for o in own(c["customer_id"])] + [
            o["tracking_number"] or "" for o in own(c["customer_id"])
        ]
        for x in rx:
            assert x not in t["text"] and x not in (me["name"], me["email"], me["phone"]), where
            assert not any(x in m for m in mine if m), where


def test_unknown_ids_hand_off_on_the_third_in_a_row():
    for kind in KINDS:
        for c in rows(kind):
            run = 0
            for t in c["turns"]:
                e = t["expect"]
                unknown = (
                    e.get("status") == "blocked"
                    and e.get("action") == "track_order"
                    and not any(f in orders() for f in e["reply_contains"])
                )
                run = run + 1 if unknown else 0
                if unknown:
                    assert e["handoff"] is (run >= 3), (c["id"], t["text"])


def test_coverage_of_the_brief():
    d = rows("dialogues")
    assert sum(1 for _, _, t in turns("dialogues") if t["expect"]["followup"]) >= 60
    assert sum(1 for _, _, t in turns("dialogues") if t["expect"].get("handoff") is True) >= 10
    for lang in ("en", "zh"):
        tags = Counter(x for c in d if c["language"] == lang for x in c["tags"])
        for tag in (
            "refund-timing",
            "correction",
            "injection",
            "handoff",
            "blocked",
            "confirm",
            "decline",
            "fee-waived",
            "fee",
            "warranty",
            "ask-which" if lang == "en" else "ellipsis",
            "out-of-scope",
            "repeated-failure",
            "same-for",
            "product-ref",
            "colour-ref",
            "no-address-asked",
            "refund-amount",
            "date-ref",
            "complaint",
            "calm",
        ):
            assert tags[tag] >= 1, (lang, tag)
        stags = Counter(x for c in rows("scenarios") if c["language"] == lang for x in c["tags"])
        for tag in (
            "confirm",
            "decline",
            "blocked",
            "injection",
            "foreign-order",
            "unknown-id",
            "ask-which",
            "last-digits",
            "handoff",
            "out-of-scope",
            "fee-waived",
            "warranty",
        ):
            assert stags[tag] >= 1, (lang, tag)
