"""The suites that run conversations through the pipeline: replies, dialogues and
calibration (and the held-out intent messages it adds as single turns).

Only the replies and dialogues suites draft with the LLM (unless --no-llm); calibration
scores the template and knowledge-base answers and drafts nothing unless asked with
``--llm-drafts`` (to refit the confidence model on a stronger backend's drafts): its
761 turns with the embedded model took 19 minutes, without it well under one.

In `kefu eval all` the three suites that run the demo scenarios (replies, calibration,
latency) take their turns from one pass (eval/scenario_pass.py) instead of a pass each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import InputError
from app.runtime import Runtime
from eval.sampling import scenario_stratum
from eval.scenarios import TurnRecord, Turns
from eval.suite_context import SuiteContext

if TYPE_CHECKING:
    from eval.scenario_pass import ScenarioPass


def turn_case(prefix: str, r: TurnRecord) -> dict[str, Any]:
    """One compact case per scenario turn: id = scenario#turn, with its input."""
    return {"id": f"{prefix}:{r.scenario}#{r.turn}", "text": r.text, "pass": r.correct,
            "language": r.language, "expect": r.expect,
            "detail": f"{r.result.intent}/{r.result.decision}",
            "failed": [k for k, ok in r.checks.items() if not ok]}


def turn_cases(prefix: str, records: list[TurnRecord]) -> list[dict[str, Any]]:
    return [turn_case(prefix, r) for r in records]


def _keeper(ctx: SuiteContext, prefix: str) -> Callable[[TurnRecord], None]:
    """Journals a turn as soon as it is final."""
    journal = ctx.journal

    def keep(record: TurnRecord) -> None:
        if journal is not None:
            journal.append([turn_case(prefix, record)])

    return keep


def run(ctx: SuiteContext, rt: Runtime, scenarios: list[dict[str, Any]], prefix: str, *,
        llm: bool) -> list[TurnRecord]:
    """The scenarios through the pipeline; every turn journalled as soon as it is final."""
    from eval.scenarios import run_scenarios

    return run_scenarios(rt, scenarios, llm_drafts=llm, progress=ctx.progress, run_id=prefix,
                         drafts=ctx.drafts, stage=ctx.stage, on_record=_keeper(ctx, prefix))


def from_pass(ctx: SuiteContext, rt: Runtime, turns: Turns, prefix: str, *,
              llm: bool) -> list[TurnRecord]:
    """The records of the shared scenario pass, drafted if ``llm``, journalled as
    :func:`run` journals them."""
    from eval.scenarios import with_drafts

    keep = _keeper(ctx, prefix)
    waiting = {i for i, _ in turns.wanted} if llm else set()
    for i, record in enumerate(turns.records):
        if i not in waiting:
            keep(record)
    return with_drafts(rt, turns, llm_drafts=llm, run_id=prefix, drafts=ctx.drafts,
                       progress=ctx.progress, stage=ctx.stage, on_record=keep)


def shared_pass(ctx: SuiteContext) -> tuple[ScenarioPass | None, list[dict[str, Any]], Any]:
    """The pass of `kefu eval all` if it ran this suite's demo scenarios, with the
    scenarios and their sample record (None, [], None when the suite runs its own)."""
    if ctx.scenario_pass is None or ctx.dataset is not None or ctx.options.get("store"):
        return None, [], None
    from eval.sandbox import StorePack

    scenarios, sample = _scenarios(ctx, StorePack.demo(ctx.settings).scenarios)
    if not ctx.scenario_pass.serves(scenarios):
        return None, [], None
    return ctx.scenario_pass, scenarios, sample


def heldout_scenarios(rt: Runtime) -> list[dict[str, Any]]:
    """The intent held-out messages as single turns of a shopper of that language."""
    from sqlmodel import col, select

    from app.intents import spec
    from app.models import Customer
    from app.understanding.intent_training import read_jsonl

    out = []
    with rt.session() as session:
        shoppers = {lang: session.exec(select(Customer.id).where(Customer.language == lang)
                                       .order_by(col(Customer.id))).first()
                    for lang in ("en", "zh")}
    for lang, customer in shoppers.items():
        if customer is None:
            continue
        for n, row in enumerate(read_jsonl(rt.settings.data_dir / "intents" /
                                           f"heldout_{lang}.jsonl")):
            intent = str(row["intent"])
            expect: dict[str, Any] = {"intent": intent}
            if spec(intent).handoff is not None:
                expect = {"handoff": True}
            out.append({"id": f"heldout-{lang}-{n}", "language": lang, "customer_id": customer,
                        "turns": [{"text": row["text"], "expect": expect}]})
    return out


@contextmanager
def scenario_home(ctx: SuiteContext, file: str = "scenarios") -> Iterator[tuple[Runtime, Path]]:
    """Where scenarios run: a fresh home with the ``--store`` pack, else a copy of
    KEFU_HOME with the demo scenarios. ``file``: the pack's ``scenarios`` or
    ``dialogues``."""
    from eval.sandbox import StorePack, isolated_home, store_home

    store = ctx.options.get("store")
    if store:
        pack = StorePack.folder(Path(store))
        with store_home(ctx.settings, pack) as rt:
            yield rt, pack.scenarios.with_name(f"{file}.jsonl")
        return
    if file != "scenarios":
        raise InputError(f"the {file} suite runs on a store pack: give --store DIR")
    with isolated_home(ctx.settings) as rt:
        yield rt, StorePack.demo(ctx.settings).scenarios


