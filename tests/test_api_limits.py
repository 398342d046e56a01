"""Bad input is refused cleanly (issue 15, items 5 and 6) and every response carries the
security headers: bodies over the limit are 413 before they are read, ids beyond 64
bits and lone surrogates are 422 with the standard body, never a 500 or a dropped
connection.
"""

from __future__ import annotations

import asyncio
import http.client
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from app.api.limits import DEFAULT_MAX_BODY_BYTES, RequestGuardMiddleware
from tests.api_helpers import WHO, Api, api_on_copy

JSON = {"content-type": "application/json"}
ROLES = sorted(WHO)


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("limits")) as client:
        yield client


def operations(api: Api) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in api.get("/openapi.json", None).json()["paths"].items():
        for method, op in item.items():
            yield method.upper(), path, op


def test_a_body_over_the_limit_is_413_declared_or_chunked(api: Api) -> None:
    cid = api.start()
    url = f"/api/conversations/{cid}/messages"
    big = b'{"text": "' + b"x" * DEFAULT_MAX_BODY_BYTES + b'"}'
    declared = api.post(url, content=big, headers=JSON)
    assert declared.status_code == 413, declared.text
    limit = DEFAULT_MAX_BODY_BYTES
    assert declared.json()["detail"] == f"request body too large (at most {limit} bytes)"
    # no Content-Length: counted while it streams in
    chunked = api.post(url, content=iter([big[i:i + 65536] for i in range(0, len(big), 65536)]),
                       headers=JSON)
    assert chunked.status_code == 413 and "content-length" not in chunked.request.headers
    # just under the limit the route itself answers (the text is too long for it)
    under = api.post(url, json={"text": "x" * (DEFAULT_MAX_BODY_BYTES - 100)})
    assert under.status_code == 422 and "too long" in under.json()["detail"]
    assert api.ok("GET", f"/api/conversations/{cid}")["messages"] == []


