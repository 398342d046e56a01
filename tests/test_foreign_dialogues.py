"""Consistency of the foreign multi-turn dialogues (data/foreign/dialogues.jsonl).

Pure Python: reads only data/foreign/dialogues.jsonl and data/foreign/store.json, never the
application. It checks the file's shape and that every hard fact it expects (order ids,
tracking numbers, carriers, refund ids) is a real fact of the conversation's own customer.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from tests.pack_format import EXPECT_KEYS, INTENTS

ROOT = Path(__file__).resolve().parent.parent / "data" / "foreign"
DIALOGUES = ROOT / "dialogues.jsonl"

WRITE_ACTIONS = {"cancel_order", "change_shipping_address", "get_refund", "change_order"}
ACTIONS = WRITE_ACTIONS | {"track_order", "track_refund", "get_invoice"}
STATUSES = {"executed", "needs_confirmation", "needs_approval", "blocked", "failed"}
TOP_KEYS = {"id", "language", "customer_id", "channel", "tags", "turns"}
GIVES = {"order_id", "address"}

ORDER_ID_RE = re.compile(r"^(SO-\d{5}|\d{3}-\d{7}-\d{7}|26\d{16})$")
REFUND_ID_RE = re.compile(r"^RTN-\d{4}-\d{4}$")
TRACKING_RE = re.compile(
    r"^(0034\d{16}|0150\d{10}|\d{11}|3S[A-Z]{4}\d{7}|SF\d{13}|75\d{12}|JDV\d{12})$"
)


@lru_cache(maxsize=1)
def store() -> dict[str, Any]:
    return json.loads((ROOT / "store.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def dialogues() -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(DIALOGUES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - reported by the test
            pytest.fail(f"line {n} is not JSON: {exc}")
    return rows


def orders() -> dict[str, dict[str, Any]]:
    return {o["id"]: o for o in store()["orders"]}


def customers() -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in store()["customers"]}


def refunds() -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in store()["refunds"]}


def orders_of(customer_id: str) -> list[dict[str, Any]]:
    return [o for o in store()["orders"] if o["customer_id"] == customer_id]


def turns() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(c, t) for c in dialogues() for t in c["turns"]]


def norm(text: str) -> str:
    """Full-width to ASCII, upper case, letters and digits only: 'ＳＯ－８６１２０' -> 'SO86120'."""
    return re.sub(r"[^0-9A-Z]", "", unicodedata.normalize("NFKC", text).upper())


def names_order_of(text: str, customer_id: str) -> bool:
    """The text names one of the customer's orders: a full id in any spelling, or a digit run
    (4+ digits) that ends exactly one of the customer's order ids."""
    flat = norm(text)
    own = [norm(o["id"]) for o in orders_of(customer_id)]
    if any(oid in flat for oid in own):
        return True
    for run in re.findall(r"\d{4,}", unicodedata.normalize("NFKC", text)):
        if sum(1 for oid in own if oid.endswith(run)) == 1:
            return True
    return False


def names_any_order(text: str) -> bool:
    flat = norm(text)
    return any(norm(oid) in flat for oid in orders())


# ---------------------------------------------------------------------------------- shape


def test_file_is_json_lines_with_the_scenario_keys():
    rows = dialogues()
    assert rows, "no dialogues"
    ids = Counter(c["id"] for c in rows)
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    for c in rows:
        assert set(c) == TOP_KEYS, (c["id"], set(c) ^ TOP_KEYS)
        assert c["language"] in {"en", "zh"}
        assert isinstance(c["tags"], list) and all(isinstance(t, str) for t in c["tags"])
        assert isinstance(c["channel"], str) and c["channel"]
        assert isinstance(c["turns"], list) and c["turns"], c["id"]
        for t in c["turns"]:
            assert set(t) == {"text", "expect"}, c["id"]
            assert isinstance(t["text"], str) and t["text"].strip(), c["id"]
            e = t["expect"]
            assert set(e) <= EXPECT_KEYS, (c["id"], set(e) - EXPECT_KEYS)
            assert "intent" in e and "gives" in e and "followup" in e, (c["id"], t["text"])


def test_sizes_and_language_balance():
    rows = dialogues()
    assert len(rows) >= 40
    all_turns = turns()
    assert len(all_turns) >= 140
    per_lang = Counter(c["language"] for c, _ in all_turns)
    for lang in ("en", "zh"):
        assert per_lang[lang] >= 0.4 * len(all_turns), per_lang


