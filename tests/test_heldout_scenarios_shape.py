"""The held-out Spokeline scenarios' shape: valid lines, sizes, languages,
customers, intent names and address styles.
"""

import re
import unicodedata
from collections import Counter

import pytest

from tests.pack_format import EXPECT_KEYS, INTENTS
from tests.packs.heldout_scenarios import CJK, CUSTOMERS, SCEN, STATUSES, _scenarios


def test_lines_are_valid_scenarios():
    seen = set()
    for n, s in _scenarios():
        where = f"line {n}"
        assert set(s) == {"id", "language", "customer_id", "channel", "tags", "turns"}, where
        assert isinstance(s["id"], str) and s["id"].startswith("hs-"), where
        assert s["id"] not in seen, f"duplicate id {s['id']}"
        seen.add(s["id"])
        assert s["language"] in ("en", "zh"), where
        assert isinstance(s["channel"], str) and s["channel"], where
        assert (
            isinstance(s["tags"], list) and s["tags"] and all(isinstance(x, str) for x in s["tags"])
        ), where
        assert 1 <= len(s["turns"]) <= 5, where
        for i, t in enumerate(s["turns"]):
            w = f"{s['id']} turn {i}"
            assert set(t) == {"text", "expect"}, w
            assert isinstance(t["text"], str) and t["text"].strip(), w
            e = t["expect"]
            assert "intent" in e and "gives" in e, w
            assert set(e) <= EXPECT_KEYS, (w, set(e) - EXPECT_KEYS)
            assert isinstance(e["gives"], list) and set(e["gives"]) <= {"order_id", "address"}, w
            assert len(set(e["gives"])) == len(e["gives"]), w
            if "followup" in e:
                assert e["followup"] is True, w
            if "flagged" in e:
                assert e["flagged"] is True, w
            if "status" in e:
                assert e["status"] in STATUSES, w
            if "handoff" in e:
                assert isinstance(e["handoff"], bool), w
            if "action" in e:
                assert e["action"] is None or isinstance(e["action"], str), w
            for k in ("reply_contains", "reply_excludes"):
                if k in e:
                    assert isinstance(e[k], list) and e[k], w
                    assert all(isinstance(x, str) and x.strip() for x in e[k]), w
            # what must appear and what must not never collide
            low_in = {x.lower() for x in e.get("reply_contains", [])}
            for x in e.get("reply_excludes", []):
                assert not any(x.lower() in y or y in x.lower() for y in low_in), (w, x)
        assert "followup" not in s["turns"][0]["expect"], f"{s['id']}: first turn is a follow-up"


def test_sizes_and_language_balance():
    turns = Counter()
    scen = Counter(s["language"] for s in SCEN)
    for s in SCEN:
        turns[s["language"]] += len(s["turns"])
    assert len(SCEN) >= 100
    assert sum(turns.values()) >= 160
    for lang in ("en", "zh"):
        assert scen[lang] >= 0.4 * len(SCEN), lang
        assert turns[lang] >= 0.4 * sum(turns.values()), lang


def test_text_language_matches():
    for s in SCEN:
        for t in s["turns"]:
            has_cjk = bool(CJK.search(t["text"]))
            if s["language"] == "en":
                assert not has_cjk, (s["id"], t["text"])
        if s["language"] == "zh":
            assert any(
                CJK.search(t["text"])
                or re.search(r"\d{6,}", unicodedata.normalize("NFKC", t["text"]))
                for t in s["turns"]
            ), s["id"]


def test_customers_exist_and_speak_their_language():
    for s in SCEN:
        assert s["customer_id"] in CUSTOMERS, s["id"]
        assert CUSTOMERS[s["customer_id"]]["language"] == s["language"], s["id"]


def test_intents_are_design_names():
    for s in SCEN:
        for t in s["turns"]:
            assert t["expect"]["intent"] in INTENTS, (s["id"], t["expect"]["intent"])
            a = t["expect"].get("action")
            if isinstance(a, str):
                assert a in INTENTS, (s["id"], a)


@pytest.mark.parametrize(
    "tag",
    [
        "address-nl",
        "address-be",
        "address-fr",
        "address-de",
        "address-pt",
        "address-es",
        "address-cn",
    ],
)
def test_address_styles_covered(tag):
    assert any(tag in s["tags"] for s in SCEN), tag
