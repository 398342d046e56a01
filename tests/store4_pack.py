"""The Maowu store pack (data/store4) read once for its consistency tests
(test_store4_data.py, _dialogues.py, _policy_turns.py, _kb.py): its records,
policy and dialogues, the shapes its ids take, and small readers of them.

Pure Python, no Kefu code.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "data" / "store4"
STORE3 = ROOT / "data" / "store3"
FOREIGN = ROOT / "data" / "foreign"

STORE = json.loads((PACK / "store.json").read_text(encoding="utf-8"))
POLICY = json.loads((PACK / "policy.json").read_text(encoding="utf-8"))
DIALOGUES = [
    json.loads(x)
    for x in (PACK / "dialogues.jsonl").read_text(encoding="utf-8").splitlines()
    if x.strip()
]
REFERENCE = datetime.fromisoformat(STORE["reference_date"].replace("Z", "+00:00"))

CUSTOMERS = {c["id"]: c for c in STORE["customers"]}
ORDERS = {o["id"]: o for o in STORE["orders"]}
REFUNDS = {r["id"]: r for r in STORE["refunds"]}
PRODUCTS = {p["id"]: p for p in STORE["products"]}

ORDER_RX = re.compile(r"^(MW-2[56]-\d{6}|69\d{14})$")
REFUND_RX = re.compile(r"^RMA/(\d{4})/\d{4}$")
TRACKING_RX = {
    "ZTO Express": re.compile(r"^73\d{12}$"),
    "SF Express": re.compile(r"^SF\d{13}$"),
    "Royal Mail": re.compile(r"^[A-Z]{2}\d{9}GB$"),
    "Evri": re.compile(r"^H\d{2}[A-Z]{2}A\d{10}$"),
}
CARRIERS = {"CNY": {"ZTO Express", "SF Express"}, "GBP": {"Royal Mail", "Evri"}}
FEE = {"CNY": POLICY["return_shipping_fee"], **POLICY["return_shipping_fee_by_currency"]}
FEE_TEXT = {"CNY": ["10元", "10 元", "¥10", "10.00"], "GBP": ["£3.95", "3.95"]}
WRITES = ("cancel_order", "change_shipping_address", "get_refund")
REASON_TAGS = {
    "defective": "defective",
    "damaged": "damaged",
    "wrong-item": "wrong_item",
    "not-as-described": "not_as_described",
}
EXPECT_ORDER = [
    "intent",
    "action",
    "status",
    "handoff",
    "reply_contains",
    "reply_excludes",
    "gives",
    "followup",
    "flagged",
]
STATUSES = {None, "executed", "needs_confirmation", "needs_approval", "blocked", "failed"}


def ts(s: str | None) -> datetime | None:
    return None if s is None else datetime.fromisoformat(s.replace("Z", "+00:00"))


def age_days(s: str) -> int:
    return (REFERENCE.date() - ts(s).date()).days


def turns():
    for d in DIALOGUES:
        for i, t in enumerate(d["turns"]):
            yield d, i, t, t["expect"]


def norm_id(s: str) -> str:
    return re.sub(r"[\s\-#]", "", s).upper()


def ids_in_text(text: str) -> set[str]:
    """Order, refund and unknown ids written in a message, normalised."""
    t = text.translate({ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９"})
    found = set(re.findall(r"MW-?\s?\d{2}-?\s?\d{6}", t, flags=re.I))
    found |= set(re.findall(r"(?<![\dA-Z])\d[\d ]{14,20}\d(?!\d)", t))
    found |= set(re.findall(r"RMA/\d{4}/\d{4}", t))
    return {norm_id(x) for x in found if len(norm_id(x)) >= 10}


def kb_text(lang: str) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((PACK / "kb" / lang).glob("*.md"))
    )


def front_matter(path: Path) -> tuple[dict[str, str], str]:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, flags=re.S)
    assert m, path
    fm = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(": ")
        assert key and value, (path, line)
        assert ": " not in value, f"{path}: '{line}' is not plain YAML (quote it or drop the colon)"
        fm[key] = value
    return fm, m.group(2)
