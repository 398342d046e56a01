"""The analyst's loop (issue 14): --sample, the draft cache, resuming a stopped run,
only the LLM's suites drafting, stored runs told apart, progress with an ETA.

A fake suite registered in SUITES stands in where a real one would only be slow; the
draft cache is exercised by the real replies suite with a scripted LLM backend."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.settings import get_settings
from eval.progress import Progress
from eval.sampling import allocate, stratified
from eval.suites import SUITES, SuiteContext
from tests.conftest import invoke
from tests.fakes.llm import install_fake_llm

SCENARIOS = get_settings().data_dir / "scenarios" / "scenarios.jsonl"


def _last_json(output: str) -> Any:
    return json.loads(output.strip().splitlines()[-1])


def _few_scenarios(tmp_path: Path, n: int, *, handed_off: bool = False) -> Path:
    """The first ``n`` scenarios (``handed_off``: of those a person answers, which are
    the ones that get LLM drafts)."""
    lines = SCENARIOS.read_text(encoding="utf-8").splitlines()
    if handed_off:
        lines = [line for line in lines if '"handoff": true' in line]
    path = tmp_path / "scenarios.jsonl"
    path.write_text("\n".join(lines[:n]) + "\n", encoding="utf-8")
    return path


def test_sample_keeps_each_stratum_share_and_is_seeded() -> None:
    items = [("en", i) for i in range(60)] + [("zh", i) for i in range(30)] + [("fr", 0)]
    picked, record = stratified(items, 9, lambda x: x[0], seed=3)
    assert len(picked) == 9 and record is not None
    assert record["strata"] == {"en": 6, "zh": 3}  # 2:1, the lone "fr" gets no share
    assert picked == sorted(picked, key=items.index)  # the population's order is kept
    assert stratified(items, 9, lambda x: x[0], seed=3)[0] == picked
    assert stratified(items, 9, lambda x: x[0], seed=4)[0] != picked
    assert stratified(items, None, lambda x: x[0]) == (items, None)
    assert sum(allocate({"a": 5, "b": 3, "c": 2}, 7).values()) == 7


def test_replies_drafts_are_cached_by_prompt_and_backend(
        demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = install_fake_llm(monkeypatch, replies=["Thanks for asking [1]."])
    dataset = _few_scenarios(tmp_path, 3, handed_off=True)
    first = invoke("eval", "replies", "--dataset", str(dataset), "--json")
    assert first.exit_code == 0, first.output
    made = len(backend.calls)
    assert made > 0, first.output[-3000:]

    again = invoke("eval", "replies", "--dataset", str(dataset), "--json")
    assert again.exit_code == 0, again.output
    assert len(backend.calls) == made  # a re-run costs nothing
    assert _last_json(again.output) == _last_json(first.output)
    runs = json.loads(invoke("eval", "runs", "--json").output.strip().splitlines()[-1])
    stored = [json.loads((demo_home / "eval-runs" / r["run_id"] / "metrics.json")
                         .read_text(encoding="utf-8"))["settings"]["drafts"] for r in runs]
    assert stored == [{"generated": made, "cached": 0}, {"generated": 0, "cached": made}]

    refreshed = invoke("eval", "replies", "--dataset", str(dataset), "--no-cache", "--json")
    assert refreshed.exit_code == 0 and len(backend.calls) == 2 * made  # made again
    monkeypatch.setenv("KEFU_LLM_MAX_TOKENS", "64")  # another prompt budget: other drafts
    assert invoke("eval", "replies", "--dataset", str(dataset), "--json").exit_code == 0
    assert len(backend.calls) == 3 * made
    listed = json.loads(invoke("eval", "runs", "--json").output.strip().splitlines()[-1])
    assert "--no-cache" in listed[2]["command"]
    assert "KEFU_LLM_MAX_TOKENS=64 kefu eval replies" in listed[3]["command"]


def test_suites_without_drafts_never_call_the_llm(
        demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = install_fake_llm(monkeypatch)
    result = invoke("eval", "calibration", "--sample", "20", "--json")
    assert result.exit_code == 0, result.output
    assert _last_json(result.output)["llm_drafts"] is False
    assert backend.calls == []
    runs = json.loads(invoke("eval", "runs", "--json").output.strip().splitlines()[-1])
    assert runs[-1]["llm_backend"] == "none (drafts nothing)"


def _stopping_suite(calls: list[str]) -> Any:
    """Journals case 1, then is stopped (Ctrl-C) the first time; finishes the second."""
    def suite(ctx: SuiteContext) -> dict[str, Any]:
        assert ctx.journal is not None
        done = set(ctx.journal.done())
        calls.append(",".join(sorted(done)) or "-")
        ctx.journal.append([{"id": "fake:1", "pass": True}])
        if not done:
            raise KeyboardInterrupt
        ctx.journal.append([{"id": "fake:2", "pass": False}])
        return {"accuracy": 0.5, "_cases": [{"id": "fake:1", "pass": True},
                                            {"id": "fake:2", "pass": False}]}
    return suite


def test_a_stopped_run_is_carried_on_by_the_same_command(
        kefu_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setitem(SUITES, "fake", _stopping_suite(calls))
    assert invoke("eval", "fake", "--sample", "5").exit_code != 0
    listed = json.loads(invoke("eval", "runs", "--json").output.strip().splitlines()[-1])
    assert [(r["status"], r["cases"], r["sample"]) for r in listed] == [("interrupted", 1, 5)]
    stopped = listed[0]["run_id"]

    other = invoke("eval", "fake", "--sample", "6")  # another command starts afresh
    assert other.exit_code != 0 and calls == ["-", "-"]
    result = invoke("eval", "fake", "--sample", "5", "--json")
    assert result.exit_code == 0, result.output
    assert calls == ["-", "-", "fake:1"]
    listed = json.loads(invoke("eval", "runs", "--json").output.strip().splitlines()[-1])
    done = [r for r in listed if r["status"] == "complete"]
    assert [r["run_id"] for r in done] == [stopped]
    assert [r["sample"] for r in listed if r["status"] == "interrupted"] == [6]
    document = json.loads((kefu_home / "eval-runs" / done[0]["run_id"] / "metrics.json")
                          .read_text(encoding="utf-8"))
    assert document["settings"]["resumed"] and document["cases"] == 2


def test_resume_names_a_stopped_run(kefu_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setitem(SUITES, "fake", _stopping_suite(calls))
    assert invoke("eval", "fake").exit_code != 0
    stopped = json.loads(invoke("eval", "runs", "--json").output.strip().splitlines()[-1])[0]
    result = invoke("eval", "run", "--resume", stopped["run_id"], "--json")
    assert result.exit_code == 0, result.output
    assert calls == ["-", "fake:1"]
    assert (kefu_home / "eval-runs" / stopped["run_id"] / "metrics.json").is_file()
    assert not (kefu_home / "eval-runs" / ".partial" / stopped["run_id"]).exists()
    missing = invoke("eval", "run", "--resume", stopped["run_id"])
    assert missing.exit_code == 1 and "no interrupted run" in missing.output


# `kefu eval all` below runs with --workers 1: the suites faked here exist in this
# process only, not in the one a second idle core would run retrieval, intent and
# actions in (tests/test_eval_all.py tests that one)


def test_all_takes_finished_suites_from_the_journal(
        kefu_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []
    stop = {"intent"}

    def fake(name: str) -> Any:
        def suite(ctx: SuiteContext) -> dict[str, Any]:
            ran.append(name)
            if name in stop:
                stop.clear()
                raise KeyboardInterrupt
            return {"score": 1.0, "_cases": [{"id": f"{name}:1", "pass": True}]}
        return suite

    for name in ("retrieval", "intent", "replies", "calibration", "actions", "latency"):
        monkeypatch.setitem(SUITES, name, fake(name))
    assert invoke("eval", "all", "--no-llm", "--workers", "1").exit_code != 0
    result = invoke("eval", "all", "--no-llm", "--workers", "1", "--json")
    assert result.exit_code == 0, result.output
    assert ran == ["retrieval", "intent", "intent", "replies", "calibration", "actions",
                   "latency"]
    assert set(_last_json(result.output)) == {"retrieval", "intent", "replies",
                                              "calibration", "actions", "latency"}


def test_runs_list_shows_what_tells_runs_apart(
        kefu_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(SUITES, "fake", lambda ctx: {"accuracy": 1.0})
    assert invoke("eval", "fake").exit_code == 0
    monkeypatch.setenv("KEFU_AUTO_SEND_THRESHOLD", "0.77")
    assert invoke("eval", "fake", "--sample", "3").exit_code == 0
    lines = invoke("eval", "runs").output.strip().splitlines()
    assert lines[0].split()[:4] == ["run_id", "suite", "status", "git_commit"]
    first, second = lines[1], lines[2]
    assert "auto_send_threshold=0.77" in second and "auto_send_threshold" not in first
    rows = json.loads(invoke("eval", "runs", "--json").output.strip().splitlines()[-1])
    assert [r["sample"] for r in rows] == ["all", 3]
    assert rows[1]["command"].startswith("KEFU_AUTO_SEND_THRESHOLD=0.77 kefu eval fake")
    assert "--sample 3" in rows[1]["command"]


def test_progress_shows_each_stage_with_an_eta(capsys: pytest.CaptureFixture[str]) -> None:
    with Progress(enabled=True) as progress:
        progress.stage("replies: LLM drafts", 4)
        progress.advance(2)
    err = capsys.readouterr().err
    assert "replies: LLM drafts" in err and "2/4" in err and "<" in err  # elapsed<remaining
    with Progress(enabled=False) as quiet:
        quiet.stage("x", 3)
        quiet.advance(3)
    assert capsys.readouterr().err == ""


def _replies_like(accuracy: float) -> Any:
    def suite(ctx: SuiteContext) -> dict[str, Any]:
        return {"turns": 40, "conversations": 20, "turn_accuracy": accuracy,
                "conversation_accuracy": 0.9, "auto_send_rate": 0.5,
                "auto_send_precision": 0.99, "handoff_recall": 1.0,
                "writes_executed_without_confirmation": 0, "auto_sent_ungrounded": 0}
    return suite


def test_readme_figures_are_written_from_and_checked_against_the_last_run(
        kefu_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Figures\n<!-- figures:replies-no-llm -->\n| stale |\n"
                      "<!-- /figures -->\ntext after\n", encoding="utf-8")
    monkeypatch.setitem(SUITES, "replies", _replies_like(0.95))
    assert invoke("eval", "replies", "--no-llm").exit_code == 0
    stale = invoke("eval", "figures", "--check", str(readme))
    assert stale.exit_code == 1 and "disagrees with its run" in stale.output

    assert invoke("eval", "figures", "--write", str(readme)).exit_code == 0
    text = readme.read_text(encoding="utf-8")
    assert "| turn accuracy (all expectations of a turn hold) | 0.950 |" in text
    assert "`kefu eval replies --no-llm`" in text and text.endswith("text after\n")
    assert invoke("eval", "figures", "--check", str(readme)).exit_code == 0

    monkeypatch.setitem(SUITES, "replies", _replies_like(0.938))
    assert invoke("eval", "replies", "--no-llm", "--sample", "5").exit_code == 0
    assert invoke("eval", "figures", "--check", str(readme)).exit_code == 0  # a sample: not
    assert invoke("eval", "replies", "--no-llm").exit_code == 0  # a figure; the whole is
    newer = invoke("eval", "figures", "--check", str(readme))
    assert newer.exit_code == 1 and "-| turn accuracy" in newer.output and "0.938" in newer.output


def test_figures_come_from_the_parts_of_eval_all_unless_sampled(
        kefu_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eval import figures
    from eval.suites import ALL_ORDER

    for name in ALL_ORDER:
        monkeypatch.setitem(SUITES, name, lambda ctx: {"error": "not measured here"})
    monkeypatch.setitem(SUITES, "replies", _replies_like(0.97))
    assert invoke("eval", "all", "--no-llm", "--workers", "1").exit_code == 0
    body = figures.render("replies-no-llm", figures.stored(kefu_home))
    assert body is not None and "| 0.970 |" in body and "`kefu eval all --no-llm`" in body
    assert figures.render("retrieval", figures.stored(kefu_home)) is None  # it failed

    def sampled(ctx: SuiteContext) -> dict[str, Any]:
        return _replies_like(0.5)(ctx) | {"sample": {"n": 3, "of": 9, "seed": 0}}
    monkeypatch.setitem(SUITES, "replies", sampled)
    assert invoke("eval", "all", "--no-llm", "--workers", "1").exit_code == 0
    assert figures.render("replies-no-llm", figures.stored(kefu_home)) == body
    # the LLM's figure may come from the sample `kefu eval all` makes, and says so
    monkeypatch.setenv("KEFU_LLM_BACKEND", "llamacpp")
    monkeypatch.setitem(SUITES, "replies", lambda ctx: sampled(ctx) | {
        "llm_drafts": 2, "groundedness_rate": 1.0, "citation_validity": 0.5})
    assert invoke("eval", "all").exit_code == 0
    llm = figures.render("replies-llm", figures.stored(kefu_home))
    assert llm is not None and "(a sample of 3 of 9 scenarios, seed 0" in llm
    assert "From run `" in llm and "`kefu eval all`" in llm
    rows = json.loads(invoke("eval", "runs", "--json").output.strip().splitlines()[-1])
    assert rows[-1]["sample"] == "replies:3"  # what `all` sampled shows in the list
