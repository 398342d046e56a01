"""`kefu eval all`: every suite on its default data; one suite failing is reported, not
fatal, and a suite finished before an interruption is taken from the run's journal.

Replies, calibration and latency take the demo scenarios from one pass
(eval/scenario_pass.py). With the LLM on, the replies suite is sampled (ALL_LLM_SAMPLE
scenarios, stratified) so the whole fits in ten minutes on two cores; --sample 0 runs
it whole.

Retrieval, intent and actions share nothing with the scenario pass: without the LLM,
and with a second core idle when the run starts (or --workers 2), they run in a
process of their own beside it. On a busy machine two processes of one command took
2-3 times as long as one (91 and 99 s against 80 and 102 s at load 2.5-3.4), so they
run one after the other there; with the LLM its drafting processes take the cores.
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from typing import Any

from app.errors import InputError, KefuError
from app.settings import Settings
from eval.scenario_pass import ScenarioPass
from eval.suite_context import SuiteContext

ALL_ORDER = ("retrieval", "intent", "replies", "calibration", "actions", "latency")
# the suites that share nothing with the scenario pass, so may run in a process beside it
BESIDE = ("retrieval", "intent", "actions")
# scenarios of the replies suite in `kefu eval all` with the embedded LLM (measured:
# see README, "Evaluation loop"); the other suites always run whole
ALL_LLM_SAMPLE = 60


def all_suite(ctx: SuiteContext) -> dict[str, Any]:
    if ctx.dataset is not None:
        raise InputError("`kefu eval all` runs every suite on its own data; "
                         "--dataset does not apply")
    done = {name: ctx.journal.load_part(name) for name in ALL_ORDER} if ctx.journal else {}
    results = {name: part for name, part in done.items() if part is not None}
    shared = _scenario_pass(ctx)
    ctx = replace(ctx, scenario_pass=shared)
    beside = [name for name in BESIDE if name not in results] if _two_processes(ctx) else []
    try:
        with _Beside(ctx.settings, ctx.options, beside) as side:
            for name in ALL_ORDER:
                if name not in results and name not in beside:
                    results[name] = _kept(ctx, name, timed(ctx, name))
            if beside:
                ctx.begin("waiting for " + ", ".join(beside))
                for name, result in side.results().items():
                    results[name] = _kept(ctx, name, result)
    finally:
        if shared is not None:
            shared.close()
    out = {name: results[name] for name in ALL_ORDER}
    cases = [case for part in out.values() for case in part.pop("_cases", [])]
    return out | {"_cases": cases}


def _kept(ctx: SuiteContext, name: str, result: dict[str, Any]) -> dict[str, Any]:
    """A finished suite, written to the journal so a stopped run need not repeat it."""
    if ctx.journal is not None:
        ctx.journal.save_part(name, result)
        ctx.journal.append(result.get("_cases", []))
    return result


def _two_processes(ctx: SuiteContext) -> bool:
    """--workers, or the cores idle now; never beside LLM drafting, which uses them."""
    from eval.drafts import auto_workers

    if ctx.llm:
        return False
    if ctx.drafts is None:
        return False
    if ctx.drafts.workers is None:
        ctx.drafts.workers = min(2, auto_workers())  # recorded with the run
    return ctx.drafts.workers >= 2


class _Beside:
    """Suites run in one spawned process (a fork would copy this one's threads and open
    database handles) while the caller runs the others; its results are collected by
    ``results``, and leaving the block stops it."""

    def __init__(self, settings: Settings, options: dict[str, Any], names: list[str]):
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[dict[str, dict[str, Any]]] | None = None
        if names:
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
            self._future = self._pool.submit(run_parts, settings, options, names)

    def __enter__(self) -> _Beside:
        return self

    def results(self) -> dict[str, dict[str, Any]]:
        return self._future.result() if self._future is not None else {}

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=exc[0] is None, cancel_futures=True)


def run_parts(settings: Settings, options: dict[str, Any],
              names: list[str]) -> dict[str, dict[str, Any]]:
    """In the process beside: the named suites, each timed, without a progress bar."""
    ctx = SuiteContext(settings=settings, options=options)
    return {name: timed(ctx, name) for name in names}


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
    # to the millisecond: a suite of a small sample can take less than a tenth of a second
    result["duration_s"] = round(time.monotonic() - clock, 3)
    return result
