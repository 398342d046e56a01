"""The held-out Spokeline scenarios' facts: what replies name or exclude belongs to
the right customer, writing scenarios share no data, unknown ids do not exist.
"""

import re
from collections import Counter

from tests.packs.heldout_scenarios import (
    CARRIERS,
    CUSTOMERS,
    FEE,
    ID_SHAPES,
    ORDERS,
    ORDERS_OF,
    REFUNDS,
    RTN_SHAPE,
    SCEN,
    TRACKING,
    _is_writing,
    _norm,
    _orders_named,
    _runs_write,
)


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
