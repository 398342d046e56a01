"""An HTTP client on a real demo home for the API tests, with the demo tokens.

One home per test module (a copy of the session's initialised template): the API tests
each start their own conversations, so they do not see each other's state except
where a test says so (the queue, analytics).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from app.runtime import Runtime

# who -> (role, customer) of the demo tokens
WHO = {
    "admin": ("admin", None), "agent": ("agent", None), "analyst": ("analyst", None),
    "channel": ("channel", None), "shopper": ("shopper", "C001"),
    "shopper2": ("shopper", "C002"),
}


@dataclass
class Api:
    client: TestClient
    tokens: dict[str, str]
    home: Path
    runtime: Runtime

    def headers(self, who: str | None) -> dict[str, str]:
        return {} if who is None else {"Authorization": f"Bearer {self.tokens[who]}"}

    def call(self, method: str, path: str, who: str | None, **kwargs: Any) -> Response:
        headers = {**self.headers(who), **kwargs.pop("headers", {})}
        return self.client.request(method, path, headers=headers, **kwargs)

    def get(self, path: str, who: str | None = "shopper", **kwargs: Any) -> Response:
        return self.call("GET", path, who, **kwargs)

    def post(self, path: str, who: str | None = "shopper", **kwargs: Any) -> Response:
        return self.call("POST", path, who, **kwargs)

    def ok(self, method: str, path: str, who: str | None = "shopper",
           status: int = 200, **kwargs: Any) -> Any:
        res = self.call(method, path, who, **kwargs)
        assert res.status_code == status, f"{method} {path}: {res.status_code} {res.text}"
        return res.json()

    def start(self, who: str = "shopper") -> str:
        return str(self.ok("POST", "/api/conversations", who, status=201, json={})["id"])

    def say(self, conversation_id: str, text: str, who: str = "shopper") -> dict[str, Any]:
        result: dict[str, Any] = self.ok("POST", f"/api/conversations/{conversation_id}/messages",
                                         who, json={"text": text})
        return result


def pending_action(api: Api, conversation_id: str, who: str = "shopper") -> int:
    """The id of the conversation's write action waiting for the shopper's yes."""
    actions = api.ok("GET", f"/api/conversations/{conversation_id}/actions", who)
    waiting = [a["id"] for a in actions if a["status"] == "needs_confirmation"]
    assert waiting, actions
    return int(waiting[0])


def sse_events(body: str) -> list[tuple[str, Any]]:
    """(event, data) pairs of a server-sent event stream; pings are skipped."""
    events = []
    for block in body.replace("\r\n", "\n").split("\n\n"):
        name, data = "message", []
        for line in block.split("\n"):
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].removeprefix(" "))
        if data:
            events.append((name, json.loads("\n".join(data))))
    return events


@contextmanager
def api_on_copy(template: Path, folder: Path, **settings: Any) -> Iterator[Api]:
    """A TestClient on a fresh copy of the initialised home, LLM backend off;
    ``settings`` override more (``auto_send_threshold=1.0``: every turn that is not a
    hand-off waits for an agent, whatever the confidence model says)."""
    home = folder / "home"
    shutil.copytree(template, home)
    with api_on_home(home=home, database_url=None, **settings) as api:
        yield api


@contextmanager
def api_on_database(request: pytest.FixtureRequest, folder: Path,
                    **settings: Any) -> Iterator[Api]:
    """:func:`api_on_copy` on the database the fixture is parametrised with
    (``params=DATABASES``): SQLite, or a clone of the demo database on PostgreSQL."""
    from tests.pg import demo_copy

    copy = demo_copy(request, request.param, folder / "home")
    with api_on_home(**copy, **settings) as api:
        yield api


@contextmanager
def api_on_home(**settings: Any) -> Iterator[Api]:
    from app.auth import ensure_demo_tokens
    from app.main import create_app
    from app.runtime import Runtime
    from app.settings import Settings

    # an explicit runtime, not the environment: the app must need nothing else
    rt = Runtime(Settings(**{"llm_backend": "none", **settings}))
    demo = {(t.role, t.customer_id): t.token for t in ensure_demo_tokens(rt)}
    tokens = {who: demo[key] for who, key in WHO.items()}
    try:
        with TestClient(create_app(rt)) as client:
            yield Api(client=client, tokens=tokens, home=rt.settings.home, runtime=rt)
    finally:
        rt.close()
