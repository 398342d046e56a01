"""Schemathesis against the real application: every operation of the OpenAPI document,
called with each role's token, valid and invalid input; never a server error, and
every answer is documented (status code, content type and body schema).

Bounded and deterministic for CI: a fixed seed, derandomized generation, a few
examples per operation and mode, no example database. The event streams are left
out (they stay open for up to an hour by design; tests/test_api_agent.py covers them).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.python.asgi import shutdown_lifespans
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api_helpers import WHO

SEED = 20261128
MAX_EXAMPLES = 4  # per operation and pass (valid input twice, invalid input)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
ROLES = ("shopper", "agent", "analyst", "admin", "channel")
# the event streams stay open for minutes by design (tests/test_api_agent.py reads them)
SKIPPED = re.compile(r"/(events|stream)$")
# operations that must have answered 2xx at least once (most others refuse random ids)
REACHED = {"POST /api/conversations", "GET /api/conversations/{conversation_id}",
           "POST /api/conversations/{conversation_id}/messages",
           "POST /api/conversations/{conversation_id}/rating",
           "POST /api/actions/{action_id}/confirm", "GET /api/orders", "GET /api/queue",
           "GET /api/admin/tokens", "GET /api/analytics/summary"}
ADDRESS = "Please change the shipping address of order A10001 to 77 River Rd, Austin, TX 78702"
REVIEW = "Please change the shipping address of order A10315 to 12 Elm St, Austin, TX 78701"
HUMAN = "I want to talk to a human agent please"


@pytest.fixture(scope="module")
def fuzzed_app(initialised_template: Path,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FastAPI, Any]]:
    """The application on a copy of the demo home (schemathesis runs its lifespan)."""
    from app.auth import ensure_demo_tokens
    from app.main import create_app
    from app.runtime import Runtime
    from app.settings import Settings

    home = tmp_path_factory.mktemp("fuzz") / "home"
    shutil.copytree(initialised_template, home)
    rt = Runtime(Settings(home=home, llm_backend="none", database_url=None))
    demo = {(t.role, t.customer_id): t.token for t in ensure_demo_tokens(rt)}
    tokens = {who: demo[key] for who, key in WHO.items()}
    try:
        yield create_app(rt), tokens
    finally:
        shutdown_lifespans()
        rt.close()


def real_ids(app: FastAPI, tokens: dict[str, str]) -> dict[str, str]:
    """Ids that exist (a conversation with an action, suggestions and a ticket), so the
    valid-input pass reaches past the 404s into the routes' work."""
    client = TestClient(app)  # no lifespan of its own: schemathesis runs the app's

    def call(method: str, path: str, who: str, **kwargs: Any) -> Any:
        res = client.request(method, path, headers={
            "Authorization": f"Bearer {tokens[who]}"}, **kwargs)
        assert res.status_code < 300, res.text
        return res.json()

    cid, review = (call("POST", "/api/conversations", "shopper", json={})["id"]
                   for _ in range(2))
    for conv, text in ((cid, ADDRESS), (review, REVIEW), (cid, HUMAN)):
        call("POST", f"/api/conversations/{conv}/messages", "shopper", json={"text": text})
    action = next(a["id"] for a in call("GET", f"/api/conversations/{cid}/actions", "shopper")
                  if a["status"] == "needs_confirmation")
    drafts = call("GET", f"/api/conversations/{review}/suggestions", "agent")
    # one nobody decided yet, where the turn went to review
    suggestion = min(drafts, key=lambda s: s["decision"] is not None)["id"]
    ticket = call("GET", "/api/tickets", "agent")[0]["id"]
    return {"conversation_id": cid, "action_id": str(action),
            "suggestion_id": str(suggestion), "ticket_id": ticket, "order_id": "A10001",
            "customer_id": "C001", "channel": "email"}


def _fuzz(operation: Any, mode: GenerationMode, tokens: dict[str, str],
          ids: dict[str, str] | None, answered: set[str]) -> None:
    path = {name: value for name, value in (ids or {}).items()
            if f"{{{name}}}" in operation.path}

    @settings(max_examples=MAX_EXAMPLES, derandomize=True, database=None, deadline=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck),
              print_blob=False)
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path))
    def run(case: Any) -> None:
        for who in ROLES:
            headers = {"Authorization": f"Bearer {tokens[who]}"}
            response = case.call(headers=headers)
            if response.status_code < 300:
                answered.add(operation.label)
            case.validate_response(response, checks=CHECKS, headers=headers)

    run()


def test_every_operation_for_every_role(fuzzed_app: tuple[FastAPI, Any]) -> None:
    app, tokens = fuzzed_app
    ids = real_ids(app, tokens)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    answered: set[str] = set()
    passes = [(GenerationMode.POSITIVE, ids), (GenerationMode.POSITIVE, None),
              (GenerationMode.NEGATIVE, None)]
    for result in schema.get_all_operations():
        operation = result.ok()
        if SKIPPED.search(operation.path):
            continue
        for mode, known in passes:
            if known is not None and "{" not in operation.path:
                continue  # the same as the pass with generated ids
            try:
                _fuzz(operation, mode, tokens, known, answered)
            except Unsatisfiable:  # no input at all, so none can be invalid
                assert mode is GenerationMode.NEGATIVE, operation.label
            except (Exception, BaseExceptionGroup) as exc:  # all failures, every operation
                failures.append(f"{operation.label} ({mode.value}): {exc}")
    assert not failures, f"{len(failures)} failing:\n\n" + "\n\n".join(failures)
    # the generated requests reach the routes' work, not only their refusals
    assert answered >= REACHED, sorted(REACHED - answered)