def _scenarios(ctx: SuiteContext, path: Path) -> tuple[list[dict[str, Any]], Any]:
    from eval.scenarios import load_scenarios

    return ctx.sample(load_scenarios(ctx.dataset or path), scenario_stratum)


def replies_suite(ctx: SuiteContext) -> dict[str, Any]:
    from eval.scenarios import summarise

    if ctx.options.get("backends"):
        from eval.backends import side_by_side

        return side_by_side(ctx.settings, list(ctx.options["backends"]), ctx.dataset,
                            progress=ctx.progress, drafts=ctx.drafts)
    shared, _, sample = shared_pass(ctx)
    if shared is not None:
        records = from_pass(ctx, shared.rt, shared.turns(), "replies", llm=ctx.llm)
    else:
        with scenario_home(ctx) as (rt, path):
            scenarios, sample = _scenarios(ctx, path)
            records = run(ctx, rt, scenarios, "replies", llm=ctx.llm)
    store = ctx.options.get("store") or "demo"
    return summarise(records) | {"store": str(store), "sample": sample,
                                 "_cases": turn_cases("replies", records)}


def dialogues_suite(ctx: SuiteContext) -> dict[str, Any]:
    """Multi-turn conversations written independently of the recogniser, on a store pack:
    per turn and per conversation, follow-ups, false hand-offs, flagged injections."""
    from eval.scenarios import summarise

    with scenario_home(ctx, "dialogues") as (rt, path):
        scenarios, sample = _scenarios(ctx, path)
        records = run(ctx, rt, scenarios, "dialogues", llm=ctx.llm)
    flagged = [r for r in records if r.expect.get("flagged")]
    return summarise(records) | {
        "store": str(ctx.options.get("store")), "sample": sample,
        "injections_flagged": (round(sum("injection" in r.result.flags for r in flagged)
                                     / len(flagged), 4) if flagged else None),
        "_cases": turn_cases("dialogues", records)}


def calibration_suite(ctx: SuiteContext) -> dict[str, Any]:
    from app.assist import scoring
    from eval.calibration import evaluate, kb_intents, label
    from eval.thresholds import intent_detail

    target = float(ctx.options.get("target_precision") or 0.98)
    if ctx.options.get("from_feedback"):
        from eval.feedback_calibration import from_feedback

        return _write_thresholds(ctx, from_feedback(ctx.settings, ctx.dataset, target,
                                                    fit=bool(ctx.options.get("fit"))))
    # LLM drafts only when asked: the confidence of template and KB answers needs none
    drafts = ctx.llm and bool(ctx.options.get("llm_drafts"))
    shared, _, sample = shared_pass(ctx)
    if shared is not None:
        heldout, _ = ctx.sample(heldout_scenarios(shared.rt), scenario_stratum)
        turns = shared.turns() + shared.heldout(heldout)
        records = from_pass(ctx, shared.rt, turns, "calibration", llm=drafts)
    else:
        with scenario_home(ctx) as (rt, path):
            scenarios, sample = _scenarios(ctx, path)
            heldout, _ = ctx.sample(heldout_scenarios(rt), scenario_stratum)
            records = run(ctx, rt, scenarios + heldout, "calibration", llm=drafts)
    rows = label(records, kb_intents(ctx.settings.data_dir / "kb"))
    result = evaluate(rows, target_precision=target)
    result["intent_detail"] = intent_detail(rows, result["intent_thresholds"],
                                            dict(ctx.settings.intent_thresholds),
                                            ctx.settings.auto_send_threshold)
    result["llm_drafts"] = drafts
    result["sample"] = sample
    result["_cases"] = turn_cases("calibration", records)
    if ctx.options.get("fit"):
        model = scoring.fit([r.evidence for r in rows], [r.correct for r in rows])
        path = ctx.settings.data_dir / "models" / "confidence.json"
        model.save(path)
        result["fitted"] = str(path)
    return _write_thresholds(ctx, result)


def _write_thresholds(ctx: SuiteContext, result: dict[str, Any]) -> dict[str, Any]:
    if not ctx.options.get("write_thresholds"):
        return result
    import json

    from app.settings import write_home_setting

    # an intent that never reaches the target gets 1.0 (never auto-sent): left out,
    # it would fall back to the global threshold and auto-send below the target
    tuned = {k: 1.0 if v is None else round(v, 4)
             for k, v in result["intent_thresholds"].items()}
    if result.get("source") == "feedback":
        # feedback covers the intents agents saw: the others keep their thresholds
        tuned = {**ctx.settings.intent_thresholds, **tuned}
    result["written"] = str(write_home_setting(ctx.settings.home, "intent_thresholds",
                                               json.dumps(tuned)))
    return result
