"""The agent console and the dashboard in a real browser."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Server

pytestmark = pytest.mark.browser

REVIEW = "Please change the shipping address of order {order} to {n} Pine St, Austin, TX 78710"
MUG = "Is the ceramic mug dishwasher safe? ({n})"


@pytest.fixture
def server(console_server: Server) -> Server:
    """The console's own server: shopper turns wait for an agent (conftest.CONSOLE_ENV)."""
    return console_server


def review_conversation(server: Server, order: str, n: int, text: str = REVIEW,
                        who: str = "shopper") -> str:
    """A shopper turn that waits for an agent (agent_review), made through the API."""
    with server.api(who) as api:
        cid = str(api.post("/api/conversations", json={}).json()["id"])
        turn = api.post(f"/api/conversations/{cid}/messages",
                        json={"text": text.format(order=order, n=n)}).json()
    assert turn["result"]["decision"] == "agent_review"
    return cid


def open_console(page: Any, server: Server) -> None:
    page.goto(f"{server.url}/console")
    page.fill("#token", server.tokens["agent"])
    page.click("#connect")
    page.wait_for_selector("#who:has-text('demo-agent')")


def decisions(server: Server, cid: str) -> list[tuple[str | None, str | None]]:
    with server.api("agent") as api:
        rows = api.get(f"/api/conversations/{cid}/suggestions").json()
    return [(s["decision"], s["final_text"]) for s in rows]


def test_agent_accepts_one_suggestion_and_edits_another(page: Any, server: Server,
                                                        shoot: Any) -> None:
    first = review_conversation(server, "A10315", 10)
    second = review_conversation(server, "A10001", 20, MUG)  # two knowledge answers
    open_console(page, server)
    page.click(f"#queue button[data-id='{first}']")
    page.wait_for_selector(f"#tabs .tab[data-id='{first}']")
    page.click(f"#queue button[data-id='{second}']")
    page.wait_for_selector(f"#tabs .tab.active[data-id='{second}']")
    assert page.locator("#tabs .tab").count() == 2
    page.click(f"#tabs .tab[data-id='{first}'] .open")
    page.wait_for_selector(".cand.selected")
    shoot(page, "console-1-suggestions")

    page.keyboard.press("1")
    page.keyboard.press("Enter")
    page.wait_for_selector("#thread .msg.agent")
    assert ("accepted", None) not in decisions(server, first)
    assert decisions(server, first)[0][0] == "accepted"

    page.click(f"#tabs .tab[data-id='{second}'] .open")
    page.wait_for_selector(".cand >> nth=1")
    page.keyboard.press("2")
    page.keyboard.press("e")
    page.wait_for_selector(".cand[data-index='1'] #editor:visible")  # beside the one it edits
    page.fill("#edit-text", "Happy to help! Shall I send order A10001 to 20 Pine St? (edited)")
    shoot(page, "console-2-editing")
    page.keyboard.press("Enter")
    page.wait_for_selector("#thread .msg.agent:has-text('(edited)')")
    shoot(page, "console-3-edited")
    edited = [d for d in decisions(server, second) if d[0] == "edited"]
    assert edited == [("edited", "Happy to help! Shall I send order A10001 to 20 Pine St? "
                                 "(edited)")]


def test_agent_proposes_and_approves_an_action(page: Any, server: Server, shoot: Any) -> None:
    cid = review_conversation(server, "A10001", 30)
    open_console(page, server)
    page.click(f"#queue button[data-id='{cid}']")
    page.wait_for_selector("#propose-order option[value='A10001']", state="attached")
    page.select_option("#propose-name", "change_shipping_address")
    page.select_option("#propose-order", "A10001")
    page.fill("#propose-extra", "1 Approval Way, Austin, TX 78711")
    page.click("#propose-send")
    page.wait_for_selector(".action .approve")
    shoot(page, "console-4-proposed-action")
    page.click(".action .approve")
    page.wait_for_selector(".action .badge.ok:has-text('executed')")
    page.wait_for_selector("#thread .msg.agent:has-text('1 Approval Way')")
    page.wait_for_selector("#orders .order[data-id='A10001']:has-text('1 Approval Way')")
    shoot(page, "console-5-approved")
    with server.api("shopper") as api:
        assert api.get("/api/orders/A10001").json()["shipping_address"].startswith("1 Approval")


def test_source_passage_opens(page: Any, server: Server) -> None:
    cid = review_conversation(server, "A10315", 40, MUG)  # knowledge answers cite sources
    open_console(page, server)
    page.click(f"#queue button[data-id='{cid}']")
    page.click(".cand .sources button >> nth=0")
    page.wait_for_selector("dialog#passage[open]")
    assert page.inner_text("#passage-text").strip()


def test_console_and_dashboard_in_chinese(page: Any, server: Server, shoot: Any) -> None:
    cid = review_conversation(server, "A10315", 50)
    open_console(page, server)
    page.click("#lang-toggle")
    page.click(f"#queue button[data-id='{cid}']")
    page.wait_for_selector("h2:has-text('推荐回复')")
    shoot(page, "console-6-zh")

    page.goto(f"{server.url}/dashboard")
    page.fill("#token", server.tokens["analyst"])
    page.click("#connect")
    page.wait_for_selector("#c-decisions svg")
    page.wait_for_selector("#c-intents svg")
    assert page.locator(".kpi").count() >= 8
    shoot(page, "dashboard-zh")
    page.click("#lang-toggle")
    page.wait_for_selector("text=Routing decisions")
    shoot(page, "dashboard-en")
