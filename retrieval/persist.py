"""Saving and loading the FAISS vectors of the knowledge namespace.

The vector file carries the chunk store's generation beside it; a file from another
generation (a crash between the two writes, another process's update) is rebuilt
from the vectors kept in the chunk store, so the two can never silently disagree.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from retrieval.store import ChunkStore
from retrieval.vectors import INDEXES, VectorIndex
from retrieval.vectors.flat import FlatIndex
from retrieval.vectors.hnsw import HNSWIndex

log = logging.getLogger(__name__)

KB = "kb"
VECTORS = "vectors.faiss"
SIDECAR = "vectors.json"


def _kind_for(count: int, hnsw_threshold: int) -> str:
    return "hnsw" if count > hnsw_threshold else "flat"


def build(store: ChunkStore, *, dim: int, hnsw_threshold: int) -> VectorIndex:
    ids, matrix = store.vectors(namespace=KB, dim=dim)
    index = INDEXES[_kind_for(len(ids), hnsw_threshold)](dim)
    index.add(ids, matrix)
    return index


def load_vectors(folder: Path, store: ChunkStore, *, dim: int,
                 hnsw_threshold: int) -> tuple[VectorIndex, int]:
    generation = store.generation
    sidecar = folder / SIDECAR
    try:
        info = json.loads(sidecar.read_text())
        if info["generation"] == generation and info["dim"] == dim:
            loader = HNSWIndex.load if info["kind"] == "hnsw" else FlatIndex.load
            index: VectorIndex = loader(folder / VECTORS)
            if len(index) == store.count(KB):
                return index, generation
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        log.debug("vector file unusable (%s); rebuilding", exc)
    if store.count(KB):
        log.info("rebuilding vector index from the chunk store (generation %d)", generation)
    index = build(store, dim=dim, hnsw_threshold=hnsw_threshold)
    _write(folder, index, generation, dim)
    return index, generation


def save_vectors(folder: Path, store: ChunkStore, index: VectorIndex, *, dim: int,
                 hnsw_threshold: int) -> tuple[VectorIndex, int]:
    """Persist after a change; switches flat<->HNSW or compacts tombstones when due."""
    wanted = _kind_for(len(index), hnsw_threshold)
    stale = isinstance(index, HNSWIndex) and index.needs_rebuild
    if getattr(index, "kind", wanted) != wanted or stale:
        index = build(store, dim=dim, hnsw_threshold=hnsw_threshold)
    generation = store.generation
    _write(folder, index, generation, dim)
    return index, generation


def _write(folder: Path, index: VectorIndex, generation: int, dim: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"{VECTORS}.{os.getpid()}.tmp"
    index.save(tmp)
    os.replace(tmp, folder / VECTORS)
    tomb = tmp.with_suffix(".tombstones.json")
    if tomb.exists():
        os.replace(tomb, (folder / VECTORS).with_suffix(".tombstones.json"))
    info = {"generation": generation, "dim": dim, "kind": getattr(index, "kind", "flat"),
            "count": len(index)}
    (folder / f"{SIDECAR}.tmp").write_text(json.dumps(info))
    os.replace(folder / f"{SIDECAR}.tmp", folder / SIDECAR)


__all__ = ["build", "load_vectors", "save_vectors"]
