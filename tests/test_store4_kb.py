"""The Maowu store pack's knowledge base agrees with its policy and catalogue, in both
languages.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.store4_pack import (
    ORDER_RX,
    ORDERS,
    PACK,
    POLICY,
    STORE,
    front_matter,
    kb_text,
    turns,
)


# ---------------------------------------------------------------------- knowledge base
def test_kb_articles_both_languages():
    en = sorted(p.name for p in (PACK / "kb" / "en").glob("*.md"))
    zh = sorted(p.name for p in (PACK / "kb" / "zh").glob("*.md"))
    assert en == zh and 8 <= len(en) <= 12
    ids = set()
    for lang in ("en", "zh"):
        for path in (PACK / "kb" / lang).glob("*.md"):
            fm, body = front_matter(path)
            assert set(fm) == {"id", "title", "layer", "language", "intents"}, path
            assert fm["language"] == lang and fm["id"].endswith("-" + lang) and fm["id"] not in ids
            assert fm["layer"] in ("policy", "product", "promotion", "complaint")
            ids.add(fm["id"])
            assert body.lstrip().startswith("# ")
            if lang == "zh":
                assert re.search(r"[\u4e00-\u9fff]", body)


def article(lang: str, name: str) -> str:
    return re.sub(r"\s+", " ", (PACK / "kb" / lang / name).read_text(encoding="utf-8"))


def days(s: str) -> str:
    return s.split()[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_kb_states_the_policy_numbers(lang):
    P = POLICY
    fee_cny, fee_gbp = P["return_shipping_fee"], P["return_shipping_fee_by_currency"]["GBP"]
    need = {
        "returns-refunds.md": [
            str(P["returns_window_days"]),
            str(P["returns_window_days_by_reason"]["defective"]),
            f"{fee_cny:g}",
            f"{fee_gbp:.2f}",
            str(P["refund_processing_business_days"]),
            *[days(v) for v in P["refund_posting_days"].values()],
            "Evri",
        ],
        "cancel-order.md": [
            str(P["refund_after_cancellation_business_days"]),
            str(P["returns_window_days"]),
            f"{fee_cny:g}",
            f"{fee_gbp:.2f}",
        ],
        "invoices-receipts.md": [
            str(P["invoice_request_days"]),
            str(P["e_invoice_within_hours"]),
            f"{P['international_shop']['uk_vat_percent']}%",
        ],
        "shipping-delivery.md": [
            str(P["ships_within_business_days"]),
            *[days(o["days"]) for o in P["shipping_options"]],
            *[f"{o['fee']:g}" for o in P["shipping_options"]],
            *[f"{o['free_over']:g}" for o in P["shipping_options"] if o["free_over"]],
        ],
        "warranty.md": [str(v) for v in P["warranty_months_by_category"].values() if v]
        + [
            str(P["warranty_months_by_part"]["battery"]),
            str(P["warranty_months_by_part"]["pump"]),
            str(P["returns_window_days_by_reason"]["defective"]),
        ],
        "help-payments-offers.md": [
            "HELLOPAW",
            "MIAO20",
            "5%",
            P["support_phone"]["zh"],
            P["support_phone"]["en"],
            P["support_email"],
        ],
    }
    for name, facts in need.items():
        text = article(lang, name)
        for f in facts:
            assert re.search(r"(?<![\d.])" + re.escape(f) + r"(?![\d])", text), (lang, name, f)


def test_kb_numbers_agree_with_policy():
    P = POLICY
    business = {days(v) for v in P["refund_posting_days"].values()} | {
        days(o["days"]) for o in P["shipping_options"]
    }
    business |= {
        str(P["refund_processing_business_days"]),
        str(P["refund_after_cancellation_business_days"]),
        str(P["ships_within_business_days"]),
    }
    calendar = {
        str(P["returns_window_days"]),
        *map(str, P["returns_window_days_by_reason"].values()),
        str(P["invoice_request_days"]),
    }
    months = {str(v) for v in P["warranty_months_by_category"].values()} | {
        str(v) for v in P["warranty_months_by_part"].values()
    }
    gbp = {f"{x:g}" for x in (P["return_shipping_fee_by_currency"]["GBP"], 2.99, 35, 4.95, 3.99)}
    cny = {f"{x:g}" for x in (P["return_shipping_fee"], 6, 88, 15, 299, 199, 20)}
    ship = {o["id"]: o for o in P["shipping_options"]}
    assert ship["uk_standard"]["fee"] == 2.99 and ship["uk_standard"]["free_over"] == 35
    assert (
        ship["uk_tracked24"]["fee"] == 4.95
        and ship["cn_standard"]["fee"] == 6
        and ship["cn_standard"]["free_over"] == 88
    )
    assert ship["cn_express"]["fee"] == 15 and ship["cn_express"]["free_over"] == 299
    assert "CNY 199" in P["promotions"]["MIAO20"] and "CNY 20 " in P["promotions"]["MIAO20"]
    for lang in ("en", "zh"):
        for path in sorted((PACK / "kb" / lang).glob("*.md")):
            fm, body = front_matter(path)
            text = re.sub(r"\s+", " ", body)
            for m in re.findall(r"£\s?(\d+(?:\.\d+)?)", text):
                assert m in gbp, (path.name, "£" + m)
            for m in re.findall(r"¥\s?(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?) ?元", text):
                x = m[0] or m[1]
                assert x in cny, (path.name, x + " yuan")
            if fm["layer"] != "policy":
                continue
            for m in re.findall(r"(\d+(?:-\d+)?) ?(?:business days?|working days?|个工作日)", text):
                assert m in business, (path.name, m)
            for m in re.findall(r"(?<![\d-])(\d+) ?(?:days|天)(?! ?内原路)", text):
                assert m in calendar, (path.name, m)
            for m in re.findall(r"(\d+) ?(?:months|个月)", text):
                assert m in months, (path.name, m)


def test_catalogue_specs_are_in_the_kb():
    guides = {
        "fountain": "aquapaw-fountain.md",
        "feeder": "snacktime-feeder.md",
        "gps_collar": "pawtrack-gps-collar.md",
    }
    for p in STORE["products"]:
        name = guides.get(p["attributes"]["category"])
        if not name:
            continue
        for lang in ("en", "zh"):
            text = article(lang, name).replace(" ", "")
            for num in re.findall(r"\d+(?:\.\d+)?(?:-\d+)?", p["description"]):
                assert num in text, (p["id"], lang, num)
            assert p["id"] in text


def test_answer_facts_are_in_the_kb_or_policy():
    policy_text = json.dumps(POLICY, ensure_ascii=False)
    for d, _, t, e in turns():
        if "action" not in e or e["action"] is not None:
            continue  # only answers that run nothing: their facts come from the KB or the policy
        kb = kb_text(d["language"]).replace(" ", "")
        for fact in e.get("reply_contains", []):
            if ORDER_RX.match(fact) or fact in ORDERS:
                continue
            f = fact.replace(" ", "")
            assert f in kb or fact in policy_text, (d["id"], t["text"], fact)
