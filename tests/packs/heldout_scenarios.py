"""Loaders, constants and helpers shared by the checks of the held-out Spokeline
scenarios (data/foreign/heldout/scenarios.jsonl). Pure Python, JSON files only.
"""

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from tests.packs.files import read_json, ts

ROOT = Path(__file__).resolve().parents[2]
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


STORE = read_json(FOREIGN / "store.json")
POLICY = read_json(FOREIGN / "policy.json")
REF = ts(STORE["reference_date"])
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
    d = ts(order["delivered_at"])
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
