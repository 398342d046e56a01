"""A shop that prices in one currency and ships abroad in others: each delivery option's
fee is shown in its own currency ("HK$40.00", not "40.00 元")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.assist.templates import render
from app.policy import StorePolicy

PROMPTS = Path(__file__).resolve().parents[1] / "prompts"
BUNDLED = json.loads((PROMPTS.parent / "data" / "policy.json").read_text(encoding="utf-8"))
POLICY = StorePolicy.model_validate(BUNDLED | {
    "currency": "CNY", "ships_within_business_days": 2,
    "shipping_options": [
        {"id": "standard", "days": "2-4 business days", "fee": 12.0, "free_over": 99.0},
        {"id": "hk_courier", "days": "3-5 business days", "fee": 40.0, "free_over": 600.0,
         "currency": "HKD", "name": {"en": "Hong Kong courier", "zh": "香港配送"}}]})


@pytest.mark.parametrize("name", ["delivery_options", "delivery_period"])
@pytest.mark.parametrize(("language", "home", "abroad"), [
    ("en", "12.00", "HK$40.00"), ("zh", "12.00 元", "40.00 港元")])
def test_each_option_in_its_own_currency(name: str, language: str, home: str,
                                          abroad: str) -> None:
    text = render(PROMPTS, language=language, name=name,
                  context={"policy": POLICY.model_dump(mode="json"), "intent": name})
    assert text is not None and home in text and abroad in text
    assert "40.00 元" not in text and "¥40.00" not in text
