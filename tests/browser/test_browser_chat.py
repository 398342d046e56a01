"""The shopper chat in a real browser: ask for an address change, confirm with Yes."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Server

pytestmark = pytest.mark.browser

REQUEST = "Please change the shipping address of order A10315 to 77 River Rd, Austin, TX 78702"


def connect(page: Any, server: Server, path: str, who: str) -> None:
    page.goto(f"{server.url}{path}")
    page.fill("#token", server.tokens[who])
    page.click("#connect")


def test_shopper_confirms_an_address_change(page: Any, server: Server, shoot: Any) -> None:
    connect(page, server, "/chat", "shopper")
    page.wait_for_selector(".msg.welcome")
    page.fill("#text", REQUEST)
    page.keyboard.press("Enter")
    card = page.wait_for_selector(".confirm-card")
    assert "A10315" in card.inner_text() and "77 River Rd" in card.inner_text()
    page.wait_for_selector(".msg.bot:not(.typing) >> nth=-1")
    shoot(page, "chat-1-confirmation")

    page.click(".confirm-yes")
    page.wait_for_selector(".confirm-card .badge.ok")
    done = page.wait_for_selector(".msg.bot:has-text('Done!')")
    assert "77 River Rd" in done.inner_text()
    shoot(page, "chat-2-confirmed")
    with server.api("shopper") as api:
        assert api.get("/api/orders/A10315").json()["shipping_address"].startswith("77 River")


def test_streamed_answer_and_human_takeover(page: Any, server: Server, shoot: Any) -> None:
    connect(page, server, "/chat", "shopper")
    page.wait_for_selector(".msg.welcome")
    page.click("#new-conv")
    page.fill("#text", "What is your return policy?")
    page.click("#send")
    page.wait_for_selector(".msg.bot:not(.typing):not(.welcome):has-text('30 days')")
    assert page.is_hidden("#handoff-banner")

    page.fill("#text", "This is useless, I want to talk to a human")
    page.keyboard.press("Enter")
    page.wait_for_selector("#handoff-banner:not([hidden])")
    conv_id = page.evaluate("state.conv.id")
    with server.api("agent") as api:
        sent = api.post(f"/api/conversations/{conv_id}/reply",
                        json={"text": "Hi, this is Alice from the support team."})
        assert sent.status_code == 201
    page.wait_for_selector(".msg.agent:has-text('Alice')", timeout=20_000)
    page.click("#stars button[data-score='5']")
    page.wait_for_selector("#stars button.on >> nth=4")
    shoot(page, "chat-3-human-takeover")


def test_chat_in_chinese(page: Any, server: Server, shoot: Any) -> None:
    connect(page, server, "/chat", "shopper2")
    page.click("#lang-toggle")
    page.wait_for_selector("text=购物助手")
    page.fill("#text", "你们的退货政策是什么？")
    page.keyboard.press("Enter")
    page.wait_for_selector(".msg.bot:not(.typing):not(.welcome) >> nth=-1")
    assert page.inner_text("#send") == "发送"
    shoot(page, "chat-4-zh")
