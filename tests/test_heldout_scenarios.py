"""Checks of the held-out Spokeline scenarios (data/foreign/heldout/scenarios.jsonl).

Pure Python, JSON files only: the scenarios against store.json and policy.json. Nothing of
Kefu is imported or run here; these tests only say that the expectations are consistent
with the store's data and policy.
"""

import datetime as dt
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from tests.pack_format import EXPECT_KEYS, INTENTS

ROOT = Path(__file__).resolve().parents[1]
FOREIGN = ROOT / "data" / "foreign"
SCENARIOS = FOREIGN / "heldout" / "scenarios.jsonl"

WRITE_INTENTS = {"cancel_order", "change_shipping_address", "get_refund"}
STATUSES = {"executed", "needs_confirmation", "needs_approval", "blocked", "failed", None}
REFUND_WORDS = {
    "requested": ("requested", "已申请"),
    "approved": ("approved", "已批准"),
    "refunded": ("refunded", "已退款"),
    "rejected": ("rejected", "已拒绝"),
}
ID_SHAPES = [
    re.compile(r"^#?so[-\s]?\d{5}$", re.I),
    re.compile(r"^\d{3}-\d{7}-\d{7}$"),
    re.compile(r"^\d{18}$"),
]
RTN_SHAPE = re.compile(r"^RTN-\d{4}-\d{4}$")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _load_json(path):
    return json.loads(path.read_text(encoding="utf-8"))


STORE = _load_json(FOREIGN / "store.json")
POLICY = _load_json(FOREIGN / "policy.json")
REF = dt.datetime.fromisoformat(STORE["reference_date"].replace("Z", "+00:00"))
CUSTOMERS = {c["id"]: c for c in STORE["customers"]}
ORDERS = {o["id"]: o for o in STORE["orders"]}
ORDERS_OF = defaultdict(list)
for _o in STORE["orders"]:
    ORDERS_OF[_o["customer_id"]].append(_o)
REFUNDS_OF_ORDER = defaultdict(list)
for _r in STORE["refunds"]:
    REFUNDS_OF_ORDER[_r["order_id"]].append(_r)
REFUNDS = {r["id"]: r for r in STORE["refunds"]}
TRACKING = {o["tracking_number"]: o for o in STORE["orders"] if o.get("tracking_number")}
CARRIERS = {o["carrier"] for o in STORE["orders"] if o.get("carrier")}
WINDOW = POLICY["returns_window_days"]
FEE = f"{POLICY['return_shipping_fee']:.2f}"


