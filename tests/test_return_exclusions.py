"""Items the policy takes back once opened only when faulty (hygiene items,
consumables): a change-of-mind return of one is refused with the reason; a fault, or
the other items of the order, go ahead."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.models import Product
from app.policy import StorePolicy
from app.settings import get_settings
from tests.conftest import get_policy, session_scope
from tests.pg import BOTH_DATABASES
from tests.test_actions_store import build_store, propose


def _policy(**changes: Any) -> StorePolicy:
    raw = json.loads((get_settings().data_dir / "policy.json").read_text(encoding="utf-8"))
    return StorePolicy.model_validate({**raw, **changes})


def test_excluded_by_category_or_product_id() -> None:
    policy = _policy(opened_return_exclusions=["Oral_Care", "SKU-7"])
    assert policy.excluded_once_opened("X1", ["oral_care"])
    assert policy.excluded_once_opened("sku-7", [])
    assert not policy.excluded_once_opened("X1", ["kitchen"])
    assert not _policy().excluded_once_opened("SKU-7", ["oral_care"])


@pytest.fixture
def store(migrated_home: Path) -> Path:
    build_store()
    return migrated_home


def _refund(params: dict[str, Any], **changes: Any) -> Any:
    policy = get_policy().model_copy(update=changes)
    return propose("get_refund", params, policy=policy)


@BOTH_DATABASES
def test_a_change_of_mind_return_of_an_excluded_item_is_refused(store: Path) -> None:
    excluded = {"opened_return_exclusions": ("P1",)}
    out = _refund({"order_id": "A103", "items": [{"product_id": "P1"}]}, **excluded)
    assert out.status == "blocked" and out.result is not None
    assert out.result["reason"] == "not_returnable_once_opened"
    assert out.result["items"] == ["Product P1"] and out.result["order_id"] == "A103"
    whole = _refund({"order_id": "A103"}, **excluded)  # the order holds P1 too
    assert whole.status == "blocked"
    faulty = _refund({"order_id": "A103", "items": [{"product_id": "P1"}],
                      "return_reason": "defective"}, **excluded)
    assert faulty.status == "needs_confirmation"
    other = _refund({"order_id": "A103", "items": [{"product_id": "P2"}]}, **excluded)
    assert other.status == "needs_confirmation"
    assert _refund({"order_id": "A103"}).status == "needs_confirmation"  # no exclusions
    sealed = _refund({"order_id": "A103", "unopened": True}, **excluded)
    assert sealed.status == "needs_confirmation"  # the shopper says it is unopened


@BOTH_DATABASES
def test_the_category_is_the_products_own_attribute(store: Path) -> None:
    with session_scope(write=True) as session:
        product = session.get(Product, "P2")
        assert product is not None
        product.attributes = {"category": "oral_care"}
        session.add(product)
    out = _refund({"order_id": "A103", "items": [{"product_id": "P2", "qty": 2}]},
                  opened_return_exclusions=("oral_care",))
    assert out.status == "blocked" and out.result is not None
    assert out.result["items"] == ["Product P2"]


@pytest.mark.parametrize(("language", "words"), [
    ("en", ["Toothbrush T6", "SO-9", "change of mind", "faulty"]),
    ("zh", ["Toothbrush T6", "SO-9", "无理由退货", "质量问题"]),
])
def test_the_refusal_says_which_items_and_why(language: str, words: list[str]) -> None:
    from app.assist.templates import render

    text = render(get_settings().prompts_dir, language=language, name="get_refund", context={
        "status": "blocked", "policy": _policy().model_dump(mode="json"),
        "params": {"order_id": "SO-9"},
        "result": {"reason": "not_returnable_once_opened", "order_id": "SO-9",
                   "items": ["Toothbrush T6"]}})
    assert text is not None and all(w in text for w in words), text


@pytest.mark.parametrize(("text", "unopened"), [
    ("桌面净化器想退 滤芯没拆 一起退", True), ("全新未拆封", True), ("包装完好 想退", True),
    ("it's still sealed, can I return it?", True), ("never opened it", True),
    ("I haven't used it", True),
    ("牙刷拆开用了两次", False), ("opened it and used it twice", False),
])
def test_a_shopper_saying_it_is_unopened(text: str, unopened: bool) -> None:
    from app.understanding.return_reasons import says_unopened

    assert says_unopened(text) is unopened
