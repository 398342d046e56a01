"""Checks of the held-out Spokeline dialogues (data/foreign/heldout/dialogues.jsonl).

Pure Python: reads only the JSON files (the dialogues and the foreign store), imports
nothing of the service. It checks the set's shape and that every hard fact an expectation
relies on is true of the store: ids, tracking numbers and carriers belong to the
conversation's shopper, writes are allowed (or refused) by the store's policy, and
customers whose orders change speak in one conversation only.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import pytest

from tests.pack_format import EXPECT_KEYS, INTENTS

ROOT = Path(__file__).resolve().parents[1]
FOREIGN = ROOT / "data" / "foreign"
DIALOGUES = FOREIGN / "heldout" / "dialogues.jsonl"
STORE = FOREIGN / "store.json"
POLICY = FOREIGN / "policy.json"

STATUSES = {"executed", "needs_confirmation", "needs_approval", "blocked", "failed", None}
WRITE_ACTIONS = {"cancel_order", "change_shipping_address", "get_refund", "change_order"}
ID_SHAPES = re.compile(r"^(SO-\d{5}|\d{3}-\d{7}-\d{7}|26\d{16}|RTN-\d{4}-\d{4})$")
OPEN_REFUND = {"requested", "approved"}


def _load_jsonl(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            assert line.strip(), f"line {n} is empty"
            rows.append(json.loads(line))
    return rows


@pytest.fixture(scope="module")
def convs() -> list[dict]:
    return _load_jsonl(DIALOGUES)


@pytest.fixture(scope="module")
def store() -> dict:
    data = json.loads(STORE.read_text(encoding="utf-8"))
    data["_orders"] = {o["id"]: o for o in data["orders"]}
    data["_customers"] = {c["id"]: c for c in data["customers"]}
    data["_tracking"] = {
        o["tracking_number"]: o for o in data["orders"] if o.get("tracking_number")
    }
    data["_refunds"] = {r["id"]: r for r in data["refunds"]}
    by_order = defaultdict(list)
    for r in data["refunds"]:
        by_order[r["order_id"]].append(r)
    data["_refunds_by_order"] = by_order
    data["_carriers"] = {o["carrier"] for o in data["orders"] if o.get("carrier")}
    data["_ref"] = _ts(data["reference_date"])
    return data


@pytest.fixture(scope="module")
def policy() -> dict:
    return json.loads(POLICY.read_text(encoding="utf-8"))


def _ts(s: str) -> datetime:
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def _turns(convs):
    for c in convs:
        for i, t in enumerate(c["turns"]):
            yield c, i, t


def _norm(text: str) -> str:
    return (
        unicodedata.normalize("NFKC", text)
        .lower()
        .replace(" ", "")
        .replace("-", "")
        .replace("#", "")
    )


def _owner_orders(store, customer_id):
    return [o for o in store["orders"] if o["customer_id"] == customer_id]


def _ids_in(turn_expect: dict, store) -> list[dict]:
    """The store orders an expectation's reply_contains names (by id, tracking or refund id)."""
    out = []
    for s in turn_expect.get("reply_contains", []):
        if s in store["_orders"]:
            out.append(store["_orders"][s])
        elif s in store["_tracking"]:
            out.append(store["_tracking"][s])
        elif s in store["_refunds"]:
            out.append(store["_orders"][store["_refunds"][s]["order_id"]])
    return out


def _age_days(store, order) -> float | None:
    if not order.get("delivered_at"):
        return None
    return (store["_ref"] - _ts(order["delivered_at"])).total_seconds() / 86400


def _writing_customers(convs) -> dict[str, list[str]]:
    who = defaultdict(list)
    for c in convs:
        if any(
            t["expect"].get("action") in WRITE_ACTIONS
            and t["expect"].get("status") in ("needs_confirmation", "executed")
            for t in c["turns"]
        ):
            who[c["customer_id"]].append(c["id"])
    return who


# ------------------------------------------------------------------ shape


