"""The agent's side: queue, suggestions (accept / edit / reject), replies, action
approval, tickets, a customer's orders, source passages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.api_helpers import Api, api_on_database, pending_action, sse_events
from tests.pg import DATABASES

REVIEW = "Please change the shipping address of order A10315 to 12 Elm St, Austin, TX 78701"


@pytest.fixture(scope="module", params=DATABASES)
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
        ) -> Iterator[Api]:
    # nothing is sent automatically, so the review turns wait for an agent whatever the
    # confidence model (refitted now and then) says of them
    with api_on_database(request, tmp_path_factory.mktemp("agent"),
                     auto_send_threshold=1.0) as client:
        yield client


def review_turn(api: Api, text: str = REVIEW) -> tuple[str, list[dict[str, Any]]]:
    cid = api.start()
    assert api.say(cid, text)["result"]["decision"] == "agent_review"
    return cid, api.ok("GET", f"/api/conversations/{cid}/suggestions", "agent")


def queued(api: Api) -> dict[str, dict[str, Any]]:
    return {q["conversation_id"]: q for q in api.ok("GET", "/api/queue", "agent")}


def test_review_turn_waits_in_the_queue(api: Api) -> None:
    cid, suggestions = review_turn(api)
    item = queued(api)[cid]
    assert item["reason"] == "review" and item["ticket_id"] is None
    assert item["customer_name"] and item["intent"] == "change_shipping_address"
    assert item["waiting_s"] >= 0 and item["last_message"] == REVIEW
    assert suggestions and all(s["decision"] is None for s in suggestions)
    assert [s["rank"] for s in suggestions] == sorted(s["rank"] for s in suggestions)


def test_hand_off_is_queued_first_by_priority(api: Api) -> None:
    review_turn(api)
    cid = api.start()
    api.say(cid, "This is outrageous, I am furious, I want a human right now!!!")
    items = api.ok("GET", "/api/queue", "agent")
    ranks = {"low": 0, "normal": 1, "high": 2, "urgent": 3}
    assert [ranks[i["priority"]] for i in items] == sorted(
        (ranks[i["priority"]] for i in items), reverse=True)
    item = queued(api)[cid]
    assert item["ticket_id"] and item["reason"] != "review"


def test_accept_sends_the_draft_as_is(api: Api) -> None:
    cid, suggestions = review_turn(api)
    chosen = suggestions[0]
    out = api.ok("POST", f"/api/suggestions/{chosen['id']}/accept", "agent")
    assert out["suggestion"]["decision"] == "accepted"
    assert out["suggestion"]["final_text"] == chosen["text"]
    assert out["suggestion"]["decided_by"] == "demo-agent"
    assert out["message"]["role"] == "agent" and out["message"]["text"] == chosen["text"]
    assert cid not in queued(api)
    assert api.post(f"/api/suggestions/{chosen['id']}/accept", "agent").status_code == 409
    shopper_view = api.ok("GET", f"/api/conversations/{cid}")["messages"]
    assert shopper_view[-1]["role"] == "agent"


def test_edit_stores_draft_and_final_text(api: Api) -> None:
    cid, suggestions = review_turn(api)
    chosen = suggestions[-1]
    final = "Sure, I can do that. Shall I change it now? (edited)"
    out = api.ok("POST", f"/api/suggestions/{chosen['id']}/edit", "agent", json={"text": final})
    assert out["suggestion"]["decision"] == "edited"
    assert out["suggestion"]["text"] == chosen["text"]
    assert out["suggestion"]["final_text"] == final and out["message"]["text"] == final
    stored = api.ok("GET", f"/api/conversations/{cid}/suggestions", "agent")
    assert {s["id"]: s["decision"] for s in stored}[chosen["id"]] == "edited"


@pytest.mark.parametrize("body", [{"text": ""}, {"text": " "}, {"text": "y" * 4001}, {},
                                  {"text": 1}, {"final_text": "x"}])
def test_bad_edits_are_422(api: Api, body: Any) -> None:
    _, suggestions = review_turn(api)
    res = api.post(f"/api/suggestions/{suggestions[0]['id']}/edit", "agent", json=body)
    assert res.status_code == 422 and res.json()["detail"].startswith("invalid request:")


def test_reject_sends_nothing(api: Api) -> None:
    cid, suggestions = review_turn(api)
    out = api.ok("POST", f"/api/suggestions/{suggestions[0]['id']}/reject", "agent")
    assert out["suggestion"]["decision"] == "rejected" and out["message"] is None
    assert out["suggestion"]["final_text"] is None
    assert cid in queued(api)


def test_unknown_suggestion_is_404(api: Api) -> None:
    for verb in ("accept", "reject"):
        assert api.post(f"/api/suggestions/999999/{verb}", "agent").status_code == 404
    assert api.post("/api/suggestions/abc/accept", "agent").status_code == 422


def test_free_reply(api: Api) -> None:
    cid, _ = review_turn(api)
    msg = api.ok("POST", f"/api/conversations/{cid}/reply", "agent", status=201,
                 json={"text": "Hello, this is Alice."})
    assert msg["role"] == "agent"
    assert cid not in queued(api)
    assert api.post("/api/conversations/c_nope/reply", "agent",
                    json={"text": "hi"}).status_code == 404


def test_agent_proposes_and_approves_an_action(api: Api) -> None:
    cid = api.start()
    proposed = api.ok("POST", f"/api/conversations/{cid}/actions", "agent", json={
        "name": "change_shipping_address",
        "params": {"order_id": "A10001", "address": "5 Lake View, Austin, TX 78703"}})
    assert proposed["status"] == "needs_approval"
    assert api.post(f"/api/actions/{proposed['id']}/confirm").status_code == 409
    approved = api.ok("POST", f"/api/actions/{proposed['id']}/approve", "agent")
    assert approved["action"]["status"] == "executed"
    assert approved["message"]["role"] == "agent" and "5 Lake View" in approved["message"]["text"]
    order = api.ok("GET", "/api/orders/A10001")
    assert order["shipping_address"] == "5 Lake View, Austin, TX 78703"
    replay = api.ok("POST", f"/api/actions/{proposed['id']}/approve", "agent")
    assert replay["action"]["status"] == "executed" and replay["message"] is None


def test_agent_refuses_an_action(api: Api) -> None:
    cid = api.start()
    proposed = api.ok("POST", f"/api/conversations/{cid}/actions", "agent",
                      json={"name": "cancel_order", "params": {"order_id": "A10001"}})
    refused = api.ok("POST", f"/api/actions/{proposed['id']}/refuse", "agent")
    assert refused["action"]["status"] == "blocked" and refused["message"] is None
    assert api.ok("GET", "/api/orders/A10001")["status"] == "pending"


def test_agent_cannot_confirm_for_the_shopper(api: Api) -> None:
    cid = api.start()
    api.say(cid, REVIEW)
    action_id = pending_action(api, cid)
    res = api.post(f"/api/actions/{action_id}/approve", "agent")
    assert res.status_code == 409 and "shopper" in res.json()["detail"]
    assert api.post("/api/actions/999999/approve", "agent").status_code == 404


def test_bad_proposals_are_outcomes_not_errors(api: Api) -> None:
    cid = api.start()
    failed = api.ok("POST", f"/api/conversations/{cid}/actions", "agent",
                    json={"name": "launch_rocket", "params": {}})
    assert failed["status"] == "failed" and failed["id"] is None
    assert api.post(f"/api/conversations/{cid}/actions", "agent",
                    json={"name": "track_order", "params": "A1"}).status_code == 422


def test_tickets(api: Api) -> None:
    cid = api.start()
    ticket_id = api.say(cid, "I want to speak to a human agent")["result"]["ticket_id"]
    assert ticket_id in {t["id"] for t in api.ok("GET", "/api/tickets", "agent")}
    closed = api.ok("POST", f"/api/tickets/{ticket_id}/close", "agent")
    assert closed["status"] == "closed" and closed["closed_at"]
    assert api.ok("GET", f"/api/conversations/{cid}", "agent")["status"] == "resolved"
    assert ticket_id in {t["id"] for t in api.ok("GET", "/api/tickets?status=closed", "agent")}
    assert api.post(f"/api/tickets/{ticket_id}/close", "agent").status_code == 409
    assert api.post("/api/tickets/t_nope/close", "agent").status_code == 404
    assert api.get("/api/tickets?status=weird", "agent").status_code == 422


def test_customer_and_orders_for_the_console(api: Api) -> None:
    out = api.ok("GET", "/api/customers/C001", "agent")
    assert out["customer"]["id"] == "C001" and out["orders"]
    assert api.get("/api/customers/C999", "agent").status_code == 404
    assert api.ok("GET", "/api/orders?customer_id=C002", "agent")[0]["customer_id"] == "C002"
    assert api.get("/api/orders", "agent").status_code == 400
    assert api.ok("GET", "/api/orders/A10001", "agent")["id"] == "A10001"


def test_conversations_for_staff(api: Api) -> None:
    cid = api.start("shopper2")
    listed = api.ok("GET", "/api/conversations?customer_id=C002", "agent")
    assert cid in {c["id"] for c in listed}
    assert api.ok("GET", f"/api/conversations/{cid}", "agent")["customer_id"] == "C002"


def test_source_passages(api: Api) -> None:
    cid = api.start()
    api.say(cid, "is the ceramic mug dishwasher safe?")
    suggestions = api.ok("GET", f"/api/conversations/{cid}/suggestions", "agent")
    source = next(src for s in suggestions for src in s["sources"])
    passage = api.ok("GET", "/api/knowledge/passage", "agent", params={"id": source["id"]})
    assert passage["id"] == source["id"] and passage["text"] and passage["title"]
    for bad in ("order:A10001#0", "kb:nope#0", "garbage"):
        res = api.get("/api/knowledge/passage", "agent", params={"id": bad})
        assert res.status_code == 404


def test_queue_stream(api: Api) -> None:
    review_turn(api)
    events = sse_events(api.get("/api/queue/stream?max_s=0.3", "agent").text)
    assert events[0][0] == "queue" and events[0][1]
    assert "waiting_s" not in events[0][1][0]
    assert events[-1][0] == "end"
    assert api.get("/api/queue/stream?max_s=0", "agent").status_code == 422
