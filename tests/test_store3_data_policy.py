"""The third store's policy.json and knowledge base: the articles state only
policy.json's numbers and state the key rules.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from tests.pack_format import INTENTS
from tests.packs.store3_data import (
    ORDER_STATUSES,
    ROOT,
    allowed_numbers,
    articles,
    kb_text,
    policy,
    store,
)


# ---------------------------------------------------------------------------- policy
def test_policy_is_its_own() -> None:
    p = policy()
    for key in ("cancellable_statuses", "address_change_statuses", "order_change_statuses",
                "refundable_statuses", "invoice_statuses"):
        assert set(p[key]) <= ORDER_STATUSES, key
    assert p["currency"] == "CNY"
    assert p["returns_window_days"] == 7 < p["returns_window_days_by_reason"]["defective"] == 15
    assert set(p["warranty_months_by_category"].values()) == {12, 24}
    cats = {x["attributes"]["category"] for x in store()["products"]}
    assert cats - {"consumable", "part"} <= set(p["warranty_months_by_category"])
    # not the demo's rules (30 days, 6.95, 180) nor the foreign store's (14 days, 4.90, 365)
    assert p["returns_window_days"] not in (14, 30)
    assert p["return_shipping_fee"] not in (4.90, 6.95)
    assert p["invoice_request_days"] not in (180, 365)


def test_kb_front_matter() -> None:
    ids, layers = set(), defaultdict(Counter)
    for lang, name, meta, body in articles():
        assert set(meta) == {"id", "title", "layer", "language", "intents"}, name
        assert meta["language"] == lang and meta["id"] not in ids, name
        assert meta["layer"] in {"policy", "product", "promotion", "complaint"}, name
        assert meta["intents"] and set(meta["intents"]) <= INTENTS, name
        ids.add(meta["id"])
        layers[lang][meta["layer"]] += 1
        if lang == "zh":
            cjk = len(re.findall(r"[\u4e00-\u9fff]", body))
            assert cjk > 0.3 * len(re.sub(r"\s", "", body)), f"{name}: not written in Chinese"
    for lang in ("en", "zh"):
        assert 18 <= sum(layers[lang].values()) <= 30
        assert set(layers[lang]) == {"policy", "product", "promotion", "complaint"}


def test_policy_articles_state_only_policy_numbers() -> None:
    allowed = allowed_numbers()
    patterns = [
        ("cny", r"(\d+(?:\.\d+)?)\s*元"), ("cny", r"¥\s?(\d+(?:\.\d+)?)"),
        ("fx", r"(HK|S)\$\s?(\d+(?:\.\d+)?)"),
        ("bdays", r"(\d+(?:-\d+)?)\s*个工作日"), ("bdays", r"(\d+(?:-\d+)?)\s+business days?"),
        ("days", r"(?<![\d.-])(\d+)\s*天"), ("days", r"(?<![\d.-])(\d+)(?:-day|\s+days?)\b"),
        ("months", r"(\d+)\s*个月"), ("months", r"(\d+)[- ]months?"),
        ("hours", r"(\d+)\s*小时"), ("hours", r"(\d+)\s+hours?"),
    ]
    for _lang, name, meta, body in articles():
        if meta["layer"] not in ("policy", "complaint"):
            continue
        for kind, pattern in patterns:
            for m in re.finditer(pattern, body):
                if kind == "fx":
                    value: Any = (m.group(1), round(float(m.group(2)), 2))
                elif kind == "cny":
                    value = round(float(m.group(1)), 2)
                elif kind == "bdays":
                    value = m.group(1)
                else:
                    value = int(m.group(1))
                assert value in allowed[kind], f"{name}: {m.group(0)!r} is not in policy.json"


def test_kb_states_the_key_rules() -> None:
    p = policy()
    for lang, day, bday, month in (("zh", " 天", " 个工作日", " 个月"),
                                   ("en", " days", " business day", "-month")):
        kb = ROOT / "kb" / lang
        returns = (kb / "returns-policy.md").read_text(encoding="utf-8")
        for n in (p["returns_window_days"], p["returns_window_days_by_reason"]["defective"]):
            assert f"{n}{day}" in returns, (lang, n)
        fee = "12 元" if lang == "zh" else "HK$35"
        assert fee in returns and f"{p['refund_processing_business_days']}{bday}" in returns
        cancel = (kb / "cancel-order.md").read_text(encoding="utf-8")
        assert f"{p['refund_after_cancellation_business_days']}{bday}" in cancel
        warranty = (kb / "warranty.md").read_text(encoding="utf-8")
        assert all(f"{m}{month}" in warranty for m in (12, 24)), lang
        inv = next(kb.glob("invoices*.md")).read_text(encoding="utf-8")
        assert f"{p['invoice_request_days']}{day}" in inv
        contact = (kb / "contact-us.md").read_text(encoding="utf-8")
        assert p["support_email"] in contact and p["support_phone"][lang] in contact
    warranties = r"保修\s*(\d+)\s*个月|(\d+)-month warranty"
    for m in re.finditer(warranties, kb_text("zh") + kb_text("en")):
        assert int(m.group(1) or m.group(2)) in {12, 24}, m.group(0)
    pay_en = (ROOT / "kb" / "en" / "payment-methods.md").read_text(encoding="utf-8")
    for method in p["international_shop"]["payment_methods"]:
        assert method in pay_en, method
    pay_zh = (ROOT / "kb" / "zh" / "payment-methods.md").read_text(encoding="utf-8")
    for word in ("微信支付", "支付宝", "花呗", "银联", "京东支付", "白条"):
        assert word in pay_zh, word
