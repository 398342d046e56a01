"""Loaders, constants and helpers shared by the tests of the foreign multi-turn
dialogues (data/foreign/dialogues.jsonl). Pure Python: reads only the dialogues
and data/foreign/store.json, never the application.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from tests.packs.files import read_json

ROOT = Path(__file__).resolve().parent.parent.parent / "data" / "foreign"
DIALOGUES = ROOT / "dialogues.jsonl"

WRITE_ACTIONS = {"cancel_order", "change_shipping_address", "get_refund", "change_order"}
ACTIONS = WRITE_ACTIONS | {"track_order", "track_refund", "get_invoice"}
STATUSES = {"executed", "needs_confirmation", "needs_approval", "blocked", "failed"}
TOP_KEYS = {"id", "language", "customer_id", "channel", "tags", "turns"}
GIVES = {"order_id", "address"}

ORDER_ID_RE = re.compile(r"^(SO-\d{5}|\d{3}-\d{7}-\d{7}|26\d{16})$")
REFUND_ID_RE = re.compile(r"^RTN-\d{4}-\d{4}$")
TRACKING_RE = re.compile(
    r"^(0034\d{16}|0150\d{10}|\d{11}|3S[A-Z]{4}\d{7}|SF\d{13}|75\d{12}|JDV\d{12})$"
)


@lru_cache(maxsize=1)
def store() -> dict[str, Any]:
    return read_json(ROOT / "store.json")


@lru_cache(maxsize=1)
def dialogues() -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(DIALOGUES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - reported by the test
            pytest.fail(f"line {n} is not JSON: {exc}")
    return rows


def orders() -> dict[str, dict[str, Any]]:
    return {o["id"]: o for o in store()["orders"]}


def customers() -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in store()["customers"]}


def refunds() -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in store()["refunds"]}


def orders_of(customer_id: str) -> list[dict[str, Any]]:
    return [o for o in store()["orders"] if o["customer_id"] == customer_id]


def turns() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(c, t) for c in dialogues() for t in c["turns"]]


def norm(text: str) -> str:
    """Full-width to ASCII, upper case, letters and digits only: 'ＳＯ－８６１２０' -> 'SO86120'."""
    return re.sub(r"[^0-9A-Z]", "", unicodedata.normalize("NFKC", text).upper())


def names_order_of(text: str, customer_id: str) -> bool:
    """The text names one of the customer's orders: a full id in any spelling, or a digit run
    (4+ digits) that ends exactly one of the customer's order ids."""
    flat = norm(text)
    own = [norm(o["id"]) for o in orders_of(customer_id)]
    if any(oid in flat for oid in own):
        return True
    for run in re.findall(r"\d{4,}", unicodedata.normalize("NFKC", text)):
        if sum(1 for oid in own if oid.endswith(run)) == 1:
            return True
    return False


def names_any_order(text: str) -> bool:
    flat = norm(text)
    return any(norm(oid) in flat for oid in orders())


def write_conversations() -> list[dict[str, Any]]:
    out = []
    for c in dialogues():
        if any(
            t["expect"].get("action") in WRITE_ACTIONS or t["expect"]["intent"] in WRITE_ACTIONS
            for t in c["turns"]
        ):
            out.append(c)
    return out
