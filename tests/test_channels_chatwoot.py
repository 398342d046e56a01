"""Chatwoot agent bot: the documented ``message_created`` webhook in, outgoing messages,
private notes with suggestions and ``toggle_status`` out (a local fake of its API)."""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api_helpers import Api
from tests.fakes.channel_apis import ChatwootApi, wait_for
from tests.fakes.channel_app import channel_api

HOOK = "/channels/chatwoot?token=hook-secret"

# the shape Chatwoot documents for message_created (trimmed of display fields)
EVENT: dict[str, Any] = {
    "event": "message_created", "id": 118, "content": "What is your return policy?",
    "created_at": "2021-07-23T18:02:48.000Z", "message_type": "incoming",
    "content_type": "text", "private": False, "content_attributes": {}, "source_id": None,
    "sender": {"id": 14, "name": "little-haze-776", "avatar": "", "type": "contact"},
    "inbox": {"id": 1, "name": "Acme Support"},
    "conversation": {
        "can_reply": True, "channel": "Channel::WebWidget", "id": 10, "inbox_id": 1,
        "contact_inbox": {"id": 12, "contact_id": 14, "inbox_id": 1,
                          "source_id": "405f1d30", "hmac_verified": False},
        "meta": {"sender": {"email": None, "id": 14, "name": "little-haze-776",
                            "phone_number": None, "type": "contact"}},
        "status": "pending"},
    "account": {"id": 1, "name": "Acme Inc"},
}


def event(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(EVENT)
    for key, value in changes.items():
        data[key] = value
    return data


@pytest.fixture
def cw() -> Iterator[ChatwootApi]:
    with ChatwootApi() as server:
        yield server


@pytest.fixture
def api(initialised_template: Path, tmp_path: Path, cw: ChatwootApi) -> Iterator[Api]:
    with channel_api(initialised_template, tmp_path, channels=["chatwoot"],
                     chatwoot_url=cw.url, chatwoot_bot_token="bot-token",
                     chatwoot_webhook_token="hook-secret") as api:
        yield api


def hook(api: Api, body: Any, path: str = HOOK) -> Any:
    return api.client.post(path, content=json.dumps(body),
                           headers={"Content-Type": "application/json"})


def test_an_auto_reply_goes_back_as_an_outgoing_message(api: Api, cw: ChatwootApi) -> None:
    res = hook(api, EVENT)
    assert res.status_code == 200 and res.json()["received"] == 1
    posted = wait_for(lambda: cw.messages())
    assert posted[0]["message_type"] == "outgoing" and posted[0]["private"] is False
    assert posted[0]["content"]
    assert cw.posts[0][0] == "10"  # the conversation of the webhook
    # a repeated webhook runs nothing
    assert hook(api, EVENT).json() == {"received": 1, "duplicates": 1, "ignored": []}
    with sqlite3.connect(api.home / "kefu.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM message WHERE role = 'shopper'"
                            ).fetchone() == (1,)


def test_a_person_is_needed_note_and_open(api: Api, cw: ChatwootApi) -> None:
    hook(api, event(id=200, content="I want to speak to a human agent please"))
    wait_for(lambda: cw.messages(private=True))
    whats = [what for _, what, _ in cw.posts]
    assert "toggle_status" in whats
    assert next(b for _, w, b in cw.posts if w == "toggle_status") == {"status": "open"}
    note = cw.messages(private=True)[0]["content"]
    assert note.startswith("Kefu: handoff") and "contact_human_agent" in note
    assert cw.messages(private=False)  # the shopper is told a person takes over


@pytest.mark.parametrize(("body", "path", "status"), [
    (EVENT, "/channels/chatwoot", 403),
    (EVENT, "/channels/chatwoot?token=wrong", 403),
    ("{not json", HOOK, 400),
    ([1, 2], HOOK, 400),
    ({"id": 1}, HOOK, 400),
    ({**EVENT, "account": {}}, HOOK, 400),
    ({**EVENT, "conversation": {"id": "ten"}}, HOOK, 400),
])
def test_bad_webhooks(api: Api, body: Any, path: str, status: int) -> None:
    content = body if isinstance(body, str) else json.dumps(body)
    res = api.client.post(path, content=content)
    assert res.status_code == status, res.text


@pytest.mark.parametrize("changes", [
    {"message_type": "outgoing"}, {"private": True}, {"event": "conversation_created"},
    {"content": ""}, {"content": None},
])
def test_what_is_not_a_shopper_message_is_ignored(api: Api, changes: dict[str, Any]) -> None:
    res = hook(api, event(**changes))
    assert res.status_code == 200 and res.json()["received"] == 0
    assert res.json()["ignored"]


def test_a_contact_is_linked_only_when_chatwoot_vouches(api: Api, cw: ChatwootApi) -> None:
    conv = copy.deepcopy(EVENT["conversation"])
    conv["meta"]["sender"]["email"] = "daniel.clark1@example.com"
    hook(api, event(id=301, conversation=conv))  # typed into the widget: not proof
    conv2 = copy.deepcopy(conv)
    conv2["id"], conv2["meta"]["sender"]["id"] = 11, 15
    conv2["contact_inbox"]["hmac_verified"] = True
    hook(api, event(id=302, conversation=conv2, sender={"id": 15, "type": "contact"}))
    with sqlite3.connect(api.home / "kefu.db") as conn:
        links = dict(conn.execute("SELECT external_user, customer_id FROM channel_identity"))
    assert links["1:15"] == "C001" and links["1:14"] != "C001"


def test_a_dead_chatwoot_token_is_a_dead_letter(api: Api, cw: ChatwootApi) -> None:
    cw.token = "rotated"
    hook(api, event(id=400))

    def status() -> Any:
        with sqlite3.connect(api.home / "kefu.db") as conn:
            return conn.execute("SELECT status, last_error FROM delivery").fetchall()

    assert wait_for(lambda: status() and status()[0][0] == "dead")
    assert status()[0][1] == "Chatwoot HTTP 401 on messages"
