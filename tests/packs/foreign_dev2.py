"""Loaders, constants and helpers shared by the tests of the second Spokeline
development set (data/foreign/dev2). Pure Python, no Kefu imports.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from tests.packs.files import read_json, ts as parse_ts

ROOT = Path(__file__).resolve().parents[2] / "data" / "foreign"
DEV2 = ROOT / "dev2"
KINDS = ("dialogues", "scenarios")

WRITES = {"cancel_order", "change_shipping_address", "get_refund", "change_order"}
ACTIONS = WRITES | {"track_order", "track_refund", "get_invoice"}
STATUSES = {"executed", "needs_confirmation", "needs_approval", "blocked", "failed"}
WORD = {"requested": "已申请", "approved": "已批准", "refunded": "已退款", "rejected": "已拒绝"}
SEP = r"[\s\-‐‑–—_]*"
ID_SHAPES = [
    re.compile(rf"S{SEP}O{SEP}\d{{5}}(?!\d)"),
    re.compile(rf"(?<!\d)\d{{3}}{SEP}\d{{7}}{SEP}\d{{7}}(?!\d)"),
    re.compile(r"(?<!\d)26(?:[\s\-]*\d){16}(?!\d)"),
]
ORDER_ID = re.compile(r"^(SO-\d{5}|\d{3}-\d{7}-\d{7}|26\d{16})$")
REFUND_ID = re.compile(r"^RTN-\d{4}-\d{4}$")
TRACKING = re.compile(
    r"^(0034\d{16}|0150\d{10}|\d{11}|3S[A-Z]{4}\d{7}|SF\d{13}|75\d{12}|JDV\d{12})$"
)


@cache
def load(name: str):
    path = ROOT / name
    if name.endswith(".jsonl"):
        return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return read_json(path)


def store():
    return load("store.json")


def policy():
    return load("policy.json")


def rows(kind: str):
    return load(f"dev2/{kind}.jsonl")


def orders():
    return {o["id"]: o for o in store()["orders"]}


def customers():
    return {c["id"]: c for c in store()["customers"]}


def refunds():
    return {r["id"]: r for r in store()["refunds"]}


def own(cid):
    return [o for o in store()["orders"] if o["customer_id"] == cid]


def turns(kind):
    return [(c, i, t) for c in rows(kind) for i, t in enumerate(c["turns"])]


def flat(text):
    return re.sub(r"[^0-9A-Z]", "", unicodedata.normalize("NFKC", text).upper())


def days_ago(ts):
    return (parse_ts(store()["reference_date"]) - parse_ts(ts)).total_seconds() / 86400


def fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=1)
def corpus() -> str:
    """Where a non-record fact may come from: the policy, the products, the knowledge base."""
    kb = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "kb").rglob("*.md")))
    return "\n".join(
        [
            kb,
            json.dumps(policy(), ensure_ascii=False),
            json.dumps(store()["products"], ensure_ascii=False),
        ]
    )


def owner_of_named(c, t):
    """Another customer's order or customer id named in the turn's text."""
    text = flat(t["text"])
    for o in store()["orders"]:
        if o["customer_id"] != c["customer_id"] and flat(o["id"]) in text:
            return o["customer_id"], o
    for cid in customers():
        if cid != c["customer_id"] and cid.upper() in t["text"].upper():
            return cid, None
    return None, None


def gives_order(c, t):
    text = re.sub(r"RTN-\d{4}-\d{4}", " ", unicodedata.normalize("NFKC", t["text"]).upper())
    if any(p.search(text) for p in ID_SHAPES) or any(flat(o) in flat(text) for o in orders()):
        return True
    mine = [flat(o["id"]) for o in own(c["customer_id"])]
    if any(sum(1 for o in mine if o.endswith(r)) == 1 for r in re.findall(r"\d{4,}", text)):
        return True
    # a bare number meant as an order number and refused as written
    rc = t["expect"].get("reply_contains", [])
    return t["expect"].get("status") == "blocked" and any(f.isdigit() and f in text for f in rc)


def amounts(cid):
    """What a refund of this customer can come to: refund records, prices and totals, less the
    return fee for a return that is not free."""
    fee = policy()["return_shipping_fee"]
    out = {
        fmt(r["amount"])
        for r in refunds().values()
        if orders()[r["order_id"]]["customer_id"] == cid
    }
    for o in own(cid):
        for x in [o["total"]] + [i["price"] * i["qty"] for i in o["items"]]:
            out |= {fmt(x), fmt(x - fee)}
    return out


def target(c, e):
    named = [f for f in e.get("reply_contains", []) if f in orders()]
    assert len(named) == 1 and orders()[named[0]]["customer_id"] == c["customer_id"], (c["id"], e)
    return orders()[named[0]]
