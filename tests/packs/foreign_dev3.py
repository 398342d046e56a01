"""Loaders and helpers for the tests of the third Spokeline development round
(data/foreign/dev3, dialogues only). Pure Python, no Kefu imports; the record helpers are
the dev2 ones.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache

from tests.packs.foreign_dev2 import ROOT, load

DEV3 = ROOT / "dev3"
EARLIER = (  # the files no dev3 message may be copied from (dev set and dev2)
    "dialogues.jsonl",
    "scenarios.jsonl",
    "dev2/dialogues.jsonl",
    "dev2/scenarios.jsonl",
)


def rows():
    return load("dev3/dialogues.jsonl")


def turns():
    return [(c, i, t) for c in rows() for i, t in enumerate(c["turns"])]


def dev2_intents() -> set[str]:
    return {
        t["expect"]["intent"]
        for kind in ("dialogues", "scenarios")
        for c in load(f"dev2/{kind}.jsonl")
        for t in c["turns"]
    }


@cache
def heldout_texts() -> tuple[str, ...]:
    """Shopper messages of the held-out files, only to assert that dev3 shares none."""
    out = []
    for path in sorted((ROOT / "heldout").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out += [t["text"] for t in json.loads(line).get("turns", [])]
    return tuple(out)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s).lower()).strip()


def grams(s: str) -> set[str]:
    """24-character runs, and 10-character runs with at least 6 Chinese characters."""
    s = re.sub(r"\d+", "#", norm(s))
    out = {s[i : i + 24] for i in range(len(s) - 23)}
    cjk = {s[i : i + 10] for i in range(len(s) - 9)}
    return out | {g for g in cjk if len(re.findall(r"[\u4e00-\u9fff]", g)) >= 6}
