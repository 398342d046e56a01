"""Who a channel sender is: linked by email or phone, by an agent, by a signed link;
otherwise a guest who can ask about policies and never sees order data."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.channels import identity
from app.channels.base import Sender
from tests.api_helpers import Api
from tests.fakes.channel_apis import wait_for
from tests.fakes.channel_app import FakeChannel, channel_api

HEADERS = {"x-fake-token": "ok"}


@pytest.fixture
def api(initialised_template: Path, tmp_path: Path) -> Iterator[Api]:
    with channel_api(initialised_template, tmp_path, channels=["fake"],
                     channel_link_secret="s3cret",
                     channel_link_url="https://shop.test/link-chat?token={token}") as api:
        yield api


def fake(api: Api) -> FakeChannel:
    channel = api.runtime.channels.get("fake")
    assert isinstance(channel, FakeChannel)
    return channel


def send(api: Api, mid: str, text: str, user: str, **extra: Any) -> str:
    res = api.client.post("/channels/fake", headers=HEADERS, content=json.dumps(
        {"id": mid, "user": user, "text": text, **extra}))
    assert res.status_code == 200, res.text
    return str(res.json()[0]["conversation_id"])


def last_text(api: Api, count: int) -> str:
    wait_for(lambda: len(fake(api).delivered) >= count)
    return fake(api).delivered[count - 1].text


def owner(api: Api, user: str) -> tuple[str, int, int]:
    with sqlite3.connect(api.home / "kefu.db") as conn:
        row = conn.execute("SELECT i.customer_id, i.verified, c.guest FROM channel_identity i "
                           "JOIN customer c ON c.id = i.customer_id WHERE i.external_user = ?",
                           (user,)).fetchone()
    return row[0], row[1], row[2]


@pytest.mark.parametrize(("extra", "customer"), [
    ({"email": "Daniel.Clark1@Example.com"}, "C001"),
    ({"phone": "+1 (206) 555-7183"}, "C001"),
    ({"phone": "206 555 7183"}, "C001"),  # no country code
    ({"phone": "+86 135 5581 7525"}, "C002"),
    ({"phone": "555"}, None),
    ({"email": "nobody@example.com"}, None),
])
def test_email_or_phone_links_a_sender(api: Api, extra: dict[str, str],
                                       customer: str | None) -> None:
    user = f"u-{json.dumps(extra)}"
    send(api, "m-" + user, "What is your return policy?", user, **extra)
    found, verified, guest = owner(api, user)
    if customer is None:
        assert (verified, guest) == (0, 1) and found == identity.guest_id("fake", user)
    else:
        assert (found, verified, guest) == (customer, 1, 0)


def test_a_guest_gets_policy_answers_but_no_orders(api: Api) -> None:
    cid = send(api, "g1", "What is your return policy?", "guest-1")
    policy = last_text(api, 1)
    assert "link" not in policy.lower() and len(policy) > 20
    assert send(api, "g2", "Where is my order A10572?", "guest-1") == cid
    asked = last_text(api, 2)
    assert "https://shop.test/link-chat?token=" in asked and "A10572" not in asked
    assert send(api, "g3", "Cancel order A10315 please", "guest-1") == cid
    assert "link-chat" in last_text(api, 3)
    with sqlite3.connect(api.home / "kefu.db") as conn:
        executed = conn.execute("SELECT COUNT(*) FROM action WHERE status = "
                                "'executed' AND conversation_id = ?", (cid,)).fetchone()
    assert executed == (0,)


def test_a_signed_link_moves_the_guest_to_their_account(api: Api) -> None:
    cid = send(api, "l1", "Where is my order A10572?", "guest-2")
    text = last_text(api, 1)
    token = text.split("token=", 1)[1].split()[0].rstrip(".,;")
    # someone else's account, a forged or an altered token: refused
    assert api.post("/api/channels/link", "shopper2",
                    json={"token": token, "customer_id": "C001"}).status_code == 403
    assert api.post("/api/channels/link", "shopper",
                    json={"token": token[:-2] + "xx"}).status_code == 403
    assert api.post("/api/channels/link", "channel", json={"token": token}).status_code == 400
    linked = api.ok("POST", "/api/channels/link", "shopper", json={"token": token})
    assert (linked["customer_id"], linked["verified"], linked["linked_by"]) == (
        "C001", True, "link")
    assert send(api, "l2", "Where is my order A10572?", "guest-2") == cid
    assert "A10572" in last_text(api, 2)
    with sqlite3.connect(api.home / "kefu.db") as conn:
        assert conn.execute("SELECT customer_id FROM conversation WHERE id = ?",
                            (cid,)).fetchone() == ("C001",)


def test_an_expired_link_is_refused(api: Api) -> None:
    token = identity.link_token(api.runtime.settings, channel="fake", external_user="x",
                                ttl_s=-10)
    assert token is not None
    res = api.post("/api/channels/link", "channel", json={"token": token,
                                                          "customer_id": "C001"})
    assert res.status_code == 403 and "expired" in res.json()["detail"]


@pytest.mark.parametrize(("body", "status"), [
    ({"channel": "fake", "external_user": "u", "customer_id": "C999"}, 404),
    ({"channel": "Fake Channel", "external_user": "u", "customer_id": "C001"}, 422),
    ({"channel": "fake", "external_user": "", "customer_id": "C001"}, 422),
    ({"channel": "fake", "customer_id": "C001"}, 422),
])
def test_bad_bindings(api: Api, body: dict[str, Any], status: int) -> None:
    assert api.post("/api/channels/identities", "agent", json=body).status_code == status
    assert api.post("/api/channels/identities", "shopper", json=body).status_code == 403


def test_resolve_is_stable_and_lists_identities(api: Api) -> None:
    rt = api.runtime
    first = identity.resolve(rt, "fake", Sender(external_user="same", name="Mei"))
    again = identity.resolve(rt, "fake", Sender(external_user="same"))
    assert first == again and first.guest and not first.verified
    later = identity.resolve(rt, "fake", Sender(external_user="same",
                                                email="daniel.clark1@example.com"))
    assert (later.customer_id, later.verified, later.guest) == ("C001", True, False)
    listed = api.ok("GET", "/api/channels/identities?customer_id=C001", "agent")
    assert [r["external_user"] for r in listed] == ["same"]
