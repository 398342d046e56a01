"""Distinct benchmark messages: every scenario turn (with its shopper) and every golden
retrieval query (sent by a scenario shopper of its language).

Distinct texts matter: the query-embedding cache would otherwise answer repeats and
the figures would measure a dictionary lookup instead of the embedder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Message:
    customer_id: str
    text: str
    language: str
    channel: str = "web"


def _jsonl(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def load(data_dir: Path) -> list[Message]:
    out: list[Message] = []
    for scenario in _jsonl(data_dir / "scenarios" / "scenarios.jsonl"):
        for turn in scenario["turns"]:  # type: ignore[attr-defined]
            out.append(Message(str(scenario["customer_id"]), str(turn["text"]),
                               str(scenario.get("language", "en")),
                               str(scenario.get("channel", "web"))))
    shopper = {m.language: m.customer_id for m in reversed(out)}
    for row in _jsonl(data_dir / "golden" / "retrieval.jsonl"):
        lang = str(row["language"])
        who = shopper.get(lang) or next(iter(shopper.values()), None)
        if who is not None:
            out.append(Message(who, str(row["query"]), lang))
    seen: set[str] = set()
    unique = []
    for m in out:
        if m.text not in seen:
            seen.add(m.text)
            unique.append(m)
    return unique


def queries(data_dir: Path) -> list[str]:
    """The golden retrieval queries alone: distinct search strings."""
    return list(dict.fromkeys(str(r["query"])
                              for r in _jsonl(data_dir / "golden" / "retrieval.jsonl")))


def warmup(sample: list[Message]) -> list[Message]:
    """Untimed messages that load the models: one per language, by a sample's shopper."""
    shopper = {m.language: m.customer_id for m in sample}
    texts = {"en": "warm up the models", "zh": "预热一下"}
    return [Message(cid, texts.get(lang, "warm up"), lang) for lang, cid in shopper.items()]
