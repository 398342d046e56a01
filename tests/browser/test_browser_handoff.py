"""A hand-off in a real browser, start to end: the shopper asks for a person, the
banner says a person has the conversation, the agent's reply arrives live, the bot
keeps quiet, and when the ticket closes the assistant says it is back and answers."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Server, until

pytestmark = pytest.mark.browser

BACK = "I'm back to assist"  # prompts/templates/en/_resumed.j2


def send(page: Any, text: str) -> None:
    page.fill("#text", text)
    page.keyboard.press("Enter")
    page.wait_for_selector(f".msg.shopper[data-id]:has-text('{text[:12]}') >> nth=-1")
    until(page, "!state.busy")


def bot_bubbles(page: Any) -> int:
    return int(page.locator(".msg.bot:not(.welcome)").count())


def test_hand_off_lifecycle(page: Any, server: Server, shoot: Any) -> None:
    page.goto(server.link("C001"))
    page.click("#new-conv")
    page.wait_for_selector(".msg.welcome")
    assert page.is_hidden("#handoff-banner")

    send(page, "This is useless, I want to talk to a human")
    page.wait_for_selector("#handoff-banner:not([hidden])")
    assert page.inner_text("#mode-badge") == "Human agent"
    handoff = page.locator(".msg.bot[data-id]").last.inner_text()
    assert "colleague" in handoff
    conv_id = page.evaluate("state.conv.id")

    with server.api("agent") as api:
        sent = api.post(f"/api/conversations/{conv_id}/reply",
                        json={"text": "Hi, this is Alice from the support team."})
        assert sent.status_code == 201
    page.wait_for_selector(".msg.agent:has-text('Alice')", timeout=20_000)

    # while a person has the conversation the bot says nothing
    before = bot_bubbles(page)
    send(page, "Thanks Alice, my parcel A10572 has not arrived")
    page.wait_for_timeout(1500)
    assert bot_bubbles(page) == before and page.locator(".msg.typing").count() == 0
    page.click("#stars button[data-score='5']")
    page.wait_for_selector("#stars button.on >> nth=4")
    shoot(page, "chat-3-human-takeover")

    with server.api("agent") as api:
        ticket = api.get(f"/api/conversations/{conv_id}").json()["ticket"]
        closed = api.post(f"/api/tickets/{ticket['id']}/close")
        assert closed.status_code == 200, closed.text
    page.wait_for_selector(f".msg.system:has-text(\"{BACK}\")", timeout=20_000)
    page.wait_for_selector("#handoff-banner", state="hidden")
    assert page.inner_text("#mode-badge") == "Bot"

    before = bot_bubbles(page)
    send(page, "What is your return policy?")
    until(page, f"document.querySelectorAll('.msg.bot:not(.welcome)').length > {before}")
    answer = page.locator(".msg.bot:not(.welcome)").last
    assert "typing" not in (answer.get_attribute("class") or "")
    assert page.is_hidden("#handoff-banner")
    with server.api("agent") as api:
        conv = api.get(f"/api/conversations/{conv_id}").json()
        assert conv["status"] != "handed_off" and conv["ticket"] is None
    shoot(page, "chat-7-assistant-back")
