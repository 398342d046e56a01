"""The third store's conversation sets: their format, and that every expectation
agrees with the records and the policy (ownership, status rules, return windows,
refund words, unknown ids).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from tests.pack_format import EXPECT_KEYS, INTENTS
from tests.packs.store3_data import (
    ACTION_STATUSES,
    FREE_RETURN_TAGS,
    HYGIENE_SKUS,
    ORDER_SHAPES,
    REFUND_ID,
    REFUND_WORD,
    TRACKING,
    WRITES,
    age,
    all_conversations,
    conversations,
    ids_in,
    index,
    kb_text,
    norm,
    orders_of,
    policy,
    refunds_of,
    region,
)


# ----------------------------------------------------------------------- conversations
def test_conversation_format() -> None:
    cs = index()["customers"]
    ids = [c["id"] for _n, c in all_conversations()]
    assert len(ids) == len(set(ids))
    for name, c in all_conversations():
        dialogue = "dialogues" in name
        assert set(c) == {"id", "language", "customer_id", "channel", "tags", "turns"}, c["id"]
        assert c["customer_id"] in cs and c["language"] == cs[c["customer_id"]]["language"]
        assert c["channel"] in {"web", "wechat"}
        assert 2 <= len(c["turns"]) <= 5 if dialogue else 1 <= len(c["turns"]) <= 5
        for i, t in enumerate(c["turns"]):
            e = t["expect"]
            assert t["text"].strip() and set(e) <= EXPECT_KEYS, c["id"]
            assert e["intent"] in INTENTS, c["id"]
            assert e.get("action") is None or e["action"] in INTENTS, c["id"]
            assert e.get("status") is None or e["status"] in ACTION_STATUSES, c["id"]
            assert set(e["gives"]) <= {"order_id", "address"}, c["id"]
            assert e.get("flagged", True) is True, c["id"]
            if dialogue:
                assert isinstance(e["followup"], bool) and not (i == 0 and e["followup"])
            else:
                assert e.get("followup", True) is True and not (i == 0 and "followup" in e)


@pytest.mark.parametrize(("name", "min_convs", "min_turns"), [
    ("dev_scenarios", 120, 150), ("dev_dialogues", 40, 140),
    ("heldout_scenarios", 80, 100), ("heldout_dialogues", 30, 120),
])
def test_counts_and_language_balance(name: str, min_convs: int, min_turns: int) -> None:
    convs = conversations(name)
    per_lang = Counter()
    for c in convs:
        per_lang[c["language"]] += len(c["turns"])
    total = sum(per_lang.values())
    assert len(convs) >= min_convs and total >= min_turns, (len(convs), total)
    assert 0.57 <= per_lang["zh"] / total <= 0.65, per_lang  # Chinese first, about 60/40


def test_reply_facts_exist() -> None:
    os_, rs = index()["orders"], index()["refunds"]
    trackings = {o["tracking_number"] for o in os_.values() if o["tracking_number"]}
    for _n, c in all_conversations():
        for t in c["turns"]:
            e = t["expect"]
            for fact in e.get("reply_contains", []):
                order_shaped = any(rx.match(fact) for rx in ORDER_SHAPES.values())
                if order_shaped and e.get("status") != "blocked" and "unknown-id" not in c["tags"]:
                    assert fact in os_, (c["id"], fact)
                if any(rx.match(fact) for rx in TRACKING.values()):
                    assert fact in trackings, (c["id"], fact)
                if REFUND_ID.match(fact):
                    assert os_[rs[fact]["order_id"]]["customer_id"] == c["customer_id"], c["id"]


def test_expectations_follow_the_records_and_the_policy() -> None:
    p = policy()
    os_ = index()["orders"]
    allowed = {"cancel_order": set(p["cancellable_statuses"]),
               "change_shipping_address": set(p["address_change_statuses"]),
               "get_refund": set(p["refundable_statuses"])}
    window, quality = p["returns_window_days"], p["returns_window_days_by_reason"]["defective"]
    posting = {t.split()[0] for t in p["refund_posting_days"].values()}
    fee_of = {"CN": "12", "HK": "35", "SG": "6"}
    for _n, c in all_conversations():
        cid, tags = c["customer_id"], set(c["tags"])
        own = {o["id"] for o in orders_of(cid)}
        pending: tuple[str, str] | None = None
        first_refund_ask = True
        for t in c["turns"]:
            e = t["expect"]
            rc, rx = e.get("reply_contains", []), e.get("reply_excludes", [])
            ids = ids_in(rc)
            action, status = e.get("action"), e.get("status")
            victim = [i for i in ids_in(rc + rx) if i not in own] or [
                i for i in os_ if any(s == os_[i]["tracking_number"] for s in rx)]
            if rx and victim and (e.get("flagged") or status == "blocked"):
                o = os_[victim[0]]
                owner = index()["customers"][o["customer_id"]]
                assert o["tracking_number"] in rx and owner["name"] in rx, c["id"]
                assert owner["phone"] in rx and owner["email"] in rx, c["id"]
            if e.get("flagged"):
                assert status is None and "handoff" not in e, c["id"]
                continue
            if status == "blocked" and ids and ids[0] not in own:
                assert "foreign-order" in tags and e.get("handoff") is False, c["id"]
                continue
            if status == "blocked" and not ids:
                assert "unknown-id" in tags, c["id"]
                assert norm(rc[0]) not in {norm(i) for i in os_}, c["id"]
                assert norm(rc[0]) in norm(t["text"]), c["id"]
                continue
            for i in ids:
                if status in ("executed", "needs_confirmation", "blocked") or action:
                    assert i in own, (c["id"], i)
            if action == "track_order" and status == "executed":
                o = os_[ids[0]]
                if o["tracking_number"] and len(rc) > 2:
                    assert rc[1:3] == [o["tracking_number"], o["carrier"]], c["id"]
                assert o["tracking_number"] or o["status"] in ("pending", "paid"), c["id"]
            if action in allowed and status in ("needs_confirmation", "blocked"):
                o = os_[ids[0]]
                ok = o["status"] in allowed[action]
                if action == "get_refund" and ok:
                    a = age(o["delivered_at"])
                    free = bool(tags & FREE_RETURN_TAGS)
                    ok = a <= window or (free and a <= quality)
                    still_open = ("requested", "approved")
                    assert not [r for r in refunds_of(o["id"]) if r["status"] in still_open]
                    if status == "blocked":
                        assert str(quality if free else window) in rc, c["id"]
                    if a > window and ok:
                        assert "quality-window" in tags and rx, c["id"]
                assert ok == (status == "needs_confirmation"), (c["id"], o["status"])
            if action == "get_refund" and status == "needs_confirmation":
                fee = fee_of[region(cid)]
                if tags & FREE_RETURN_TAGS:
                    assert rx and not any(fee in x for x in rc[1:]), c["id"]
                elif "changed-mind" in tags and first_refund_ask:
                    assert fee in rc, c["id"]
                first_refund_ask = False
            if action == "get_refund" and status is None and "open-refund" in tags:
                assert any(r["status"] in ("requested", "approved") for r in refunds_of(ids[0]))
            if "hygiene" in tags and e["intent"] == "get_refund" and status is None and ids:
                assert any(it["product_id"] in HYGIENE_SKUS for it in os_[ids[0]]["items"])
            if action == "track_refund" and status == "executed":
                words = REFUND_WORD[c["language"]]
                rid = next((f for f in rc if REFUND_ID.match(f)), None)
                if rid:
                    found = [index()["refunds"][rid]]
                elif ids:
                    found = refunds_of(ids[0])
                else:
                    found = [r for o in own for r in refunds_of(o)]
                assert len(found) == 1 and words[found[0]["status"]] in rc, c["id"]
            if e["intent"] == "track_refund" and action is None and "status" not in e:
                assert all(f in posting for f in rc), c["id"]  # refund timing: posting days
            if e["intent"] == "get_invoice" and ids:
                o = os_[ids[0]]
                can = (o["status"] in p["invoice_statuses"]
                       and age(o["created_at"]) <= p["invoice_request_days"])
                assert can == ("status" not in e), c["id"]
            # pending writes: confirmed only after a proposal, for the same order
            if status == "needs_confirmation" and action in WRITES:
                pending = (action, ids[0])
            elif status == "executed" and action in WRITES:
                assert pending == (action, ids[0]) and e.get("followup"), c["id"]
                pending = None
            elif status is None and e["intent"] == (pending or ("",))[0]:
                pending = None


def test_policy_answers_are_in_the_knowledge_base() -> None:
    for _n, c in all_conversations():
        kb = kb_text(c["language"])
        for t in c["turns"]:
            e = t["expect"]
            if e.get("action", "x") is None and e.get("status", "x") is None:
                for fact in e.get("reply_contains", []):
                    assert fact in kb, (c["id"], fact)


def test_gives_and_tags_agree_with_the_text_and_orders() -> None:
    os_ = index()["orders"]
    for _n, c in all_conversations():
        n = len(orders_of(c["customer_id"]))
        tags = set(c["tags"])
        assert not ("single" in tags and n != 1), c["id"]
        assert not ("two-orders" in tags and n != 2), c["id"]
        assert not (tags & {"multi", "ask-which", "last-order"} and n < 2), c["id"]
        if "last-order" in tags:
            newest = max(orders_of(c["customer_id"]), key=lambda o: o["created_at"])
            assert newest["id"] in c["turns"][0]["expect"]["reply_contains"], c["id"]
        if "no-id" in tags:
            first = norm(c["turns"][0]["text"])
            assert not re.search(r"\d{10,}|MP20|#4\d{3}", first), c["id"]
            assert not [o for o in orders_of(c["customer_id"]) if o["id"] in first], c["id"]
        if "shared-suffix" in tags:
            mine = ids_in(c["turns"][0]["expect"]["reply_contains"])[0]
            assert any(o["id"] != mine and o["id"].endswith(mine[-4:])
                       and o["customer_id"] != c["customer_id"] for o in os_.values()), c["id"]
        for t in c["turns"]:
            e, text = t["expect"], norm(t["text"])
            named = [i for i in ids_in(e.get("reply_contains", [])) if norm(i) in text]
            if named:
                assert "order_id" in e["gives"], (c["id"], t["text"])
            if "order_id" in e["gives"]:
                assert re.search(r"\d{4}", text), (c["id"], t["text"])


def test_sets_are_independent_and_heldout_is_disjoint() -> None:
    speakers: dict[str, set[str]] = defaultdict(set)
    writers: Counter = Counter()
    written: Counter = Counter()
    mentioned: dict[str, set[str]] = defaultdict(set)
    texts: dict[str, set[str]] = defaultdict(set)
    victims = set()
    os_ = index()["orders"]
    for name, c in all_conversations():
        part = name.split("_")[0]
        speakers[part].add(c["customer_id"])
        writes = set()
        for t in c["turns"]:
            e = t["expect"]
            facts = e.get("reply_contains", []) + e.get("reply_excludes", [])
            mentioned[part].update(ids_in(facts))
            for i in ids_in(facts):
                if os_[i]["customer_id"] != c["customer_id"]:
                    victims.add(os_[i]["customer_id"])
            if e.get("action") in WRITES and e.get("status") in ("needs_confirmation", "executed"):
                writes.update(ids_in(e["reply_contains"]))
            squeezed = re.sub(r"\W", "", t["text"].lower())
            if len(squeezed) >= 6:
                texts[part].add(squeezed)
        if writes:
            assert "write" in c["tags"], c["id"]
            writers[c["customer_id"]] += 1
            written.update(writes)
    everyone = [cid for _n, c in all_conversations() for cid in [c["customer_id"]]]
    for cid in writers:
        assert everyone.count(cid) == 1, f"{cid} writes and speaks elsewhere"
    assert not victims & set().union(*speakers.values()), "a victim speaks"
    for dev in ("dev", "dev2", "dev3", "dev4", "dev5"):
        assert not speakers[dev] & speakers["heldout"]
        assert not mentioned[dev] & mentioned["heldout"]
        same = texts[dev] & texts["heldout"]
        assert not same, sorted(same)[:5]
    assert not speakers["dev"] & speakers["dev2"]
    assert not speakers["dev4"] & (speakers["dev"] | speakers["dev2"] | speakers["dev3"])
    assert not speakers["dev5"] & (speakers["dev"] | speakers["dev2"] | speakers["dev3"]
                                   | speakers["dev4"])


@pytest.mark.parametrize("word", ["是的", "好的", "可以", "确认", "嗯", "算了", "不用了", "先别",
                                  "yes please", "go ahead", "sure", "yep", "nah", "no thanks"])
def test_confirmation_wordings_are_covered(word: str) -> None:
    texts = [t["text"].lower() for _n, c in all_conversations() for t in c["turns"]
             if t["expect"].get("followup")]
    assert any(word in x for x in texts), word
