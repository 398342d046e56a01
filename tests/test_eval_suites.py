"""The new suites end to end on the demo store, on small slices of their data:
intent on agents' feedback, latency, actions, replies with backends side by side."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.settings import get_settings
from eval.feedback import load_labelled
from tests.conftest import invoke

EVAL = get_settings().eval_data_dir
SCENARIOS = get_settings().data_dir / "scenarios" / "scenarios.jsonl"


def _last_json(output: str) -> Any:
    return json.loads(output.strip().splitlines()[-1])


def _few_scenarios(tmp_path: Path, n: int = 3) -> Path:
    path = tmp_path / "scenarios.jsonl"
    path.write_text("\n".join(SCENARIOS.read_text(encoding="utf-8").splitlines()[:n]) + "\n",
                    encoding="utf-8")
    return path


def test_feedback_rows_with_an_intent_become_cases(tmp_path: Path) -> None:
    path = tmp_path / "feedback.jsonl"
    rows = [{"text": "where is my parcel", "intent": "track_order", "decision": "accepted",
             "final_text": "..."},
            {"text": "thanks", "intent": None, "decision": "rejected", "final_text": None},
            {"text": "hi", "intent": "not_an_intent", "decision": "edited", "final_text": "x"},
            {"text": "", "intent": "track_order"}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    cases, counts = load_labelled(path)
    assert cases == [("where is my parcel", "track_order")]
    assert counts["no_label"] == 1 and counts["unknown_label"] == 1 and counts["no_text"] == 1
    assert counts["decisions"] == {"accepted": 1, "rejected": 1, "edited": 1}


def test_intent_suite_on_feedback(demo_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "feedback.jsonl"
    path.write_text(json.dumps({"text": "I want to cancel my order", "intent": "cancel_order",
                                "decision": "accepted", "final_text": "ok"}) + "\n",
                    encoding="utf-8")
    result = invoke("eval", "intent", "--dataset", str(path), "--json")
    assert result.exit_code == 0, result.output
    metrics = _last_json(result.output)
    assert metrics["summary"]["feedback"]["n"] == 1 and metrics["feedback"]["used"] == 1


def test_latency_suite_reports_percentiles_and_a_histogram(demo_home: Path,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("eval", "latency", "--dataset", str(_few_scenarios(tmp_path)),
                    "--out", str(out), "--json")
    assert result.exit_code == 0, result.output
    metrics = _last_json(result.output)
    assert metrics["messages"] >= 3 and metrics["p50_ms"] <= metrics["p99_ms"]
    assert "_samples_ms" not in metrics  # report-only data stays out of the JSON
    assert "latency histogram" in (out / "report.html").read_text(encoding="utf-8")


def _slice(tmp_path: Path, n: int) -> Path:
    """An eval-data folder with the real mock DBs and only the first n tasks."""
    root = tmp_path / "eval-data"
    for folder, tasks in (("tau_bench_retail", "tasks_test.jsonl"),
                          ("ecom_bench_zh", "tasks.jsonl")):
        (root / folder).mkdir(parents=True)
        (root / folder / "db").symlink_to(EVAL / folder / "db")
        lines = (EVAL / folder / tasks).read_text(encoding="utf-8").splitlines()[:n]
        (root / folder / tasks).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.mark.skipif(not (EVAL / "tau_bench_retail").is_dir(), reason="no tau-bench data")
def test_actions_suite_on_a_slice(demo_home: Path, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEFU_EVAL_DATA_DIR", str(_slice(tmp_path, 6)))
    result = invoke("eval", "actions", "--json")
    assert result.exit_code == 0, result.output
    metrics = _last_json(result.output)
    tau = metrics["datasets"]["tau_bench_retail"]
    assert tau["tasks"] == 6 and tau["cases"] + tau["skipped"] == 6
    assert 0.0 <= metrics["overall"]["action_accuracy"] <= 1.0
    assert metrics["imports"]["ecom_bench_zh"]["rejected"] == 0
    assert metrics["mapping"]["tau_bench_retail"]["status"]["processed"] == "shipped"


def test_replies_backends_side_by_side_skips_unreachable(
        demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEFU_OLLAMA_HOST", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("KEFU_LLM_TIMEOUT_S", "5")
    result = invoke("eval", "replies", "--backends", "none,ollama",
                    "--dataset", str(_few_scenarios(tmp_path, 2)), "--json")
    assert result.exit_code == 0, result.output
    table = {row["backend"]: row for row in _last_json(result.output)["table"]}
    assert table["none"]["turns"] and table["none"]["note"] == ""
    assert table["none"]["groundedness_rate"] is None  # no LLM drafts to judge
    assert table["ollama"]["note"].startswith(("not reachable", "cannot be set up"))


def test_backends_option_is_for_replies_only(demo_home: Path) -> None:
    result = invoke("eval", "intent", "--backends", "none")
    assert result.exit_code == 1 and "replies suite only" in result.output
