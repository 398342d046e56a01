"""The shape of the third Spokeline development round (data/foreign/dev3/dialogues.jsonl):
keys, customers, sizes, expectation values, intents, and wording copied from no earlier
set (the dev set, dev2 and, checked only programmatically, the held-out files).
"""

from __future__ import annotations

from collections import Counter

from tests.pack_format import EXPECT_KEYS, INTENTS
from tests.packs.foreign_dev2 import ACTIONS, STATUSES, customers, gives_order, load
from tests.packs.foreign_dev3 import (
    EARLIER,
    dev2_intents,
    grams,
    heldout_texts,
    norm,
    rows,
    turns,
)


def test_shape_keys_and_customers():
    data = rows()
    assert len({c["id"] for c in data}) == len(data), "duplicate ids"
    dev2_ids = {c["id"] for k in ("dialogues", "scenarios") for c in load(f"dev2/{k}.jsonl")}
    for c in data:
        assert c["id"].startswith("s3-") and c["id"] not in dev2_ids, c["id"]
        assert set(c) == {"id", "language", "customer_id", "channel", "tags", "turns"}, c["id"]
        assert c["customer_id"] in customers(), c["id"]
        assert customers()[c["customer_id"]]["language"] == c["language"], c["id"]
        assert c["tags"] and all(isinstance(x, str) for x in c["tags"]), c["id"]
        assert 2 <= len(c["turns"]) <= 5, c["id"]
        assert c["turns"][0]["expect"]["followup"] is False, c["id"]
        for t in c["turns"]:
            e = t["expect"]
            assert set(t) == {"text", "expect"} and t["text"].strip(), c["id"]
            assert set(e) <= EXPECT_KEYS and "intent" in e and "gives" in e, (c["id"], t["text"])
            assert isinstance(e.get("followup"), bool), (c["id"], t["text"])


def test_sizes_and_language_balance():
    data = rows()
    assert len(data) == 24 and sum(len(c["turns"]) for c in data) >= 70
    per_conv = Counter(c["language"] for c in data)
    per_turn = Counter(c["language"] for c, _, _ in turns())
    assert per_conv["en"] == per_conv["zh"], per_conv
    assert min(per_turn.values()) >= 0.45 * sum(per_turn.values()), per_turn


def test_expect_values():
    allowed = dev2_intents()
    for c, _, t in turns():
        e, where = t["expect"], (c["id"], t["text"])
        assert e["intent"] in INTENTS and e["intent"] in allowed, where
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
        if e.get("handoff") is True:  # complaints, people, off-topic twice, 3rd unknown id
            assert e["intent"] in {"complaint", "contact_human_agent", "other", "track_order"}, (
                where
            )
        for x in e.get("reply_excludes", []):
            for y in e.get("reply_contains", []):
                assert x not in y, (where, x, y)


def test_gives_matches_the_text():
    for c, _, t in turns():
        assert ("order_id" in t["expect"]["gives"]) == gives_order(c, t), (c["id"], t["text"])


def test_no_message_copied_from_the_dev_set_or_dev2():
    old = [t["text"] for n in EARLIER for c in load(n) for t in c["turns"]]
    old_exact = {norm(s) for s in old}
    old_grams = set().union(*(grams(s) for s in old))
    seen = set()
    for c, _, t in turns():
        n = norm(t["text"])
        assert n not in old_exact, (c["id"], t["text"])
        assert n not in seen, (c["id"], t["text"])  # and none repeated within dev3
        seen.add(n)
        shared = grams(t["text"]) & old_grams
        assert not shared, (c["id"], t["text"], shared)


def test_no_message_shared_with_the_heldout_sets():
    """Asserted programmatically: the held-out messages are never printed."""
    held = heldout_texts()
    assert held, "held-out files not found or empty"
    held_exact = {norm(s) for s in held}
    held_grams = set().union(*(grams(s) for s in held))
    bad = [
        c["id"]
        for c, _, t in turns()
        if norm(t["text"]) in held_exact or grams(t["text"]) & held_grams
    ]
    assert not bad, f"dev3 conversations sharing wording with a held-out file: {bad}"