def test_a_declared_oversize_body_is_never_read() -> None:
    reads: list[dict[str, Any]] = []
    sent: list[dict[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        raise AssertionError("the application must not be called")

    async def receive() -> dict[str, Any]:
        reads.append({})
        return {"type": "http.request", "body": b"x" * 11, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/x",
             "headers": [(b"content-length", b"11"), (b"content-type", b"application/json")]}
    # a thread of its own: an earlier test's event loop may still run in this one
    guard = threading.Thread(target=asyncio.run, args=(
        RequestGuardMiddleware(app, max_bytes=10)(scope, receive, send),))
    guard.start()
    guard.join(timeout=10)
    assert reads == [] and sent[0]["status"] == 413


def test_ids_beyond_64_bits_are_422_on_every_int_path(api: Api) -> None:
    checked = set()
    for method, path, op in operations(api):
        ints = [p["name"] for p in op.get("parameters", []) if p["in"] == "path"
                and p["schema"].get("type") == "integer"]
        others = {p["name"]: "x" for p in op.get("parameters", []) if p["in"] == "path"}
        for name in ints:
            url = path.format(**{**others, name: str(2**64)})
            statuses = {api.call(method, url, who, json={}).status_code for who in ROLES}
            assert max(statuses) < 500 and 422 in statuses, (method, url, statuses)
            checked.add(path)
    assert {"/api/actions/{action_id}/confirm", "/api/suggestions/{suggestion_id}/accept",
            "/api/admin/tokens/{token_id}"} <= checked


def test_lone_surrogates_in_any_json_body_are_422(api: Api) -> None:
    bodies = [b'{"text": "\\ud800"}', b'{"name": "x", "params": {"\\udc00": 1}}',
              b'{"customers": [{"id": "C1", "name": "a\\ud83d"}]}']
    for method, path, op in operations(api):
        if "requestBody" not in op:
            continue
        url = path.replace("{", "").replace("}", "")
        for body in bodies:
            for who in ("shopper", "agent", "admin"):
                res = api.call(method, url, who, content=body, headers=JSON)
                assert res.status_code == 422, (method, path, res.text)
                assert res.json()["errors"][0]["msg"] == "lone UTF-16 surrogate in text"
    cid = api.start()
    admin = api.post("/api/admin/import-store", "admin", content=bodies[2], headers=JSON)
    assert admin.json()["errors"] == [{"field": "customers.0.name",
                                       "msg": "lone UTF-16 surrogate in text"}]
    bad_utf8 = api.post(f"/api/conversations/{cid}/messages", content=b'{"text": "\xed\xa0\x80"}',
                        headers=JSON)
    assert bad_utf8.status_code == 422 and bad_utf8.json()["errors"][0]["field"] == "body"
    # a surrogate pair is a real character (an emoji), not a lone surrogate
    pair = api.post(f"/api/conversations/{cid}/messages",
                    content=b'{"text": "\\ud83d\\ude00 where is my order?"}', headers=JSON)
    assert pair.status_code == 200, pair.text


def test_odd_bytes_in_query_and_headers_are_no_server_error(api: Api) -> None:
    res = api.get("/api/orders?customer_id=%ED%A0%80%FF", "agent")
    assert res.status_code == 200 and res.json() == []
    res = api.get("/api/orders/%ED%A0%80", "agent", headers={"X-Note": b"\xed\xa0\x80"})
    assert res.status_code == 404
    res = api.post("/api/conversations", json={}, headers={"Idempotency-Key": b"\xed\xa0\x80"})
    assert res.status_code == 422
    assert res.json()["errors"][0]["field"] == "header Idempotency-Key"


@pytest.fixture(scope="module")
def served(api: Api) -> Iterator[int]:
    """The same application behind a real uvicorn, for keep-alive connections."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(api.client.app, host="127.0.0.1", port=port,
                                           lifespan="off", log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield port
    server.should_exit = True
    thread.join(timeout=10)


def test_refusals_keep_the_connection_alive(api: Api, served: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", served, timeout=10)
    auth = {"Authorization": f"Bearer {api.tokens['shopper']}", **JSON}
    conn.request("POST", "/api/conversations", body=b'{"label": "\\udfff"}', headers=auth)
    first = conn.getresponse()
    assert first.status == 422 and b"surrogate" in first.read()
    sock = conn.sock
    conn.request("POST", "/api/actions/99999999999999999999999/confirm", headers=auth)
    second = conn.getresponse()
    assert second.status == 422 and b"path action_id" in second.read()
    conn.request("GET", "/health")
    third = conn.getresponse()
    assert third.status == 200 and third.read()
    assert conn.sock is sock and sock is not None  # one connection all along
    conn.close()


def test_every_response_carries_security_headers(api: Api) -> None:
    responses = {"api": api.get("/api/me"), "missing": api.get("/nowhere", None),
                 "refused": api.get("/api/me", None), "page": api.get("/console", None),
                 "static": api.get("/static/common.js", None),
                 "too large": api.post("/api/conversations", content=b"x" * 2_000_000,
                                       headers=JSON)}
    for name, res in responses.items():
        assert res.headers["x-content-type-options"] == "nosniff", name
        assert res.headers["referrer-policy"] == "same-origin", name
        assert "content-security-policy" in res.headers, name
    assert responses["api"].headers["content-security-policy"].startswith("default-src 'none'")
    page = responses["page"].headers["content-security-policy"]
    assert "script-src 'self';" in page and "frame-ancestors 'none'" in page
    assert responses["page"].headers["x-frame-options"] == "DENY"
    docs = api.get("/docs", None).headers["content-security-policy"]
    assert "cdn.jsdelivr.net" in docs and "frame-ancestors 'none'" in docs


def test_an_embeddable_page_names_who_may_frame_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.api import security
    from app.settings import Settings

    monkeypatch.setitem(security.EMBEDDABLE, "/widget", lambda _s: "https://shop.example")
    settings = Settings()
    framed = security.headers_for("/widget", "text/html; charset=utf-8", settings)
    assert framed["content-security-policy"].endswith("frame-ancestors https://shop.example")
    assert "x-frame-options" not in framed
    alone = security.headers_for("/console", "text/html", settings)
    assert alone["x-frame-options"] == "DENY"
