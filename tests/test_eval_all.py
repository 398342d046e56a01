"""`kefu eval all` runs the demo scenarios once for replies, calibration and latency
(eval/scenario_pass.py): the same figures as each suite on its own, each turn once."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.settings import get_settings
from eval import scenarios as scenario_module
from eval.drafts import DraftConfig
from eval.sampling import scenario_stratum
from eval.scenario_pass import ScenarioPass
from eval.suites import ALL_ORDER, SUITES, SuiteContext
from tests.conftest import invoke, reset_caches
from tests.fakes.llm import install_fake_llm


def _count_turns(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Pipeline turns run by the scenario suites, by the part of their label before ':'."""
    calls: Counter[str] = Counter()
    real = scenario_module.assist_once

    def counted(rt: Any, **kwargs: Any) -> Any:
        calls[str(kwargs.get("label")).split(":")[0]] += 1
        return real(rt, **kwargs)

    monkeypatch.setattr(scenario_module, "assist_once", counted)
    return calls


def _with_pass(ctx: SuiteContext) -> SuiteContext:
    path = ctx.settings.data_dir / "scenarios" / "scenarios.jsonl"
    scenarios, _ = ctx.sample(scenario_module.load_scenarios(path), scenario_stratum)
    return replace(ctx, scenario_pass=ScenarioPass(ctx.settings, scenarios))


def test_replies_calibration_and_latency_share_one_pass(
        demo_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = SuiteContext(settings=get_settings(), options={"llm": False, "sample": 8})
    calls = _count_turns(monkeypatch)
    alone = {name: SUITES[name](ctx) for name in ("replies", "calibration")}
    turns, heldout = alone["replies"]["turns"], alone["calibration"]["turns"] - \
        alone["replies"]["turns"]
    assert turns > 8 and heldout > 0
    assert calls == {"replies": turns, "calibration": turns + heldout}

    calls.clear()
    shared = _with_pass(ctx)
    try:
        together = {name: SUITES[name](shared) for name in ("replies", "calibration",
                                                              "latency")}
    finally:
        assert shared.scenario_pass is not None
        shared.scenario_pass.close()
    assert calls == {"scenarios": turns, "heldout": heldout}  # each turn once
    assert together["replies"] == alone["replies"]
    assert together["calibration"] == alone["calibration"]
    assert together["latency"]["messages"] == turns
    assert together["latency"]["timed_in"] == "scenario pass"


def test_drafts_for_replies_stay_out_of_the_shared_records(
        demo_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = install_fake_llm(monkeypatch, replies=["Thanks for asking [1]."])
    reset_caches()
    ctx = SuiteContext(settings=get_settings(), options={"sample": 8},
                       drafts=DraftConfig(cache=None))
    alone = SUITES["calibration"](ctx)
    assert backend.calls == []

    shared = _with_pass(ctx)
    try:
        replies = SUITES["replies"](shared)
        calibration = SUITES["calibration"](shared)
    finally:
        assert shared.scenario_pass is not None
        shared.scenario_pass.close()
    assert replies["llm_drafts"] > 0 and backend.calls
    assert calibration == alone  # the replies' drafts were made on records of their own


def test_retrieval_intent_and_actions_run_in_a_process_beside_the_scenarios(
        demo_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --workers 2 (or a second idle core) and no LLM, the suites that share nothing
    with the scenario pass run in a spawned process: the fakes of this process answer
    the scenario suites only, the others are the real ones, run there."""
    from eval.suite_all import BESIDE

    fake = {"turn_accuracy": 1.0, "_cases": [{"id": "fake:1", "pass": True}]}
    for name in ("replies", "calibration", "latency", *BESIDE):
        monkeypatch.setitem(SUITES, name, lambda ctx: dict(fake))
    result = invoke("eval", "all", "--no-llm", "--workers", "2", "--sample", "2", "--json")
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output.strip().splitlines()[-1])
    assert list(metrics) == list(ALL_ORDER)
    for name in ("replies", "calibration", "latency"):
        assert metrics[name]["turn_accuracy"] == 1.0
    for name in BESIDE:
        assert "turn_accuracy" not in metrics[name] and "error" not in metrics[name], name
        assert metrics[name]["duration_s"] > 0
    assert metrics["intent"]["summary"]["heldout_zh"]["n"] == 2
    run = sorted((demo_home / "eval-runs").glob("*-all"))[-1]
    stored = json.loads((run / "metrics.json").read_text(encoding="utf-8"))
    assert stored["settings"]["workers"] == 2
    ids = {json.loads(line)["id"].split(":")[0]
           for line in (run / "cases.jsonl").read_text(encoding="utf-8").splitlines()}
    assert {"fake", "intent"} <= ids
