"""tau-bench retail and ECom-Bench: mock DB slices -> the store import format -> cases."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.settings import get_settings
from app.store.importer import import_store
from eval.external_stores import convert_ecom, convert_tau
from eval.external_tasks import (
    derive_ecom,
    derive_tau,
    expected_status,
    first_person_en,
    tau_message,
    zh_message,
)
from tests.conftest import get_policy, session_scope

EVAL = get_settings().eval_data_dir
TAU = EVAL / "tau_bench_retail"
ECOM = EVAL / "ecom_bench_zh"
NOW = datetime(2026, 6, 1, tzinfo=UTC)
pytestmark = pytest.mark.skipif(not (TAU / "db").is_dir() or not (ECOM / "db").is_dir(),
                                reason="external evaluation data not present")


def _tasks(path: Path, n: int) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:n]]


def test_tau_slice_converts_and_imports(migrated_home: Path) -> None:
    store = convert_tau(TAU / "db", now=NOW, users=["yusuf_rossi_9620", "noah_brown_6181"])
    assert {c["id"] for c in store.store["customers"]} == {"yusuf_rossi_9620",
                                                          "noah_brown_6181"}
    order = next(o for o in store.store["orders"]
                 if o["id"] == store.order_ids["#W2378156"])
    assert order["id"][0] == "T" and len(order["id"]) == 6  # letter + 5 digits
    assert order["status"] == "delivered" and order["delivered_at"] is not None
    assert order["items"] and all(i["qty"] == 1 for i in order["items"])
    with session_scope(write=True) as session:
        report = import_store(data=store.store, session=session)
    assert report.rejected == []
    assert report.counts["orders"].inserted == len(store.store["orders"])


def test_ecom_slice_converts_and_imports(migrated_home: Path) -> None:
    store = convert_ecom(ECOM / "db", now=NOW, users=["cnjd喜哥2号"])
    (customer,) = store.store["customers"]
    assert customer["id"].startswith("ECU") and customer["language"] == "zh"
    assert customer["default_address"].startswith("广东省揭阳市")
    statuses = {o["id"]: o["status"] for o in store.store["orders"]}
    assert statuses[store.order_ids["313021098954"]] == "paid"  # 已付款
    assert all(o["currency"] == "CNY" for o in store.store["orders"])
    with session_scope(write=True) as session:
        report = import_store(data=store.store, session=session)
    assert report.rejected == []


def test_expected_status_follows_our_policy() -> None:
    policy = get_policy()
    assert expected_status("cancel_order", "paid", policy) == "needs_confirmation"
    assert expected_status("cancel_order", "shipped", policy) == "blocked"
    assert expected_status("get_refund", "delivered", policy) == "needs_confirmation"
    assert expected_status("change_order", "pending", policy) is None  # not scored


def test_tau_instruction_becomes_a_first_person_request() -> None:
    text = tau_message(
        "You are Yusuf Rossi in 19122. You received your order #W2378156 and wish to "
        "exchange the keyboard. If the agent asks for confirmation, say no. "
        "You are detail-oriented.", {"#W2378156": "T00143"})
    assert text == "I received my order T00143 and wish to exchange the keyboard."
    assert first_person_en("Your order is late, can they help you?") == \
        "My order is late, can they help me?"


def test_zh_goal_gets_first_person_and_the_order_id() -> None:
    text = zh_message("然后，如果还没有发货，你希望取消订单（注意：禁止透露这个信息）",
                      "313271663680", {"313271663680": "J00017"})
    assert text == "如果还没有发货，我希望取消订单，订单号J00017。"


def test_cases_from_a_few_tasks() -> None:
    policy = get_policy()
    tau_tasks = _tasks(TAU / "tasks_test.jsonl", 6)
    users = {str(t["user_id"]) for t in tau_tasks}
    tau = derive_tau(tau_tasks, convert_tau(TAU / "db", now=NOW, users=users), policy)
    assert tau.tasks == 6 and len(tau.cases) + sum(tau.skipped.values()) == 6
    first = tau.cases[0]
    assert first.expected == "change_order" and first.their_action.startswith("exchange")
    ecom_tasks = _tasks(ECOM / "tasks.jsonl", 6)
    ecom = derive_ecom(ecom_tasks, convert_ecom(ECOM / "db", now=NOW), policy)
    cancel = next(c for c in ecom.cases if c.id == "ecombench-000#g4")
    assert cancel.expected == "cancel_order" and cancel.expected_status == "needs_confirmation"
    assert any("manage_urgent" in reason for reason in ecom.skipped)
