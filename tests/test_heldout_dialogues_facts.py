"""The held-out Spokeline dialogues' shape, and that the facts their expectations
name (ids, tracking numbers, carriers) belong to the conversation's shopper.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from tests.pack_format import EXPECT_KEYS, INTENTS
from tests.packs.heldout_dialogues import (
    ID_SHAPES,
    STATUSES,
    _norm,
    _owner_orders,
    _turns,
    load_convs,
    load_store,
)


@pytest.fixture(scope="module")
def convs() -> list[dict]:
    return load_convs()


@pytest.fixture(scope="module")
def store() -> dict:
    return load_store()


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
