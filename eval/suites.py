"""Evaluation suites by name. Each returns one JSON-able dict of metrics."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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

    sets = datasets(ctx.settings.data_dir, ctx.settings.eval_data_dir)
    if ctx.dataset is not None:
        from app.understanding.intent_training import read_jsonl

        rows = read_jsonl(ctx.dataset)
        sets = {ctx.dataset.stem: [(str(r["text"]), str(r["intent"])) for r in rows]}
    cases: dict[str, list[Case]] = sets
    return evaluate(get_classifier(), cases, progress=ctx.progress)


def _scenario_records(ctx: SuiteContext, settings: Settings,
                      with_heldout: bool) -> list[Any]:
    from app.llm import get_llm
    from eval.scenarios import load_scenarios, run_scenarios

    path = ctx.dataset or settings.data_dir / "scenarios" / "scenarios.jsonl"
    scenarios = load_scenarios(path)
    if with_heldout:
        scenarios += heldout_scenarios(settings)
    llm = get_llm() if ctx.options.get("llm", True) else None
    return run_scenarios(settings, scenarios, llm=llm, progress=ctx.progress)


def heldout_scenarios(settings: Settings) -> list[dict[str, Any]]:
    """The intent held-out messages as single turns of a demo shopper of that language."""
    from app.understanding.intent_training import read_jsonl

    out = []
    for lang, customer in (("en", "C001"), ("zh", "C002")):
        for n, row in enumerate(read_jsonl(settings.data_dir / "intents" /
                                           f"heldout_{lang}.jsonl")):
            intent = str(row["intent"])
            expect: dict[str, Any] = {"intent": intent}
            if intent in ("complaint", "contact_human_agent", "other"):
                expect = {"handoff": True}
            out.append({"id": f"heldout-{lang}-{n}", "language": lang, "customer_id": customer,
                        "turns": [{"text": row["text"], "expect": expect}]})
    return out


def replies_suite(ctx: SuiteContext) -> dict[str, Any]:
    from app.sandbox import isolated_home
    from eval.scenarios import summarise

    with isolated_home(ctx.settings) as settings:
        records = _scenario_records(ctx, settings, with_heldout=False)
    return summarise(records)


def calibration_suite(ctx: SuiteContext) -> dict[str, Any]:
    from app.assist import scoring
    from app.sandbox import isolated_home
    from eval.calibration import evaluate, kb_intents, label

    target = float(ctx.options.get("target_precision") or 0.98)
    with isolated_home(ctx.settings) as settings:
        records = _scenario_records(ctx, settings, with_heldout=True)
    rows = label(records, kb_intents(ctx.settings.data_dir / "kb"))
    result = evaluate(rows, target_precision=target)
    if ctx.options.get("fit"):
        model = scoring.fit([r.evidence for r in rows], [r.correct for r in rows])
        path = ctx.settings.data_dir / "models" / "confidence.json"
        model.save(path)
        scoring.load_model.cache_clear()
        result["fitted"] = str(path)
    if ctx.options.get("write_thresholds"):
        import json

        from app.settings import write_home_setting

        tuned = {k: round(v, 4) for k, v in result["intent_thresholds"].items()
                 if v is not None}
        result["written"] = str(write_home_setting(ctx.settings.home, "intent_thresholds",
                                                   json.dumps(tuned)))
    return result


SUITES: dict[str, Callable[[SuiteContext], dict[str, Any]]] = {
    "retrieval": retrieval_suite,
    "intent": intent_suite,
    "replies": replies_suite,
    "calibration": calibration_suite,
}
