"""The shopper chat in a real browser: confirmations by button and by typing, in English
and Chinese, and a card pressed after its question was already answered."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import Server, until

pytestmark = pytest.mark.browser

REQUEST = "Please change the shipping address of order A10315 to 77 River Rd, Austin, TX 78702"
# C002's pending order (the English test changes C001's): nothing else touches it
REQUEST_ZH = "请把订单A10201的收货地址改成上海市浦东新区世纪大道100号"
NEW_ADDRESS_ZH = "上海市浦东新区世纪大道100号"


def connect(page: Any, server: Server, path: str, who: str) -> None:
    """The try-it-out way in: no session, a pasted shopper token."""
    page.goto(f"{server.url}{path}")
    page.fill("#token", server.tokens[who])
    page.click("#connect")


@pytest.fixture
def second(browser: Any) -> Iterator[Any]:
    """Another browser (its own cookies and storage) of the same shopper."""
    context = browser.new_context(viewport={"width": 1000, "height": 800}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def send(page: Any, text: str) -> None:
    page.fill("#text", text)
    page.keyboard.press("Enter")
    page.wait_for_selector(f".msg.shopper[data-id]:has-text('{text[:12]}') >> nth=-1")
    until(page, "!state.busy")


def test_shopper_confirms_an_address_change(page: Any, server: Server, shoot: Any) -> None:
    connect(page, server, "/chat", "shopper")
    page.wait_for_selector(".msg.welcome")
    send(page, REQUEST)
    card = page.wait_for_selector(".confirm-card")
    assert "A10315" in card.inner_text() and "77 River Rd" in card.inner_text()
    # the question is the whole answer: no "a colleague will reply" beside it
    assert page.locator(".msg.waiting").count() == 0 and page.is_hidden("#handoff-banner")
    shoot(page, "chat-1-confirmation")

    page.click(".confirm-yes")
    page.wait_for_selector(".confirm-card .badge.ok:has-text('Confirmed')")
    assert page.locator(".confirm-card button").count() == 0
    done = page.wait_for_selector(".msg.bot[data-id]:has-text('Done!')")
    assert "77 River Rd" in done.inner_text()
    shoot(page, "chat-2-confirmed")
    with server.api("shopper") as api:
        assert api.get("/api/orders/A10315").json()["shipping_address"].startswith("77 River")


def test_chinese_confirmation_by_typing(page: Any, second: Any, server: Server,
                                       shoot: Any) -> None:
    """Asked in Chinese, confirmed by typing 是的: the card shows the outcome, the order
    changes, and a stale window's No gets the server's polite Chinese answer."""
    link = server.link("C002")
    page.goto(link)
    page.click("#new-conv")
    page.wait_for_selector(".msg.welcome")
    send(page, REQUEST_ZH)
    card = page.wait_for_selector(".confirm-card")
    assert "A10201" in card.inner_text() and NEW_ADDRESS_ZH in card.inner_text()
    # the page follows the shopper's language: the buttons and labels are Chinese
    assert page.inner_text(".confirm-card .confirm-yes") == "是"
    assert page.inner_text("#send") == "发送" and page.inner_text(".msg.shopper .who") == "我"
    assert page.locator(".msg.waiting").count() == 0
    shoot(page, "chat-4-zh-confirmation")

    # a second window of the same shopper that misses the live updates (its event
    # stream is cut), so its card still offers 是/否 after the question is answered
    second.route(lambda url: "/events" in url, lambda route: route.abort())
    second.goto(link)
    stale = second.wait_for_selector(".confirm-card .confirm-no")

    send(page, "是的")
    page.wait_for_selector(".confirm-card .badge.ok:has-text('已确认')")
    assert page.locator(".confirm-card button").count() == 0
    with server.api("shopper2") as api:
        assert api.get("/api/orders/A10201").json()["shipping_address"] == NEW_ADDRESS_ZH
    shoot(page, "chat-5-zh-confirmed")

    stale.click()
    note = second.wait_for_selector(".confirm-card .card-note")
    assert "之前已经回复过" in note.inner_text()
    second.wait_for_selector(".confirm-card .badge.ok:has-text('已确认')")
    assert second.locator(".confirm-card button").count() == 0
    assert not second.is_visible("#error-bar")
    with server.api("shopper2") as api:
        assert api.get("/api/orders/A10201").json()["shipping_address"] == NEW_ADDRESS_ZH
    shoot(second, "chat-6-zh-already-answered")
