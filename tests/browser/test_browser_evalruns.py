"""The dashboard's offline evaluation panel in a real browser: the latest figures next to
production's, the stored runs, a report opened with one click (fetched with the token)."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Server
from tests.test_api_evalruns import _store

RUN = "20261101-100000-replies"


def test_dashboard_lists_runs_and_opens_a_report(page: Any, server: Server,
                                                 shoot: Any) -> None:
    _store(server.home, RUN, "replies",
           {"turn_accuracy": 0.9, "auto_send_rate": 0.5, "auto_send_precision": 0.99,
            "handoff_rate": 0.1, "by_language": {"en": {"turns": 3, "turn_accuracy": 0.9}},
            "_cases": [{"id": "replies:s1#0", "text": "where is it", "pass": False}]},
           llm=False)
    page.goto(f"{server.url}/dashboard")
    page.fill("#token", server.tokens["analyst"])
    page.click("#connect")
    page.wait_for_selector(f"#e-runs tr[data-run='{RUN}']")
    compare = page.inner_text("#e-compare")
    assert "50.0%" in compare and "99.0%" in compare and "Production (30 days)" in compare
    with page.expect_popup() as popup:
        page.click(f"#e-runs tr[data-run='{RUN}'] a")
    report = popup.value
    report.wait_for_selector("text=Kefu evaluation: replies")
    report.click("a[href='#failed-replies']")
    assert "where is it" in report.inner_text("#failed-replies")
    shoot(page, "dashboard-eval-runs")
    page.click("#lang-toggle")
    page.wait_for_selector("#c-eval th:has-text('最近一次评测')")
