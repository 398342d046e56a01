"""Evaluation suites by name. Each returns one JSON-able dict of metrics."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import InputError, KefuError
from app.runtime import Runtime
from app.settings import Settings
from retrieval.documents import iter_files, load_document
from retrieval.embedders import make_embedder
from retrieval.embedders.cache import CachedEmbedder
from retrieval.hybrid import HybridIndex


@dataclass
class SuiteContext:
    settings: Settings
    dataset: Path | None = None
    options: dict[str, Any] = field(default_factory=dict)
    progress: Callable[[int], None] | None = None
    stage: Callable[[str], None] | None = None  # names the part now running (progress bar)


def build_kb_index(ctx: SuiteContext, folder: Path) -> HybridIndex:
    """A throw-away index of the bundled knowledge base with the chosen embedder."""
    name = ctx.options.get("embedder") or ctx.settings.embedder
    embedder = make_embedder(name, model=ctx.settings.embedder_model,
                             threads=ctx.settings.llm_threads)
    cache_dir = ctx.settings.home / "eval-cache" if ctx.settings.home.is_dir() else folder
    index = HybridIndex(folder, CachedEmbedder(embedder, cache_dir / "embeddings.sqlite"))
    docs = [load_document(p) for p in iter_files([ctx.settings.data_dir / "kb"])]
    index.upsert(docs)
    return index


def retrieval_suite(ctx: SuiteContext) -> dict[str, Any]:
    from eval.retrieval import evaluate, load_golden

    dataset = ctx.dataset or ctx.settings.data_dir / "golden" / "retrieval.jsonl"
    queries = load_golden(dataset)
    with tempfile.TemporaryDirectory(prefix="kefu-eval-") as tmp:
        index = build_kb_index(ctx, Path(tmp))
        try:
            result = evaluate(index, queries, progress=ctx.progress)
        finally:
            index.close()
    result["embedder"] = index.embedder.name
    result["dataset"] = str(dataset)
    return result


def intent_suite(ctx: SuiteContext) -> dict[str, Any]:
    from app.understanding.intent import get_classifier
    from eval.intent import Case, datasets, evaluate

    feedback = None
    if ctx.dataset is not None:
        from eval.feedback import load_labelled

        labelled, feedback = load_labelled(ctx.dataset)
        sets: dict[str, list[Case]] = {ctx.dataset.stem: labelled}
    else:
        sets = datasets(ctx.settings.data_dir, ctx.settings.eval_data_dir)
    result = evaluate(get_classifier(ctx.settings), sets, progress=ctx.progress)
    if feedback is not None:
        result["feedback"] = feedback
    return result


def _scenario_records(ctx: SuiteContext, rt: Runtime, scenarios_path: Path,
                      with_heldout: bool) -> list[Any]:
    from eval.scenarios import load_scenarios, run_scenarios

    scenarios = load_scenarios(ctx.dataset or scenarios_path)
    if with_heldout:
        scenarios += heldout_scenarios(rt)
    return run_scenarios(rt, scenarios, llm_drafts=bool(ctx.options.get("llm", True)),
                         progress=ctx.progress)


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


def replies_suite(ctx: SuiteContext) -> dict[str, Any]:
    from eval.scenarios import summarise

    if ctx.options.get("backends"):
        from eval.backends import side_by_side

        return side_by_side(ctx.settings, list(ctx.options["backends"]), ctx.dataset,
                            progress=ctx.progress)
    with scenario_home(ctx) as (rt, scenarios):
        records = _scenario_records(ctx, rt, scenarios, with_heldout=False)
    store = ctx.options.get("store") or "demo"
    return summarise(records) | {"store": str(store),
                                 "_cases": turn_cases("replies", records)}


def dialogues_suite(ctx: SuiteContext) -> dict[str, Any]:
    """Multi-turn conversations written independently of the recogniser, on a store pack:
    per turn and per conversation, follow-ups, false hand-offs, flagged injections."""
    from eval.scenarios import summarise

    with scenario_home(ctx, "dialogues") as (rt, path):
        records = _scenario_records(ctx, rt, path, with_heldout=False)
    flagged = [r for r in records if r.expect.get("flagged")]
    return summarise(records) | {
        "store": str(ctx.options.get("store")),
        "injections_flagged": (round(sum("injection" in r.result.flags for r in flagged)
                                     / len(flagged), 4) if flagged else None),
        "_cases": turn_cases("dialogues", records)}


def turn_cases(prefix: str, records: list[Any]) -> list[dict[str, Any]]:
    """One compact case per scenario turn: id = scenario#turn."""
    seen: dict[str, int] = {}
    out = []
    for r in records:
        k = seen[r.scenario] = seen.get(r.scenario, -1) + 1
        out.append({"id": f"{prefix}:{r.scenario}#{k}", "text": r.text, "pass": r.correct,
                    "detail": f"{r.result.intent}/{r.result.decision}"})
    return out