def test_lines_are_valid(convs):
    ids = [c["id"] for c in convs]
    assert len(ids) == len(set(ids)), "duplicate conversation ids"
    for c in convs:
        assert set(c) >= {"id", "language", "customer_id", "channel", "tags", "turns"}, c["id"]
        assert c["id"].startswith("hd-"), c["id"]
        assert c["language"] in ("en", "zh"), c["id"]
        assert isinstance(c["channel"], str) and c["channel"], c["id"]
        assert isinstance(c["tags"], list) and all(isinstance(x, str) and x for x in c["tags"]), c[
            "id"
        ]
        assert isinstance(c["turns"], list) and len(c["turns"]) >= 2, f"{c['id']}: not multi-turn"
        for i, t in enumerate(c["turns"]):
            where = f"{c['id']} turn {i}"
            assert set(t) == {"text", "expect"}, where
            assert isinstance(t["text"], str) and t["text"].strip(), where
            e = t["expect"]
            assert set(e) <= EXPECT_KEYS, f"{where}: unknown keys {set(e) - EXPECT_KEYS}"
            assert "intent" in e and "gives" in e, where
            assert isinstance(e["gives"], list) and set(e["gives"]) <= {"order_id", "address"}, (
                where
            )
            assert len(e["gives"]) == len(set(e["gives"])), where
            if "followup" in e:
                assert e["followup"] is True, f"{where}: followup is present only when true"
            if "flagged" in e:
                assert e["flagged"] is True, f"{where}: flagged is present only when true"
            if "status" in e:
                assert e["status"] in STATUSES, where
            if "action" in e:
                assert e["action"] is None or isinstance(e["action"], str), where
            if "handoff" in e:
                assert isinstance(e["handoff"], bool), where
            for k in ("reply_contains", "reply_excludes"):
                if k in e:
                    assert isinstance(e[k], list) and e[k], where
                    assert all(isinstance(s, str) and s.strip() for s in e[k]), where
            overlap = {s.lower() for s in e.get("reply_contains", [])} & {
                s.lower() for s in e.get("reply_excludes", [])
            }
            assert not overlap, f"{where}: {overlap} both required and excluded"
        assert "followup" not in c["turns"][0]["expect"], (
            f"{c['id']}: the first turn cannot be a follow-up"
        )


def test_sizes_and_languages(convs):
    assert len(convs) >= 45
    turns = Counter()
    for c in convs:
        turns[c["language"]] += len(c["turns"])
    total = sum(turns.values())
    assert total >= 150
    for lang in ("en", "zh"):
        assert turns[lang] / total >= 0.40, f"{lang}: {turns[lang]} of {total} turns"


def test_intents_are_design_names(convs):
    for c, i, t in _turns(convs):
        assert t["expect"]["intent"] in INTENTS, f"{c['id']} turn {i}: {t['expect']['intent']}"
        action = t["expect"].get("action")
        if action is not None:
            assert action in INTENTS, f"{c['id']} turn {i}: action {action}"


def test_customers_exist(convs, store):
    for c in convs:
        assert c["customer_id"] in store["_customers"], c["id"]


def test_coverage(convs):
    exp = [t["expect"] for _, _, t in _turns(convs)]
    assert sum(1 for e in exp if e.get("followup")) >= 40
    assert sum(1 for e in exp if e.get("handoff") is True) >= 8
    assert sum(1 for e in exp if e.get("flagged")) >= 4
    for lang in ("en", "zh"):
        lang_exp = [t["expect"] for c, _, t in _turns(convs) if c["language"] == lang]
        for status in ("needs_confirmation", "executed", "blocked"):
            assert any(e.get("status") == status for e in lang_exp), (lang, status)
        assert any(e.get("flagged") for e in lang_exp), lang
        assert any(e.get("handoff") is True for e in lang_exp), lang
        assert any(e["intent"] == "track_refund" and e.get("followup") for e in lang_exp), lang


# ------------------------------------------------------------------ facts


