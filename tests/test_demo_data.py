"""The bundled demo store and knowledge base: sizes, coverage, and agreement with policy."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from app.understanding.intent import INTENTS
from retrieval.documents import iter_files, load_document

DATA = Path(__file__).resolve().parent.parent / "data"
POLICY = json.loads((DATA / "policy.json").read_text(encoding="utf-8"))
STORE = json.loads((DATA / "store" / "demo_store.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles() -> dict[str, list]:
    docs = [load_document(p) for p in iter_files([DATA / "kb"])]
    by_lang: dict[str, list] = {"en": [], "zh": []}
    for doc in docs:
        by_lang[doc.language].append(doc)
    return by_lang


def test_store_is_big_enough_and_covers_every_status() -> None:
    assert len(STORE["products"]) >= 100
    assert len(STORE["customers"]) >= 200
    assert len(STORE["orders"]) >= 1000
    assert {o["status"] for o in STORE["orders"]} == {
        "pending", "paid", "shipped", "delivered", "cancelled", "returned"}
    assert {r["status"] for r in STORE["refunds"]} == {
        "requested", "approved", "refunded", "rejected"}
    assert {c["language"] for c in STORE["customers"]} == {"en", "zh"}


def test_store_is_internally_consistent() -> None:
    customers = {c["id"] for c in STORE["customers"]}
    products = {p["id"] for p in STORE["products"]}
    orders = {o["id"]: o for o in STORE["orders"]}
    for order in orders.values():
        assert order["customer_id"] in customers
        assert all(item["product_id"] in products for item in order["items"])
        shipped = order["status"] in ("shipped", "delivered", "returned")
        assert bool(order["carrier"] and order["tracking_number"]) == shipped, order["id"]
        assert (order["delivered_at"] is not None) == (order["status"] in ("delivered",
                                                                            "returned"))
    for refund in STORE["refunds"]:
        order = orders[refund["order_id"]]
        assert order["status"] in POLICY["refundable_statuses"] + ["returned"]
        assert refund["amount"] <= order["total"]


def test_knowledge_base_covers_every_intent_and_layer(articles: dict[str, list]) -> None:
    for language, docs in articles.items():
        assert len(docs) >= 40, language
        assert {d.layer for d in docs} == {"policy", "product", "promotion", "complaint"}
        covered = {i for d in docs for i in d.meta.get("intents", [])}
        assert set(INTENTS) - {"other"} <= covered, (language, set(INTENTS) - covered)
    slugs = {lang: {d.doc_id.rsplit("-", 1)[0] for d in docs} for lang, docs in articles.items()}
    assert slugs["en"] == slugs["zh"]  # every article exists in both languages


def _text(articles: dict[str, list], slug: str, language: str) -> str:
    return next(d.text for d in articles[language] if d.doc_id == f"{slug}-{language}")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_articles_state_the_rules_the_action_layer_enforces(articles: dict[str, list],
                                                           language: str) -> None:
    returns = _text(articles, "returns-policy", language)
    assert str(POLICY["returns_window_days"]) in returns
    assert f"{POLICY['return_shipping_fee']:.2f}" in returns
    timing = _text(articles, "refund-timing", language)
    assert str(POLICY["refund_processing_business_days"]) in timing
    shipping = _text(articles, "shipping-options", language)
    for option in POLICY["shipping_options"]:
        assert f"{option['fee']:.2f}" in shipping
    invoices = _text(articles, "invoices", language)
    assert str(POLICY["invoice_request_days"]) in invoices
    deletion = _text(articles, "delete-account", language)
    assert str(POLICY["account_deletion_grace_days"]) in deletion


def test_golden_sets_reference_existing_articles(articles: dict[str, list]) -> None:
    ids = {d.doc_id for docs in articles.values() for d in docs}
    rows = [json.loads(line) for line in
            (DATA / "golden" / "retrieval.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    assert len(rows) >= 200
    assert Counter(r["language"] for r in rows).keys() == {"en", "zh"}
    assert all(set(r["relevant"]) <= ids for r in rows)
    assert any(r["kind"] == "cross" for r in rows)
