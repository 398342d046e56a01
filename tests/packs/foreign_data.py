"""Loaders, constants and helpers shared by the foreign store's data tests
(data/foreign: store, policy, knowledge base, scenarios). Pure Python: reads only
the JSON, JSONL and markdown files, never the application.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from tests.packs.files import DATA, read_json, ts

ROOT = DATA / "foreign"

ORDER_STATUSES = {"pending", "paid", "shipped", "delivered", "cancelled", "returned"}
REFUND_STATUSES = {"requested", "approved", "refunded", "rejected"}
ACTION_STATUSES = {"executed", "needs_confirmation", "needs_approval", "blocked", "failed"}
WRITE_ACTIONS = {"cancel_order", "change_shipping_address", "get_refund", "change_order"}
EXPECT_KEYS = {
    "intent",
    "action",
    "status",
    "handoff",
    "reply_contains",
    "reply_excludes",
    "gives",
    "followup",
}
REFUND_WORDS = {
    "en": {s: s for s in REFUND_STATUSES},
    "zh": {"requested": "已申请", "approved": "已批准", "refunded": "已退款", "rejected": "已拒绝"},
}
# this pack's ids: plain ASCII, well inside the import's rule (app.domain)
RECORD_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")

ORDER_ID_SHAPES = [
    re.compile(r"^SO-\d{5}$"),
    re.compile(r"^\d{3}-\d{7}-\d{7}$"),
    re.compile(r"^\d{18}$"),
]
TRACKING_SHAPES = {
    "DHL": re.compile(r"^00340434\d{12}$"),
    "DPD": re.compile(r"^0150\d{10}$"),
    "GLS": re.compile(r"^6\d{10}$"),
    "PostNL": re.compile(r"^3S[A-Z]{4}\d{7}$"),
    "SF Express": re.compile(r"^SF\d{13}$"),
    "ZTO Express": re.compile(r"^75\d{12}$"),
    "JD Logistics": re.compile(r"^JDV\d{12}$"),
}
REFUND_ID = re.compile(r"^RTN-\d{4}-\d{4}$")


@lru_cache(maxsize=1)
def store() -> dict[str, Any]:
    return read_json(ROOT / "store.json")


@lru_cache(maxsize=1)
def policy() -> dict[str, Any]:
    return read_json(ROOT / "policy.json")


@lru_cache(maxsize=1)
def scenarios() -> list[dict[str, Any]]:
    lines = (ROOT / "scenarios.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def customers() -> dict[str, dict]:
    return {c["id"]: c for c in store()["customers"]}


def products() -> dict[str, dict]:
    return {p["id"]: p for p in store()["products"]}


def orders() -> dict[str, dict]:
    return {o["id"]: o for o in store()["orders"]}


def refunds() -> dict[str, dict]:
    return {r["id"]: r for r in store()["refunds"]}


def orders_of(customer_id: str) -> list[dict]:
    return [o for o in store()["orders"] if o["customer_id"] == customer_id]


def age_days(value: str) -> int:
    """Whole days between a date and the reference date (dates are shifted by whole days)."""
    return (ts(store()["reference_date"]).date() - ts(value).date()).days


# -------------------------------------------------------------------------------- kb
def parse_article(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    assert m, f"{path}: no front matter"
    meta: dict[str, Any] = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        value = value.strip()
        if value.startswith("["):
            meta[key.strip()] = [v.strip() for v in value.strip("[]").split(",") if v.strip()]
        else:
            meta[key.strip()] = value
    return meta, m.group(2)


@lru_cache(maxsize=1)
def articles() -> list[tuple[Path, dict[str, Any], str]]:
    out = []
    for lang in ("en", "zh"):
        for path in sorted((ROOT / "kb" / lang).glob("*.md")):
            meta, body = parse_article(path)
            out.append((path, meta, body))
    return out


def allowed_policy_numbers() -> dict[str, set]:
    p = policy()
    money = {p["return_shipping_fee"], p["cancellation_fee"]}
    bdays = {
        str(p["refund_processing_business_days"]),
        str(p["refund_after_cancellation_business_days"]),
        str(p["ships_within_business_days"]),
    }
    for opt in p["shipping_options"]:
        money.add(opt["fee"])
        if opt["free_over"] is not None:
            money.add(opt["free_over"])
        bdays.add(opt["days"].split()[0])
    for text in p["refund_posting_days"].values():
        bdays.add(text.split()[0])
    days = {
        p["returns_window_days"],
        p["invoice_request_days"],
        p["review_window_days"],
        p["account_deletion_grace_days"],
    }
    return {
        "money": {round(x, 2) for x in money},
        "bdays": bdays,
        "days": days,
        "months": {p["warranty_months"]},
    }


NUMBER_PATTERNS = {
    "money": [r"€\s?(\d+(?:\.\d+)?)", r"(\d+(?:\.\d+)?)\s*欧元"],
    "bdays": [r"(\d+(?:-\d+)?)\s+business days?", r"(\d+(?:-\d+)?)\s*个工作日"],
    "days": [r"(?<![\d.-])(\d+)(?:-day|\s+days?)\b", r"(?<![\d.-])(\d+)\s*天"],
    "months": [r"(\d+)[- ]months?", r"(\d+)\s*个月"],
}


# ------------------------------------------------------------------------- scenarios
def turns() -> list[tuple[dict, int, dict]]:
    return [(s, i, t) for s in scenarios() for i, t in enumerate(s["turns"])]


def looks_like_order_id(token: str) -> bool:
    return any(rx.match(token) for rx in ORDER_ID_SHAPES)


def looks_like_tracking(token: str) -> bool:
    return any(rx.match(token) for rx in TRACKING_SHAPES.values())


def mentioned_orders(s: dict, e: dict) -> list[str]:
    return [f for f in e.get("reply_contains", []) if f in orders()]
