"""Retrieval suite: recall@1/5/10, MRR and nDCG@10 per language and kind, per mode.

A hit list is reduced to documents (first chunk of each document counts). A
cross-lingual query searches the language its relevant articles are written in,
as when a policy exists only in the other language.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.metrics import hit_at, mean, ndcg_at, reciprocal_rank
from retrieval.hybrid import HybridIndex, Mode

MODES: tuple[Mode, ...] = ("dense", "lexical", "hybrid")
DEPTH = 40  # chunks fetched, enough for 10 distinct documents


@dataclass(frozen=True)
class GoldenQuery:
    query: str
    language: str
    relevant: list[str]
    kind: str

    @property
    def target_language(self) -> str:
        return self.relevant[0].rsplit("-", 1)[-1] if self.kind == "cross" else self.language


def load_golden(path: Path) -> list[GoldenQuery]:
    queries = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            queries.append(GoldenQuery(row["query"], row["language"], list(row["relevant"]),
                                       row.get("kind", "same")))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{n}: bad golden query: {exc}") from exc
    return queries


def ranked_docs(index: HybridIndex, q: GoldenQuery, mode: Mode) -> list[str]:
    hits = index.search(q.query, k=DEPTH, mode=mode, languages=[q.target_language])
    seen: list[str] = []
    for hit in hits:
        if hit.doc_id not in seen:
            seen.append(hit.doc_id)
    return seen


def _scores(ranked: list[str], q: GoldenQuery) -> dict[str, float]:
    rel = set(q.relevant)
    return {"recall@1": hit_at(ranked, rel, 1), "recall@5": hit_at(ranked, rel, 5),
            "recall@10": hit_at(ranked, rel, 10), "mrr": reciprocal_rank(ranked, rel),
            "ndcg@10": ndcg_at(ranked, q.relevant, 10)}


def _aggregate(rows: Iterable[dict[str, float]]) -> dict[str, float]:
    rows = list(rows)
    keys = ("recall@1", "recall@5", "recall@10", "mrr", "ndcg@10")
    return {k: round(mean([r[k] for r in rows]), 4) for k in keys} | {"n": len(rows)}


def evaluate(index: HybridIndex, queries: list[GoldenQuery],
             progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Metrics by mode, overall and by (language, kind); plus the worst misses."""
    out: dict[str, Any] = {"modes": {}, "failures": []}
    for mode in MODES:
        per_query = []
        for q in queries:
            ranked = ranked_docs(index, q, mode)
            per_query.append((q, ranked, _scores(ranked, q)))
            if progress:
                progress(1)
        groups: dict[str, list[dict[str, float]]] = {}
        for q, _, s in per_query:
            groups.setdefault(f"{q.language}/{q.kind}", []).append(s)
        out["modes"][mode] = {"overall": _aggregate(s for _, _, s in per_query),
                              "by_group": {g: _aggregate(v) for g, v in sorted(groups.items())}}
        if mode == "hybrid":
            out["failures"] = [
                {"query": q.query, "language": q.language, "kind": q.kind,
                 "relevant": q.relevant, "got": ranked[:5]}
                for q, ranked, s in per_query if s["recall@5"] < 1.0]
            out["_cases"] = [{"id": f"retrieval:{q.language}:{q.query}", "text": q.query,
                              "pass": s["recall@5"] >= 1.0, "detail": ranked[:5]}
                             for q, ranked, s in per_query]
    return out
