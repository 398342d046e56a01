"""The console a team runs a shift on, in a real browser and in both languages:
assignment and views, notes, SLA breaches, canned replies, search and reopen, typing
both ways, what the shopper saw, tabs and the propose form, the dashboard."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import Server, until

pytestmark = pytest.mark.browser

MUG = "Is the ceramic mug dishwasher safe? ({tag})"
MUG_ZH = "陶瓷杯可以放洗碗机吗？（{tag}）"
ANGRY = "This is outrageous, I am furious, I want a human right now!!! ({tag})"
CANCEL = "Please cancel my order A10001"


@pytest.fixture
def server(console_server: Server) -> Server:
    """Shopper turns wait for an agent here; urgent and high replies are due in 1 s."""
    return console_server


def conversation(server: Server, text: str, who: str = "shopper",
                 channel: str = "web") -> str:
    with server.api(who) as api:
        cid = str(api.post("/api/conversations", json={"channel": channel}).json()["id"])
        res = api.post(f"/api/conversations/{cid}/messages", json={"text": text})
        assert res.status_code == 200, res.text
    return cid


def open_console(page: Any, server: Server, who: str = "agent", zh: bool = False) -> None:
    page.goto(f"{server.url}/console")
    page.fill("#token", server.tokens[who])
    page.click("#connect")
    page.wait_for_selector(f"#who:has-text('demo-{who}')")
    if zh:
        page.click("#lang-toggle")
        page.wait_for_selector("h2:has-text('推荐回复')")


def open_tab(page: Any, cid: str) -> None:
    page.click(f"#queue button[data-id='{cid}']")
    page.wait_for_selector(f"#tabs .tab.active[data-id='{cid}']")
    page.wait_for_selector("#owner #assignee")


def mostly_red(png: bytes) -> bool:
    """Whether a highlighted badge is drawn red (the breach colour, #b91c1c)."""
    pixels = list(Image.open(io.BytesIO(png)).convert("RGB").getdata())
    red = [p for p in pixels if p[0] > 150 and p[1] < 80 and p[2] < 80]
    return len(red) > 0.3 * len(pixels)


def test_assign_views_notes_and_sla_breaches(page: Any, server: Server, shoot: Any) -> None:
    hot = conversation(server, ANGRY.format(tag="assign"))
    calm = conversation(server, MUG.format(tag="assign"))
    open_console(page, server)
    page.click("#views button[data-view='none']")
    page.wait_for_selector(f"#queue button[data-id='{hot}']")
    assert page.locator(f"#queue button[data-id='{calm}']").count() == 1
    page.wait_for_selector(f"#queue button.breached[data-id='{hot}']")  # due in 1 s
    open_tab(page, hot)
    badge = page.wait_for_selector("#owner .badge.sla.breached")
    assert mostly_red(badge.screenshot())
    page.click("#assign-me")
    page.wait_for_selector("#assignee:has-text('you')")
    page.click("#views button[data-view='mine']")
    page.wait_for_selector(f"#queue button[data-id='{hot}']")
    assert page.locator(f"#queue button[data-id='{calm}']").count() == 0
    page.fill("#note-text", "Regular customer: refund without asking for photos.")
    page.click("#note-add")
    page.wait_for_selector(".note:has-text('without asking for photos')")
    shoot(page, "team-1-assigned-en")
    with server.api("shopper") as api:
        assert api.get(f"/api/conversations/{hot}/notes").status_code == 404

    page.click("#lang-toggle")
    page.wait_for_selector("#views button[data-view='mine']:has-text('我的')")
    page.wait_for_selector("#owner:has-text('负责人')")
    page.wait_for_selector("#owner .badge.sla.breached:has-text('已超时')")
    shoot(page, "team-2-assigned-zh")
    page.click("#lang-toggle")


def test_somebody_elses_conversation_cannot_be_answered(page: Any, server: Server) -> None:
    with server.api("admin") as api:
        api.post("/api/admin/tokens", json={"role": "agent", "name": "bob"})
    cid = conversation(server, MUG.format(tag="bob"))
    open_console(page, server)
    page.click("#views button[data-view='all']")
    open_tab(page, cid)
    page.fill("#assign-to", "bob")
    page.click("#assign-go")
    page.wait_for_selector(".owner-warning:has-text('bob owns this conversation')")
    page.fill("#reply-text", "Hello from me")
    page.click("#reply-send")
    page.wait_for_selector("#error-bar.show:has-text('assigned to bob')")
    page.click("#assign-me")
    page.wait_for_selector("#assignee:has-text('you')")


def test_canned_replies_in_both_languages(page: Any, server: Server, shoot: Any) -> None:
    en = conversation(server, MUG.format(tag="canned"))
    zh = conversation(server, MUG_ZH.format(tag="canned"), who="shopper2")
    open_console(page, server, who="admin")
    page.click("#canned-manage")
    for shortcut, language, text in (
            ("thanks", "en", "Thank you {{name}}! Your order {{order_id}} is {{order_status}}."),
            ("xiexie", "zh", "{{name}}您好，订单 {{order_id}} {{order_status}}。")):
        page.fill("#canned-title", f"Thanks ({language})")
        page.fill("#canned-shortcut", shortcut)
        page.select_option("#canned-language", language)
        page.fill("#canned-text", text)
        page.click("#canned-save")
        page.wait_for_selector(f".canned-row:has-text('/{shortcut}')")
    page.click("#canned-close")

    page.click("#views button[data-view='all']")
    open_tab(page, en)
    page.click("#reply-text")
    page.keyboard.type("/tha")
    page.wait_for_selector("#canned-picker button[data-shortcut='thanks']")
    shoot(page, "team-3-canned-en")
    page.keyboard.press("Enter")
    expect(page.locator("#reply-text")).to_have_value(re.compile("Thank you Daniel"))
    assert "/tha" not in page.input_value("#reply-text")
    page.click("#reply-send")
    page.wait_for_selector("#thread .msg.agent:has-text('Thank you Daniel')")

    page.click("#lang-toggle")
    open_tab(page, zh)
    page.click("#reply-text")
    page.keyboard.type("/xie")
    page.wait_for_selector("#canned-picker button[data-shortcut='xiexie']")
    shoot(page, "team-4-canned-zh")
    page.keyboard.press("Tab")
    expect(page.locator("#reply-text")).to_have_value(re.compile("黄磊您好"))
    page.click("#lang-toggle")


def test_search_filters_and_reopen(page: Any, server: Server, shoot: Any) -> None:
    cid = conversation(server, "I want to speak to a human agent about order A10858 (reopen)")
    with server.api("agent") as api:
        ticket = api.get(f"/api/conversations/{cid}").json()["ticket"]["id"]
        api.post(f"/api/tickets/{ticket}/close")
    open_console(page, server)
    page.click("#views button[data-view='all']")
    page.fill("#search-q", "(reopen)")
    page.select_option("#f-status", "resolved")
    page.click("#search-go")
    page.wait_for_selector(f"#queue button[data-id='{cid}']")
    page.wait_for_selector("#list-title:has-text('Results')")
    open_tab(page, cid)
    page.click("#reopen")
    page.wait_for_selector("#conv-head .badge.status:has-text('handed off')")
    page.wait_for_selector("#conv-head:has-text('reopened')")
    page.click("#search-clear")
    page.fill("#f-order", "A10858")
    page.click("#lang-toggle")
    page.click("#search-go")
    page.wait_for_selector(f"#queue button[data-id='{cid}']")
    page.wait_for_selector("#list-title:has-text('搜索结果')")
    shoot(page, "team-5-search-zh")
    page.click("#search-clear")
    page.wait_for_selector("#list-title:has-text('队列')")
    page.click("#lang-toggle")


def test_what_the_shopper_saw_and_typing_both_ways(page: Any, browser: Any, server: Server,
                                                   shoot: Any) -> None:
    chat = browser.new_context(viewport={"width": 1000, "height": 800}, locale="en-US").new_page()
    chat.set_default_timeout(15_000)
    chat.goto(f"{server.url}/chat")
    chat.fill("#token", server.tokens["shopper"])
    chat.click("#connect")
    until(chat, "state.conv !== null")
    # The old id is read before the click: read after it, it could already be the new one.
    old = chat.evaluate("state.conv.id")
    chat.click("#new-conv")  # a conversation of its own, nothing pending in it
    until(chat, f"state.conv.id !== {old!r}")
    cid = chat.evaluate("state.conv.id")
    for text in (CANCEL, MUG.format(tag="seen")):
        chat.fill("#text", text)
        chat.keyboard.press("Enter")
        until(chat, "!state.busy")
    chat.wait_for_selector(".confirm-card")

    open_console(page, server)
    page.click("#views button[data-view='all']")
    open_tab(page, cid)
    page.wait_for_selector("#thread .confirm-card.seen:has-text('waiting for the shopper')")
    page.wait_for_selector("#thread .msg.seen-waiting")
    chat.type("#text", "Also, one more thing", delay=20)
    page.wait_for_selector("#typing-line.on:has-text('The shopper is typing')")
    page.type("#reply-text", "Let me check", delay=20)
    chat.wait_for_selector("#agent-typing:visible")
    shoot(page, "team-6-seen-typing-en")
    shoot(chat, "team-7-chat-agent-typing")
    page.click("#lang-toggle")
    page.wait_for_selector("#thread .confirm-card.seen:has-text('等待顾客确认')")
    page.wait_for_selector("#thread .msg.seen-waiting:has-text('顾客看到')")
    shoot(page, "team-8-seen-zh")
    page.click("#lang-toggle")
    chat.context.close()


def test_tabs_told_apart_and_the_propose_form_follows_the_customer(page: Any,
                                                                   server: Server) -> None:
    web = conversation(server, MUG.format(tag="tabs-web"))
    mail = conversation(server, MUG.format(tag="tabs-mail"), channel="email")
    other = conversation(server, MUG_ZH.format(tag="tabs"), who="shopper2")
    open_console(page, server)
    page.click("#views button[data-view='all']")
    open_tab(page, web)
    page.select_option("#propose-order", "A10858")
    open_tab(page, mail)
    assert page.inner_text(f"#tabs .tab[data-id='{web}'] .detail") == "C001 · web"
    assert page.inner_text(f"#tabs .tab[data-id='{mail}'] .detail") == "C001 · email"
    open_tab(page, other)
    orders = page.eval_on_selector_all("#propose-order option", "os => os.map(o => o.value)")
    assert orders and "A10858" not in orders and "A10515" in orders
    page.click(f"#tabs .tab[data-id='{web}'] .open")
    page.wait_for_selector(f"#tabs .tab.active[data-id='{web}']")
    assert page.input_value("#propose-order") == "A10858"
    assert page.locator(f"#tabs .tab[data-id='{other}'] .detail").count() == 0


def test_dashboard_in_both_languages(page: Any, server: Server, shoot: Any) -> None:
    conversation(server, ANGRY.format(tag="dash"))  # its reply is due in 1 s
    cid = conversation(server, MUG.format(tag="dash"))
    with server.api("agent") as api:
        first = api.get(f"/api/conversations/{cid}/suggestions").json()[0]
        api.post(f"/api/suggestions/{first['id']}/edit", json={"text": "Yes, it is."})
    page.wait_for_timeout(1100)
    page.goto(f"{server.url}/dashboard")
    page.fill("#token", server.tokens["analyst"])
    page.click("#connect")
    page.wait_for_selector("#c-agents tr[data-agent='demo-agent']")
    page.wait_for_selector(".kpi.breached")
    assert "Product question" in page.inner_text("#c-top")
    days = page.eval_on_selector_all("#c-intents svg text.val", "ts => ts.map(t => t.textContent)")
    assert any(re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}", d) for d in days), days  # Nov 28
    shoot(page, "team-9-dashboard-en")
    page.click("#lang-toggle")
    page.wait_for_selector("#c-top:has-text('商品咨询')")
    reasons = page.inner_text("#c-handoff")
    assert re.search(r"[\u4e00-\u9fff]", reasons) and "human_request" not in reasons
    page.wait_for_selector("#c-intents svg text:has-text('月')")  # 11月28日, the reader's way
    page.wait_for_selector("#c-agents th:has-text('采纳率')")
    shoot(page, "team-10-dashboard-zh")
