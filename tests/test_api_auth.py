"""Authentication and roles: every route refuses every role it must refuse.

401 without a (valid) token, 403 for a role that may not use the route; shoppers
asking for other customers' things get 404s (tests/test_api_shopper.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api_helpers import Api, api_on_copy

SHOPPER = {"shopper"}
STAFF = {"agent", "admin"}
EVERYONE = {"admin", "agent", "analyst", "channel", "shopper"}
TEXT = {"text": "hello"}
CANNED = {"title": "Hi", "shortcut": "hi", "language": "en", "text": "Hi {{name}}"}

# method, path, roles allowed, a valid body
ROUTES: list[tuple[str, str, set[str], Any]] = [
    ("POST", "/api/conversations", SHOPPER, {}),
    ("GET", "/api/conversations", SHOPPER | STAFF, None),
    ("GET", "/api/conversations/{conversation_id}", SHOPPER | STAFF, None),
    ("POST", "/api/conversations/{conversation_id}/messages", SHOPPER, TEXT),
    ("GET", "/api/conversations/{conversation_id}/events", SHOPPER | STAFF, None),
    ("POST", "/api/conversations/{conversation_id}/rating", SHOPPER, {"score": 4}),
    ("GET", "/api/conversations/{conversation_id}/suggestions", STAFF, None),
    ("POST", "/api/conversations/{conversation_id}/reply", STAFF, TEXT),
    ("GET", "/api/conversations/{conversation_id}/actions", SHOPPER | STAFF, None),
    ("POST", "/api/conversations/{conversation_id}/actions", STAFF,
     {"name": "track_order", "params": {}}),
    ("POST", "/api/suggestions/{suggestion_id}/accept", STAFF, None),
    ("POST", "/api/suggestions/{suggestion_id}/edit", STAFF, TEXT),
    ("POST", "/api/suggestions/{suggestion_id}/reject", STAFF, None),
    ("POST", "/api/actions/{action_id}/confirm", SHOPPER, None),
    ("POST", "/api/actions/{action_id}/reject", SHOPPER, None),
    ("POST", "/api/actions/{action_id}/approve", STAFF, None),
    ("POST", "/api/actions/{action_id}/refuse", STAFF, None),
    ("GET", "/api/queue", STAFF, None),
    ("GET", "/api/queue/stream", STAFF, None),
    ("GET", "/api/tickets", STAFF, None),
    ("POST", "/api/tickets/{ticket_id}/close", STAFF, None),
    ("GET", "/api/orders", SHOPPER | STAFF, None),
    ("GET", "/api/orders/{order_id}", SHOPPER | STAFF, None),
    ("GET", "/api/customers/{customer_id}", STAFF, None),
    ("GET", "/api/me", EVERYONE, None),
    # shopper sessions (tests/test_api_sessions.py)
    ("POST", "/api/conversations/current", SHOPPER, None),
    ("DELETE", "/api/session", SHOPPER, None),
    ("POST", "/api/admin/shopper-links", {"admin"}, {"customer_id": "C001"}),
    ("GET", "/api/knowledge/passage", STAFF, None),
    ("POST", "/api/webhooks/{channel}", {"channel", "admin"},
     {"external_id": "x1", "customer_id": "C001", "text": "hi"}),
    ("POST", "/api/admin/ingest", {"admin"}, {"paths": ["nowhere"]}),
    ("POST", "/api/admin/import-store", {"admin"}, {}),
    ("GET", "/api/admin/tokens", {"admin"}, None),
    ("POST", "/api/admin/tokens", {"admin"}, {"role": "agent", "name": "bob"}),
    ("DELETE", "/api/admin/tokens/{token_id}", {"admin"}, None),
    ("POST", "/api/admin/tokens/{token_id}/rotate", {"admin"}, None),
    ("GET", "/api/analytics/summary", {"analyst", "admin"}, None),
    ("GET", "/api/analytics/eval-runs", {"analyst", "admin"}, None),
    ("GET", "/api/analytics/eval-runs/{run_id}/report", {"analyst", "admin"}, None),
    # the team's routes; notes answer a shopper 404, not 403 (tests/test_api_console.py)
    ("POST", "/api/conversations/{conversation_id}/assign", STAFF, {"assignee": "me"}),
    ("GET", "/api/conversations/{conversation_id}/notes", SHOPPER | STAFF, None),
    ("POST", "/api/conversations/{conversation_id}/notes", SHOPPER | STAFF, TEXT),
    ("POST", "/api/conversations/{conversation_id}/reopen", STAFF, None),
    ("POST", "/api/conversations/{conversation_id}/typing", SHOPPER | STAFF, {"typing": True}),
    ("GET", "/api/conversations/{conversation_id}/seen", STAFF, None),
    ("GET", "/api/agents", STAFF, None),
    ("GET", "/api/canned-replies", STAFF, None),
    ("POST", "/api/canned-replies", {"admin"}, CANNED),
    ("GET", "/api/canned-replies/{reply_id}", STAFF, None),
    ("PUT", "/api/canned-replies/{reply_id}", {"admin"}, CANNED),
    ("DELETE", "/api/canned-replies/{reply_id}", {"admin"}, None),
    ("POST", "/api/canned-replies/{reply_id}/render", STAFF, None),
    ("GET", "/api/admin/knowledge-candidates", {"admin"}, None),
    ("POST", "/api/admin/knowledge-candidates/{candidate_id}/approve", {"admin"}, None),
    ("POST", "/api/admin/knowledge-candidates/{candidate_id}/reject", {"admin"}, None),
    # channels: identities, account links, the delivery queue (tests/test_channels_*.py)
    ("POST", "/api/channels/identities", STAFF,
     {"channel": "wechat", "external_user": "o1", "customer_id": "C001"}),
    ("GET", "/api/channels/identities", STAFF, None),
    ("POST", "/api/channels/link", {"shopper", "channel", "admin"}, {"token": "x" * 20}),
    ("GET", "/api/channels/deliveries", STAFF, None),
    ("POST", "/api/channels/deliveries/retry", {"admin"}, {}),
]
IDS = {"conversation_id": "c_missing", "suggestion_id": "999999", "action_id": "999999",
       "ticket_id": "t_missing", "order_id": "A10001", "customer_id": "C001",
       "channel": "email", "token_id": "999999", "reply_id": "999999",
       "candidate_id": "999999", "run_id": "20260101-000000-replies"}
REFUSALS = [(m, p, who, body) for m, p, allowed, body in ROUTES
            for who in sorted(EVERYONE - allowed)]


def concrete(path: str) -> str:
    return path.format(**IDS)


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("auth")) as client:
        yield client


def test_the_matrix_names_every_api_route(api: Api) -> None:
    paths = api.get("/openapi.json", None).json()["paths"]
    routes = {(method.upper(), path) for path, ops in paths.items() if path.startswith("/api")
              for method in ops}
    assert routes == {(m, p) for m, p, _, _ in ROUTES}


@pytest.mark.parametrize(("method", "path", "who", "body"), REFUSALS,
                         ids=[f"{w}-{m}-{p}" for m, p, w, _ in REFUSALS])
def test_role_is_refused(api: Api, method: str, path: str, who: str, body: Any) -> None:
    res = api.call(method, concrete(path), who, json=body)
    assert res.status_code == 403, res.text
    assert "may not use this route" in res.json()["detail"]


@pytest.mark.parametrize(("method", "path"), [(m, p) for m, p, _, _ in ROUTES],
                         ids=[f"{m}-{p}" for m, p, _, _ in ROUTES])
def test_no_token_is_401(api: Api, method: str, path: str) -> None:
    res = api.call(method, concrete(path), None, json={})
    assert res.status_code == 401
    assert res.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("header", ["Bearer nope", "Bearer ", "Basic dXNlcjpwdw==", "kefu"])
def test_bad_credentials_are_401(api: Api, header: str) -> None:
    res = api.client.get("/api/me", headers={"Authorization": header})
    assert res.status_code == 401
    assert "token" in res.json()["detail"]


def test_me_names_the_principal(api: Api) -> None:
    assert api.ok("GET", "/api/me", "shopper") == {
        "name": "demo-shopper-C001", "role": "shopper", "customer_id": "C001"}
    assert api.ok("GET", "/api/me", "agent")["role"] == "agent"


def test_public_routes_need_no_token(api: Api) -> None:
    assert api.get("/health", None).json()["status"] == "ok"
    assert api.get("/metrics", None).status_code == 200
    assert api.get("/openapi.json", None).json()["info"]["title"] == "Kefu"


def test_only_a_hash_of_each_token_is_stored(api: Api) -> None:
    import sqlite3

    with sqlite3.connect(api.home / "kefu.db") as conn:
        stored = {row[0] for row in conn.execute("SELECT token_hash FROM api_token")}
    assert not stored & set(api.tokens.values())
    assert all(len(h) == 64 for h in stored)
