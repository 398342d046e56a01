"""The store policy, the SQL store connector, and the small store the action tests share.

The other ``test_actions*`` modules import :func:`build_store` and the call helpers
from here, so every action test runs on this store rather than on the demo data.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import event
from sqlmodel import col, select

from app.actions import ActionOutcome, Actor, confirm_action, propose_action, reject_action
from app.errors import ConfigError, NotFoundError
from app.models import ActionAudit, ActionRecord, Conversation, Customer, Order, Refund
from app.policy import StorePolicy, read_policy
from app.settings import get_settings
from app.store.connector import CONNECTORS, NewItem, StoreConnector
from app.store.importer import import_store
from tests.conftest import get_policy, session_scope
from tests.pg import BOTH_DATABASES

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SHOPPER = Actor.shopper("C1")
OTHER = Actor.shopper("C2")
AGENT = Actor.agent("alice")
CONV = "c_ada"
OTHER_CONV = "c_bob"


def _at(days_ago: float) -> str:
    return (NOW - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _order(oid: str, customer: str, status: str, days_ago: float, items: list[tuple[str, int]],
           **extra: Any) -> dict[str, Any]:
    prices = {"P1": 14.0, "P2": 14.0, "P3": 189.0}
    lines: list[dict[str, Any]] = [
        {"product_id": p, "name": f"Product {p}", "qty": q, "price": prices[p]} for p, q in items]
    return {"id": oid, "customer_id": customer, "status": status, "created_at": _at(days_ago),
            "items": lines, "total": sum(i["qty"] * i["price"] for i in lines),
            "currency": "USD", "shipping_address": f"{oid} Harbor Street, Austin TX", **extra}


def store_data(policy: StorePolicy) -> dict[str, Any]:
    """Orders placed relative to NOW and to the policy's own numbers, never literals."""
    window, invoice_days = policy.returns_window_days, policy.invoice_request_days
    delivered = {"carrier": "UPS", "tracking_number": "1ZTRACK"}
    return {
        "customers": [
            {"id": "C1", "name": "Ada", "default_address": "1 Old Lane, Austin TX"},
            {"id": "C2", "name": "Bob", "default_address": "9 Private Road, Boston MA"},
        ],
        "products": [
            {"id": "P1", "name": "Mug Blue", "price": 14.0},
            {"id": "P2", "name": "Mug White", "price": 14.0},
            {"id": "P3", "name": "Jacket M", "price": 189.0},
            {"id": "PE", "name": "Euro Mug", "price": 12.0, "currency": "EUR"},
        ],
        "orders": [
            _order("A100", "C1", "pending", 1, [("P1", 2)]),
            _order("A101", "C1", "paid", 2, [("P3", 1)]),
            _order("A102", "C1", "shipped", 3, [("P1", 1)], shipped_at=_at(1), **delivered),
            _order("A103", "C1", "delivered", 8, [("P1", 1), ("P2", 2)], shipped_at=_at(7),
                   delivered_at=_at(5), **delivered),
            _order("A104", "C1", "delivered", window + 10, [("P1", 1)],
                   shipped_at=_at(window + 9), delivered_at=_at(window + 1), **delivered),
            _order("A105", "C1", "delivered", 6, [("P3", 1)], shipped_at=_at(5),
                   delivered_at=_at(4), **delivered),
            _order("A106", "C1", "cancelled", 9, [("P2", 1)]),
            _order("A107", "C1", "delivered", invoice_days + 10, [("P2", 1)],
                   shipped_at=_at(invoice_days + 9), delivered_at=_at(invoice_days + 8),
                   **delivered),
            _order("B200", "C2", "paid", 2, [("P3", 1)]),
            _order("B201", "C2", "delivered", 6, [("P1", 1)], shipped_at=_at(5),
                   delivered_at=_at(3), **delivered),
        ],
        "refunds": [
            {"id": "R1", "order_id": "A105", "status": "requested", "amount": 189.0,
             "created_at": _at(1)},
            {"id": "R2", "order_id": "B201", "status": "refunded", "amount": 14.0,
             "created_at": _at(2), "refunded_at": _at(1)},
        ],
    }


def build_store() -> None:
    with session_scope(write=True) as session:
        report = import_store(data=store_data(get_policy()), session=session)
        assert not report.rejected, report.rejected
        session.add(Conversation(id=CONV, customer_id="C1"))
        session.add(Conversation(id=OTHER_CONV, customer_id="C2"))


@pytest.fixture
def store(migrated_home: Path) -> Path:
    build_store()
    return migrated_home


# --- helpers the other action test modules use --------------------------------------------


def propose(name: str, params: Any, actor: Actor = SHOPPER, **kw: Any) -> ActionOutcome:
    kw.setdefault("now", NOW)
    kw.setdefault("policy", get_policy())
    with session_scope(write=True) as session:
        return propose_action(session=session, name=name, params=params, actor=actor, **kw)


def confirm(action_id: int | None, actor: Actor = SHOPPER, **kw: Any) -> ActionOutcome:
    assert action_id is not None
    kw.setdefault("now", NOW)
    kw.setdefault("policy", get_policy())
    with session_scope(write=True) as session:
        return confirm_action(session=session, action_id=action_id, actor=actor, **kw)


def reject(action_id: int | None, actor: Actor = SHOPPER) -> ActionOutcome:
    assert action_id is not None
    with session_scope(write=True) as session:
        return reject_action(session=session, action_id=action_id, actor=actor, now=NOW)


