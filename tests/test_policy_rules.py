"""What a store's policy file says reaches the shopper: windows and fees by reason and
currency in the replies, and keys no rule reads named to the owner, never dropped in
silence."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.actions.tracking import refund_facts
from app.assist.templates import render
from app.models._common import OrderStatus, RefundStatus
from app.policy import StorePolicy
from app.settings import get_settings
from app.store.connector import ItemSnapshot, OrderSnapshot, RefundSnapshot
from tests.conftest import invoke

PROMPTS = Path(__file__).resolve().parents[1] / "prompts"


def _policy(**changes: Any) -> dict[str, Any]:
    raw = json.loads((get_settings().data_dir / "policy.json").read_text(encoding="utf-8"))
    return {**raw, **changes}


def _say(language: str, name: str, **context: Any) -> str:
    base = {"slots": {}, "params": {}, "result": {}, "status": None}
    text = render(PROMPTS, language=language, name=name, context={**base, **context})
    assert text is not None
    return text


@pytest.mark.parametrize("language, longer", [
    ("en", "If the item is defective or arrived damaged, you have 30 days"),
    ("zh", "如果商品有质量问题或运输途中损坏，签收后 30 天内都可以退货"),
])
def test_the_returns_policy_states_each_window(language: str, longer: str) -> None:
    policy = _policy(returns_window_days=7,
                     returns_window_days_by_reason={"defective": 30, "damaged": 30,
                                                    "wrong_item": 7})
    text = _say(language, "check_refund_policy", policy=policy)
    assert longer in text
    assert text.count("30") == 1 and "7" in text


@pytest.mark.parametrize("language, currency, fee", [
    ("en", "HKD", "HK$35.00"), ("en", None, "¥12.00"), ("zh", "SGD", "6.00 新加坡元"),
])
def test_the_return_fee_is_quoted_in_the_shoppers_currency(
        language: str, currency: str | None, fee: str) -> None:
    policy = _policy(currency="CNY", return_shipping_fee=12.0, free_return_reasons=["defective"],
                     return_shipping_fee_by_currency={"HKD": 35.0, "SGD": 6.0})
    context = {"policy": policy, "currency": currency,
               "slots": {"return_reason": "changed_mind"}}
    assert fee in _say(language, "check_refund_policy", **context)
    confirm = _say(language, "get_refund", status="needs_confirmation",
                   params={"order_id": "4471", "return_reason": "changed_mind"},
                   **{k: v for k, v in context.items() if k != "slots"})
    assert fee in confirm


def test_keys_no_rule_reads_are_named(migrated_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(_policy(hygiene_exclusions=["opened toothbrushes"],
                                       returns_window_dayz=9)), encoding="utf-8")
    result = invoke("policy", "set", str(path))
    assert result.exit_code == 0
    assert "hygiene_exclusions, returns_window_dayz" in result.output  # stderr mixed in
    shown = invoke("policy", "show").output
    assert "# ignored (no rule reads them): hygiene_exclusions, returns_window_dayz" in shown
    clean = json.loads(invoke("policy", "show", "--json").output.strip().splitlines()[-1])
    assert "hygiene_exclusions" not in clean and clean["returns_window_days"] == 30


@pytest.mark.parametrize("language, name, said, unsaid", [
    ("en", "check_payment_methods", ["Huabei", "Alipay and PayNow"], ["花呗"]),
    ("zh", "check_payment_methods", ["花呗", "京东支付", "支付宝", "PayNow"], ["Huabei"]),
    ("en", "place_order", ["Huabei", "PayNow"], []),
    ("zh", "payment_issue", ["花呗"], ["JD Pay"]),
])
def test_payment_methods_are_named_in_the_shoppers_language(
        language: str, name: str, said: list[str], unsaid: list[str]) -> None:
    methods = [{"en": "Huabei", "zh": "花呗"}, "JD Pay", "Alipay", "PayNow"]
    policy = StorePolicy.model_validate(_policy(payment_methods=methods)).model_dump(mode="json")
    text = _say(language, name, policy=policy)
    assert all(s in text for s in said), text
    assert not any(u in text for u in unsaid), text


def _returned_order(amount: float) -> tuple[OrderSnapshot, RefundSnapshot]:
    when = datetime(2026, 9, 1, tzinfo=UTC)
    refund = RefundSnapshot(id="R-1", order_id="1042", status=RefundStatus.refunded,
                            amount=amount, created_at=when, refunded_at=when)
    order = OrderSnapshot(
        id="1042", customer_id="c", status=OrderStatus.returned, created_at=when, total=63.8,
        currency="HKD", items=(ItemSnapshot(line=1, product_id="P1", name="Gauge", qty=1,
                                            price=9.9),
                               ItemSnapshot(line=2, product_id="P2", name="Pump", qty=1,
                                            price=53.9)),
        refunds=(refund,))
    return order, refund


@pytest.mark.parametrize(("amount", "kept"), [(5.0, 9.9), (49.0, 53.9), (58.9, 63.8),
                                              (9.9, None), (3.0, None)])
def test_a_refund_short_by_the_return_fee_says_so(amount: float, kept: float | None) -> None:
    policy = StorePolicy.model_validate(_policy(
        return_shipping_fee=12.0, return_shipping_fee_by_currency={"HKD": 4.9}))
    order, refund = _returned_order(amount)
    facts = refund_facts(refund, order, policy)
    assert facts.get("goods_value") == kept
    assert ("return_shipping_kept" in facts) == (kept is not None)


@pytest.mark.parametrize(("language", "said"), [
    ("en", "HK$5.00: HK$9.90 less HK$4.90 for return shipping"),
    ("zh", "即商品金额 9.90 港元 扣除退货运费 4.90 港元"),
])
def test_the_refund_reply_explains_the_fee_kept(language: str, said: str) -> None:
    policy = StorePolicy.model_validate(_policy(return_shipping_fee_by_currency={"HKD": 4.9}))
    order, refund = _returned_order(5.0)
    facts = refund_facts(refund, order, policy)
    text = _say(language, "track_refund", status="executed", policy=policy.model_dump(),
                result={"order_id": "1042", "order_status": "returned", "refunds": [facts],
                        "count": 1})
    assert said in text, text
