"""Service levels with a fixed clock: which clocks run, when they are breached, and how
the dashboard counts them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from app.console import sla
from app.console.reports import sla_summary
from app.models import Conversation, Message, Suggestion, Ticket
from app.models._common import utcnow
from app.settings import Settings
from tests.api_helpers import Api, api_on_copy

T0 = utcnow().replace(microsecond=0) - timedelta(hours=2)
MINUTE = timedelta(minutes=1)


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("sla")) as client:
        _story(client)
        yield client


def _conversation(cid: str, **fields: object) -> Conversation:
    return Conversation(id=cid, customer_id="C001", created_at=T0, updated_at=T0, **fields)


def _story(api: Api) -> None:
    """answered: reviewed at T0, a person answered at T0+10'; urgent: handed off at T0,
    nobody answered; bot: the bot answered by itself."""
    with api.runtime.session(write=True) as s:
        s.add(_conversation("c_sla_answered", first_response_at=T0 + 10 * MINUTE))
        s.add(_conversation("c_sla_urgent", status="handed_off"))
        s.add(_conversation("c_sla_bot"))
        s.flush()
        for cid in ("c_sla_answered", "c_sla_urgent", "c_sla_bot"):
            s.add(Message(conversation_id=cid, role="shopper", text="hi", created_at=T0))
        s.flush()
        s.add(Message(conversation_id="c_sla_answered", role="agent", text="hello",
                      created_at=T0 + 10 * MINUTE))
        s.add(Ticket(id="t_sla_urgent", conversation_id="c_sla_urgent", priority="urgent",
                     reason="anger", created_at=T0 + timedelta(seconds=1)))
        bot_turn = s.exec(select(Message).where(Message.conversation_id == "c_sla_bot")).one()
        s.add(Suggestion(conversation_id="c_sla_bot", message_id=bot_turn.id, kind="template",
                         text="hello", confidence=0.95, decision="accepted", decided_by="bot",
                         decided_at=T0))


def view(api: Api, cid: str, now: datetime, settings: Settings | None = None) -> sla.SlaView:
    with api.runtime.session() as s:
        conv = s.get(Conversation, cid)
        assert conv is not None
        out = sla.conversation_view(s, settings or api.runtime.settings, conv, now)
    assert out is not None
    return out


def test_a_reply_owed_on_an_urgent_hand_off_is_breached_after_five_minutes(api: Api) -> None:
    early = view(api, "c_sla_urgent", T0 + 4 * MINUTE)
    assert early.priority == "urgent" and early.breached == []
    assert early.reply is not None and early.reply.left_s == 60.0
    assert early.reply.due_at == T0 + 5 * MINUTE
    late = view(api, "c_sla_urgent", T0 + 10 * MINUTE)
    assert late.breached == ["reply"] and late.reply is not None
    assert late.reply.left_s == -300.0
    assert late.resolution is not None and late.resolution.target_s == 4 * 3600
    assert late.resolution.done_at is None and not late.resolution.breached
    assert view(api, "c_sla_urgent", T0 + timedelta(hours=5)).breached == [
        "reply", "resolution"]


def test_targets_come_from_the_settings(api: Api) -> None:
    relaxed = api.runtime.settings.model_copy(update={"sla_first_response_s": {
        **api.runtime.settings.sla_first_response_s, "urgent": 900.0}})
    assert view(api, "c_sla_urgent", T0 + 10 * MINUTE, relaxed).breached == []


def test_an_answered_conversation_keeps_its_first_response(api: Api) -> None:
    out = view(api, "c_sla_answered", T0 + 60 * MINUTE)
    assert out.reply is None and out.resolution is None and out.breached == []
    assert out.first_response is not None and out.first_response.done_at == T0 + 10 * MINUTE
    assert out.first_response.left_s == 50 * 60 and not out.first_response.breached


def test_the_bots_own_answers_have_no_clock(api: Api) -> None:
    with api.runtime.session() as s:
        conv = s.get(Conversation, "c_sla_bot")
        assert conv is not None
        assert sla.conversation_view(s, api.runtime.settings, conv, T0) is None


def test_the_summary_counts_met_breached_and_running(api: Api) -> None:
    with api.runtime.session() as s:
        at = sla_summary(s, api.runtime.settings, since=T0 - MINUTE, now=T0 + 10 * MINUTE)
        fixed = sla_summary(s, api.runtime.settings, since=T0 - MINUTE, now=T0 + 2 * MINUTE)
    assert (at.first_response.total, at.first_response.met, at.first_response.breached) == (
        2, 1, 1)
    assert at.first_response.breached_by_priority == {"urgent": 1}
    assert at.first_response.attainment == 0.5
    assert (at.resolution.total, at.resolution.running, at.resolution.breached) == (1, 1, 0)
    assert fixed.first_response.breached == 0 and fixed.first_response.running == 1
    assert at.targets["first_response_s"]["urgent"] == 300


def test_the_api_shows_the_clocks(api: Api) -> None:
    staff = api.ok("GET", "/api/conversations/c_sla_urgent", "agent")["staff"]
    assert staff["priority"] == "urgent" and "reply" in staff["sla"]["breached"]
    item = {q["conversation_id"]: q for q in api.ok("GET", "/api/queue", "agent")}[
        "c_sla_urgent"]
    assert item["sla"]["reply"]["breached"] and item["sla"]["reply"]["left_s"] < 0
    summary = api.ok("GET", "/api/analytics/summary?days=1", "analyst")
    assert summary["sla"]["first_response"]["breached"] >= 1
    assert summary["sla"]["first_response"]["met"] >= 1
