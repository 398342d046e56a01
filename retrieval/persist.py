"""Saving and loading the FAISS vectors of the knowledge namespace.

The vector file carries the chunk store's generation beside it; a file from another
generation (a crash between the two writes, another process's update) is rebuilt
from the vectors kept in the chunk store, so the two can never silently disagree.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from retrieval.store import ChunkStore
from retrieval.vectors import INDEXES, VectorIndex
from retrieval.vectors.hnsw import HNSWIndex

log = logging.getLogger(__name__)

KB = "kb"
VECTORS = "vectors.faiss"
SIDECAR = "vectors.json"
_TEMPORARY = re.compile(r"\.(\d+)\.(?:tmp|tombstones\.json)$")


@dataclass(frozen=True)
class Layout:
    """Exact flat search up to ``threshold`` vectors, the ``large`` kind above it."""

    threshold: int = 50_000
    large: str = "ivf"

    def kind_for(self, count: int) -> str:
        return self.large if count > self.threshold else "flat"


def build(store: ChunkStore, *, dim: int, layout: Layout) -> VectorIndex:
    ids, matrix = store.vectors(namespace=KB, dim=dim)
    index = INDEXES[layout.kind_for(len(ids))](dim)
    index.add(ids, matrix)
    return index


def load_vectors(folder: Path, store: ChunkStore, *, dim: int,
                 layout: Layout) -> tuple[VectorIndex, int]:
    generation = store.generation
    sidecar = folder / SIDECAR
    try:
        info = json.loads(sidecar.read_text())
        if info["generation"] == generation and info["dim"] == dim:
            index = INDEXES[info["kind"]].load(folder / VECTORS)
            if len(index) == store.count(KB):
                return index, generation
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        log.debug("vector file unusable (%s); rebuilding", exc)
    if store.count(KB):
        log.info("rebuilding vector index from the chunk store (generation %d)", generation)
    index = build(store, dim=dim, layout=layout)
    _write(folder, index, generation, dim)
    return index, generation


def save_vectors(folder: Path, store: ChunkStore, index: VectorIndex, *, dim: int,
                 layout: Layout) -> tuple[VectorIndex, int]:
    """Persist after a change; switches flat<->large kind or compacts tombstones when due."""
    wanted = layout.kind_for(len(index))
    stale = isinstance(index, HNSWIndex) and index.needs_rebuild
    if getattr(index, "kind", wanted) != wanted or stale:
        index = build(store, dim=dim, layout=layout)
    generation = store.generation
    _write(folder, index, generation, dim)
    return index, generation


def _write(folder: Path, index: VectorIndex, generation: int, dim: int) -> None:
    """Write aside, then rename: a reader sees the old file or the new one. A failed
    write (a full disk) leaves nothing behind; the chunk store stays the truth and the
    next start rebuilds from it."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"{VECTORS}.{os.getpid()}.tmp"
    tomb = tmp.with_suffix(".tombstones.json")
    sidecar_tmp = folder / f"{SIDECAR}.{os.getpid()}.tmp"
    try:
        index.save(tmp)
        os.replace(tmp, folder / VECTORS)
        if tomb.exists():
            os.replace(tomb, (folder / VECTORS).with_suffix(".tombstones.json"))
        info = {"generation": generation, "dim": dim, "kind": getattr(index, "kind", "flat"),
                "count": len(index)}
        sidecar_tmp.write_text(json.dumps(info))
        os.replace(sidecar_tmp, folder / SIDECAR)
    finally:
        for leftover in (tmp, tomb, sidecar_tmp):
            leftover.unlink(missing_ok=True)


def remove_stale_temporaries(folder: Path) -> int:
    """Temporary files a killed process left behind (``*.tmp`` of dead pids)."""
    count = 0
    for path in folder.iterdir() if folder.is_dir() else ():
        match = _TEMPORARY.search(path.name)
        if match and not _alive(int(match.group(1))):
            path.unlink(missing_ok=True)
            count += 1
    return count


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


__all__ = ["Layout", "build", "load_vectors", "remove_stale_temporaries", "save_vectors"]
