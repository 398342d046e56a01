"""Latency suite: message -> decision without an LLM, over every turn of the scenario set.

Timed per turn around the whole `assist` call, its database transaction included, as a
shopper waits for it. A few untimed messages first load the models and warm the caches.
In `kefu eval all` the turns are timed in the scenario pass the replies and calibration
suites share (eval/scenario_pass.py), warmed up by turns that are rolled back.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np

from app.assist.service import assist_once
from app.runtime import Runtime

WARMUP = ("where is my order?", "我的快递到哪了", "how do returns work", "可以开发票吗")


def _stats(ms: list[float]) -> dict[str, float]:
    a = np.asarray(ms, dtype=np.float64)
    return {"n": int(a.size), "min_ms": round(float(a.min()), 2),
            "p50_ms": round(float(np.median(a)), 2),
            "p90_ms": round(float(np.percentile(a, 90)), 2),
            "p99_ms": round(float(np.percentile(a, 99)), 2),
            "mean_ms": round(float(a.mean()), 2), "max_ms": round(float(a.max()), 2)}


def _one(rt: Runtime, customer: str, text: str, label: str, channel: str) -> float:
    start = time.perf_counter()
    assist_once(rt, customer_id=customer, text=text, label=label, channel=channel)
    return (time.perf_counter() - start) * 1000


def run(rt: Runtime, scenarios: list[dict[str, Any]],
        progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    shoppers = [s["customer_id"] for s in scenarios[:2]]
    for n, text in enumerate(WARMUP if shoppers else ()):
        _one(rt, shoppers[n % len(shoppers)], text, f"latency-warmup-{n}", "web")
    samples: list[tuple[str, str, float]] = []
    for scenario in scenarios:
        for turn in scenario["turns"]:
            ms = _one(rt, scenario["customer_id"], turn["text"],
                      f"latency:{scenario['id']}", scenario.get("channel", "web"))
            samples.append((scenario.get("language", ""), turn["text"], ms))
            if progress:
                progress(1)
    return summarise(samples)


def summarise(samples: list[tuple[str, str, float]]) -> dict[str, Any]:
    """Percentiles overall and per language, the slowest turns; ``samples`` are
    (language, text, ms) per turn."""
    if not samples:
        return {"messages": 0}
    all_ms = [ms for _, _, ms in samples]
    slowest = sorted(samples, key=lambda s: -s[2])[:10]
    return {
        "messages": len(samples), **_stats(all_ms),
        "messages_per_s_serial": round(1000 / float(np.mean(all_ms)), 1),
        "by_language": {lang: _stats([ms for lg, _, ms in samples if lg == lang])
                        for lang in sorted({lg for lg, _, _ in samples})},
        "slowest": [{"language": lg, "text": t, "ms": round(ms, 2)} for lg, t, ms in slowest],
        "_samples_ms": all_ms,
    }
