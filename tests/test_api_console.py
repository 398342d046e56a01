"""The team's routes: assignment (and the conflict it prevents), internal notes,
search and filters, reopening, typing, what the shopper saw, first response and
resolution times.

The home sends nothing automatically (``auto_send_threshold=1.0``) except address
changes (their yes/no card is what the shopper sees), so every other turn waits for an
agent whatever the confidence model says.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api_helpers import Api, api_on_copy, sse_events

QUESTION = "Do you ship to Canada and how long does it take?"
ADDRESS = "Please change the shipping address of order A10315 to 12 Elm St, Austin, TX 78701"
HUMAN = "I want to speak to a human agent"


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("console"),
                     auto_send_threshold=1.0,
                     intent_thresholds={"change_shipping_address": 0.5}) as client:
        token = client.ok("POST", "/api/admin/tokens", "admin", status=201,
                          json={"role": "agent", "name": "bob"})["token"]
        client.tokens["bob"] = token
        yield client


def waiting(api: Api, text: str = QUESTION, who: str = "shopper") -> str:
    cid = api.start(who)
    assert api.say(cid, text, who)["result"]["decision"] in ("agent_review", "handoff")
    return cid


def staff_view(api: Api, cid: str, who: str = "agent") -> dict[str, Any]:
    staff: dict[str, Any] = api.ok("GET", f"/api/conversations/{cid}", who)["staff"]
    return staff


def assign(api: Api, cid: str, assignee: str | None, who: str = "agent") -> dict[str, Any]:
    out: dict[str, Any] = api.ok("POST", f"/api/conversations/{cid}/assign", who,
                                 json={"assignee": assignee})
    return out


def test_assign_to_me_a_colleague_a_team_and_nobody(api: Api) -> None:
    cid = waiting(api)
    assert assign(api, cid, "me")["staff"]["assignee"] == "demo-agent"
    assert assign(api, cid, "bob")["staff"]["assignee"] == "bob"
    assert assign(api, cid, "team:billing")["staff"]["assignee"] == "team:billing"
    assert "team:billing" in api.ok("GET", "/api/agents", "agent")["teams"]
    assert {"bob", "demo-agent", "demo-admin"} <= set(api.ok("GET", "/api/agents",
                                                             "agent")["agents"])
    assert assign(api, cid, None)["staff"]["assignee"] is None
    for bad in ("nobody-such", "team:", "team:a b"):
        res = api.post(f"/api/conversations/{cid}/assign", "agent", json={"assignee": bad})
        assert res.status_code == 400, bad
    assert api.post("/api/conversations/c_nope/assign", "agent",
                    json={"assignee": "me"}).status_code == 404
    assert api.post(f"/api/conversations/{cid}/assign", "agent", json={}).status_code == 422


def test_the_open_ticket_follows_the_owner(api: Api) -> None:
    cid = waiting(api, HUMAN)
    assign(api, cid, "bob")
    ticket = api.ok("GET", f"/api/conversations/{cid}", "agent")["ticket"]
    assert ticket["assignee"] == "bob" and ticket["status"] == "assigned"
    assign(api, cid, None)
    ticket = api.ok("GET", f"/api/conversations/{cid}", "agent")["ticket"]
    assert ticket["assignee"] is None and ticket["status"] == "open"


def test_two_agents_never_answer_one_shopper(api: Api) -> None:
    cid = waiting(api)
    suggestion = api.ok("GET", f"/api/conversations/{cid}/suggestions", "agent")[0]
    api.ok("POST", f"/api/conversations/{cid}/reply", "agent", status=201,
           json={"text": "Let me check that for you."})
    assert staff_view(api, cid)["assignee"] == "demo-agent"  # answering claims it
    for path, body in ((f"/api/conversations/{cid}/reply", {"text": "Me too!"}),
                       (f"/api/suggestions/{suggestion['id']}/accept", None),
                       (f"/api/conversations/{cid}/actions",
                        {"name": "track_order", "params": {"order_id": "A10315"}})):
        res = api.post(path, "bob", json=body)
        assert res.status_code == 409 and "demo-agent" in res.json()["detail"], path
    assign(api, cid, "bob", who="bob")
    api.ok("POST", f"/api/suggestions/{suggestion['id']}/accept", "bob")
    assert api.post(f"/api/conversations/{cid}/reply", "agent",
                    json={"text": "Hi"}).status_code == 409


def test_a_team_conversation_goes_to_whoever_answers(api: Api) -> None:
    cid = waiting(api)
    assign(api, cid, "team:shipping")
    api.ok("POST", f"/api/conversations/{cid}/reply", "bob", status=201, json={"text": "Hi!"})
    assert staff_view(api, cid)["assignee"] == "bob"


def test_notes_are_internal(api: Api) -> None:
    cid = waiting(api)
    note = api.ok("POST", f"/api/conversations/{cid}/notes", "agent", status=201,
                  json={"text": "  VIP customer, be quick  "})
    assert note["text"] == "VIP customer, be quick" and note["author"] == "demo-agent"
    api.ok("POST", f"/api/conversations/{cid}/notes", "admin", status=201,
           json={"text": "Refund approved by finance"})
    listed = api.ok("GET", f"/api/conversations/{cid}/notes", "agent")
    assert [n["author"] for n in listed] == ["demo-agent", "demo-admin"]
    assert staff_view(api, cid)["notes"] == 2
    for method, body in (("GET", None), ("POST", {"text": "hi"})):
        res = api.call(method, f"/api/conversations/{cid}/notes", "shopper", json=body)
        assert res.status_code == 404, method  # as if there were no notes at all
    seen_by_shopper = api.ok("GET", f"/api/conversations/{cid}", "shopper")
    assert seen_by_shopper["staff"] is None
    assert "VIP" not in str(seen_by_shopper)
    assert api.get("/api/conversations/c_nope/notes", "agent").status_code == 404
    for body in ({"text": ""}, {"text": "x" * 4001}, {"text": 3}, {}):
        res = api.post(f"/api/conversations/{cid}/notes", "agent", json=body)
        assert res.status_code == 422


def found(api: Api, who: str = "agent", **params: Any) -> set[str]:
    return {c["id"] for c in api.ok("GET", "/api/conversations", who, params=params)}


def test_search_by_text_customer_order_intent_and_owner(api: Api) -> None:
    mine = waiting(api, "Can I swap the mug in order A10001 for the blue one?")
    theirs = waiting(api, "陶瓷杯可以放洗碗机吗？", who="shopper2")
    assign(api, mine, "me")
    assert mine in found(api, q="blue one") and theirs not in found(api, q="blue one")
    assert mine in found(api, q="BLUE ONE")  # case-insensitive
    assert theirs in found(api, q="洗碗机")
    assert theirs in found(api, customer_id="C002") and mine not in found(api,
                                                                           customer_id="C002")
    assert mine in found(api, order_id="A10001") and theirs not in found(api, order_id="A10001")
    assert mine in found(api, intent="change_order")
    assert theirs in found(api, language="zh") and mine not in found(api, language="zh")
    assert mine in found(api, assignee="me") and theirs not in found(api, assignee="me")
    assert theirs in found(api, assignee="none") and mine not in found(api, assignee="none")
    assert mine in found(api, status="open", channel="web", priority="normal")
    assert mine not in found(api, priority="urgent")
    assert mine in found(api, since="2020-01-01T00:00:00Z")
    assert not found(api, until="2020-01-01T00:00:00Z")
    assert not found(api, q="100%_no_such_text")
    listed = api.ok("GET", "/api/conversations", "agent", params={"q": "blue one"})[0]
    assert listed["staff"]["assignee"] == "demo-agent" and listed["messages"] == []
    assert listed["staff"]["intent"] == "change_order"
    assert api.get("/api/conversations?status=weird", "agent").status_code == 422


def test_shoppers_keep_their_own_list(api: Api) -> None:
    own = waiting(api)
    other = waiting(api, who="shopper2")
    listed = found(api, "shopper")
    assert own in listed and other not in listed
    assert found(api, "shopper", customer_id="C002") == listed  # ignored, as before
    assert api.get("/api/conversations?q=mug", "shopper").status_code == 403
    assert api.ok("GET", "/api/conversations", "shopper")[0]["staff"] is None


def test_reopen_a_resolved_conversation(api: Api) -> None:
    cid = waiting(api, HUMAN)
    assert api.post(f"/api/conversations/{cid}/reopen", "agent").status_code == 409
    ticket = api.ok("GET", f"/api/conversations/{cid}", "agent")["ticket"]
    api.ok("POST", f"/api/tickets/{ticket['id']}/close", "agent")
    resolved = staff_view(api, cid)
    assert resolved["resolved_at"] is not None
    assert cid in found(api, status="resolved")
    out = api.ok("POST", f"/api/conversations/{cid}/reopen", "agent")
    assert out["status"] == "handed_off" and out["staff"]["resolved_at"] is None
    assert out["ticket"]["reason"] == "reopened" and out["ticket"]["id"] != ticket["id"]
    assert out["staff"]["assignee"] == "demo-agent"
    assert cid in {q["conversation_id"] for q in api.ok("GET", "/api/queue", "agent")}
    assert api.post("/api/conversations/c_nope/reopen", "agent").status_code == 404


def test_first_response_is_a_persons_answer(api: Api) -> None:
    cid = waiting(api)
    assert staff_view(api, cid)["first_response_at"] is None
    suggestion = api.ok("GET", f"/api/conversations/{cid}/suggestions", "agent")[0]
    api.ok("POST", f"/api/suggestions/{suggestion['id']}/edit", "agent",
           json={"text": "We ship to Canada in 5-8 days."})
    view = staff_view(api, cid)
    assert view["first_response_at"] is not None
    assert view["sla"]["first_response"]["breached"] is False and view["sla"]["reply"] is None


def test_queue_items_carry_owner_and_sla(api: Api) -> None:
    cid = waiting(api, HUMAN)
    assign(api, cid, "bob")
    item = {q["conversation_id"]: q for q in api.ok("GET", "/api/queue", "agent")}[cid]
    assert item["assignee"] == "bob"
    assert item["sla"]["reply"]["left_s"] > 0 and item["sla"]["resolution"]["left_s"] > 0
    assert item["sla"]["breached"] == []
    mine = {q["conversation_id"] for q in api.ok("GET", "/api/queue?assignee=me", "bob")}
    assert cid in mine
    assert cid not in {q["conversation_id"] for q in api.ok(
        "GET", "/api/queue?assignee=none", "agent")}
    events = sse_events(api.get("/api/queue/stream?max_s=0.3", "agent").text)
    queued = next(data for name, data in events if name == "queue")
    assert "left_s" not in queued[0]["sla"]["reply"] and "due_at" in queued[0]["sla"]["reply"]


def test_typing_both_ways(api: Api) -> None:
    cid = waiting(api)
    res = api.post(f"/api/conversations/{cid}/typing", "shopper", json={"typing": True})
    assert res.status_code == 204
    assert staff_view(api, cid)["typing"] == [{"role": "shopper", "name": "C001"}]
    queue_events = sse_events(api.get("/api/queue/stream?max_s=0.2", "agent").text)
    typing = next(data for name, data in queue_events if name == "typing")
    assert typing[cid] == {"shopper": True, "agents": []}
    assert api.post(f"/api/conversations/{cid}/typing", "agent", json={}).status_code == 204
    shopper_events = sse_events(api.get(f"/api/conversations/{cid}/events?max_s=0.2").text)
    seen = next(data for name, data in shopper_events if name == "typing")
    assert seen == {"shopper": True, "agent": True}  # no agent names for shoppers
    staff_events = sse_events(api.get(f"/api/conversations/{cid}/events?max_s=0.2",
                                      "agent").text)
    assert next(d for n, d in staff_events if n == "typing")["agents"] == ["demo-agent"]
    assert api.post(f"/api/conversations/{cid}/typing", "shopper",
                    json={"typing": False}).status_code == 204
    assert staff_view(api, cid)["typing"] == [{"role": "agent", "name": "demo-agent"}]
    assert api.post(f"/api/conversations/{cid}/typing", "shopper2",
                    json={"typing": True}).status_code == 404


def test_the_agent_sees_what_the_shopper_saw(api: Api) -> None:
    cid = api.start()
    asked = api.say(cid, ADDRESS)
    assert asked["shopper"]["state"] == "confirm"
    api.say(cid, QUESTION)
    api.say(cid, HUMAN)
    api.say(cid, "Hello? Anyone there?")
    seen = api.ok("GET", f"/api/conversations/{cid}/seen", "agent")
    assert [s["state"] for s in seen] == ["confirm", "waiting", "handoff", "silent"]
    card = seen[0]["confirmation"]
    assert card["name"] == "change_shipping_address" and card["status"] == "pending"
    assert seen[0]["text"] == asked["shopper"]["text"] and seen[0]["reply_id"]
    assert seen[1]["text"] == api.say(api.start(), QUESTION)["shopper"]["text"]
    api.ok("POST", f"/api/actions/{card['action_id']}/confirm")
    confirmed = api.ok("GET", f"/api/conversations/{cid}/seen", "agent")[0]
    assert confirmed["confirmation"]["status"] == "confirmed"
    assert api.get(f"/api/conversations/{cid}/seen", "shopper").status_code == 403
