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


SUITES: dict[str, Callable[[SuiteContext], dict[str, Any]]] = {
    "retrieval": retrieval_suite,
    "intent": intent_suite,
}
