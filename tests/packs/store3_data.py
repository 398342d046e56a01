"""Loaders, constants and helpers shared by the data tests of the third evaluation
store (data/store3, Jianmu Home Appliances). Pure Python: reads only the pack's
JSON, JSONL and markdown files, never the application.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from tests.packs.files import DATA, read_json, ts

ROOT = DATA / "store3"

ORDER_STATUSES = {"pending", "paid", "shipped", "delivered", "cancelled", "returned"}
REFUND_STATUSES = {"requested", "approved", "refunded", "rejected"}
ACTION_STATUSES = {"executed", "needs_confirmation", "needs_approval", "blocked", "failed"}
WRITES = {"cancel_order", "change_shipping_address", "get_refund", "change_order"}
REFUND_WORD = {
    "en": {s: s for s in REFUND_STATUSES},
    "zh": {"requested": "已申请", "approved": "已批准", "refunded": "已退款", "rejected": "已拒绝"},
}
# this pack's ids: plain ASCII, well inside the import's rule (app.domain)
RECORD_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
ORDER_SHAPES = {
    "jd": re.compile(r"^\d{12}$"),
    "tmall": re.compile(r"^\d{18,19}$"),
    "miniprogram": re.compile(r"^MP(20\d{6})\d{4}$"),
    "international": re.compile(r"^4\d{3}$"),
}
CUSTOMER_ID = re.compile(r"^(JMU\d{6}|HK-[A-Z0-9]{5}|SG-[A-Z0-9]{5})$")
PRODUCT_ID = re.compile(r"^[A-Z]{3}\d{4}[A-Z]?(-[A-Z]{2})?$")
REFUND_ID = re.compile(r"^(TK(\d{6})\d{4}|RF-(4\d{3})-\d)$")
TRACKING = {
    "SF Express": re.compile(r"^SF[1-9]\d{12}$"),
    "JD Logistics": re.compile(r"^JDVA[1-9]\d{10}$"),
    "YTO Express": re.compile(r"^YT[1-9]\d{12}$"),
    "EMS": re.compile(r"^98\d{11}$"),
    "Kerry Express": re.compile(r"^KEC[1-9]\d{9}$"),
}
SETS = {
    "dev_scenarios": "scenarios.jsonl",
    "dev_dialogues": "dialogues.jsonl",
    "dev2_dialogues": "dev2/dialogues.jsonl",
    "dev3_dialogues": "dev3/dialogues.jsonl",
    "dev4_dialogues": "dev4/dialogues.jsonl",
    "dev5_dialogues": "dev5/dialogues.jsonl",
    "heldout_scenarios": "heldout/scenarios.jsonl",
    "heldout_dialogues": "heldout/dialogues.jsonl",
}
FREE_RETURN_TAGS = {"defective", "damaged", "wrong-item", "quality-window"}
HYGIENE_SKUS = {"TBR0600-BL", "TBR0600-PK", "TBR0900-WH", "THD0601", "THD0602", "SHV0800",
                "SHD0801", "WFL0300-WH", "WFN0301", "CLP0500"}


@lru_cache(maxsize=1)
def store() -> dict[str, Any]:
    return read_json(ROOT / "store.json")


@lru_cache(maxsize=1)
def policy() -> dict[str, Any]:
    return read_json(ROOT / "policy.json")


@cache
def conversations(name: str) -> list[dict[str, Any]]:
    lines = (ROOT / SETS[name]).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def all_conversations() -> list[tuple[str, dict[str, Any]]]:
    return [(name, c) for name in SETS for c in conversations(name)]


@lru_cache(maxsize=1)
def index() -> dict[str, dict[str, dict]]:
    s = store()
    return {k: {r["id"]: r for r in s[k]} for k in ("customers", "products", "orders", "refunds")}


def orders_of(cid: str) -> list[dict]:
    return [o for o in store()["orders"] if o["customer_id"] == cid]


def refunds_of(oid: str) -> list[dict]:
    return [r for r in store()["refunds"] if r["order_id"] == oid]


def ref_date() -> date:
    return ts(store()["reference_date"]).date()


def age(value: str) -> int:
    return (ref_date() - ts(value).date()).days


def channel(oid: str) -> str:
    return next(k for k, rx in ORDER_SHAPES.items() if rx.match(oid))


def region(cid: str) -> str:
    return cid[:2] if cid[:3] in ("HK-", "SG-") else "CN"


def norm(text: str) -> str:
    """A message as an id matcher sees it: full-width folded, case folded, separators dropped."""
    text = unicodedata.normalize("NFKC", text).upper()
    return re.sub(r"(?<=[0-9A-Z])[\s\-]+(?=[0-9A-Z])", "", text)


def ids_in(facts: list[str]) -> list[str]:
    os_ = index()["orders"]
    return [f for f in facts if f in os_]


# -------------------------------------------------------------------------------- kb
def parse(path: Path) -> tuple[dict[str, Any], str]:
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", path.read_text(encoding="utf-8"), re.S)
    assert m, path
    meta: dict[str, Any] = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        value = value.strip()
        meta[key.strip()] = ([v.strip() for v in value.strip("[]").split(",")]
                             if value.startswith("[") else value)
    return meta, m.group(2)


@lru_cache(maxsize=1)
def articles() -> list[tuple[str, str, dict[str, Any], str]]:
    return [(lang, path.name, *parse(path)) for lang in ("en", "zh")
            for path in sorted((ROOT / "kb" / lang).glob("*.md"))]


def kb_text(lang: str) -> str:
    return "\n".join(body for lg, _n, _m, body in articles() if lg == lang)


def allowed_numbers() -> dict[str, set]:
    p = policy()
    cny = {p["return_shipping_fee"], p["cancellation_fee"]}
    fx = {("HK", v) for k, v in p["return_shipping_fee_by_currency"].items() if k == "HKD"}
    fx |= {("S", v) for k, v in p["return_shipping_fee_by_currency"].items() if k == "SGD"}
    bdays = {str(p[k]) for k in ("refund_processing_business_days", "ships_within_business_days",
                                 "refund_after_cancellation_business_days")}
    for opt in p["shipping_options"]:
        bdays.add(opt["days"].split()[0])
        cur = opt.get("currency", "CNY")
        for v in (opt["fee"], opt["free_over"]):
            if v is None:
                continue
            if cur == "CNY":
                cny.add(v)
            else:
                fx.add(("HK" if cur == "HKD" else "S", v))
    bdays |= {t.split()[0] for t in p["refund_posting_days"].values()}
    return {
        "cny": {round(x, 2) for x in cny},
        "fx": {(c, round(v, 2)) for c, v in fx},
        "bdays": bdays,
        "days": {p["returns_window_days"], p["returns_window_days_by_reason"]["defective"],
                 p["invoice_request_days"], p["review_window_days"],
                 p["account_deletion_grace_days"]},
        "months": set(p["warranty_months_by_category"].values())
        | set(p["warranty_months_by_part"].values()),
        "hours": {p["password_reset_link_hours"], p["e_invoice_within_hours"]},
    }
