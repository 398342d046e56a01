"""The ways a shopper writes the shop's own name: the policy's ``store_name`` and the
starts of it ("轮语骑行" of "轮语骑行户外", "Spokeline Cycling" of "Spokeline Cycling &
Outdoor"), which name no product of the shop."""

from __future__ import annotations

from functools import lru_cache

from app.store.product_attributes import CJK

MIN_NAME_CHARS = 4  # a shorter start of the name ("轮语") may be any word


@lru_cache(maxsize=16)
def name_variants(names: tuple[str, ...]) -> tuple[str, ...]:
    """Each name and the starts of it a shopper writes ("轮语骑行" of "轮语骑行户外",
    "Spokeline Cycling" of "Spokeline Cycling & Outdoor"), longest first; worked out once
    per set of names, not on every message."""
    found: set[str] = set()
    for name in names:
        if CJK.search(name):
            found.update(name[:end] for end in range(MIN_NAME_CHARS, len(name) + 1))
        else:
            words = name.split()
            found.update(" ".join(words[:end]) for end in range(2, len(words) + 1))
    return tuple(sorted(found, key=len, reverse=True))
