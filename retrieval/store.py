"""Chunk store: documents, chunks, their token lists and vectors, in SQLite.

It is the source of truth of the index folder; the FAISS file is a cache of its
vectors and is rebuilt from here whenever the two disagree.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

SCHEMA = """
CREATE TABLE IF NOT EXISTS doc (
    doc_id TEXT PRIMARY KEY, namespace TEXT NOT NULL, content_hash TEXT NOT NULL,
    title TEXT NOT NULL, layer TEXT NOT NULL, language TEXT NOT NULL, source TEXT NOT NULL,
    customer_id TEXT, meta TEXT NOT NULL DEFAULT '{}');
CREATE INDEX IF NOT EXISTS ix_doc_customer ON doc(customer_id);
CREATE TABLE IF NOT EXISTS chunk (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES doc(doc_id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, section TEXT NOT NULL, text TEXT NOT NULL,
    tokens TEXT NOT NULL, vector BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS ix_chunk_doc ON chunk(doc_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class ChunkRow:
    id: int
    doc_id: str
    namespace: str
    ord: int
    section: str
    text: str
    title: str
    layer: str
    language: str
    source: str
    customer_id: str | None

    @property
    def hit_id(self) -> str:
        return f"{self.namespace}:{self.doc_id}#{self.ord}"


_ROW_SQL = ("SELECT c.id, c.doc_id, d.namespace, c.ord, c.section, c.text, d.title, d.layer, "
            "d.language, d.source, d.customer_id FROM chunk c JOIN doc d USING (doc_id)")


class ChunkStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30,
                                   isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # as the service's database: WAL survives a killed process without an fsync per
        # commit (a bulk order import commits once per batch)
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(SCHEMA)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    @property
    def generation(self) -> int:
        """The knowledge namespace's generation: the FAISS file and BM25 cache are built
        from it. Per-customer records are read from here at each search and have none,
        so importing orders never invalidates (or rewrites) the knowledge vectors."""
        return int(self.get_meta("generation", "0") or 0)

    def bump_generation(self, conn: sqlite3.Connection) -> None:
        self.set_meta(conn, "generation", str(self.generation + 1))

    def namespace_of(self, doc_id: str) -> str | None:
        row = self._db.execute("SELECT namespace FROM doc WHERE doc_id = ?",
                               (doc_id,)).fetchone()
        return row[0] if row else None

    def doc_hash(self, doc_id: str) -> str | None:
        row = self._db.execute("SELECT content_hash FROM doc WHERE doc_id = ?",
                               (doc_id,)).fetchone()
        return row[0] if row else None

    def doc_ids(self, namespace: str | None = None) -> list[str]:
        sql, args = "SELECT doc_id FROM doc", []
        if namespace:
            sql, args = sql + " WHERE namespace = ?", [namespace]
        return [r[0] for r in self._db.execute(sql, args)]

    def doc_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """Stored content hash by doc id, for those of ``doc_ids`` that are stored."""
        out: dict[str, str] = {}
        for part in _parts(list(doc_ids)):
            out.update(self._db.execute(
                f"SELECT doc_id, content_hash FROM doc WHERE doc_id IN ({_marks(part)})",
                part).fetchall())
        return out

    def chunk_ids(self, conn: sqlite3.Connection, doc_id: str) -> list[int]:
        return [r[0] for r in conn.execute("SELECT id FROM chunk WHERE doc_id = ?", (doc_id,))]

    def chunk_ids_of(self, conn: sqlite3.Connection, doc_ids: list[str]) -> list[int]:
        out: list[int] = []
        for part in _parts(doc_ids):
            out += [r[0] for r in conn.execute(
                f"SELECT id FROM chunk WHERE doc_id IN ({_marks(part)})", part)]
        return out

    def replace_docs(self, conn: sqlite3.Connection, docs: list[dict[str, Any]],
                     chunks: list[tuple[str, int, str, str, list[str], np.ndarray]]) -> list[int]:
        """Swap whole documents and their chunks ``(doc_id, ord, section, text, tokens,
        vector)`` in one batch; returns the new chunk ids, in ``chunks`` order."""
        for part in _parts([d["doc_id"] for d in docs]):
            conn.execute(f"DELETE FROM doc WHERE doc_id IN ({_marks(part)})", part)
        conn.executemany(
            "INSERT INTO doc VALUES (:doc_id, :namespace, :content_hash, :title, :layer, "
            ":language, :source, :customer_id, :meta)",
            [{**d, "meta": json.dumps(d["meta"], ensure_ascii=False) if d.get("meta") else "{}"}
             for d in docs])
        # Ids are handed out here rather than read back row by row, so the chunks go in
        # with one executemany; the caller holds the write lock (BEGIN IMMEDIATE).
        row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'chunk'").fetchone()
        top = conn.execute("SELECT COALESCE(MAX(id), 0) FROM chunk").fetchone()[0]
        first = max(int(row[0]) if row else 0, int(top)) + 1
        new_ids = list(range(first, first + len(chunks)))
        conn.executemany(
            "INSERT INTO chunk (id, doc_id, ord, section, text, tokens, vector) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(cid, doc_id, ord_, section, text, json.dumps(tokens, ensure_ascii=False),
              np.asarray(vector, dtype=np.float32).tobytes())
             for cid, (doc_id, ord_, section, text, tokens, vector)
             in zip(new_ids, chunks, strict=True)])
        return new_ids

    def delete_doc(self, conn: sqlite3.Connection, doc_id: str) -> list[int]:
        old = self.chunk_ids(conn, doc_id)
        conn.execute("DELETE FROM doc WHERE doc_id = ?", (doc_id,))
        return old

    def rows(self, ids: Iterable[int]) -> dict[int, ChunkRow]:
        out: dict[int, ChunkRow] = {}
        id_list = [int(i) for i in ids]
        for start in range(0, len(id_list), 500):
            part = id_list[start : start + 500]
            sql = f"{_ROW_SQL} WHERE c.id IN ({','.join('?' * len(part))})"
            out.update({r[0]: ChunkRow(*r) for r in self._db.execute(sql, part)})
        return out

    def select_ids(self, *, namespace: str, layers: Iterable[str] | None = None,
                   languages: Iterable[str] | None = None, doc_ids: Iterable[str] | None = None,
                   customer_id: str | None = None) -> set[int]:
        sql = "SELECT c.id FROM chunk c JOIN doc d USING (doc_id) WHERE d.namespace = ?"
        args: list[Any] = [namespace]
        for column, values in (("d.layer", layers), ("d.language", languages),
                               ("d.doc_id", doc_ids)):
            if values is not None:
                vals = list(values)
                sql += f" AND {column} IN ({','.join('?' * len(vals))})"
                args.extend(vals)
        if customer_id is not None:
            sql += " AND d.customer_id = ?"
            args.append(customer_id)
        return {r[0] for r in self._db.execute(sql, args)}

    def vectors(self, *, namespace: str, ids: Iterable[int] | None = None,
                dim: int) -> tuple[np.ndarray, np.ndarray]:
        sql = "SELECT c.id, c.vector FROM chunk c JOIN doc d USING (doc_id) WHERE d.namespace = ?"
        args: list[Any] = [namespace]
        if ids is not None:
            id_list = list(ids)
            sql += f" AND c.id IN ({','.join('?' * len(id_list))})" if id_list else " AND 0"
            args.extend(id_list)
        rows = self._db.execute(sql + " ORDER BY c.id", args).fetchall()
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros((0, dim), dtype=np.float32)
        ids_arr = np.array([r[0] for r in rows], dtype=np.int64)
        return ids_arr, np.vstack([np.frombuffer(r[1], dtype=np.float32) for r in rows])

    def tokens(self, *, namespace: str) -> tuple[list[int], list[list[str]]]:
        rows = self._db.execute(
            "SELECT c.id, c.tokens FROM chunk c JOIN doc d USING (doc_id) "
            "WHERE d.namespace = ? ORDER BY c.id", (namespace,)).fetchall()
        return [r[0] for r in rows], [json.loads(r[1]) for r in rows]

    def tokens_for(self, ids: Iterable[int]) -> list[list[str]]:
        """Token lists of the given chunks, in id order."""
        id_list = sorted(int(i) for i in ids)
        out: list[list[str]] = []
        for start in range(0, len(id_list), 500):
            part = id_list[start : start + 500]
            out += [json.loads(r[0]) for r in self._db.execute(
                f"SELECT tokens FROM chunk WHERE id IN ({','.join('?' * len(part))}) "
                "ORDER BY id", part)]
        return out

    def chunk_id_at(self, doc_id: str, ord_: int, namespace: str) -> int | None:
        row = self._db.execute(
            "SELECT c.id FROM chunk c JOIN doc d USING (doc_id) "
            "WHERE c.doc_id = ? AND c.ord = ? AND d.namespace = ?",
            (doc_id, ord_, namespace)).fetchone()
        return int(row[0]) if row else None

    def chunk_count(self, doc_id: str) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM chunk WHERE doc_id = ?",
                                    (doc_id,)).fetchone()[0])

    def count(self, namespace: str) -> int:
        return int(self._db.execute(
            "SELECT COUNT(*) FROM chunk c JOIN doc d USING (doc_id) WHERE d.namespace = ?",
            (namespace,)).fetchone()[0])

    def close(self) -> None:
        self._db.close()


def _parts(values: list[Any], size: int = 500) -> Iterator[list[Any]]:
    """Slices that stay under SQLite's bound-parameter limit."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _marks(values: list[Any]) -> str:
    return ",".join("?" * len(values))
