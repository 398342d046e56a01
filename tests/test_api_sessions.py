"""Shopper sessions: the store's signed links, the session cookie they set, and the
same shopper scoping, expiry, forgery and cross-site checks as for bearer tokens."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from httpx import Response

from app import sessions
from app.models._common import utcnow
from tests.api_helpers import Api, api_on_copy

ORIGIN = "http://testserver"  # the TestClient's own origin
SHOP = "https://shop.example.com"
ADDRESS = "请把订单{order}的收货地址改成上海市浦东新区世纪大道100号"


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("sessions"),
                     chat_frame_ancestors=[SHOP]) as client:
        yield client


def mint(api: Api, customer_id: str = "C001", **options: Any) -> dict[str, Any]:
    out: dict[str, Any] = api.ok("POST", "/api/admin/shopper-links", "admin", status=201,
                                 json={"customer_id": customer_id, **options})
    return out


def open_link(api: Api, url: str) -> Response:
    parts = urlsplit(url)
    res = api.client.get(f"{parts.path}?{parts.query}", follow_redirects=False)
    api.client.cookies.clear()  # each test says which cookie it sends
    return res


def sign_in(api: Api, customer_id: str = "C001") -> str:
    res = open_link(api, mint(api, customer_id)["url"])
    assert res.status_code == 303 and res.headers["location"] == "/chat"
    return str(res.cookies[sessions.COOKIE])


def as_shopper(api: Api, method: str, path: str, cookie: str, origin: str | None = ORIGIN,
               **kwargs: Any) -> Response:
    headers = {"Cookie": f"{sessions.COOKIE}={cookie}", **kwargs.pop("headers", {})}
    if origin is not None:
        headers["Origin"] = origin
    return api.client.request(method, path, headers=headers, **kwargs)


def test_admin_mints_links(api: Api) -> None:
    link = mint(api, ttl_s=60)
    assert link["customer_id"] == "C001"
    assert link["url"] == f"{ORIGIN}/chat/start?t={link['token']}"
    expires = datetime.fromisoformat(link["expires_at"].replace("Z", "+00:00"))
    assert 55 < (expires - utcnow()).total_seconds() <= 60
    other = mint(api, base_url="https://help.shop.example.com")
    assert other["url"].startswith("https://help.shop.example.com/chat/start?t=")
    assert api.post("/api/admin/shopper-links", "admin", json={"customer_id": "C999"}
                    ).status_code == 404
    for bad in ({"customer_id": "C001", "ttl_s": 0}, {"customer_id": "C001", "x": 1},
                {"customer_id": "C001", "base_url": "javascript:alert(1)"}, {}):
        assert api.post("/api/admin/shopper-links", "admin", json=bad).status_code == 422
    for who, status in (("agent", 403), ("shopper", 403), (None, 401)):
        res = api.post("/api/admin/shopper-links", who, json={"customer_id": "C001"})
        assert res.status_code == status


def test_link_sets_a_strict_http_only_cookie(api: Api) -> None:
    res = open_link(api, mint(api)["url"] + "&lang=zh")
    assert res.status_code == 303 and res.headers["location"] == "/chat?lang=zh"
    assert res.headers["cache-control"] == "no-store"
    cookie = res.headers["set-cookie"]
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"httponly", "path", "max-age", "samesite"} <= attributes
    assert "samesite=strict" in cookie.lower() and "path=/" in cookie.lower()
    assert "secure" not in attributes  # plain http here; https requests get Secure
    max_age = int(cookie.lower().split("max-age=")[1].split(";")[0])
    assert 1790 <= max_age <= 1800  # KEFU_SHOPPER_SESSION_TTL_S


def test_a_session_is_the_shopper(api: Api) -> None:
    cookie = sign_in(api)
    me = as_shopper(api, "GET", "/api/me", cookie).json()
    assert me["role"] == "shopper" and me["customer_id"] == "C001"
    first = as_shopper(api, "POST", "/api/conversations/current", cookie)
    assert first.status_code == 200
    conv_id = first.json()["id"]
    turn = as_shopper(api, "POST", f"/api/conversations/{conv_id}/messages", cookie,
                      json={"text": "What is your return policy?"})
    assert turn.status_code == 200 and turn.json()["conversation_id"] == conv_id
    # another browser, the same link: the same conversation with its history
    again = as_shopper(api, "POST", "/api/conversations/current", sign_in(api)).json()
    assert again["id"] == conv_id and again["messages"][0]["text"] == (
        "What is your return policy?")
    # until the shopper starts a new one, which is then the current one everywhere
    new = as_shopper(api, "POST", "/api/conversations", cookie, json={})
    assert new.status_code == 201
    assert as_shopper(api, "POST", "/api/conversations/current", cookie).json()["id"] == (
        new.json()["id"])
    # bearer tokens of the same shopper see the same current conversation
    assert api.ok("POST", "/api/conversations/current")["id"] == new.json()["id"]
    assert api.ok("POST", "/api/conversations/current", "shopper2")["customer_id"] == "C002"


def test_a_session_reaches_only_its_own_shoppers_things(api: Api) -> None:
    theirs = api.start("shopper2")
    api.say(theirs, ADDRESS.format(order="A10515"), "shopper2")
    cookie = sign_in(api, "C001")
    missing = as_shopper(api, "GET", "/api/conversations/c_nope", cookie)
    assert missing.status_code == 404
    for method, path, body in [
        ("GET", f"/api/conversations/{theirs}", None),
        ("POST", f"/api/conversations/{theirs}/messages", {"text": "yes"}),
        ("GET", f"/api/conversations/{theirs}/events?max_s=0.1", None),
        ("GET", f"/api/conversations/{theirs}/actions", None),
        ("POST", f"/api/conversations/{theirs}/rating", {"score": 1}),
    ]:
        res = as_shopper(api, method, path, cookie, json=body)
        assert res.status_code == 404 and res.json() == missing.json(), path
    actions = api.ok("GET", f"/api/conversations/{theirs}/actions", "shopper2")
    for action in actions:
        res = as_shopper(api, "POST", f"/api/actions/{action['id']}/confirm", cookie)
        assert res.status_code == 404
    assert as_shopper(api, "GET", "/api/orders/A10515", cookie).status_code == 404
    assert {o["customer_id"] for o in as_shopper(api, "GET", "/api/orders", cookie).json()} == {
        "C001"}
    for method, path in [("GET", "/api/queue"), ("GET", "/api/admin/tokens"),
                         ("GET", "/api/analytics/summary"),
                         ("POST", f"/api/conversations/{theirs}/reply")]:
        res = as_shopper(api, method, path, cookie, json={"text": "hi"})
        assert res.status_code == 403, (path, res.text)
    assert api.ok("GET", f"/api/conversations/{theirs}/actions", "shopper2") == actions


def test_expired_links_and_sessions_are_refused(api: Api) -> None:
    settings = api.runtime.settings
    with api.runtime.session() as session:
        old = sessions.issue_link(session, settings, customer_id="C001", ttl_s=60,
                                  now=utcnow() - timedelta(seconds=61))
    res = open_link(api, old.url)
    assert res.status_code == 303 and res.headers["location"] == "/chat?signin=failed"
    assert 'kefu_session=""' in res.headers["set-cookie"] or "Max-Age=0" in res.headers[
        "set-cookie"]
    stale = sessions.new_session(settings, "C001", now=utcnow() - timedelta(hours=1))
    res = as_shopper(api, "GET", "/api/me", sessions.cookie_value(settings, stale))
    assert res.status_code == 401 and "expired" in res.json()["detail"]
    # however active, a session ends KEFU_SHOPPER_SESSION_MAX_S after it began
    begun = utcnow() - timedelta(seconds=settings.shopper_session_max_s + 5)
    worn = sessions.ShopperSession("C001", begun, utcnow() + timedelta(minutes=5))
    assert sessions.refreshed(settings, worn) is None


def test_each_request_slides_the_session_forward(api: Api) -> None:
    settings = api.runtime.settings
    fresh = sessions.cookie_value(settings, sessions.new_session(settings, "C001"))
    assert "set-cookie" not in as_shopper(api, "GET", "/api/me", fresh).headers
    older = sessions.new_session(settings, "C001", now=utcnow() - timedelta(minutes=5))
    res = as_shopper(api, "GET", "/api/me", sessions.cookie_value(settings, older))
    assert res.status_code == 200 and "httponly" in res.headers["set-cookie"].lower()
    renewed = sessions.read_cookie(settings, res.cookies[sessions.COOKIE])
    assert renewed.started == older.started and renewed.expires > older.expires + timedelta(
        minutes=4)
    api.client.cookies.clear()


def _tampered(token: str, **changes: Any) -> str:
    body, mac = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload.update(changes)
    raw = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()
    return f"{raw}.{mac}"


def test_forged_links_and_cookies_are_refused(api: Api, tmp_path: Path) -> None:
    from app.settings import Settings

    link = mint(api)["token"]
    cookie = sign_in(api)
    elsewhere = Settings(home=tmp_path, llm_backend="none")  # another home's secret
    foreign = sessions.cookie_value(elsewhere, sessions.new_session(elsewhere, "C001"))
    for bad in [_tampered(cookie, c="C002"), _tampered(cookie, e=2_000_000_000),
                cookie[:-4] + ("AAAA" if not cookie.endswith("AAAA") else "BBBB"),
                link, foreign, "garbage", ".", "x" * 5000, cookie.split(".")[0]]:
        res = as_shopper(api, "GET", "/api/me", bad)
        assert res.status_code == 401, bad
    for bad in [_tampered(link, c="C002"), cookie, link + "x", ""]:
        res = open_link(api, f"/chat/start?t={bad}")
        assert res.headers["location"] == "/chat?signin=failed", bad
        assert not res.cookies.get(sessions.COOKIE)


def test_cookie_requests_that_change_things_need_kefus_own_origin(api: Api) -> None:
    cookie = sign_in(api)
    path = "/api/conversations/current"
    for origin in (None, "null", SHOP, "http://testserver.evil.example", "https://testserver"):
        res = as_shopper(api, "POST", path, cookie, origin=origin)
        assert res.status_code == 403, origin
        assert "Origin" in res.json()["detail"]
    assert as_shopper(api, "POST", path, cookie).status_code == 200
    assert as_shopper(api, "GET", "/api/me", cookie, origin=None).status_code == 200
    # bearer tokens are no ambient authority: no Origin needed
    assert api.post(path).status_code == 200
    assert as_shopper(api, "DELETE", "/api/session", cookie, origin=SHOP).status_code == 403
    out = as_shopper(api, "DELETE", "/api/session", cookie)
    assert out.status_code == 204 and "max-age=0" in out.headers["set-cookie"].lower()


def test_public_url_is_an_origin_too(initialised_template: Path, tmp_path: Path) -> None:
    with api_on_copy(initialised_template, tmp_path,
                     public_url="https://help.shop.example.com/") as api:
        link = mint(api)
        assert link["url"].startswith("https://help.shop.example.com/chat/start?t=")
        cookie = sign_in(api)
        res = as_shopper(api, "POST", "/api/conversations/current", cookie,
                         origin="https://help.shop.example.com")
        assert res.status_code == 200


def test_cli_prints_a_link(demo_home: Path) -> None:
    from app.settings import Settings
    from tests.conftest import invoke

    out = invoke("token", "link", "--customer", "C002", "--ttl", "10m")
    assert out.exit_code == 0, out.output
    url = out.output.strip().splitlines()[-1]
    assert url.startswith("http://127.0.0.1:8000/chat/start?t=")
    payload = sessions.unsign(Settings(home=demo_home), sessions.LINK, url.split("t=")[1])
    assert payload["c"] == "C002"
    assert 590 < payload["e"] - utcnow().timestamp() <= 600
    assert invoke("token", "link", "--customer", "C999").exit_code == 1
    assert invoke("token", "link", "--customer", "C001", "--ttl", "soon").exit_code == 1


def test_only_the_chat_may_be_framed_and_only_by_the_store(api: Api) -> None:
    for path in ("/chat", "/chat/start?t=nope"):
        res = api.client.get(path, follow_redirects=False)
        csp = res.headers["content-security-policy"]
        assert f"frame-ancestors 'self' {SHOP}" in csp, path
        assert "script-src 'self';" in csp and "object-src 'none'" in csp
        assert "x-frame-options" not in res.headers
        assert res.headers["referrer-policy"] == "same-origin"  # the link stays private
    for path in ("/", "/console", "/dashboard", "/api/me"):
        res = api.client.get(path)
        assert "frame-ancestors 'none'" in res.headers["content-security-policy"], path
        assert res.headers["x-frame-options"] == "DENY"
        assert res.headers["x-content-type-options"] == "nosniff"
    api.client.cookies.clear()


def test_frame_ancestors_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import ValidationError

    from app.api.security import headers_for
    from app.settings import Settings

    alone = headers_for("/chat", "text/html", Settings(home=tmp_path))
    assert "frame-ancestors 'self';" in alone["content-security-policy"] + ";"
    monkeypatch.setenv("KEFU_CHAT_FRAME_ANCESTORS",
                       "https://shop.example.com, https://*.example.org http://localhost:3000")
    settings = Settings(home=tmp_path)
    assert settings.chat_frame_ancestors == [
        "https://shop.example.com", "https://*.example.org", "http://localhost:3000"]
    csp = headers_for("/chat", "text/html", settings)["content-security-policy"]
    assert csp.endswith("frame-ancestors 'self' https://shop.example.com "
                        "https://*.example.org http://localhost:3000")
    monkeypatch.delenv("KEFU_CHAT_FRAME_ANCESTORS")
    for bad in ["*", "'unsafe-inline'", "javascript:alert(1)", "shop.example.com",
                "https://shop.example.com; script-src *", "https://shop.example.com/path"]:
        with pytest.raises(ValidationError):
            Settings(home=tmp_path, chat_frame_ancestors=bad)
    with pytest.raises(ValidationError):
        Settings(home=tmp_path, public_url="ftp://help.example.com")
