"""Vector search at 10k, 100k and 1M chunks on synthetic clustered vectors."""

from __future__ import annotations

import time
from typing import Any

import faiss
import numpy as np

from eval.bench.timing import time_each
from retrieval.vectors import INDEXES

DIM = 512


def synthetic(n: int, rng: np.random.Generator, centers: int = 2000) -> np.ndarray:
    """Clustered unit vectors: real embeddings cluster by topic, uniform noise does not."""
    middles = rng.standard_normal((centers, DIM), dtype=np.float32)
    x = middles[rng.integers(0, centers, n)]
    x += 0.6 * rng.standard_normal((n, DIM), dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def bench_size(n: int, kind: str, queries: int = 200) -> dict[str, Any]:
    rng = np.random.default_rng(n)
    x = synthetic(n, rng)
    index = INDEXES[kind](DIM)
    start = time.perf_counter()
    index.add(np.arange(n, dtype=np.int64), x)
    build_s = time.perf_counter() - start
    q = x[rng.choice(n, queries)] + 0.05 * rng.standard_normal((queries, DIM), dtype=np.float32)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    faiss.omp_set_num_threads(1)  # one query per request thread, as in the service
    latency = time_each(lambda v: index.search(v, 10), list(q))
    exact = faiss.IndexFlatIP(DIM)
    exact.add(x)
    _, truth = exact.search(q[:50], 10)
    found = [index.search(q[i], 10)[1] for i in range(50)]
    recall = float(np.mean([len(set(found[i]) & set(truth[i])) / 10 for i in range(50)]))
    memory = int(faiss.serialize_index(getattr(index, "_index")).nbytes)  # noqa: B009
    faiss.omp_set_num_threads(2)
    return {"chunks": n, "index": kind, "build_s": round(build_s, 2), **latency,
            "recall_at_10": round(recall, 4), "index_memory_mb": round(memory / 2**20, 1)}


def run(full: bool) -> list[dict[str, Any]]:
    sizes = [(10_000, "flat"), (100_000, "flat"), (100_000, "ivf")]
    if full:
        sizes.append((1_000_000, "ivf"))
    return [bench_size(n, kind) for n, kind in sizes]
