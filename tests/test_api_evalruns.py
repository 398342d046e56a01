"""The analyst dashboard's view of stored evaluation runs (issue 14, item 5): the list
with what tells runs apart, the latest figures per suite, each run's report; the run id
cannot name a path outside the runs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.settings import Settings
from eval import report
from eval.journal import Journal
from eval.runs import settings_used
from tests.api_helpers import Api, api_on_copy


def _store(home: Path, run_id: str, suite: str, metrics: dict[str, Any],
           **options: Any) -> None:
    """A run stored as `kefu eval` stores it (the same record and files)."""
    started = datetime.fromisoformat(f"{run_id[:8]}T{run_id[9:15]}+00:00").astimezone(UTC)
    used = settings_used(Settings(home=home), suite=suite, options=options, datasets={},
                         started=started, uses_llm=False)
    _, files = report.build(run_id, suite, used, metrics)
    report.write(files, home=home, run_id=run_id, out=None)


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("evalruns")) as client:
        home = client.home
        _store(home, "20261101-100000-replies", "replies",
               {"turn_accuracy": 0.9, "auto_send_rate": 0.5, "handoff_rate": 0.1,
                "_cases": [{"id": "replies:s1#0", "text": "<b>where</b>", "pass": False}]},
               llm=False)
        _store(home, "20261102-100000-all", "all",
               {"replies": {"turn_accuracy": 0.95, "auto_send_rate": 0.6},
                "intent": {"error": "no data"}}, llm=False, sample=20)
        Journal.start(home, "20261103-100000-replies", {"suite": "replies", "options": {},
                                                        "settings": {"timestamp": "x"}})
        yield client


def test_runs_are_listed_newest_first_with_the_latest_figures(api: Api) -> None:
    body = api.ok("GET", "/api/analytics/eval-runs", "analyst")
    assert [(r["run_id"], r["status"]) for r in body["runs"]] == [
        ("20261103-100000-replies", "interrupted"), ("20261102-100000-all", "complete"),
        ("20261101-100000-replies", "complete")]
    assert body["runs"][1]["sample"] == 20 and body["runs"][2]["sample"] == "all"
    assert body["runs"][2]["command"] == "kefu eval replies --no-llm"
    latest = body["latest"]
    assert latest["replies"]["run_id"] == "20261102-100000-all"  # replies inside `all`
    assert latest["replies"]["figures"] == {"turn_accuracy": 0.95, "auto_send_rate": 0.6}
    assert "intent" not in latest  # a suite that failed has no figures
    assert len(api.ok("GET", "/api/analytics/eval-runs?limit=1", "admin")["runs"]) == 1


def test_a_report_is_served_escaped_and_a_bad_id_is_404(api: Api) -> None:
    res = api.get("/api/analytics/eval-runs/20261101-100000-replies/report", "analyst")
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
    assert "Kefu evaluation: replies" in res.text and "&lt;b&gt;where" in res.text
    for bad in ("20261103-100000-replies", "..%2F..%2Fkefu.db", "nope"):
        missing = api.get(f"/api/analytics/eval-runs/{bad}/report", "analyst")
        assert missing.status_code == 404, bad
        assert json.loads(missing.text)["detail"]
