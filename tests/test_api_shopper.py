"""The shopper's side: conversations, messages (plain and streamed), confirmations,
ratings, orders; malformed bodies; one shopper never reaches another's things."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.api_helpers import Api, api_on_database, pending_action, sse_events
from tests.pg import DATABASES

ADDRESS = "Please change the shipping address of order {order} to 77 River Rd, Austin, TX 78702"
CONTRACT = {"conversation_id", "language", "intent", "intent_confidence", "sentiment", "action",
            "reply", "suggestions", "confidence", "decision", "priority", "ticket_id"}


@pytest.fixture(scope="module", params=DATABASES)
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
        ) -> Iterator[Api]:
    with api_on_database(request, tmp_path_factory.mktemp("shopper")) as client:
        yield client


def address_turn(api: Api, order: str) -> tuple[str, dict[str, Any]]:
    cid = api.start()
    turn = api.say(cid, ADDRESS.format(order=order))
    assert turn["result"]["action"]["status"] == "needs_confirmation"
    return cid, turn


def test_start_and_list_conversations(api: Api) -> None:
    conv = api.ok("POST", "/api/conversations", status=201, json={"channel": "app"})
    assert conv["customer_id"] == "C001" and conv["channel"] == "app" and conv["messages"] == []
    mine = api.ok("GET", "/api/conversations")
    assert conv["id"] in {c["id"] for c in mine}
    assert {c["customer_id"] for c in mine} == {"C001"}
    assert conv["id"] not in {c["id"] for c in api.ok("GET", "/api/conversations", "shopper2")}


def test_auto_send_turn_shows_the_reply(api: Api) -> None:
    cid = api.start()
    turn = api.say(cid, "What is your return policy?")
    result = turn["result"]
    assert set(result) >= CONTRACT and result["conversation_id"] == cid
    assert result["decision"] == "auto_send"
    assert turn["shopper"] == {"state": "answered", "text": result["reply"],
                               "confirmation": None, "handed_off": False}
    roles = [m["role"] for m in api.ok("GET", f"/api/conversations/{cid}")["messages"]]
    assert roles == ["shopper", "bot"]


def test_a_proposal_shows_only_its_question(api: Api) -> None:
    cid, turn = address_turn(api, "A10315")
    view, result = turn["shopper"], turn["result"]
    messages = api.ok("GET", f"/api/conversations/{cid}")["messages"]
    if result["decision"] == "auto_send":
        # the confirmation question is the whole answer: no "an agent will reply" beside it
        assert view["state"] == "confirm" and view["text"] == result["reply"]
        confirmation = view["confirmation"]
        assert confirmation["name"] == "change_shipping_address"
        assert "A10315" in confirmation["prompt"] and "77 River Rd" in confirmation["prompt"]
        assert [m["role"] for m in messages] == ["shopper", "bot"]
    else:
        # a person looks first: the shopper is told so, and sees no question yet
        assert result["decision"] == "agent_review"
        assert view["state"] == "waiting" and view["confirmation"] is None
        assert "A10315" not in view["text"]
        assert [m["role"] for m in messages] == ["shopper"]


def test_confirming_runs_the_action_once(api: Api) -> None:
    cid, _ = address_turn(api, "A10001")
    action_id = pending_action(api, cid)
    done = api.ok("POST", f"/api/actions/{action_id}/confirm")
    assert done["action"]["status"] == "executed"
    assert "77 River Rd" in done["message"]["text"] and done["message"]["role"] == "bot"
    assert api.ok("GET", "/api/orders/A10001")["shipping_address"].startswith("77 River Rd")
    again = api.ok("POST", f"/api/actions/{action_id}/confirm")
    assert again["action"]["status"] == "executed" and again["message"] is None
    roles = [m["role"] for m in api.ok("GET", f"/api/conversations/{cid}")["messages"]]
    assert roles.count("shopper") == 1 and roles[-1] == "bot"
    assert sum("77 River Rd" in m["text"] for m in api.ok(
        "GET", f"/api/conversations/{cid}")["messages"] if m["role"] == "bot") <= 2
    listed = api.ok("GET", f"/api/conversations/{cid}/actions")
    assert [a["status"] for a in listed] == ["executed"]
    assert api.post(f"/api/actions/{action_id}/reject").status_code == 409


def test_declining_changes_nothing(api: Api) -> None:
    before = api.ok("GET", "/api/orders/A10315")["shipping_address"]
    cid, _ = address_turn(api, "A10315")
    declined = api.ok("POST", f"/api/actions/{pending_action(api, cid)}/reject")
    assert declined["action"]["status"] == "blocked"
    assert declined["action"]["result"]["reason"] == "rejected"
    assert "haven't changed anything" in declined["message"]["text"]
    assert api.ok("GET", "/api/orders/A10315")["shipping_address"] == before


def test_hand_off_is_said_clearly(api: Api) -> None:
    cid = api.start()
    turn = api.say(cid, "This is terrible, I want to talk to a human now")
    assert turn["result"]["decision"] == "handoff"
    assert turn["shopper"]["state"] == "handoff" and turn["shopper"]["handed_off"]
    assert turn["shopper"]["text"] == turn["result"]["reply"]
    conv = api.ok("GET", f"/api/conversations/{cid}")
    assert conv["status"] == "handed_off" and conv["ticket"]["id"] == turn["result"]["ticket_id"]


@pytest.mark.parametrize("told", [
    "Thank you. I've kept the hammock and the vet's invoice, and I took photos of the window",
    "铁丝和那袋粮我都留着 也拍了照"])
def test_what_is_told_to_the_person_asks_for_nothing(api: Api, told: str) -> None:
    """Once a person has the conversation, a message that tells and asks nothing is no
    request ("invoice" in it asks for none); a question still is one."""
    cid = api.start()
    api.say(cid, "This is terrible, I want to talk to a human now")
    turn = api.say(cid, told)
    assert turn["result"]["intent"] == "other", turn["result"]["intent"]
    asked = api.say(cid, "can you send me the invoice for my last order?")
    assert asked["result"]["intent"] == "get_invoice", asked["result"]["intent"]


def test_streamed_reply_arrives_at_once(api: Api) -> None:
    """A reply from a template or the knowledge base exists in full when the turn ends:
    it is sent whole at once, never paced to look typed."""
    cid = api.start()
    res = api.post(f"/api/conversations/{cid}/messages?stream=1",
                   json={"text": "What is your return policy?"})
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/event-stream")
    events = sse_events(res.text)
    assert [name for name, _ in events] == ["meta", "token", "done"]
    meta, token, done = (data for _, data in events)
    assert meta["shopper"]["text"] == "" and meta["shopper"]["state"] in ("answered", "waiting")
    assert token["text"] == done["text"] and done["text"]
    if meta["result"]["decision"] == "auto_send":
        assert done["text"] == meta["result"]["reply"]


def test_chinese_reply_streams_too(api: Api) -> None:
    cid = api.start("shopper2")
    res = api.post(f"/api/conversations/{cid}/messages?stream=1", "shopper2",
                   json={"text": "你们的退货政策是什么？"})
    events = sse_events(res.text)
    tokens = [d["text"] for n, d in events if n == "token"]
    assert events[0][1]["result"]["language"] == "zh" and len(tokens) == 1
    assert tokens[0] == events[-1][1]["text"]


def test_a_live_generation_is_streamed_as_it_comes(api: Api) -> None:
    """The hook for an answer still being written (an LLM reply shown to the shopper):
    each piece goes out when it exists."""
    import asyncio
    import concurrent.futures
    from collections.abc import AsyncIterator

    from app.api.events import reply_events
    from app.assist.schemas import TurnOut

    turn = TurnOut.model_validate(api.say(api.start(), "What is your return policy?"))

    async def pieces() -> AsyncIterator[str]:
        for piece in ("You can ", "return ", "items."):
            yield piece

    async def collect() -> list[tuple[str, Any]]:
        return [(e["event"], json.loads(e["data"])) async for e in reply_events(turn, pieces())]

    # in a thread of its own: a browser test earlier in the session may leave an event
    # loop set on this one
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        events = pool.submit(asyncio.run, collect()).result(timeout=60)
    assert [n for n, _ in events] == ["meta", "token", "token", "token", "done"]
    assert events[-1][1]["text"] == "You can return items."


def test_events_stream_the_conversation(api: Api) -> None:
    cid = api.start()
    api.say(cid, "Where is my order A10572?")
    res = api.get(f"/api/conversations/{cid}/events?max_s=0.3")
    events = sse_events(res.text)
    assert events[0][0] == "conversation" and len(events[0][1]["messages"]) == 2
    assert events[-1] == ("end", {"reconnect": True})


def test_rating(api: Api) -> None:
    cid = api.start()
    assert api.ok("POST", f"/api/conversations/{cid}/rating", json={"score": 5})["csat"] == 5
    assert api.ok("POST", f"/api/conversations/{cid}/rating", json={"score": 2})["csat"] == 2
    for bad in ({"score": 0}, {"score": 6}, {"score": "5"}, {"score": 4.5}, {}):
        assert api.post(f"/api/conversations/{cid}/rating", json=bad).status_code == 422


def test_orders_are_the_shoppers_own(api: Api) -> None:
    orders = api.ok("GET", "/api/orders")
    assert orders and {o["customer_id"] for o in orders} == {"C001"}
    assert all("items" in o for o in orders)
    assert api.get("/api/orders?customer_id=C002").status_code == 404
    assert api.ok("GET", "/api/orders?customer_id=C001") == orders


@pytest.mark.parametrize(("body", "needle"), [
    ({"text": ""}, "text: must not be empty"),
    ({"text": "   \n "}, "text: must not be empty"),
    ({"text": "x" * 4001}, "too long (4001 characters"),
    ({"text": 42}, "text: Input should be a valid string"),
    ({"text": ["hi"]}, "text: Input should be a valid string"),
    ({"text": None}, "text"),
    ({}, "text: Field required"),
    ({"text": "hi", "channel": "Web Chat!"}, "channel"),
    ({"text": "hi", "extra": 1}, "extra: Extra inputs are not permitted"),
    (["hi"], "Input should be a valid dictionary"),
    ("hi", "Input should be a valid dictionary"),
])
def test_malformed_messages_are_422(api: Api, body: Any, needle: str) -> None:
    cid = api.start()
    res = api.post(f"/api/conversations/{cid}/messages", json=body)
    assert res.status_code == 422, res.text
    assert needle in res.json()["detail"]
    assert api.ok("GET", f"/api/conversations/{cid}")["messages"] == []


def test_broken_json_is_422(api: Api) -> None:
    cid = api.start()
    res = api.post(f"/api/conversations/{cid}/messages", content=b'{"text": ',
                   headers={"Content-Type": "application/json"})
    assert res.status_code == 422
    assert res.json()["detail"] == "invalid request: body: malformed JSON"


def test_longest_message_is_accepted(api: Api) -> None:
    cid = api.start()
    text = ("Where is my order A10572? " * 200)[:4000]
    assert api.say(cid, text)["result"]["conversation_id"] == cid


def test_unknown_conversation_is_404(api: Api) -> None:
    res = api.post("/api/conversations/c_nope/messages", json={"text": "hi"})
    assert res.status_code == 404 and res.json()["detail"] == "conversation not found"


class TestIsolation:
    """Shopper C002 learns nothing about C001's conversation, orders or actions."""

    def test_conversation(self, api: Api) -> None:
        cid, _ = address_turn(api, "A10315")
        action_id = pending_action(api, cid)
        before = api.ok("GET", f"/api/conversations/{cid}")["messages"]
        missing = api.get("/api/conversations/c_nope", "shopper2")
        for method, path, body in [
            ("GET", f"/api/conversations/{cid}", None),
            ("POST", f"/api/conversations/{cid}/messages", {"text": "yes"}),
            ("GET", f"/api/conversations/{cid}/events?max_s=0.1", None),
            ("POST", f"/api/conversations/{cid}/rating", {"score": 1}),
            ("GET", f"/api/conversations/{cid}/actions", None),
        ]:
            res = api.call(method, path, "shopper2", json=body)
            assert res.status_code == 404 and res.json() == missing.json(), path
        for verb in ("confirm", "reject"):
            res = api.post(f"/api/actions/{action_id}/{verb}", "shopper2")
            assert res.status_code == 404
            assert res.json() == api.post(f"/api/actions/999999/{verb}", "shopper2").json()
        pending = api.ok("GET", f"/api/conversations/{cid}/actions")
        assert pending[0]["status"] == "needs_confirmation"
        assert api.ok("GET", f"/api/conversations/{cid}")["messages"] == before

    def test_orders(self, api: Api) -> None:
        other = api.get("/api/orders/A10001", "shopper2")
        assert other.status_code == 404
        assert other.json() == api.get("/api/orders/NOPE", "shopper2").json()
        assert "A10001" not in {o["id"] for o in api.ok("GET", "/api/orders", "shopper2")}
