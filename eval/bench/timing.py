"""Timing helpers."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np


def stats_ms(samples_s: Iterable[float]) -> dict[str, float]:
    ms = np.asarray(list(samples_s), dtype=np.float64) * 1000
    return {"min_ms": round(float(ms.min()), 3), "p50_ms": round(float(np.median(ms)), 3),
            "p99_ms": round(float(np.percentile(ms, 99)), 3), "n": int(ms.size)}


def time_each(fn: Callable[[Any], object], items: Iterable[Any], warmup: int = 3
              ) -> dict[str, float]:
    items = list(items)
    for item in items[:warmup]:
        fn(item)
    samples = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        samples.append(time.perf_counter() - start)
    return stats_ms(samples)
