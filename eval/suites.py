"""Evaluation suites by name. Each returns one JSON-able dict of metrics.

Only the LLM pays for the LLM: retrieval, intent, actions, latency and calibration draft
nothing; replies (and dialogues) draft with it unless --no-llm. `kefu eval all` (its
scenario pass shared, its sample of the replies suite with the LLM on) is
eval/suite_all.py.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.errors import InputError
from app.settings import Settings
from eval.suite_all import ALL_LLM_SAMPLE, ALL_ORDER, all_suite
from eval.suite_context import SuiteContext
from eval.suites_scenarios import calibration_suite, dialogues_suite, replies_suite
from retrieval.documents import iter_files, load_document
from retrieval.embedders import make_embedder
from retrieval.embedders.cache import CachedEmbedder
from retrieval.hybrid import HybridIndex

__all__ = ["ALL_LLM_SAMPLE", "ALL_ORDER", "SUITES", "SuiteContext", "datasets_for",
           "uses_llm"]


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
    queries, sample = ctx.sample(load_golden(dataset), lambda q: f"{q.language}/{q.kind}")
    with tempfile.TemporaryDirectory(prefix="kefu-eval-") as tmp:
        ctx.begin("retrieval: index")
        index = build_kb_index(ctx, Path(tmp))
        try:
            ctx.begin("retrieval: queries x 3 modes", 3 * len(queries))
            result = evaluate(index, queries, progress=ctx.progress)
        finally:
            index.close()
    result["embedder"] = index.embedder.name
    result["dataset"] = str(dataset)
    result["sample"] = sample
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
    samples = {}
    for name, cases in sets.items():  # language is the set's; strata are the intents
        sets[name], samples[name] = ctx.sample(cases, lambda c: c[1])
    ctx.begin("intent", sum(len(c) for c in sets.values()))
    result = evaluate(get_classifier(ctx.settings), sets, progress=ctx.progress)
    if feedback is not None:
        result["feedback"] = feedback
    result["sample"] = samples if any(samples.values()) else None
    return result


def actions_suite(ctx: SuiteContext) -> dict[str, Any]:
    from eval import actions
    from eval.sandbox import isolated_home

    if ctx.dataset is not None:
        raise InputError("the actions suite reads tau-bench and ECom-Bench from "
                         "KEFU_EVAL_DATA_DIR; --dataset does not apply")
    with isolated_home(ctx.settings) as rt:
        ctx.begin("actions: stores")
        derived, _, imports = actions.prepare(rt, ctx.settings.eval_data_dir)
        cases, sample = ctx.sample([c for d in derived.values() for c in d.cases],
                                   lambda c: f"{c.dataset}/{c.expected}")
        ctx.begin("actions", len(cases))
        rows = actions.run_cases(rt, cases, progress=ctx.progress)
        policy = rt.policy
    return actions.summarise(rows, derived, policy, imports) | {"sample": sample}


def latency_suite(ctx: SuiteContext) -> dict[str, Any]:
    from eval import latency
    from eval.sampling import scenario_stratum
    from eval.sandbox import isolated_home
    from eval.scenarios import load_scenarios

    path = ctx.dataset or ctx.settings.data_dir / "scenarios" / "scenarios.jsonl"
    scenarios, sample = ctx.sample(load_scenarios(path), scenario_stratum)
    shared = ctx.scenario_pass
    if shared is not None and ctx.dataset is None and shared.serves(scenarios):
        # the turns timed in the pass replies and calibration share (eval/scenario_pass.py)
        result = latency.summarise(shared.turns().timings) | {"timed_in": "scenario pass"}
    else:
        with isolated_home(ctx.settings) as rt:
            ctx.begin("latency", sum(len(s["turns"]) for s in scenarios))
            result = latency.run(rt, scenarios, progress=ctx.progress)
    return result | {"dataset": str(path), "sample": sample}


def uses_llm(suite: str, options: dict[str, Any]) -> bool:
    """Whether a run of ``suite`` with ``options`` drafts with the LLM."""
    if options.get("llm") is False:
        return False
    if suite == "calibration":
        return bool(options.get("llm_drafts"))
    return suite in ("replies", "dialogues", "all")


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