def order(oid: str) -> Order:
    with session_scope() as session:
        row = session.get(Order, oid)
        assert row is not None
        return row


def refunds(oid: str) -> list[Refund]:
    with session_scope() as session:
        return list(session.exec(select(Refund).where(Refund.order_id == oid)))


def customer(cid: str) -> Customer:
    with session_scope() as session:
        row = session.get(Customer, cid)
        assert row is not None
        return row


def audits() -> list[ActionAudit]:
    with session_scope() as session:
        return list(session.exec(select(ActionAudit).order_by(col(ActionAudit.id))))


def action_rows() -> list[ActionRecord]:
    with session_scope() as session:
        return list(session.exec(select(ActionRecord).order_by(col(ActionRecord.id))))


def set_status(oid: str, status: str, **fields: Any) -> None:
    """Move an order on behind the action layer's back, as the warehouse would."""
    with session_scope(write=True) as session:
        row = session.get(Order, oid)
        assert row is not None
        row.status = status  # type: ignore[assignment]
        for key, value in fields.items():
            setattr(row, key, value)
        session.add(row)


# --- policy --------------------------------------------------------------------------------


def test_policy_is_the_bundled_file(kefu_home: Path) -> None:
    raw = json.loads((get_settings().data_dir / "policy.json").read_text(encoding="utf-8"))
    policy = get_policy()
    assert policy.returns_window_days == raw["returns_window_days"]
    assert policy.invoice_request_days == raw["invoice_request_days"]
    assert policy.cancellable_statuses == frozenset(raw["cancellable_statuses"])
    assert policy.order_change_statuses == frozenset(raw["order_change_statuses"])
    assert policy.refundable_statuses == frozenset(raw["refundable_statuses"])


@pytest.mark.parametrize("content, words", [
    (None, "not found"),
    ("{not json", "cannot read"),
    ('{"returns_window_days": 30, "cancellable_statuses": ["lost"]}', "invalid store policy"),
])
def test_bad_policy_file_is_a_config_error(tmp_path: Path, content: str | None,
                                           words: str) -> None:
    path = tmp_path / "policy.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=words):
        read_policy(path)


# --- SQL connector -------------------------------------------------------------------------


def _connector(session: Any) -> StoreConnector:
    return CONNECTORS["sql"](session=session)


@BOTH_DATABASES
def test_connector_reads_immutable_snapshots(store: Path) -> None:
    with session_scope() as session:
        conn = _connector(session)
        snap = conn.get_order("A105")
        assert snap is not None and snap.customer_id == "C1"
        assert [(i.product_id, i.qty) for i in snap.items] == [("P3", 1)]
        assert [r.id for r in snap.refunds] == ["R1"]
        assert snap.created_at.tzinfo is not None
        with pytest.raises(ValidationError):
            snap.status = "cancelled"  # type: ignore[misc, assignment]
        assert conn.get_order("NOPE") is None
        assert [o.id for o in conn.list_orders("C2")] == ["B200", "B201"]  # newest first
        assert set(conn.get_products(["P1", "PE", "NOPE"])) == {"P1", "PE"}
        assert conn.get_customer("C1") is not None and conn.get_customer("NOPE") is None


@BOTH_DATABASES
def test_connector_writes(store: Path) -> None:
    with session_scope(write=True) as session:
        conn = _connector(session)
        after = conn.replace_items("A100", [
            NewItem(product_id="P3", name="Jacket M", qty=1, price=189.0),
            NewItem(product_id="P2", name="Mug White", qty=3, price=14.0),
        ])
        assert after.total == 231.0 and [i.line for i in after.items] == [0, 1]
        refund = conn.create_refund("A103", amount=14.0, reason=None, created_at=NOW)
        assert refund.status == "requested" and refund.created_at == NOW
        assert conn.set_default_address("C1", "2 New Lane").default_address == "2 New Lane"
        with pytest.raises(NotFoundError):
            conn.cancel_order("NOPE")
        with pytest.raises(NotFoundError):
            conn.set_default_address("NOPE", "x")
    assert order("A100").total == 231.0


def _statements(session: Any) -> list[str]:
    seen: list[str] = []
    event.listen(session.get_bind(), "before_cursor_execute",
                 lambda *args: seen.append(args[2]))
    return seen


@BOTH_DATABASES
def test_connector_reads_an_order_once_per_session_until_a_write(store: Path) -> None:
    """A turn lists the orders, then an action's guard asks for one again: no second
    read. A write forgets what was read, also when its savepoint is rolled back."""
    with session_scope(write=True) as session:
        conn = _connector(session)
        listed = {o.id: o for o in conn.list_orders("C1")}
        statements = _statements(session)
        assert _connector(session).get_order("A100") == listed["A100"]
        assert statements == []
        savepoint = session.begin_nested()
        conn.cancel_order("A100")
        assert conn.get_order("A100").status == "cancelled"  # type: ignore[union-attr]
        savepoint.rollback()
        statements.clear()
        assert conn.get_order("A100").status == "pending"  # type: ignore[union-attr]
        assert statements, "read again from the database after the rollback"
        conn.create_refund("A103", amount=14.0, reason=None, created_at=NOW)
        assert len(conn.get_order("A103").refunds) == 1  # type: ignore[union-attr]
    with session_scope() as session:
        assert _connector(session).get_order("A100").status == "pending"  # type: ignore[union-attr]
