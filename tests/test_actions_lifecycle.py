"""Action lifecycle: idempotent proposals, confirmation and its replay, rejection, audit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.actions import confirm_action
from app.actions.records import EXECUTED_REPLAY_WINDOW
from app.errors import BackendError
from app.store.connector import CONNECTORS, OrderSnapshot, StoreConnector
from tests.conftest import get_policy, session_scope
from tests.pg import BOTH_DATABASES
from tests.test_actions_store import (
    AGENT,
    CONV,
    NOW,
    OTHER,
    OTHER_CONV,
    SHOPPER,
    action_rows,
    audits,
    build_store,
    confirm,
    order,
    propose,
    refunds,
    reject,
    set_status,
)

NEW_ADDRESS = "77 Harbour Road, Austin TX 78701"


# every test on SQLite and on PostgreSQL (tests/pg.py)
pytestmark = BOTH_DATABASES


@pytest.fixture(autouse=True)
def _store(migrated_home: Path) -> None:
    build_store()


# --- idempotency, confirmation, rejection ---------------------------------------------------


def test_same_proposal_twice_is_one_pending_row() -> None:
    params = {"order_id": "A101", "address": NEW_ADDRESS}
    first = propose("change_shipping_address", params, conversation_id=CONV)
    again = propose("change_shipping_address", dict(reversed(params.items())),
                    conversation_id=CONV)
    assert first.status == again.status == "needs_confirmation"
    assert first.result is None
    assert first.action_id == again.action_id
    other = propose("change_shipping_address", {**params, "address": "5 Other Road, Austin"},
                    conversation_id=CONV)
    assert other.action_id != first.action_id
    assert len(action_rows()) == 2
    assert [a.event for a in audits()] == ["proposed", "replayed", "proposed"]


def test_confirmation_replay_applies_once() -> None:
    pending = propose("get_refund", {"order_id": "A103"}, conversation_id=CONV)
    done = confirm(pending.action_id)
    assert done.status == "executed" and done.result is not None
    # the ordinary return: its fee comes off
    fee = get_policy().return_fee(None, order("A103").currency)
    assert done.result["amount"] == round(order("A103").total - fee, 2)
    replay = confirm(pending.action_id)
    assert replay == done
    assert len(refunds("A103")) == 1
    events = [a.event for a in audits() if a.action_id == pending.action_id]
    assert events == ["proposed", "confirmed", "executed", "replayed"]


def test_confirm_after_the_order_shipped_meanwhile_is_blocked() -> None:
    pending = propose("change_shipping_address", {"order_id": "A101", "address": NEW_ADDRESS})
    set_status("A101", "shipped")
    out = confirm(pending.action_id)
    assert out.status == "blocked" and out.result is not None
    assert out.result["reason"] == "status_not_allowed"
    assert out.result["order_status"] == "shipped"
    assert order("A101").shipping_address != NEW_ADDRESS
    assert action_rows()[-1].status == "blocked"
    assert confirm(pending.action_id) == out  # stays blocked, no second attempt


def test_reproposing_after_the_order_shipped_blocks_the_pending_row() -> None:
    pending = propose("cancel_order", {"order_id": "A101"})
    set_status("A101", "shipped")
    again = propose("cancel_order", {"order_id": "A101"})
    assert again.action_id == pending.action_id and again.status == "blocked"
    assert action_rows()[-1].status == "blocked"


def test_reject_stores_rejected_and_nothing_changes() -> None:
    pending = propose("cancel_order", {"order_id": "A101"}, conversation_id=CONV)
    out = reject(pending.action_id)
    assert out.status == "blocked" and out.result is not None
    assert out.result["reason"] == "rejected" and out.action_id == pending.action_id
    assert action_rows()[-1].status == "rejected"
    assert confirm(pending.action_id) == out
    assert reject(pending.action_id) == out
    assert order("A101").status == "paid"
    fresh = propose("cancel_order", {"order_id": "A101"}, conversation_id=CONV)
    assert fresh.status == "needs_confirmation" and fresh.action_id != pending.action_id
    assert [r.status for r in action_rows()] == ["rejected", "needs_confirmation"]


def test_reject_after_execution_is_refused() -> None:
    pending = propose("cancel_order", {"order_id": "A101"})
    confirm(pending.action_id)
    out = reject(pending.action_id, actor=AGENT)
    assert out.status == "blocked" and out.result is not None
    assert out.result["reason"] == "not_pending" and out.result["action_status"] == "executed"
    assert order("A101").status == "cancelled"


def test_who_may_confirm_what() -> None:
    bot = propose("cancel_order", {"order_id": "A101"}, conversation_id=CONV)
    by_agent = confirm(bot.action_id, actor=AGENT)
    assert by_agent.result is not None
    assert by_agent.result["reason"] == "needs_shopper_confirmation"
    console = propose("cancel_order", {"order_id": "A100"}, actor=AGENT, conversation_id=CONV,
                      mode="console")
    assert console.status == "needs_approval"
    by_shopper = confirm(console.action_id)
    assert by_shopper.result is not None
    assert by_shopper.result["reason"] == "needs_agent_approval"
    assert order("A100").status == "pending"
    approved = confirm(console.action_id, actor=AGENT)
    assert approved.status == "executed" and order("A100").status == "cancelled"
    assert "approved" in [a.event for a in audits() if a.action_id == console.action_id]


def test_another_customers_action_looks_exactly_like_an_unknown_one() -> None:
    pending = propose("cancel_order", {"order_id": "B200"}, actor=OTHER,
                      conversation_id=OTHER_CONV)
    assert pending.action_id is not None
    foreign = confirm(pending.action_id, actor=SHOPPER)
    unknown = confirm(pending.action_id + 100, actor=SHOPPER)
    assert foreign.result == {"reason": "not_your_action"}
    assert foreign.model_dump_json() == unknown.model_dump_json()
    assert reject(pending.action_id).model_dump_json() == foreign.model_dump_json()
    assert order("B200").status == "paid"
    assert action_rows()[-1].status == "needs_confirmation"


def test_executed_proposal_replays_within_the_window_then_acts_anew() -> None:
    params = {"address": "3 Fresh Street, Austin TX"}
    first = propose("set_up_shipping_address", params)
    done = confirm(first.action_id)
    assert propose("set_up_shipping_address", params) == done
    later = propose("set_up_shipping_address", params, now=NOW + 2 * EXECUTED_REPLAY_WINDOW)
    assert later.status == "needs_confirmation" and later.action_id != first.action_id


# --- audit and failures ----------------------------------------------------------------------


def test_every_attempt_is_audited() -> None:
    propose("get_refund", {"order_id": "A102"})  # blocked by policy
    propose("get_refund", {"order_id": "B201"})  # blocked: not theirs
    propose("get_refund", {})  # failed
    propose("track_order", {"order_id": "A100"})  # executed
    rows = audits()
    assert [(a.event, a.action_name) for a in rows] == [
        ("blocked", "get_refund"), ("blocked", "get_refund"), ("failed", "get_refund"),
        ("executed", "track_order")]
    assert rows[0].detail["result"]["reason"] == "status_not_allowed"
    assert rows[1].detail["result"] == {"reason": "not_your_order"}
    assert all(a.actor == "shopper:C1" for a in rows)


class BrokenStore:
    """A store whose writes fail: reads go to the real one."""

    def __init__(self, **kwargs: Any) -> None:
        self.inner: StoreConnector = CONNECTORS["sql"](**kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def cancel_order(self, order_id: str) -> OrderSnapshot:
        raise BackendError("store is down")


def test_a_failing_store_gives_failed_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(CONNECTORS, "broken", BrokenStore)
    pending = propose("cancel_order", {"order_id": "A101"})
    with session_scope(write=True) as session:
        out = confirm_action(session=session, action_id=pending.action_id or 0, actor=SHOPPER,
                             policy=get_policy(), now=NOW,
                             connector=CONNECTORS["broken"](session=session))
    assert out.status == "failed" and out.result == {"reason": "execution_failed"}
    assert order("A101").status == "paid"
    assert audits()[-1].event == "failed" and action_rows()[-1].status == "failed"
