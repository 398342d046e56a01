"""Search-index backends by name: ``faiss`` (the index folder, the default) and
``pgvector`` (PostgreSQL, shared by every process). Tests register fakes the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from retrieval.embedders import Embedder
from retrieval.errors import RetrievalError
from retrieval.index import SearchIndex
from retrieval.persist import Layout

DEFAULT_BACKEND = "faiss"


class IndexFactory(Protocol):
    def __call__(self, *, embedder: Embedder, folder: Path | None, url: str | None,
                 layout: Layout | None) -> SearchIndex: ...


INDEX_BACKENDS: dict[str, IndexFactory] = {}


def register(name: str, factory: IndexFactory) -> None:
    INDEX_BACKENDS[name] = factory


def make_index(name: str = DEFAULT_BACKEND, *, embedder: Embedder, folder: Path | None = None,
               url: str | None = None, layout: Layout | None = None) -> SearchIndex:
    """``folder`` is where a file-based backend keeps its files, ``url`` a database URI;
    each backend says which one it needs."""
    try:
        factory = INDEX_BACKENDS[name]
    except KeyError as exc:
        raise RetrievalError(f"unknown search backend {name!r}; known: "
                             f"{', '.join(sorted(INDEX_BACKENDS))}") from exc
    return factory(embedder=embedder, folder=folder, url=url, layout=layout)


def _faiss(*, embedder: Embedder, folder: Path | None, url: str | None,
           layout: Layout | None) -> SearchIndex:
    from retrieval.hybrid import HybridIndex

    if folder is None:
        raise RetrievalError("the faiss search backend needs an index folder")
    return HybridIndex(folder, embedder, layout=layout)


def _pgvector(*, embedder: Embedder, folder: Path | None, url: str | None,
              layout: Layout | None) -> SearchIndex:
    # imported here so that psycopg is only loaded where PostgreSQL is used
    from retrieval.pgvector_index import PgVectorIndex

    if not url or not url.startswith(("postgresql", "postgres")):
        raise RetrievalError("the pgvector search backend needs a postgresql:// URL "
                             f"(got {url or 'none'})")
    return PgVectorIndex(url, embedder)


register("faiss", _faiss)
register("pgvector", _pgvector)
