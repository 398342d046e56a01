"""The shape of the second Spokeline development set (data/foreign/dev2): keys,
customers, sizes, expectation values, and wording not copied from the first set.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from tests.pack_format import EXPECT_KEYS, INTENTS
from tests.packs.foreign_dev2 import (
    ACTIONS,
    KINDS,
    STATUSES,
    customers,
    gives_order,
    load,
    rows,
    turns,
)

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
