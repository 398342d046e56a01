"""Reports and stored runs: files written whole or not at all, HTML escaped, runs listed
and compared. A fake suite stands in for the real ones, registered in SUITES."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eval import report
from eval.runs import list_runs, load_run, new_run_id, public, save_run, write_atomic
from eval.suites import SUITES, SuiteContext
from tests.conftest import invoke

HOSTILE = '<script>alert("x")</script> & 退货'


def _fake_suite(score: float, passing: bool) -> Any:
    def suite(ctx: SuiteContext) -> dict[str, Any]:
        return {"accuracy": score, "p50_ms": 20.0 / score, "n": 2,
                "failures": [{"text": HOSTILE}],
                "_cases": [{"id": "fake:1", "text": HOSTILE, "pass": passing},
                           {"id": "fake:2", "text": "stable", "pass": True}]}
    return suite


def test_write_atomic_leaves_the_old_report_when_interrupted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_atomic(tmp_path, {"metrics.json": "old", "report.html": "old"})

    def interrupted(self: Path, target: Any) -> Path:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path, {"metrics.json": "new", "report.html": "new"})
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["metrics.json", "report.html"]
    assert (tmp_path / "report.html").read_text() == "old"


def test_save_run_appears_whole_or_not_at_all(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(self: Path, target: Any) -> Path:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "rename", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_run(tmp_path, "r1", {"metrics.json": "{}"})
    monkeypatch.undo()
    assert list((tmp_path / "eval-runs").iterdir()) == []  # no staging folder left behind
    folder = save_run(tmp_path, "r1", {"metrics.json": "{}"})
    assert (folder / "metrics.json").read_text() == "{}"


def test_run_ids_never_collide(tmp_path: Path) -> None:
    first = new_run_id(tmp_path, "intent")
    (tmp_path / "eval-runs" / first).mkdir(parents=True)
    assert new_run_id(tmp_path, "intent") != first


def test_interrupted_suite_writes_nothing(kefu_home: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(ctx: SuiteContext) -> dict[str, Any]:
        raise KeyboardInterrupt

    monkeypatch.setitem(SUITES, "fake", interrupted)
    out = tmp_path / "out"
    result = invoke("eval", "fake", "--out", str(out))  # click turns Ctrl-C into "Aborted!"
    assert result.exit_code != 0
    assert not (out / "report.html").exists()
    assert list_runs(kefu_home) == []


def test_report_escapes_inputs_and_inlines_plots(tmp_path: Path) -> None:
    settings = {"timestamp": "t", "git_commit": None, "datasets": {}}
    raw = {"turns": 1, "by_language": {"en": {"turns": 1, "turn_accuracy": 1.0}},
           "failures": [{"scenario": "s", "text": HOSTILE, "reply": HOSTILE}]}
    _, files = report.build("run-1", "replies", settings, raw)
    html = files["report.html"]
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "data:image/png;base64," in html  # the per-language bars
    assert 'src="http' not in html  # self-contained


def test_report_sections_for_every_suite_shape() -> None:
    settings = {"timestamp": "t", "datasets": {}, "intent_thresholds": {},
                "auto_send_threshold": 0.85}
    rel = [{"lo": 0.8, "hi": 0.9, "n": 3, "confidence": 0.85, "accuracy": 0.66}]
    raw = {
        "intent": {"summary": {"heldout_en": {"n": 2, "accuracy": 0.5, "macro_f1": 0.5,
                                              "ece": 0.1}},
                   "overall_ece": 0.1, "reliability": rel,
                   "sets": {"heldout_en": {"confusion": {"labels": ["a", "b"],
                                                         "counts": [[1, 0], [1, 0]]},
                                           "failures": [{"text": HOSTILE}]}}},
        "calibration": {"reliability": rel, "target_precision": 0.98, "global_threshold": 0.9,
                        "risk_coverage": [{"coverage": 0.5, "precision": 1.0,
                                           "threshold": 0.9}],
                        "intent_thresholds": {"track_order": 0.9, "complaint": None}},
        "latency": {"p50_ms": 20.0, "p99_ms": 30.0, "_samples_ms": [10.0, 20.0, 30.0],
                    "by_language": {"en": {"p50_ms": 20.0, "p99_ms": 30.0}}},
        "actions": {"overall": {"cases": 1}, "datasets": {}, "failures": [{"text": HOSTILE}]},
        "retrieval": {"error": "no data"},
    }
    html = report.render_html({"run_id": "r", "suite": "all", "settings": settings}, raw)
    for title in ("Intent classification", "Calibration and thresholds", "Latency",
                  "Actions", "Retrieval", "Headline numbers"):
        assert title in html
    assert "target not reached" in html  # a None threshold is explained, not shown as null
    assert html.count("data:image/png;base64,") >= 5
    assert 'class="heat"' in html  # the intent set's confusion matrix
    assert "<script>" not in html


def test_confusion_matrices_are_tables_shaded_by_share_of_the_row() -> None:
    from eval.html import heatmap

    html = heatmap(["track_order", HOSTILE], [[3, 1], [0, 2]], "heldout_en")
    assert html.count("<tr>") == 3  # the header and one row per gold label
    assert "rgba(59,110,165,0.75)" in html and "rgba(59,110,165,0.25)" in html
    assert "rgba(59,110,165,1.00)" in html  # a row all right is full colour
    assert html.count('class="miss"') == 1  # the one misread: 1 track_order as HOSTILE
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert heatmap([], [], "nothing") == ""


def test_public_drops_report_only_data() -> None:
    assert public({"a": 1, "_samples": [1], "b": {"_x": 2, "y": 3}}) == {"a": 1, "b": {"y": 3}}


def test_eval_cli_stores_runs_lists_and_compares(
        kefu_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    monkeypatch.setitem(SUITES, "fake", _fake_suite(0.8, passing=True))
    first = invoke("eval", "fake", "--out", str(out), "--json")
    assert first.exit_code == 0, first.output
    assert json.loads(first.output.strip().splitlines()[-1])["accuracy"] == 0.8
    document = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert document["settings"]["suite"] == "fake" and "embedder" in document["settings"]
    assert "git_commit" in document["settings"] and document["cases"] == 2
    assert (out / "report.html").exists() and (out / "cases.jsonl").exists()

    monkeypatch.setitem(SUITES, "fake", _fake_suite(0.9, passing=False))
    assert invoke("eval", "--json", "fake").exit_code == 0  # options before SUITE work too
    runs = json.loads(invoke("eval", "runs", "--json").output.strip().splitlines()[-1])
    assert [r["suite"] for r in runs] == ["fake", "fake"]

    result = invoke("eval", "compare", runs[0]["run_id"], runs[1]["run_id"], "--json")
    diff = json.loads(result.output.strip().splitlines()[-1])
    rows = {r["key"]: r for r in diff["metrics"]}
    assert rows["accuracy"]["change"] == "improved"
    assert rows["accuracy"]["delta"] == pytest.approx(0.1)
    assert rows["p50_ms"]["change"] == "improved"  # lower latency is better
    assert rows["n"]["change"] == "same"
    assert [c["id"] for c in diff["cases"]["broke"]] == ["fake:1"]
    text = invoke("eval", "compare", runs[0]["run_id"], runs[1]["run_id"]).output
    assert "improved  accuracy: 0.8 -> 0.9" in text and "broke: fake:1" in text


def test_compare_unknown_run_is_one_line_error(kefu_home: Path) -> None:
    result = invoke("eval", "compare", "nope", "nada")
    assert result.exit_code == 1
    assert "no stored evaluation run" in result.output


def test_unknown_suite_is_an_input_error(kefu_home: Path) -> None:
    result = invoke("eval", "nonsense")
    assert result.exit_code == 1 and "unknown suite" in result.output


def test_load_run_reads_cases(tmp_path: Path) -> None:
    save_run(tmp_path, "r", {"metrics.json": json.dumps({"metrics": {}}),
                             "cases.jsonl": '{"id": "a", "pass": true}\n'})
    _, cases = load_run(tmp_path, "r")
    assert cases == [{"id": "a", "pass": True}]


def test_rates_and_counts_get_charts_of_their_own_and_failures_are_linked() -> None:
    from eval.html import anchor_id
    from eval.plots import _rate_keys

    groups = {"en": {"turns": 18, "turn_accuracy": 0.94}, "zh": {"turns": 11,
                                                                 "turn_accuracy": 1.0}}
    assert _rate_keys(groups) == ["turn_accuracy"]  # a count never shares the 0-1 axis
    raw = {"turns": 2, "by_language": groups,
           "_cases": [{"id": "replies:s1#0", "text": HOSTILE, "pass": False,
                       "expect": {"intent": "track_order"}, "failed": ["intent"]},
                      {"id": "replies:s2#0", "text": "fine", "pass": True}]}
    html = report.render_html({"run_id": "r", "suite": "replies",
                               "settings": {"timestamp": "t", "datasets": {}}}, raw)
    assert 'href="#failed-replies"' in html and "replies: 1 failed" in html
    assert f'id="{anchor_id("replies:s1#0")}"' in html and "track_order" in html
    assert html.count("data:image/png;base64,") >= 2  # shares, and turns on their own axis
    assert "<script>" not in html
