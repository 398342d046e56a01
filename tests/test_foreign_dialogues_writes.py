"""The foreign dialogues' writes and injection turns: writes are confirmed, act on
the customer's own orders, and injection turns refuse and leak nothing.
"""

from __future__ import annotations

from collections import Counter

from tests.packs.foreign_dialogues import (
    WRITE_ACTIONS,
    customers,
    dialogues,
    norm,
    orders,
    turns,
    write_conversations,
)

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
