"""Loaders, constants and helpers shared by the checks of the held-out Spokeline
dialogues (data/foreign/heldout/dialogues.jsonl). Pure Python, JSON files only.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from tests.packs.files import read_json, ts

ROOT = Path(__file__).resolve().parents[2]
FOREIGN = ROOT / "data" / "foreign"
DIALOGUES = FOREIGN / "heldout" / "dialogues.jsonl"
STORE = FOREIGN / "store.json"
POLICY = FOREIGN / "policy.json"

STATUSES = {"executed", "needs_confirmation", "needs_approval", "blocked", "failed", None}
WRITE_ACTIONS = {"cancel_order", "change_shipping_address", "get_refund", "change_order"}
ID_SHAPES = re.compile(r"^(SO-\d{5}|\d{3}-\d{7}-\d{7}|26\d{16}|RTN-\d{4}-\d{4})$")
OPEN_REFUND = {"requested", "approved"}


def _load_jsonl(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            assert line.strip(), f"line {n} is empty"
            rows.append(json.loads(line))
    return rows


def load_convs() -> list[dict]:
    return _load_jsonl(DIALOGUES)


def load_store() -> dict:
    data = read_json(STORE)
    data["_orders"] = {o["id"]: o for o in data["orders"]}
    data["_customers"] = {c["id"]: c for c in data["customers"]}
    data["_tracking"] = {
        o["tracking_number"]: o for o in data["orders"] if o.get("tracking_number")
    }
    data["_refunds"] = {r["id"]: r for r in data["refunds"]}
    by_order = defaultdict(list)
    for r in data["refunds"]:
        by_order[r["order_id"]].append(r)
    data["_refunds_by_order"] = by_order
    data["_carriers"] = {o["carrier"] for o in data["orders"] if o.get("carrier")}
    data["_ref"] = ts(data["reference_date"])
    return data


def load_policy() -> dict:
    return read_json(POLICY)


def _turns(convs):
    for c in convs:
        for i, t in enumerate(c["turns"]):
            yield c, i, t


def _norm(text: str) -> str:
    return (
        unicodedata.normalize("NFKC", text)
        .lower()
        .replace(" ", "")
        .replace("-", "")
        .replace("#", "")
    )


def _owner_orders(store, customer_id):
    return [o for o in store["orders"] if o["customer_id"] == customer_id]


def _ids_in(turn_expect: dict, store) -> list[dict]:
    """The store orders an expectation's reply_contains names (by id, tracking or refund id)."""
    out = []
    for s in turn_expect.get("reply_contains", []):
        if s in store["_orders"]:
            out.append(store["_orders"][s])
        elif s in store["_tracking"]:
            out.append(store["_tracking"][s])
        elif s in store["_refunds"]:
            out.append(store["_orders"][store["_refunds"][s]["order_id"]])
    return out


def _age_days(store, order) -> float | None:
    if not order.get("delivered_at"):
        return None
    return (store["_ref"] - ts(order["delivered_at"])).total_seconds() / 86400


def _writing_customers(convs) -> dict[str, list[str]]:
    who = defaultdict(list)
    for c in convs:
        if any(
            t["expect"].get("action") in WRITE_ACTIONS
            and t["expect"].get("status") in ("needs_confirmation", "executed")
            for t in c["turns"]
        ):
            who[c["customer_id"]].append(c["id"])
    return who


# ------------------------------------------------------------------ policy


def _write_orders(store, c, e):
    mine = {o["id"] for o in _owner_orders(store, c["customer_id"])}
    return [o for o in _ids_in(e, store) if o["id"] in mine]
