"""Shopper sessions in a real browser: the store's signed link signs the shopper in
(no token to paste), a second browser with the same link sees the same conversation,
an expired or forged link signs nobody in, and the chat can be framed only by the
store's configured origin."""

from __future__ import annotations

import base64
import http.server
import json
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import Server, until

pytestmark = pytest.mark.browser

QUESTION = "Where is my order A10515?"  # C002's
EMBEDDED_QUESTION = "Where is my order A10572?"  # C001's


@pytest.fixture
def other_browser(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 900, "height": 800}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def session_cookie(page: Any) -> dict[str, Any] | None:
    found = [c for c in page.context.cookies() if c["name"] == "kefu_session"]
    return found[0] if found else None


def test_signed_link_opens_the_chat_in_any_browser(page: Any, other_browser: Any,
                                                  server: Server, shoot: Any) -> None:
    link = server.link("C002")
    page.goto(link)
    page.wait_for_selector("#text:not([disabled])")
    assert urlsplit(page.url).path == "/chat" and "t=" not in page.url
    assert page.is_hidden("#token-form") and page.is_hidden("#signin-hint")
    cookie = session_cookie(page)
    assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert page.evaluate("document.cookie") == ""  # out of reach of scripts
    # shut until the new conversation is there, or the question lands in the old one:
    # its creation is held back so the state is looked at while it is in flight
    held: list[Any] = []
    page.route("**/api/conversations", lambda route: held.append(route)
               if route.request.method == "POST" else route.continue_())
    page.click("#new-conv")
    while not held:
        page.wait_for_timeout(20)
    assert page.is_disabled("#text")
    held[0].continue_()
    page.unroute("**/api/conversations")
    page.wait_for_selector(".msg.welcome")
    page.fill("#text", QUESTION)
    page.keyboard.press("Enter")
    page.wait_for_selector(".msg.shopper[data-id]")
    until(page, "!state.busy")
    conv_id = page.evaluate("state.conv.id")
    shoot(page, "chat-8-signed-in")

    # a new browser, nothing stored: the same link brings back the same conversation
    other_browser.goto(link)
    other_browser.wait_for_selector(f".msg.shopper:has-text('{QUESTION}')")
    assert other_browser.evaluate("state.conv.id") == conv_id
    assert other_browser.locator(".msg.welcome").count() == 0
    shoot(other_browser, "chat-9-second-browser")

    # what either browser writes reaches the other one live
    other_browser.fill("#text", "谢谢")
    other_browser.keyboard.press("Enter")
    page.wait_for_selector(".msg.shopper:has-text('谢谢')", timeout=20_000)


def tampered(link: str) -> str:
    """The link with another customer's id under the first one's signature."""
    base, token = link.split("t=", 1)
    body, mac = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload["c"] = "C002"
    forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()
    return f"{base}t={forged}.{mac}"


@pytest.mark.parametrize("how", ["expired", "forged", "tampered"])
def test_a_bad_link_signs_nobody_in(page: Any, server: Server, shoot: Any, how: str) -> None:
    link = server.link("C001", ttl_s=1)
    if how == "expired":
        page.wait_for_timeout(2100)
    elif how == "forged":
        link = link[:-6] + ("AAAAAA" if not link.endswith("AAAAAA") else "BBBBBB")
    else:
        link = tampered(server.link("C001"))
    page.goto(link)
    page.wait_for_selector("#error-bar.show")
    assert "expired or is not valid" in page.inner_text("#error-bar")
    assert page.is_visible("#token-form") and page.is_visible("#signin-hint")
    assert session_cookie(page) is None
    assert page.locator("#text[disabled]").count() == 1
    status = page.evaluate("fetch('/api/me').then((r) => r.status)")
    assert status == 401
    if how == "expired":
        shoot(page, "chat-10-link-expired")


EMBED = """<!doctype html><html><body><h1>Shop</h1>
<iframe id="chat" src="{chat}" width="700" height="600"></iframe>
<iframe id="console" src="{console}" width="400" height="300"></iframe></body></html>"""


@pytest.fixture
def shop_page(server: Server) -> Iterator[str]:
    """The store's own page on the origin KEFU_CHAT_FRAME_ANCESTORS allows."""
    body = EMBED.format(chat=server.link("C001"), console=f"{server.url}/console")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args: Any) -> None:
            pass

    port = int(urlsplit(server.embed_origin).port or 0)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"{server.embed_origin}/shop.html"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_the_store_frames_the_chat_and_nothing_else(page: Any, server: Server,
                                                   shop_page: str, shoot: Any) -> None:
    page.goto(shop_page)
    chat = page.frame_locator("#chat")
    chat.locator("#text:not([disabled])").wait_for()
    chat.locator("#text").fill(EMBEDDED_QUESTION)
    chat.locator("#text").press("Enter")
    chat.locator(f".msg.shopper[data-id]:has-text('{EMBEDDED_QUESTION}')").last.wait_for()
    # the console refuses to be framed, by the store or anyone
    console = page.query_selector("#console").content_frame()
    page.wait_for_timeout(500)
    assert console.url.startswith("chrome-error") or console.locator("#queue").count() == 0
    shoot(page, "chat-11-embedded")
