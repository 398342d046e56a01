"""A rejected refund says why, from the reason the store recorded: the returns window in
full when that is the reason, the store's own words otherwise, nothing when none."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.assist.templates import render
from app.policy import StorePolicy

PROMPTS = Path(__file__).resolve().parents[1] / "prompts"
POLICY = StorePolicy.model_validate(
    json.loads((PROMPTS.parent / "data" / "policy.json").read_text(encoding="utf-8")))


def _reply(language: str, reason: str | None) -> str:
    refund = {"refund_id": "RT-9", "order_id": "Q-1", "status": "rejected", "amount": 20.0,
              "created_at": "2026-11-01T00:00:00Z", "refunded_at": None, "reason": reason}
    context: dict[str, Any] = {
        "policy": POLICY.model_dump(mode="json"), "intent": "track_refund",
        "status": "executed", "params": {"order_id": "Q-1"},
        "result": {"order_id": "Q-1", "refunds": [refund], "count": 1}}
    text = render(PROMPTS, language=language, name="track_refund", context=context)
    assert text is not None and "RT-9" in text
    return text


@pytest.mark.parametrize(("language", "reason", "said"), [
    ("en", "outside_window", f"after the {POLICY.returns_window_days}-day returns window"),
    ("zh", "outside_window", f"签收后 {POLICY.returns_window_days} 天的退货期"),
    ("en", "item used", "(reason: item used)"), ("zh", "商品已使用", "（原因：商品已使用）"),
])
def test_the_recorded_reason_is_said(language: str, reason: str, said: str) -> None:
    assert said in _reply(language, reason)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_reason_recorded_says_none(language: str) -> None:
    text = _reply(language, None)
    assert "reason" not in text and "原因" not in text and "window" not in text
