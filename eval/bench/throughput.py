"""Throughput of message -> decision (no LLM) with 2 concurrent worker processes.

Processes, not threads: the pipeline is mostly Python, and threads would share one GIL.
Each worker pins itself to the benchmark's cores, loads the models, then waits at a
barrier so that both start timing together; each sends its own half of the messages
as its own conversations into the same sandboxed KEFU_HOME (SQLite in WAL mode), or
into one PostgreSQL database (``database_url``), as scaled-out workers do.
Throughput = all messages / wall time from the barrier to the last worker's end.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import time
from collections.abc import Sequence
from typing import Any

from eval.bench.messages import Message

WORKERS = 2
CORES = 2


def _pin(cores: int) -> list[int]:
    if not hasattr(os, "sched_setaffinity"):
        return []
    allowed = sorted(os.sched_getaffinity(0))[:cores]
    os.sched_setaffinity(0, allowed)
    return allowed


def _worker(home: str, where: dict[str, str | None], messages: list[Message], worker: int,
            barrier: Any, results: Any) -> None:
    """Runs in a spawned child: nothing of the parent's models or connections is shared."""
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = "1"  # two busy processes on two cores: no thread oversubscription
    cores = _pin(CORES)
    from pathlib import Path

    from app.assist.service import assist_once
    from app.runtime import Runtime
    from app.settings import get_settings
    from eval.bench.messages import warmup

    rt = Runtime(get_settings().model_copy(update={"home": Path(home), **where}))

    def send(m: Message, label: str) -> None:
        assist_once(rt, customer_id=m.customer_id, text=m.text, label=label,
                    channel=m.channel)

    for n, m in enumerate(warmup(messages)):
        send(m, f"tp-warm-{worker}-{n}")
    barrier.wait()
    start = time.monotonic()
    for n, m in enumerate(messages):
        send(m, f"tp-{worker}-{n}")
    results.put({"worker": worker, "start": start, "end": time.monotonic(),
                 "messages": len(messages), "cores": cores})


def _collect(results: Any, procs: list[Any]) -> list[dict[str, Any]]:
    """Wait for every worker's figures; a worker that died fails the measurement now
    instead of leaving the parent waiting for a result that will never come."""
    done: list[dict[str, Any]] = []
    while len(done) < len(procs):
        try:
            done.append(results.get(timeout=2))
        except queue.Empty:
            dead = [p.exitcode for p in procs if p.exitcode not in (None, 0)]
            if dead:
                raise RuntimeError(f"a throughput worker exited with status {dead[0]}") from None
    return done


def measure(home: str | Sequence[str], messages: list[Message], workers: int = WORKERS, *,
            database_url: str | None = None, search_backend: str | None = None,
            ) -> dict[str, Any]:
    """Messages per second of ``workers`` processes over ``messages`` split between them.

    One ``home`` is shared by all workers, as by the service's processes; a list gives
    each worker its own (a diagnostic: what the shared database's write lock costs).
    ``database_url``: the PostgreSQL database every worker shares instead of the home's
    SQLite file (with ``search_backend`` ``pgvector``, its index too).
    """
    where: dict[str, str | None] = {"database_url": database_url}
    if search_backend:
        where["search_backend"] = search_backend
    homes = [home] * workers if isinstance(home, str) else list(home)
    workers = len(homes)
    ctx = mp.get_context("spawn")  # fork after torch/faiss initialisation can deadlock
    barrier = ctx.Barrier(workers)
    results = ctx.Queue()
    parts = [messages[w::workers] for w in range(workers)]
    procs = [ctx.Process(target=_worker, args=(homes[w], where, parts[w], w, barrier,
                                                    results))
             for w in range(workers)]
    for p in procs:
        p.start()
    try:
        done = _collect(results, procs)
    finally:
        for p in procs:
            p.join(timeout=60)
            if p.is_alive():
                p.terminate()
    wall = max(d["end"] for d in done) - min(d["start"] for d in done)
    total = sum(d["messages"] for d in done)
    return {"workers": workers, "cores": done[0]["cores"], "messages": total,
            "wall_s": round(wall, 2), "messages_per_s": round(total / wall, 1),
            "per_worker_messages_per_s": [round(d["messages"] / (d["end"] - d["start"]), 1)
                                          for d in sorted(done, key=lambda d: d["worker"])]}
