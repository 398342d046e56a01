"""`kefu eval all`: every suite on its default data; one suite failing is reported, not
fatal, and a suite finished before an interruption is taken from the run's journal.

Replies, calibration and latency take the demo scenarios from one pass
(eval/scenario_pass.py). With the LLM on, the replies suite is sampled (ALL_LLM_SAMPLE
scenarios, stratified) so the whole fits in ten minutes on two cores; --sample 0 runs
it whole.

The suites run one after the other. Retrieval, intent and actions share nothing with
the scenario pass and were tried in a forked process beside it: on this shared 2-core
machine, where two busy processes of one command took 2-3 times as long as one, the
run was no faster (91 and 99 s against 80 and 102 s, load 2.5-3.4), so it was left out.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from app.errors import InputError, KefuError
from eval.scenario_pass import ScenarioPass
from eval.suite_context import SuiteContext

ALL_ORDER = ("retrieval", "intent", "replies", "calibration", "actions", "latency")
# scenarios of the replies suite in `kefu eval all` with the embedded LLM (measured:
# see README, "Evaluation loop"); the other suites always run whole
ALL_LLM_SAMPLE = 60


def all_suite(ctx: SuiteContext) -> dict[str, Any]:
    if ctx.dataset is not None:
        raise InputError("`kefu eval all` runs every suite on its own data; "
                         "--dataset does not apply")
    out: dict[str, Any] = {}
    cases: list[dict[str, Any]] = []
    shared = _scenario_pass(ctx)
    ctx = replace(ctx, scenario_pass=shared)
    try:
        for name in ALL_ORDER:
            result = ctx.journal.load_part(name) if ctx.journal else None
            if result is None:
                result = timed(ctx, name)
                if ctx.journal is not None:
                    ctx.journal.save_part(name, result)
                    ctx.journal.append(result.get("_cases", []))
            cases += result.pop("_cases", [])
            out[name] = result
    finally:
        if shared is not None:
            shared.close()
    return out | {"_cases": cases}


def _scenario_pass(ctx: SuiteContext) -> ScenarioPass | None:
    """One pass of the demo scenarios for replies, calibration and latency (not with
    --store, whose suites run on the pack); it runs when the first of them asks."""
    from eval.sampling import scenario_stratum
    from eval.sandbox import StorePack
    from eval.scenarios import load_scenarios

    if ctx.options.get("store"):
        return None
    scenarios, _ = ctx.sample(load_scenarios(StorePack.demo(ctx.settings).scenarios),
                              scenario_stratum)
    return ScenarioPass(ctx.settings, scenarios, stage=ctx.stage, progress=ctx.progress)


def timed(ctx: SuiteContext, name: str) -> dict[str, Any]:
    """One suite of `all`, with its duration; a suite that fails says why."""
    from eval.suites import SUITES

    sub = ctx
    if name == "replies" and ctx.llm and ctx.options.get("sample") is None:
        sub = ctx.with_options(sample=ALL_LLM_SAMPLE)  # recorded in the result's "sample"
    clock = time.monotonic()
    try:
        result = SUITES[name](sub)
    except KefuError as exc:
        result = {"error": str(exc)}
    result["duration_s"] = round(time.monotonic() - clock, 1)
    return result