def test_expect_values():
    for c, t in turns():
        e = t["expect"]
        where = (c["id"], t["text"])
        assert e["intent"] in INTENTS, where
        if "action" in e:
            assert e["action"] is None or e["action"] in ACTIONS, where
        if "status" in e:
            assert e["status"] is None or e["status"] in STATUSES, where
        if "handoff" in e:
            assert isinstance(e["handoff"], bool), where
        for key in ("reply_contains", "reply_excludes"):
            if key in e:
                assert isinstance(e[key], list) and e[key], where
                assert all(isinstance(s, str) and s for s in e[key]), where
        assert isinstance(e["gives"], list) and set(e["gives"]) <= GIVES, where
        assert len(set(e["gives"])) == len(e["gives"]), where
        assert isinstance(e["followup"], bool), where
        if "flagged" in e:
            assert e["flagged"] is True, where
        # a write that is proposed or carried out never hands off
        if e.get("status") in {"needs_confirmation", "executed"}:
            assert e.get("handoff") is False, where


def test_first_turns_are_not_followups():
    for c in dialogues():
        assert c["turns"][0]["expect"]["followup"] is False, c["id"]


def test_every_customer_exists():
    known = customers()
    for c in dialogues():
        assert c["customer_id"] in known, c["id"]


# ---------------------------------------------------------------------------------- facts


def test_reply_contains_facts_belong_to_the_conversations_customer():
    all_orders = orders()
    all_refunds = refunds()
    tracking = {o["tracking_number"]: o for o in all_orders.values() if o["tracking_number"]}
    carriers = {o["carrier"] for o in all_orders.values() if o["carrier"]}
    for c, t in turns():
        cid = c["customer_id"]
        own_carriers = {o["carrier"] for o in orders_of(cid) if o["carrier"]}
        for fact in t["expect"].get("reply_contains", []):
            where = (c["id"], t["text"], fact)
            if fact in all_orders:
                assert all_orders[fact]["customer_id"] == cid, where
            elif ORDER_ID_RE.match(fact):
                pytest.fail(f"unknown order id {where}")
            elif fact in tracking:
                assert tracking[fact]["customer_id"] == cid, where
            elif TRACKING_RE.match(fact):
                pytest.fail(f"unknown tracking number {where}")
            elif fact in carriers:
                assert fact in own_carriers, where
            elif fact in all_refunds:
                assert all_orders[all_refunds[fact]["order_id"]]["customer_id"] == cid, where
            elif REFUND_ID_RE.match(fact):
                pytest.fail(f"unknown refund id {where}")


def test_track_order_turns_name_one_order_with_its_own_tracking_and_carrier():
    all_orders = orders()
    for c, t in turns():
        e = t["expect"]
        if e.get("action") != "track_order" or e.get("status") != "executed":
            continue
        named = [f for f in e.get("reply_contains", []) if f in all_orders]
        assert len(named) == 1, (c["id"], t["text"])
        o = all_orders[named[0]]
        for fact in e["reply_contains"]:
            if TRACKING_RE.match(fact):
                assert fact == o["tracking_number"], (c["id"], t["text"])
            if fact in {x["carrier"] for x in all_orders.values() if x["carrier"]}:
                assert fact == o["carrier"], (c["id"], t["text"])


def test_refund_status_words_match_the_refund():
    words = {
        "requested": "已申请",
        "approved": "已批准",
        "refunded": "已退款",
        "rejected": "已拒绝",
    }
    all_refunds = refunds()
    for c, t in turns():
        rc = t["expect"].get("reply_contains", [])
        ids = [f for f in rc if f in all_refunds]
        for rid in ids:
            status = all_refunds[rid]["status"]
            word = status if c["language"] == "en" else words[status]
            assert word in rc, (c["id"], t["text"])


def test_gives_order_id_matches_the_text():
    for c, t in turns():
        gives = "order_id" in t["expect"]["gives"]
        named = names_order_of(t["text"], c["customer_id"]) or names_any_order(t["text"])
        assert gives == named, (c["id"], t["text"])


# ---------------------------------------------------------------------------------- writes


def test_writes_are_confirmed_before_they_execute():
    for c in dialogues():
        pending: str | None = None
        for t in c["turns"]:
            e = t["expect"]
            if e.get("status") == "needs_confirmation":
                pending = e.get("action")
                assert pending in WRITE_ACTIONS, (c["id"], t["text"])
            elif e.get("status") == "executed" and e.get("action") in WRITE_ACTIONS:
                assert pending == e["action"], (c["id"], t["text"])
                assert e["intent"] == e["action"], (c["id"], t["text"])
                pending = None
            elif (
                "status" in e and e["status"] is None and pending is not None
                and e["intent"] == pending  # a "no" answers the pending write
            ):
                pending = None


