"""Idempotency-Key (issue 15, item 7): a retried POST is answered from its first attempt
and its work is done once; the same key with another request, or while the first is
still running, is a 409.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlmodel import select

from app.api.idempotency import body_hash
from app.models import ApiToken, Conversation, IdempotentRequest, Message
from app.models._common import utcnow
from tests.api_helpers import Api, api_on_database, sse_events
from tests.pg import DATABASES

TEXT = {"text": "Where is my order A10001?"}


@pytest.fixture(scope="module", params=DATABASES)
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
        ) -> Iterator[Api]:
    with api_on_database(request, tmp_path_factory.mktemp("idem")) as client:
        yield client


def key(value: str) -> dict[str, str]:
    return {"Idempotency-Key": value}


def messages(api: Api, conversation_id: str) -> list[Message]:
    with api.runtime.session() as session:
        return list(session.exec(select(Message).where(
            Message.conversation_id == conversation_id)))


def test_a_shopper_message_whose_answer_was_lost_is_stored_once(api: Api) -> None:
    cid = api.start()
    url = f"/api/conversations/{cid}/messages"
    first = api.post(url, json=TEXT, headers=key("msg-1"))
    assert first.status_code == 200 and "idempotent-replayed" not in first.headers
    # the answer never arrived: the client sends the same request again
    retry = api.post(url, json=TEXT, headers=key("msg-1"))
    assert retry.status_code == 200 and retry.headers["idempotent-replayed"] == "true"
    assert retry.json() == first.json()
    assert [m.role for m in messages(api, cid)] == ["shopper", "bot"]
    # without a key (or with a new one) it is a new message
    assert api.post(url, json=TEXT, headers=key("msg-2")).status_code == 200
    assert len(messages(api, cid)) == 4


def test_the_same_key_with_another_request_is_409(api: Api) -> None:
    cid = api.start()
    url = f"/api/conversations/{cid}/messages"
    assert api.post(url, json=TEXT, headers=key("k-409")).status_code == 200
    for other in ({"text": "Something else"}, {**TEXT, "channel": "app"}):
        res = api.post(url, json=other, headers=key("k-409"))
        assert res.status_code == 409, res.text
        assert res.json() == {"detail": "Idempotency-Key reused with another request"}
    streamed = api.post(f"{url}?stream=1", json=TEXT, headers=key("k-409"))
    assert streamed.status_code == 409
    other_route = api.post("/api/conversations", json={}, headers=key("k-409"))
    assert other_route.status_code == 409
    assert len(messages(api, cid)) == 2


def test_keys_belong_to_their_principal(api: Api) -> None:
    mine, theirs = api.start("shopper"), api.start("shopper2")
    a = api.post(f"/api/conversations/{mine}/messages", json=TEXT, headers=key("shared"))
    b = api.post(f"/api/conversations/{theirs}/messages", "shopper2", json=TEXT,
                 headers=key("shared"))
    assert a.status_code == b.status_code == 200
    assert "idempotent-replayed" not in b.headers
    assert b.json()["conversation_id"] == theirs


def test_a_retry_while_the_first_is_running_is_409(api: Api) -> None:
    cid = api.start()
    body = json.dumps(TEXT).encode()
    with api.runtime.session(write=True) as session:  # a first attempt still at work
        session.add(IdempotentRequest(key="12:shopper:C001:busy", method="POST",
                                      path=f"/api/conversations/{cid}/messages",
                                      body_hash=body_hash(b"", body), status_code=0))
    res = api.post(f"/api/conversations/{cid}/messages", content=body,
                   headers={**key("busy"), "content-type": "application/json"})
    assert res.status_code == 409 and "still running" in res.json()["detail"]
    assert messages(api, cid) == []


def test_keys_expire(api: Api) -> None:
    cid = api.start()
    url = f"/api/conversations/{cid}/messages"
    assert api.post(url, json=TEXT, headers=key("old")).status_code == 200
    ttl = timedelta(seconds=api.runtime.settings.idempotency_ttl_s)
    with api.runtime.session(write=True) as session:
        row = session.get(IdempotentRequest, "12:shopper:C001:old")
        assert row is not None and row.status_code == 200
        row.created_at = utcnow() - ttl - timedelta(seconds=1)
        session.add(row)
    again = api.post(url, json=TEXT, headers=key("old"))
    assert again.status_code == 200 and "idempotent-replayed" not in again.headers
    assert len(messages(api, cid)) == 4


def test_a_streamed_answer_is_replayed_as_a_stream(api: Api) -> None:
    cid = api.start()
    url = f"/api/conversations/{cid}/messages?stream=1"
    first = api.post(url, json=TEXT, headers=key("sse"))
    retry = api.post(url, json=TEXT, headers=key("sse"))
    assert retry.headers["content-type"].startswith("text/event-stream")
    assert sse_events(retry.text) == sse_events(first.text)
    assert len(messages(api, cid)) == 2


def test_creating_routes_create_once(api: Api) -> None:
    label = {"label": "retry-me"}
    one = api.ok("POST", "/api/conversations", status=201, json={}, headers=key("conv"))
    two = api.ok("POST", "/api/conversations", status=201, json={}, headers=key("conv"))
    assert one["id"] == two["id"]
    api.ok("POST", "/api/conversations", status=201, json=label, headers=key("conv-l"))
    body = {"role": "agent", "name": "retried"}
    t1 = api.ok("POST", "/api/admin/tokens", "admin", status=201, json=body, headers=key("t"))
    t2 = api.ok("POST", "/api/admin/tokens", "admin", status=201, json=body, headers=key("t"))
    assert t1 == t2
    hook = {"external_id": "mail-77", "customer_id": "C001", "text": "Where is A10001?"}
    w1 = api.ok("POST", "/api/webhooks/email", "channel", json=hook, headers=key("w"))
    w2 = api.ok("POST", "/api/webhooks/email", "channel", json=hook, headers=key("w"))
    assert w1 == w2 and w1["duplicate"] is False
    with api.runtime.session() as session:
        assert len(session.exec(select(ApiToken).where(ApiToken.name == "retried")).all()) == 1
        started = session.exec(select(Conversation).where(Conversation.id == one["id"])).all()
        assert len(started) == 1


def test_refusals_do_not_use_up_the_key(api: Api) -> None:
    cid = api.start()
    url = f"/api/conversations/{cid}/messages"
    assert api.post(url, None, json=TEXT, headers=key("late")).status_code == 401
    assert api.post(url, "agent", json=TEXT, headers=key("late")).status_code == 403
    assert api.post(url, json=TEXT, headers=key("late")).status_code == 200
    bad = api.post(url, json=TEXT, headers=key("has space"))
    assert bad.status_code == 422
    assert bad.json()["errors"] == [{"field": "header Idempotency-Key",
                                     "msg": "1-100 visible ASCII characters"}]
