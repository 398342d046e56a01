"""The search-index seam: what the service needs from any backend, and what they share.

Backends (``retrieval.hybrid`` on FAISS + SQLite, ``retrieval.pgvector_index`` on
PostgreSQL) are chosen by name in ``retrieval.backends``; both rank the same way here,
so switching backend never changes what a hit or a score means.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np

from retrieval.documents import SourceDocument, detect_language
from retrieval.embedders import Embedder

Mode = Literal["hybrid", "dense", "lexical"]
RRF_K = 60
# scores this close (relative) rank as one: see tied_ranks
TIE_TOLERANCE = 0.02
CROSS_LEXICAL = 0.25
KB = "kb"
ORDER = "order"


@dataclass
class Hit:
    id: str
    title: str
    text: str
    score: float
    source: str
    layer: str
    language: str
    section: str
    doc_id: str
    dense_score: float | None = None
    lexical_score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IngestCounts:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    deleted: int = 0
    chunks: int = 0


@runtime_checkable
class SearchIndex(Protocol):
    """Chunks of documents, searchable by meaning and by words, kept up to date."""

    @property
    def embedder(self) -> Embedder: ...

    def upsert(self, docs: Sequence[SourceDocument], *, namespace: str = KB,
               progress: Callable[[int], None] | None = None) -> IngestCounts:
        """Add or replace documents; unchanged ones (same content hash) cost nothing."""
        ...

    def delete(self, doc_ids: Iterable[str]) -> int: ...

    def doc_hash(self, doc_id: str) -> str | None: ...

    def chunk_count(self, doc_id: str) -> int: ...

    def passage(self, doc_id: str, ord: int) -> Hit | None:
        """One knowledge chunk by the place a citation names (``kb:DOC#ORD``), score 0."""
        ...

    def search(self, query: str, *, k: int = 5, mode: Mode = "hybrid",
               layers: Iterable[str] | None = None, languages: Iterable[str] | None = None,
               doc_ids: Iterable[str] | None = None,
               query_vector: np.ndarray | None = None) -> list[Hit]:
        """Knowledge chunks (namespace ``kb``); ``query_vector`` is the query already
        embedded by this index's embedder."""
        ...

    def search_customer(self, query: str, *, customer_id: str, namespace: str = ORDER,
                        k: int = 5) -> list[Hit]:
        """One customer's records only: nobody else's can ever be returned."""
        ...

    def refresh(self) -> None:
        """Make changes written by other processes visible (a no-op where always so)."""
        ...

    def close(self) -> None: ...

    def __len__(self) -> int:
        """Knowledge chunks indexed."""
        ...


def tied_ranks(scores: dict[int, float]) -> dict[int, int]:
    """Each id's rank in a ranking given in order with its scores; a score within
    TIE_TOLERANCE of the first of its group shares that rank. Rows of one table match a
    question's product names equally well: their lexical order by a few characters of
    length is noise, and must not outvote what the vectors tell apart."""
    ranks: dict[int, int] = {}
    leader: float | None = None
    leader_rank = 0
    for position, (chunk_id, score) in enumerate(scores.items()):
        if leader is None or abs(leader - score) > TIE_TOLERANCE * abs(leader):
            leader, leader_rank = score, position
        ranks[chunk_id] = leader_rank
    return ranks


def fuse(rankings: Sequence[dict[int, int]], weights: Sequence[float]) -> dict[int, float]:
    """Reciprocal-rank fusion of rankings (id -> rank), scaled so 1.0 means first in every
    ranking."""
    best = sum(w / (RRF_K + 1) for w in weights)
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for chunk_id, rank in ranking.items():
            fused[chunk_id] = fused.get(chunk_id, 0.0) + weight / (RRF_K + rank + 1)
    return {cid: score / best for cid, score in fused.items()}


def top_fused(dense: dict[int, float], lexical: dict[int, float], k: int,
              lexical_weight: float = 1.0) -> list[tuple[int, float]]:
    """The ``k`` best chunk ids by fused rank; each ranking is a dict in rank order."""
    pairs = [(tied_ranks(r), w) for r, w in ((dense, 1.0), (lexical, lexical_weight)) if r]
    if not pairs:
        return []
    fused = fuse([p[0] for p in pairs], [p[1] for p in pairs])
    # equal fused ranks: the closer meaning first
    top = sorted(fused, key=lambda cid: (round(fused[cid], 9), dense.get(cid, -1.0)),
                 reverse=True)[:k]
    return [(cid, fused[cid]) for cid in top]


def lexical_weight(query: str, languages: Iterable[str] | None) -> float:
    # Words rarely match across languages, so a cross-lingual query leans on vectors.
    cross = languages is not None and detect_language(query) not in set(languages)
    return CROSS_LEXICAL if cross else 1.0


def make_hit(*, hit_id: str, row: dict[str, Any], score: float, dense: float | None,
             lexical: float | None) -> Hit:
    return Hit(id=hit_id, title=row["title"], text=row["text"], score=round(score, 4),
               source=row["source"], layer=row["layer"], language=row["language"],
               section=row["section"], doc_id=row["doc_id"],
               dense_score=None if dense is None else round(dense, 4),
               lexical_score=None if lexical is None else round(lexical, 4))
