"""`--sample N`: a seeded sample stratified by language and intent, recorded in the run.

Each stratum (e.g. ``en/track_order``) keeps its share of the population, rounded by
largest remainders, so a sample holds both languages and the intents in the proportions
of the whole set (a stratum smaller than one share may get none). The same N, seed and
data give the same sample on any machine; the population's order is kept, so
scenarios that share a store run in their usual order.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """How many items each stratum gives to a sample of ``n`` (proportional)."""
    total = sum(sizes.values())
    if n >= total:
        return dict(sizes)
    exact = {k: n * size / total for k, size in sizes.items()}
    counts = {k: int(v) for k, v in exact.items()}
    # the remainder goes to the largest fractions; ties to the larger stratum, then name
    order = sorted(sizes, key=lambda k: (-(exact[k] - counts[k]), -sizes[k], k))
    for k in order[: n - sum(counts.values())]:
        counts[k] += 1
    return counts


def stratified(items: Sequence[T], n: int | None, key: Callable[[T], str],
               seed: int = 0) -> tuple[list[T], dict[str, Any] | None]:
    """(the sample, its record); everything and None when ``n`` is None, 0 or too big."""
    if not n or n >= len(items):
        return list(items), None
    strata: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        strata.setdefault(key(item), []).append(i)
    counts = allocate({k: len(v) for k, v in strata.items()}, n)
    rng = random.Random(seed)
    chosen: set[int] = set()
    for name in sorted(strata):
        chosen.update(rng.sample(strata[name], counts[name]))
    picked = [items[i] for i in sorted(chosen)]
    record = {"n": len(picked), "of": len(items), "seed": seed,
              "strata": {k: c for k, c in sorted(counts.items()) if c}}
    return picked, record


def scenario_stratum(scenario: dict[str, Any]) -> str:
    """language/intent of a scenario's first turn (hand-off when that is what it tests)."""
    first = (scenario.get("turns") or [{}])[0].get("expect", {})
    intent = first.get("intent") or ("handoff" if first.get("handoff") else None)
    tags = scenario.get("tags") or ["-"]
    return f"{scenario.get('language', '')}/{intent or tags[0]}"