def _scenarios():
    out = []
    for n, line in enumerate(SCENARIOS.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            out.append((n, json.loads(line)))
    return out


SCEN = [s for _, s in _scenarios()]


def _norm(text):
    return re.sub(r"[\s\-#]", "", unicodedata.normalize("NFKC", text)).upper()


def _days_since_delivery(order):
    d = dt.datetime.fromisoformat(order["delivered_at"].replace("Z", "+00:00"))
    return (REF - d).total_seconds() / 86400


def _own_order_ids(scen, turn):
    """Stored order ids of the scenario's customer named in the turn's reply_contains."""
    mine = {o["id"] for o in ORDERS_OF[scen["customer_id"]]}
    return [x for x in turn["expect"].get("reply_contains", []) if x in mine]


def _is_writing(scen):
    return any(t["expect"]["intent"] in WRITE_INTENTS for t in scen["turns"])


def _runs_write(scen):
    return any(
        t["expect"]["intent"] in WRITE_INTENTS
        and t["expect"].get("status") in ("needs_confirmation", "executed")
        for t in scen["turns"]
    )


def _orders_named(scen):
    """Every stored order a scenario names: in its texts (any spelling) or in its expectations."""
    named = set()
    for t in scen["turns"]:
        for x in t["expect"].get("reply_contains", []) + t["expect"].get("reply_excludes", []):
            if x in ORDERS:
                named.add(x)
            if x in TRACKING:
                named.add(TRACKING[x]["id"])
        nt = _norm(t["text"])
        for oid in ORDERS:
            if _norm(oid) in nt:
                named.add(oid)
    return named


# ------------------------------------------------------------------------------------------


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


def test_reply_contains_facts_belong_to_the_customer():
    for s in SCEN:
        mine = {o["id"]: o for o in ORDERS_OF[s["customer_id"]]}
        for i, t in enumerate(s["turns"]):
            e = t["expect"]
            w = f"{s['id']} turn {i}"
            refusal = e.get("status") == "blocked" or (
                e.get("flagged") and e.get("status", "x") is None
            )
            contains = e.get("reply_contains", [])
            trackings = [x for x in contains if x in TRACKING]
            for x in contains:
                if x in ORDERS:
                    if x not in mine:
                        # another customer's order: only as the shopper wrote it, in a refusal
                        assert refusal and x.lower() in t["text"].lower(), (w, x)
                elif any(p.match(x) for p in ID_SHAPES):
                    # an id that does not exist: as written, in a refusal
                    assert refusal and x.lower() in t["text"].lower(), (w, x)
                elif RTN_SHAPE.match(x):
                    assert x in REFUNDS and REFUNDS[x]["order_id"] in mine, (w, x)
                elif x in TRACKING:
                    assert TRACKING[x]["customer_id"] == s["customer_id"], (w, x)
                elif x in CARRIERS:
                    own_carriers = {o["carrier"] for o in mine.values() if o.get("carrier")}
                    assert x in own_carriers, (w, x)
                    for tn in trackings:
                        assert TRACKING[tn]["carrier"] == x, (w, x, tn)
                elif re.fullmatch(r"[A-Z0-9]{11,}", x):
                    raise AssertionError(
                        f"{w}: {x} looks like a tracking number the store does not have"
                    )
            # a tracking number always comes with its own order id
            for tn in trackings:
                assert TRACKING[tn]["id"] in contains, (w, tn)


def test_reply_excludes_hold_other_peoples_data():
    for s in SCEN:
        cust = CUSTOMERS[s["customer_id"]]
        own_tracking = {o.get("tracking_number") for o in ORDERS_OF[s["customer_id"]]}
        for t in s["turns"]:
            for x in t["expect"].get("reply_excludes", []):
                if x == FEE:
                    continue
                if x == "3-5":
                    continue
                assert x not in own_tracking, (s["id"], x)
                assert x != cust["name"] and x not in cust["default_address"], (s["id"], x)
                # it is a fact of some other customer of this store
                others = [c for c in CUSTOMERS.values() if c["id"] != cust["id"]]
                known = any(
                    x in (c["name"], c["email"], c["phone"]) or x in c["default_address"]
                    for c in others
                ) or (x in TRACKING and TRACKING[x]["customer_id"] != cust["id"])
                assert known, (s["id"], x)


def test_no_order_or_customer_shared_between_writing_scenarios():
    writing = [s for s in SCEN if _is_writing(s)]
    assert writing
    cust = Counter(s["customer_id"] for s in writing)
    assert all(n == 1 for n in cust.values()), [c for c, n in cust.items() if n > 1]
    owner = {}
    for s in writing:
        for oid in _orders_named(s):
            assert oid not in owner, (oid, owner.get(oid), s["id"])
            owner[oid] = s["id"]


def test_scenarios_that_can_write_are_isolated():
    """A scenario whose write can run: its customer and orders appear in no other scenario."""
    for s in SCEN:
        if not _runs_write(s):
            continue
        orders = {o["id"] for o in ORDERS_OF[s["customer_id"]]}
        for other in SCEN:
            if other is s:
                continue
            assert other["customer_id"] != s["customer_id"], (s["id"], other["id"])
            assert not (orders & _orders_named(other)), (s["id"], other["id"])


def test_gives_order_id_when_the_message_holds_an_own_id():
    for s in SCEN:
        mine = [o["id"] for o in ORDERS_OF[s["customer_id"]]]
        for t in s["turns"]:
            nt = _norm(t["text"])
            if any(_norm(oid) in nt for oid in mine):
                assert "order_id" in t["expect"]["gives"], (s["id"], t["text"])
            if "order_id" in t["expect"]["gives"]:
                assert re.search(r"\d{3,}", nt), (s["id"], t["text"])


def test_writes_follow_the_policy():
    for s in SCEN:
        for i, t in enumerate(s["turns"]):
            e = t["expect"]
            w = f"{s['id']} turn {i}"
            intent, status = e["intent"], e.get("status", "unset")
            if intent not in WRITE_INTENTS or e.get("flagged"):
                continue
            own = _own_order_ids(s, t)
            if status in ("needs_confirmation", "executed"):
                assert len(own) == 1, w
                o = ORDERS[own[0]]
                assert e.get("action") == intent, w
                assert e.get("handoff") is False, w
                if intent == "cancel_order":
                    assert o["status"] in POLICY["cancellable_statuses"], w
                elif intent == "change_shipping_address":
                    assert o["status"] in POLICY["address_change_statuses"], w
                else:
                    assert o["status"] in POLICY["refundable_statuses"], w
                    assert _days_since_delivery(o) <= WINDOW - 4, w
                    assert not REFUNDS_OF_ORDER[o["id"]], w
                if status == "executed":
                    assert e.get("followup") is True, w
                    prev = s["turns"][i - 1]["expect"]
                    assert (
                        prev.get("status") == "needs_confirmation" and prev["intent"] == intent
                    ), w
                    assert _own_order_ids(s, s["turns"][i - 1]) == own, w
            elif status == "blocked" and own:
                o = ORDERS[own[0]]
                if intent == "cancel_order":
                    assert o["status"] not in POLICY["cancellable_statuses"], w
                elif intent == "change_shipping_address":
                    assert o["status"] not in POLICY["address_change_statuses"], w
                else:
                    if o["status"] == "delivered":
                        assert _days_since_delivery(o) >= WINDOW + 4, w
                        assert str(WINDOW) in e["reply_contains"], w
                    else:
                        assert o["status"] not in POLICY["refundable_statuses"], w
            elif status is None and own and intent == "get_refund":
                # a return already open for this order: nothing new starts
                assert any(
                    r["status"] in ("requested", "approved") for r in REFUNDS_OF_ORDER[own[0]]
                ), w
            elif status is None and i > 0 and not own:
                # a declined confirmation
                prev = s["turns"][i - 1]["expect"]
                if prev.get("status") == "needs_confirmation":
                    assert prev["intent"] == intent and e.get("followup") is True, w


def test_return_fee_expectations_follow_the_reason():
    for s in SCEN:
        tags = set(s["tags"])
        asks = [
            t["expect"]
            for t in s["turns"]
            if t["expect"]["intent"] == "get_refund"
            and t["expect"].get("status") == "needs_confirmation"
        ]
        if not asks:
            continue
        free = tags & {"reason-defective", "reason-damaged", "reason-wrong-item"}
        paid = tags & {"reason-size", "reason-changed-mind"}
        assert not (free and paid), s["id"]
        if free:
            assert "no-fee" in tags and all(FEE in a.get("reply_excludes", []) for a in asks), s[
                "id"
            ]
        if paid:
            assert "fee" in tags and all(FEE in a.get("reply_contains", []) for a in asks), s["id"]
        if not free and not paid:
            assert all(
                FEE not in a.get("reply_contains", []) + a.get("reply_excludes", []) for a in asks
            ), s["id"]


def test_tracking_expectations_match_the_order():
    for s in SCEN:
        for i, t in enumerate(s["turns"]):
            e = t["expect"]
            if e["intent"] != "track_order" or e.get("status") != "executed":
                continue
            own = _own_order_ids(s, t)
            assert len(own) == 1, (s["id"], i)
            o = ORDERS[own[0]]
            if o.get("tracking_number"):
                assert o["tracking_number"] in e["reply_contains"], (s["id"], i)
                assert o["carrier"] in e["reply_contains"], (s["id"], i)
            else:
                assert o["status"] in ("pending", "paid"), (s["id"], i)


def test_ask_which_only_for_customers_with_several_open_orders():
    for s in SCEN:
        if "ask-which" not in s["tags"]:
            continue
        first = s["turns"][0]["expect"]
        assert (
            first["intent"] == "track_order"
            and first.get("status", "x") is None
            and first.get("handoff") is False
        )
        open_orders = [
            o for o in ORDERS_OF[s["customer_id"]] if o["status"] in ("paid", "shipped", "pending")
        ]
        assert len(open_orders) >= 2, s["id"]
        assert s["turns"][1]["expect"].get("followup") is True
        assert "order_id" in s["turns"][1]["expect"]["gives"]
    for s in SCEN:
        if "one-order" in s["tags"]:
            assert len(ORDERS_OF[s["customer_id"]]) == 1, s["id"]


def test_refund_and_invoice_expectations_match_the_records():
    for s in SCEN:
        last_order = None
        for i, t in enumerate(s["turns"]):
            e = t["expect"]
            own = _own_order_ids(s, t)
            if own:
                last_order = own[0]
            if e["intent"] == "track_refund":
                rtns = [x for x in e["reply_contains"] if RTN_SHAPE.match(x)]
                oid = own[0] if own else (REFUNDS[rtns[0]]["order_id"] if rtns else last_order)
                assert oid, (s["id"], i)
                refunds = REFUNDS_OF_ORDER[oid]
                assert len(refunds) == 1, (s["id"], i)
                words = REFUND_WORDS[refunds[0]["status"]]
                assert any(w in e["reply_contains"] for w in words), (s["id"], i)
            if e["intent"] == "get_invoice" and e.get("status") in ("executed", "blocked"):
                oid = own[0] if own else last_order
                ok = ORDERS[oid]["status"] in POLICY["invoice_statuses"]
                assert ok == (e["status"] == "executed"), (s["id"], i)
                assert oid in e["reply_contains"], (s["id"], i)


def test_flagged_turns_run_nothing():
    n = 0
    for s in SCEN:
        for t in s["turns"]:
            if t["expect"].get("flagged"):
                n += 1
                assert "status" in t["expect"] and t["expect"]["status"] is None, s["id"]
    assert n >= 4


def test_handoff_and_out_of_scope_shapes():
    handoffs = 0
    for s in SCEN:
        prev_other = False
        for t in s["turns"]:
            e = t["expect"]
            if e.get("handoff") is True:
                handoffs += 1
            if e["intent"] == "other" and not e.get("flagged"):
                # one off-topic message: no hand-off; the second in a row: hand-off
                assert e.get("handoff") is prev_other, s["id"]
                assert e.get("action", "x") is None, s["id"]
            if e["intent"] in ("complaint", "contact_human_agent"):
                assert e.get("handoff") is True, s["id"]
            prev_other = e["intent"] == "other" and not e.get("flagged")
    assert handoffs >= 10


def test_unknown_ids_do_not_exist():
    for s in SCEN:
        if "unknown-id" not in s["tags"]:
            continue
        for t in s["turns"]:
            e = t["expect"]
            if e.get("status") != "blocked":
                continue
            for x in e["reply_contains"]:
                if any(p.match(x) for p in ID_SHAPES):
                    assert _norm(x) not in {_norm(o) for o in ORDERS}, (s["id"], x)


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
