"""The Maowu store pack's dialogues agree with its records and policy: counts and
languages, facts that belong to the customer, writes allowed or blocked as the policy
says, confirmations before executions, the brief covered.
"""

from __future__ import annotations

import json
import re

from tests.store4_pack import (
    CUSTOMERS,
    DIALOGUES,
    FOREIGN,
    ORDER_RX,
    ORDERS,
    REFUND_RX,
    REFUNDS,
    STORE3,
    TRACKING_RX,
    ids_in_text,
    norm_id,
    turns,
)


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
    # a stock reply ("yep that's right") may well occur in another set: not copied
    long_enough = [x for x in texts if len(x) > 20]
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