def test_reply_facts_belong_to_the_customer(convs, store):
    for c, i, t in _turns(convs):
        where = f"{c['id']} turn {i}"
        e = t["expect"]
        mine = {o["id"] for o in _owner_orders(store, c["customer_id"])}
        excludes = set(e.get("reply_excludes", []))
        named = []
        for s in e.get("reply_contains", []):
            order = None
            if s in store["_orders"]:
                order = store["_orders"][s]
            elif s in store["_tracking"]:
                order = store["_tracking"][s]
            elif s in store["_refunds"]:
                order = store["_orders"][store["_refunds"][s]["order_id"]]
            elif ID_SHAPES.match(s):
                # an id that does not exist: only as the refusal of an unknown number
                assert "unknown-id" in c["tags"], f"{where}: {s} is not in the store"
                assert e.get("status") == "blocked" or e.get("handoff") is True, where
                continue
            if order is None:
                continue
            if order["id"] in mine:
                named.append(order)
                continue
            # another customer's order: only on a flagged turn that keeps its facts out
            owner = store["_customers"][order["customer_id"]]
            assert e.get("flagged"), (
                f"{where}: {s} belongs to {owner['id']}, not {c['customer_id']}"
            )
            assert s == order["id"], f"{where}: only the foreign id itself may be required"
            must_exclude = {owner["name"], owner["phone"], owner["email"]}
            if order.get("tracking_number"):
                must_exclude.add(order["tracking_number"])
            assert must_exclude <= excludes, f"{where}: {must_exclude - excludes} not excluded"
        carriers = [s for s in e.get("reply_contains", []) if s in store["_carriers"]]
        my_carriers = {
            store["_orders"][o]["carrier"] for o in mine if store["_orders"][o].get("carrier")
        }
        for carrier in carriers:
            assert carrier in my_carriers, (
                f"{where}: {carrier} carries none of the shopper's orders"
            )
            tracked = [
                o
                for o in named
                if o.get("tracking_number") and o["tracking_number"] in e.get("reply_contains", [])
            ]
            for o in tracked:
                assert o["carrier"] == carrier, f"{where}: {o['id']} goes with {o['carrier']}"


def test_excluded_facts_are_not_the_customers_own(convs, store):
    """reply_excludes on flagged turns hold another customer's data, never the shopper's own."""
    for c, i, t in _turns(convs):
        e = t["expect"]
        if not e.get("flagged"):
            continue
        where = f"{c['id']} turn {i}"
        assert e.get("status", "unset") is None, f"{where}: nothing may execute on an injection"
        assert e.get("reply_excludes"), where
        me = store["_customers"][c["customer_id"]]
        mine = _owner_orders(store, c["customer_id"])
        own = {me["name"], me["phone"], me["email"]} | {o.get("tracking_number") for o in mine}
        for s in e["reply_excludes"]:
            assert s not in own, f"{where}: {s} is the shopper's own"
            hits = [
                o
                for o in store["orders"]
                if s in (o["id"], o.get("tracking_number")) or s in o["shipping_address"]
            ]
            people = [
                cu for cu in store["customers"] if s in (cu["name"], cu["phone"], cu["email"])
            ]
            assert hits or people, f"{where}: {s} is not a fact of the store"


def test_gives_order_id_matches_the_text(convs, store):
    for c, i, t in _turns(convs):
        where = f"{c['id']} turn {i}"
        text = _norm(t["text"])
        gives = t["expect"]["gives"]
        full = [o["id"] for o in _owner_orders(store, c["customer_id"]) if _norm(o["id"]) in text]
        if full:
            assert "order_id" in gives, f"{where}: the message names {full}"
        if "order_id" in gives:
            assert re.search(
                r"\d{4,}", unicodedata.normalize("NFKC", t["text"]).replace(" ", "")
            ), where


# ------------------------------------------------------------------ policy


def _write_orders(store, c, e):
    mine = {o["id"] for o in _owner_orders(store, c["customer_id"])}
    return [o for o in _ids_in(e, store) if o["id"] in mine]


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
