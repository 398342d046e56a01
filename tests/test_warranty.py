"""A warranty question is answered from the store's policy: its months by product
category where the store sets them, and for an item of a delivered order the date the
warranty runs to."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlmodel import Session

from app.assist.service import assist_once
from app.assist.warranty import add_months, warranty_context
from app.policy import StorePolicy
from app.settings import get_settings
from app.understanding.slots import Slots
from tests.conftest import current, reset_caches, session_scope


def _policy(**changes: Any) -> dict[str, Any]:
    raw = json.loads((get_settings().data_dir / "policy.json").read_text(encoding="utf-8"))
    return {**raw, **changes}


def test_the_months_by_category_else_the_stores_own() -> None:
    policy = StorePolicy.model_validate(_policy(
        warranty_months=12, warranty_months_by_category={"Air_Purifier": 24}))
    assert policy.warranty_for(["purifier", "air_purifier"]) == 24
    assert policy.warranty_for(["kettle"]) == 12
    assert StorePolicy.model_validate(_policy()).warranty_for(["kettle"]) is None


@pytest.mark.parametrize(("day", "months", "until"), [
    (datetime(2026, 1, 31), 1, "2026-02-28"), (datetime(2026, 11, 3), 24, "2028-11-03"),
    (datetime(2027, 12, 15), 1, "2028-01-15"),
])
def test_a_warranty_runs_whole_months(day: datetime, months: int, until: str) -> None:
    assert add_months(day, months).isoformat() == until


def _delivered_line(home: Path, category: str) -> tuple[str, str, str, str]:
    """(customer, order, line name, delivered_at) of a delivered order whose only line
    is a product of ``category``."""
    with sqlite3.connect(home / "kefu.db") as conn:
        rows = conn.execute(
            'SELECT o.customer_id, o.id, i.name, o.delivered_at, p.attributes FROM "order" o '
            "JOIN order_item i ON i.order_id = o.id JOIN product p ON p.id = i.product_id "
            "WHERE o.status = 'delivered' AND (SELECT count(*) FROM order_item j "
            "WHERE j.order_id = o.id) = 1 ORDER BY o.id").fetchall()
    for customer, oid, name, delivered, attributes in rows:
        if json.loads(attributes).get("category") == category:
            return customer, oid, name, str(delivered)[:10]
    raise AssertionError(f"the demo store has a delivered {category} order of one line")


@pytest.fixture
def home(demo_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KEFU_LLM_BACKEND", "none")
    (demo_home / "policy.json").write_text(json.dumps(_policy(
        warranty_months=12, warranty_months_by_category={"electronics": 24})),
        encoding="utf-8")
    reset_caches()
    return demo_home


@pytest.mark.parametrize(("category", "months", "language"), [
    ("electronics", 24, "en"), ("kitchen", 12, "en"), ("electronics", 24, "zh"),
])
def test_the_warranty_of_an_ordered_item(home: Path, category: str, months: int,
                                         language: str) -> None:
    customer, oid, name, delivered = _delivered_line(home, category)
    text = (f"is my order {oid} still under warranty?" if language == "en"
            else f"订单{oid}还在保修期内吗")
    r = assist_once(current(), customer_id=customer, text=text, label="warranty").result
    assert r.intent == "product_question", r.intent
    answer = next((s.text for s in r.suggestions if s.kind == "template"), "")
    until = add_months(datetime.fromisoformat(delivered), months)
    if language == "en":
        assert f"{name} comes with a {months}-month warranty" in answer, answer
        assert until.strftime("%b %-d, %Y") in answer, answer
    else:
        assert f"保修 {months} 个月" in answer and f"{until.year}年{until.month}月" in answer


@pytest.mark.parametrize(("language", "none_said"), [("en", "has no warranty"),
                                                     ("zh", "不在保修范围内")])
def test_an_item_with_no_warranty_is_said_so_and_offered_no_claim(
        demo_home: Path, language: str, none_said: str) -> None:
    # a store's food or litter: no warranty, so neither "a 0-month warranty" nor a claim
    (demo_home / "policy.json").write_text(json.dumps(_policy(
        warranty_months=12, warranty_months_by_category={"kitchen": 0})), encoding="utf-8")
    reset_caches()
    customer, oid, name, _ = _delivered_line(demo_home, "kitchen")
    text = (f"is my order {oid} still under warranty?" if language == "en"
            else f"订单{oid}还在保修期内吗")
    label = f"no-warranty-{language}"
    r = assist_once(current(), customer_id=customer, text=text, label=label).result
    answer = next((s.text for s in r.suggestions if s.kind == "template"), "")
    assert f"{name}{' ' if language == 'en' else ''}{none_said}" in answer, answer
    assert "0-month" not in answer and "0 个月" not in answer
    assert "colleague" not in answer and "同事" not in answer, answer
    yes = assist_once(current(), customer_id=customer, text="yes" if language == "en" else "是的",
                      label=label).result
    assert yes.intent != "contact_human_agent" and yes.ticket_id is None, yes.intent


def test_no_warranty_in_the_policy_leaves_it_to_the_knowledge_base(demo_home: Path) -> None:
    customer, oid, _, _ = _delivered_line(demo_home, "electronics")
    r = assist_once(current(), customer_id=customer, text=f"is order {oid} under warranty?",
                    label="warranty").result
    assert not any("warranty" in s.text and s.kind == "template" for s in r.suggestions)


def _reading(policy: StorePolicy, session: Session, products: list[str]) -> Any:
    """What warranty_context reads of a turn: the policy, the products named, no order."""
    return SimpleNamespace(rt=SimpleNamespace(policy=policy), session=session,
                           order_in_hand=lambda: None,
                           text="what's the warranty on these?",
                           u=SimpleNamespace(slots=Slots(item_products=products), language="en"))


def test_products_of_two_categories_are_answered_each(home: Path) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        rows = conn.execute("SELECT id, name, attributes FROM product ORDER BY id").fetchall()
    first: dict[str, tuple[str, str]] = {}
    for pid, name, attributes in rows:
        first.setdefault(json.loads(attributes).get("category"), (pid, name))
    (kitchen, kname), (gadget, gname) = first["kitchen"], first["electronics"]
    policy = current().policy
    with session_scope() as session:
        each = warranty_context(_reading(policy, session, [kitchen, gadget]))
        alike = warranty_context(_reading(policy, session, [kitchen]))
        many = warranty_context(_reading(policy, session, [pid for pid, _, _ in rows]))
    assert each is not None and sorted((x["name"], x["months"]) for x in each["lines"]) == sorted(
        [(kname, 12), (gname, 24)])
    assert alike == {"lines": [], "months": 12, "named": True, "claim_offered": True}
    assert many is None  # too many products to list: the knowledge base answers


@pytest.mark.parametrize(("language", "text"), [
    ("en", "I want to return order {oid}, it stopped working"),
    ("zh", "订单{oid}坏了，我要退货"),
])
def test_a_return_too_late_names_the_items_own_warranty(home: Path, language: str,
                                                         text: str) -> None:
    customer, oid, _, delivered = _delivered_line(home, "electronics")
    r = assist_once(current(), customer_id=customer, text=text.format(oid=oid),
                    label="late").result
    assert r.action is not None and r.action.status == "blocked", r.action
    until = add_months(datetime.fromisoformat(delivered), 24)
    if language == "en":
        assert f"24-month warranty (until {until.strftime('%b %-d, %Y')})" in r.reply, r.reply
    else:
        said = f"24 个月保修期内（到{until.year}年{until.month}月{until.day}日）"
        assert said in r.reply, r.reply


def test_nothing_named_is_answered_only_by_one_warranty_for_all(home: Path) -> None:
    """"保修多久" naming nothing the store knows: the store's warranty only where every
    product has it; a store with warranties by category leaves it to the knowledge base."""
    question = SimpleNamespace(rt=current(), session=None, order_in_hand=lambda: None,
                               text="保修多久",
                               u=SimpleNamespace(slots=Slots(), language="zh"))
    assert warranty_context(question) is None  # type: ignore[arg-type]
    question.rt = SimpleNamespace(policy=StorePolicy.model_validate(_policy(
        warranty_months=24)))
    assert warranty_context(question) == {  # type: ignore[arg-type]
        "lines": [], "months": 24, "named": False, "claim_offered": True}



@pytest.mark.parametrize(("text", "part"), [
    ("how long is the battery warranty?", "battery"), ("what about the batteries?", "battery"),
    ("扫地机的电池保修几个月", "电池"), ("is the motor covered?", None),
    ("is the batterypack covered?", None),
])
def test_a_part_with_its_own_warranty_is_found_by_its_name(text: str, part: str | None) -> None:
    policy = StorePolicy.model_validate(_policy(
        warranty_months=24, warranty_months_by_part={"battery": 12, "电池": 12}))
    assert policy.part_named(text) == ((part, 12) if part else None)


@pytest.mark.parametrize(("language", "text", "said"), [
    ("en", "how long is the battery warranty on my order {oid}?",
     "The battery comes with a 12-month warranty of its own"),
    ("zh", "订单{oid}的电池保修几个月", "电池单独保修 12 个月"),
])
def test_a_parts_own_warranty_is_answered(home: Path, language: str, text: str,
                                          said: str) -> None:
    (home / "policy.json").write_text(json.dumps(_policy(
        warranty_months=24, warranty_months_by_part={"battery": 12, "电池": 12})),
        encoding="utf-8")
    reset_caches()
    customer, oid, _, _ = _delivered_line(home, "electronics")
    r = assist_once(current(), customer_id=customer, text=text.format(oid=oid),
                    label="part").result
    answer = next((s.text for s in r.suggestions if s.kind == "template"), "")
    assert said in answer, (r.intent, answer)
