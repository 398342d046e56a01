"""The foreign store's policy.json and its knowledge base: the articles' front
matter and the policy numbers they state.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from tests.pack_format import INTENTS
from tests.packs.foreign_data import (
    NUMBER_PATTERNS,
    ORDER_STATUSES,
    ROOT,
    allowed_policy_numbers,
    articles,
    policy,
)


# ----------------------------------------------------------------------------- policy
def test_policy_schema() -> None:
    p = policy()
    for key in (
        "returns_window_days",
        "invoice_request_days",
        "refund_processing_business_days",
        "refund_after_cancellation_business_days",
        "warranty_months",
        "ships_within_business_days",
    ):
        assert isinstance(p[key], int) and p[key] >= 0, key
    for key in (
        "cancellable_statuses",
        "address_change_statuses",
        "order_change_statuses",
        "refundable_statuses",
        "invoice_statuses",
    ):
        assert set(p[key]) <= ORDER_STATUSES, key
    assert p["free_return_reasons"] == ["defective", "damaged", "wrong_item"]
    assert p["return_shipping_fee"] > 0 and p["cancellation_fee"] >= 0
    for opt in p["shipping_options"]:
        assert set(opt) == {"id", "days", "fee", "free_over"}
        assert opt["fee"] >= 0
    assert p["currency"] == "EUR"
    # different from the demo store's rules
    assert p["returns_window_days"] != 30 and p["return_shipping_fee"] != 6.95
    assert p["invoice_request_days"] != 180


def test_kb_front_matter() -> None:
    ids = set()
    per_lang: dict[str, set[str]] = defaultdict(set)
    layers: dict[str, Counter] = defaultdict(Counter)
    for path, meta, body in articles():
        lang = path.parent.name
        assert set(meta) == {"id", "title", "layer", "language", "intents"}, path
        assert meta["language"] == lang, path
        assert meta["layer"] in {"policy", "product", "promotion", "complaint"}, path
        assert meta["intents"] and set(meta["intents"]) <= INTENTS, path
        assert meta["id"] not in ids, path
        ids.add(meta["id"])
        per_lang[lang].add(path.name)
        layers[lang][meta["layer"]] += 1
        if lang == "zh":
            cjk = len(re.findall(r"[\u4e00-\u9fff]", body))
            assert cjk > 0.3 * len(re.sub(r"\s", "", body)), f"{path}: not written in Chinese"
    assert per_lang["en"] == per_lang["zh"]
    for lang in ("en", "zh"):
        assert 15 <= len(per_lang[lang]) <= 25
        assert {"policy", "product", "promotion", "complaint"} <= set(layers[lang])


def test_policy_articles_state_only_the_policy_numbers() -> None:
    allowed = allowed_policy_numbers()
    for path, meta, body in articles():
        if meta["layer"] not in ("policy", "complaint"):
            continue
        for kind, patterns in NUMBER_PATTERNS.items():
            for pattern in patterns:
                for m in re.finditer(pattern, body):
                    raw = m.group(1)
                    value: Any = (
                        round(float(raw), 2)
                        if kind == "money"
                        else (raw if kind == "bdays" else int(raw))
                    )
                    assert value in allowed[kind], (
                        f"{path.name}: {m.group(0)!r} is not in policy.json"
                    )


def test_key_policy_numbers_are_stated() -> None:
    p = policy()
    fee = f"{p['return_shipping_fee']:.2f}"
    for lang, day_word, bday_word, month_word in (
        ("en", " days", " business days", " months"),
        ("zh", " 天", " 个工作日", " 个月"),
    ):
        kb = ROOT / "kb" / lang
        returns = (kb / "returns-policy.md").read_text(encoding="utf-8")
        assert f"{p['returns_window_days']}{day_word}" in returns and fee in returns
        assert f"{p['refund_processing_business_days']}{bday_word}" in returns
        cancel = (kb / "cancel-order.md").read_text(encoding="utf-8")
        assert f"{p['refund_after_cancellation_business_days']}{bday_word}" in cancel
        assert f"{p['warranty_months']}{month_word}" in (kb / "warranty.md").read_text(
            encoding="utf-8"
        )
        assert f"{p['invoice_request_days']}{day_word}" in (kb / "invoices.md").read_text(
            encoding="utf-8"
        )
        shipping = (kb / "shipping-options.md").read_text(encoding="utf-8")
        for opt in p["shipping_options"]:
            assert f"{opt['fee']:.2f}" in shipping and opt["days"].split()[0] in shipping, opt["id"]
        contact = (kb / "contact-us.md").read_text(encoding="utf-8")
        assert p["support_email"] in contact and p["support_phone"][lang] in contact
    payment = (ROOT / "kb" / "en" / "payment-methods.md").read_text(encoding="utf-8")
    for method in p["payment_methods"]:
        assert method in payment, method


def test_warranty_is_the_same_everywhere() -> None:
    months = policy()["warranty_months"]
    for path, _meta, body in articles():
        for m in re.finditer(
            r"(\d+)-month warranty|warranty of (\d+) months|保修\s*(\d+)\s*个月", body
        ):
            value = int(next(g for g in m.groups() if g))
            assert value == months, f"{path.name}: {m.group(0)!r}"