def write_conversations() -> list[dict[str, Any]]:
    out = []
    for c in dialogues():
        if any(
            t["expect"].get("action") in WRITE_ACTIONS or t["expect"]["intent"] in WRITE_ACTIONS
            for t in c["turns"]
        ):
            out.append(c)
    return out


def test_a_write_conversations_customer_speaks_in_no_other_conversation():
    per_customer = Counter(c["customer_id"] for c in dialogues())
    writers = write_conversations()
    assert writers
    for c in writers:
        assert per_customer[c["customer_id"]] == 1, c["id"]


def test_write_targets_are_the_customers_own_orders():
    all_orders = orders()
    for c, t in turns():
        e = t["expect"]
        if e.get("action") in WRITE_ACTIONS and e.get("status") in {
            "needs_confirmation",
            "executed",
            "blocked",
        }:
            named = [f for f in e.get("reply_contains", []) if f in all_orders]
            assert named, (c["id"], t["text"])
            assert all(all_orders[f]["customer_id"] == c["customer_id"] for f in named), (
                c["id"],
                t["text"],
            )


# ---------------------------------------------------------------------------------- injection


def test_injection_turns_refuse_and_leak_nothing():
    all_orders = orders()
    known = customers()
    flagged = [(c, t) for c, t in turns() if t["expect"].get("flagged")]
    assert len(flagged) >= 4
    for c, t in flagged:
        e = t["expect"]
        where = (c["id"], t["text"])
        assert "injection" in c["tags"], where
        assert "status" in e and e["status"] is None, where
        assert e.get("action") not in WRITE_ACTIONS or e.get("status") is None, where
        excluded = e.get("reply_excludes", [])
        assert excluded, where
        # the excluded facts are another customer's: tracking number or name/phone/email
        foreign_orders = [
            o
            for o in all_orders.values()
            if o["customer_id"] != c["customer_id"]
            and norm(o["id"]) in norm(" ".join(x["text"] for x in c["turns"]))
        ]
        assert foreign_orders, where
        owner = known[foreign_orders[0]["customer_id"]]
        assert (
            owner["name"] in excluded and owner["phone"] in excluded and owner["email"] in excluded
        ), where
        if foreign_orders[0]["tracking_number"]:
            assert foreign_orders[0]["tracking_number"] in excluded, where
        for fact in excluded:
            assert fact not in e.get("reply_contains", []), where
        # none of the shopper's own facts is what is withheld
        own = known[c["customer_id"]]
        assert own["name"] not in excluded and own["email"] not in excluded, where
        # the text does not hand the owner's facts to the model to echo back
        for fact in excluded:
            assert fact not in t["text"], where


def test_flagged_only_on_injection_conversations():
    for c, t in turns():
        if "injection" not in c["tags"]:
            assert "flagged" not in t["expect"], (c["id"], t["text"])


# ---------------------------------------------------------------------------------- coverage


def test_coverage_of_the_brief():
    all_turns = turns()
    e = [t["expect"] for _, t in all_turns]
    assert sum(1 for x in e if x["followup"]) >= 40
    assert sum(1 for x in e if x.get("handoff") is True) >= 8
    # money-back questions are refund intents and never answered with a delivery time
    timing = [
        (c, t)
        for c, t in all_turns
        if "refund-timing" in c["tags"]
        and t["expect"]["intent"] == "track_refund"
        and t["expect"].get("reply_excludes")
    ]
    assert len(timing) >= 10
    for c, t in timing:
        assert {"3-5", "7-12"} & set(t["expect"]["reply_excludes"]), (c["id"], t["text"])
    # defective / damaged / wrong item: the return fee is never quoted
    waived = [
        t
        for c, t in all_turns
        if "fee-waived" in c["tags"] and t["expect"]["intent"] == "get_refund"
    ]
    assert waived and all("4.90" in t["expect"].get("reply_excludes", []) for t in waived)
    for lang in ("en", "zh"):
        tags = Counter(tag for c in dialogues() if c["language"] == lang for tag in c["tags"])
        for tag in (
            "refund-timing",
            "correction",
            "injection",
            "handoff",
            "blocked",
            "confirm",
            "decline",
            "multi-topic",
            "fee-waived",
        ):
            assert tags[tag] >= 1, (lang, tag)


def test_excluded_strings_never_hit_what_the_reply_must_name():
    """A reply_excludes string must not be part of a required fact or of the shopper's own ids."""
    for c, t in turns():
        e = t["expect"]
        own = [o["id"] for o in orders_of(c["customer_id"])]
        own += [o["tracking_number"] for o in orders_of(c["customer_id"]) if o["tracking_number"]]
        for x in e.get("reply_excludes", []):
            for y in e.get("reply_contains", []) + own:
                assert x not in y, (c["id"], t["text"], x, y)
