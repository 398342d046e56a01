"""The channel seam with a fake channel registered like a real one: one turn per
platform message, every shopper-facing message queued exactly once, retries with
back-off, dead letters kept and retried, order kept within a conversation."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.channels import outbox
from tests.api_helpers import Api
from tests.conftest import invoke
from tests.fakes.channel_apis import wait_for
from tests.fakes.channel_app import FakeChannel, channel_api

HEADERS = {"x-fake-token": "ok"}
LINKED = "daniel.clark1@example.com"  # the demo customer C001


@pytest.fixture
def api(initialised_template: Path, tmp_path: Path) -> Iterator[Api]:
    with channel_api(initialised_template, tmp_path, channels=["fake"],
                     delivery_max_attempts=3) as api:
        yield api


@pytest.fixture
def patient_api(initialised_template: Path, tmp_path: Path) -> Iterator[Api]:
    """Retries that never run out while the test watches (a busy machine may take
    seconds between two looks)."""
    with channel_api(initialised_template, tmp_path, channels=["fake"],
                     delivery_max_attempts=1000) as api:
        yield api


def fake(api: Api) -> FakeChannel:
    channel = api.runtime.channels.get("fake")
    assert isinstance(channel, FakeChannel)
    return channel


def send(api: Api, mid: str, text: str, user: str = "u1", **extra: Any) -> Any:
    res = api.client.post("/channels/fake", headers=HEADERS,
                          content=json.dumps({"id": mid, "user": user, "text": text, **extra}))
    assert res.status_code == 200, res.text
    return res.json()[0]


def rows(api: Api, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(api.home / "kefu.db") as conn:
        return conn.execute(sql, args).fetchall()


def deliveries(api: Api, conversation_id: str) -> list[tuple[Any, ...]]:
    return rows(api, "SELECT kind, status, attempts FROM delivery WHERE conversation_id = ? "
                "ORDER BY id", conversation_id)


def test_a_turn_is_delivered_once_and_a_repeat_creates_nothing(api: Api) -> None:
    first = send(api, "m1", "What is your return policy?", email=LINKED)
    cid = first["conversation_id"]
    sent = wait_for(lambda: fake(api).delivered)
    assert len(sent) == 1 and sent[0].address == {"user": "u1"} and sent[0].text
    counts = rows(api, "SELECT COUNT(*) FROM message"), rows(api, "SELECT COUNT(*) FROM delivery")
    again = send(api, "m1", "What is your return policy?", email=LINKED)
    assert again == {"conversation_id": cid, "duplicate": True}
    assert (rows(api, "SELECT COUNT(*) FROM message"),
            rows(api, "SELECT COUNT(*) FROM delivery")) == counts
    assert rows(api, "SELECT channel, external_thread FROM conversation WHERE id = ?",
                cid) == [("fake", "u1")]
    # the same platform id with other words is not a repeat
    res = api.client.post("/channels/fake", headers=HEADERS, content=json.dumps(
        {"id": "m1", "user": "u1", "text": "something else", "email": LINKED}))
    assert res.status_code == 409


@pytest.mark.parametrize(("path", "headers", "body", "status"), [
    ("/channels/fake", {}, "{}", 403),
    ("/channels/fake", HEADERS, "not json", 400),
    ("/channels/fake", HEADERS, '{"id": "x"}', 400),
    ("/channels/nope", HEADERS, "{}", 404),
    ("/channels/Bad Name", HEADERS, "{}", 422),
])
def test_bad_callbacks(api: Api, path: str, headers: dict[str, str], body: str,
                       status: int, caplog: pytest.LogCaptureFixture) -> None:
    res = api.client.post(path, headers=headers, content=body + " SECRET-BODY")
    assert res.status_code == status, res.text
    assert "SECRET-BODY" not in caplog.text


def test_confirmation_yes_and_agent_messages_reach_the_shopper(api: Api) -> None:
    turn = send(api, "c1", "Please change the shipping address of order A10315 to "
                "9 Bay St, Austin, TX 78704", email=LINKED)
    cid = turn["conversation_id"]
    wait_for(lambda: fake(api).delivered)
    kinds = [o.kind for o in fake(api).delivered]
    assert kinds in (["confirmation"], ["waiting"]), kinds
    if kinds == ["confirmation"]:
        assert "yes" in fake(api).delivered[0].text.lower()
        send(api, "c2", "yes", email=LINKED)
        wait_for(lambda: len(fake(api).delivered) == 2)
        assert fake(api).delivered[1].kind == "reply"
    before = len(fake(api).delivered)
    api.ok("POST", f"/api/conversations/{cid}/reply", "agent", status=201,
           json={"text": "Hello from a person"})
    wait_for(lambda: len(fake(api).delivered) == before + 1)
    last = fake(api).delivered[-1]
    assert (last.text, last.role, last.kind) == ("Hello from a person", "agent", "reply")
    assert wait_for(lambda: all(status == "sent" for _, status, _ in deliveries(api, cid)))


def test_handoff_and_the_assistant_back_notice(api: Api) -> None:
    turn = send(api, "h1", "I want to talk to a human agent now", email=LINKED)
    cid = turn["conversation_id"]
    wait_for(lambda: fake(api).delivered)
    assert fake(api).delivered[0].kind == "handoff"
    # while a person owns it, the bot says nothing on the channel
    send(api, "h2", "hello?", email=LINKED)
    tickets = api.ok("GET", "/api/tickets", "agent")
    ticket = next(t for t in tickets if t["conversation_id"] == cid)
    api.ok("POST", f"/api/tickets/{ticket['id']}/close", "agent")
    wait_for(lambda: len(fake(api).delivered) == 2)
    assert [o.kind for o in fake(api).delivered] == ["handoff", "notice"]
    assert fake(api).delivered[1].role == "system"


def test_a_channel_that_is_down_loses_nothing(patient_api: Api) -> None:
    api = patient_api
    channel = fake(api)
    channel.fail = "down"
    cid = send(api, "d1", "What is your return policy?", email=LINKED)["conversation_id"]
    api.ok("POST", f"/api/conversations/{cid}/reply", "agent", status=201,
           json={"text": "second"})
    assert wait_for(lambda: deliveries(api, cid)[0][2] >= 2)  # retried with back-off
    assert [s for _, s, _ in deliveries(api, cid)] == ["pending", "pending"]
    channel.fail = None
    wait_for(lambda: [s for _, s, _ in deliveries(api, cid)] == ["sent", "sent"])
    # in order: the reply that waited comes before the agent's later message
    assert [o.kind for o in channel.delivered] == ["reply", "reply"]
    assert channel.delivered[1].text == "second"


def test_dead_letters_are_kept_and_can_be_retried(api: Api,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    channel = fake(api)
    channel.fail = "down"
    cid = send(api, "x1", "What is your return policy?", email=LINKED)["conversation_id"]
    assert wait_for(lambda: deliveries(api, cid)[0][1] == "dead")
    assert deliveries(api, cid)[0][2] == 3  # KEFU_DELIVERY_MAX_ATTEMPTS
    dead = api.ok("GET", "/api/channels/deliveries?status=dead", "agent")
    assert dead[0]["last_error"] == "fake platform down" and "payload" not in dead[0]
    assert api.post("/api/channels/deliveries/retry", "agent", json={}).status_code == 403
    channel.fail = None
    assert api.ok("POST", "/api/channels/deliveries/retry", "admin", json={})["retried"] == 1
    assert wait_for(lambda: deliveries(api, cid)[0][1] == "sent")
    # a permanent refusal is dead at once
    channel.fail = "gone"
    cid2 = send(api, "x2", "What is your return policy?", user="u2", email=LINKED)[
        "conversation_id"]
    assert wait_for(lambda: deliveries(api, cid2) and deliveries(api, cid2)[0][1] == "dead")
    assert deliveries(api, cid2)[0][2] == 1
    # the command line lists and retries them too
    monkeypatch.setenv("KEFU_HOME", str(api.home))
    listed = invoke("deliveries", "--status", "dead", "--json")
    # JSON is on stdout alone: a background delivery thread may still be logging on stderr
    assert [d["conversation_id"] for d in json.loads(listed.stdout)] == [cid2]
    assert "1 dead deliveries back in the queue" in invoke("deliveries", "--retry-all").output


def test_web_chat_is_never_queued(api: Api) -> None:
    cid = api.start()
    api.say(cid, "What is your return policy?")
    assert deliveries(api, cid) == []


def test_backoff_doubles_and_is_capped() -> None:
    assert [outbox.backoff_s(5, n) for n in (1, 2, 3)] == [5, 10, 20]
    assert outbox.backoff_s(5, 40) == outbox.MAX_BACKOFF_S


def test_metrics_count_channel_work(api: Api) -> None:
    send(api, "mm1", "What is your return policy?", email=LINKED)
    wait_for(lambda: fake(api).delivered)
    text = api.client.get("/metrics").text
    assert 'kefu_channel_inbound_total{channel="fake",outcome="turn"}' in text
    assert 'kefu_channel_deliveries_total{channel="fake",outcome="sent"}' in text