def calibration_suite(ctx: SuiteContext) -> dict[str, Any]:
    from app.assist import scoring
    from eval.calibration import evaluate, kb_intents, label
    from eval.thresholds import intent_detail

    target = float(ctx.options.get("target_precision") or 0.98)
    if ctx.options.get("from_feedback"):
        from eval.feedback_calibration import from_feedback

        return _write_thresholds(ctx, from_feedback(ctx.settings, ctx.dataset, target,
                                                    fit=bool(ctx.options.get("fit"))))
    with scenario_home(ctx) as (rt, scenarios):
        records = _scenario_records(ctx, rt, scenarios, with_heldout=True)
    rows = label(records, kb_intents(ctx.settings.data_dir / "kb"))
    result = evaluate(rows, target_precision=target)
    result["intent_detail"] = intent_detail(rows, result["intent_thresholds"],
                                            dict(ctx.settings.intent_thresholds),
                                            ctx.settings.auto_send_threshold)
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


def actions_suite(ctx: SuiteContext) -> dict[str, Any]:
    from eval import actions
    from eval.sandbox import isolated_home

    if ctx.dataset is not None:
        raise InputError("the actions suite reads tau-bench and ECom-Bench from "
                         "KEFU_EVAL_DATA_DIR; --dataset does not apply")
    with isolated_home(ctx.settings) as rt:
        derived, _, imports = actions.prepare(rt, ctx.settings.eval_data_dir)
        cases = [c for d in derived.values() for c in d.cases]
        rows = actions.run_cases(rt, cases, progress=ctx.progress)
        policy = rt.policy
    return actions.summarise(rows, derived, policy, imports)


def latency_suite(ctx: SuiteContext) -> dict[str, Any]:
    from eval import latency
    from eval.sandbox import isolated_home
    from eval.scenarios import load_scenarios

    path = ctx.dataset or ctx.settings.data_dir / "scenarios" / "scenarios.jsonl"
    with isolated_home(ctx.settings) as rt:
        result = latency.run(rt, load_scenarios(path), progress=ctx.progress)
    return result | {"dataset": str(path)}


ALL_ORDER = ("retrieval", "intent", "replies", "calibration", "actions", "latency")


def all_suite(ctx: SuiteContext) -> dict[str, Any]:
    """Every suite on its default data; one suite failing is reported, not fatal."""
    if ctx.dataset is not None:
        raise InputError("`kefu eval all` runs every suite on its own data; "
                         "--dataset does not apply")
    out: dict[str, Any] = {}
    cases: list[dict[str, Any]] = []
    for name in ALL_ORDER:
        if ctx.stage:
            ctx.stage(name)
        try:
            result = SUITES[name](ctx)
        except KefuError as exc:
            out[name] = {"error": str(exc)}
            continue
        cases += result.pop("_cases", [])
        out[name] = result
    return out | {"_cases": cases}


SUITES: dict[str, Callable[[SuiteContext], dict[str, Any]]] = {
    "retrieval": retrieval_suite,
    "intent": intent_suite,
    "replies": replies_suite,
    "dialogues": dialogues_suite,
    "calibration": calibration_suite,
    "actions": actions_suite,
    "latency": latency_suite,
    "all": all_suite,
}


def datasets_for(suite: str, settings: Settings, dataset: Path | None) -> dict[str, Path]:
    """The files a suite reads, for the record of a run."""
    data, ext = settings.data_dir, settings.eval_data_dir
    scenarios = dataset or data / "scenarios" / "scenarios.jsonl"
    if suite == "all":
        return {f"{s}.{k}": v for s in ALL_ORDER for k, v in datasets_for(s, settings,
                                                                          None).items()}
    if suite == "actions":
        from eval.actions import dataset_paths

        return dataset_paths(ext)
    found: dict[str, dict[str, Path]] = {
        "retrieval": {"golden": dataset or data / "golden" / "retrieval.jsonl",
                      "kb": data / "kb"},
        "intent": {"dataset": dataset} if dataset else {
            "bitext": ext / "bitext_customer_support", "clinc150": ext / "clinc150" / "test.jsonl",
            "heldout_en": data / "intents" / "heldout_en.jsonl",
            "heldout_zh": data / "intents" / "heldout_zh.jsonl"},
        "replies": {"scenarios": scenarios},
        "calibration": {"scenarios": scenarios, "heldout": data / "intents"},
        "latency": {"scenarios": scenarios},
    }
    return found.get(suite, {})
