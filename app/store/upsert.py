"""Upserting one list of a store file, a batch of records at a time, in SQLAlchemy core.

Per batch: one read of the stored rows, validation (a partial record is completed
from its stored row first), then one statement per kind of write (new rows: one COPY
on PostgreSQL, app.store.bulk). The ORM's
per-object work (an identity map and an autoflush per order) made a 100k-order file
take minutes; plain statements keep it to seconds and stay portable (SQLite,
PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, Table, and_, bindparam, delete, select, update

from app.models._common import utcnow
from app.store.bulk import insert_rows, one_of
from app.store.id_shapes import normalise
from app.store.tables import ITEMS, ORDERS

# records per batch: big enough that statements are few, small enough that a batch's
# rows and models stay a few MB, and ``IN`` lists stay far below any database's limit
BATCH = 1000
Check = Callable[[Connection, list["Accepted"]], list[tuple["Accepted", str]]]


@dataclass(frozen=True)
class Rejection:
    section: str
    index: int | None
    record_id: str | None
    reason: str

    def __str__(self) -> str:
        where = self.section if self.index is None else f"{self.section}[{self.index}]"
        ident = f" (id {self.record_id})" if self.record_id else ""
        return f"rejected {where}{ident}: {self.reason}"


@dataclass
class SectionCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class Accepted:
    index: int
    rec: Any  # the validated schema model
    stored: dict[str, Any] | None  # the stored row, None for a new record


@dataclass
class SectionResult:
    counts: SectionCounts = field(default_factory=SectionCounts)
    rejected: list[Rejection] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)  # ids, in file order


def batches(records: Iterable[Any], size: int = BATCH) -> Iterator[list[tuple[int, Any]]]:
    numbered = enumerate(records)
    while batch := list(islice(numbered, size)):
        yield batch


def _reason(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        parts.append(f"{loc}: {err['msg']}" if loc else err["msg"])
    return "; ".join(parts)


class SectionWriter:
    """Validates and writes the records of one list; ``check`` refuses records that
    refer to something missing (an order's customer, a refund's order)."""

    def __init__(self, conn: Connection, section: str, table: Table,
                 schema: type[BaseModel], check: Check | None = None) -> None:
        self.conn, self.section, self.table = conn, section, table
        self.schema, self.check = schema, check
        self.fields = set(schema.model_fields)
        self.first_index: dict[str, int] = {}  # each accepted id: where it was first given
        self.new: set[str] = set()  # ids this import inserts
        self.result = SectionResult()
        # a table empty before the import holds only rows this import inserted, which
        # never complete a later record (see _validated): nothing to read back
        self.was_empty = conn.execute(select(table.c.id).limit(1)).first() is None

    def write(self, records: Iterable[Any]) -> SectionResult:
        for batch in batches(records):
            accepted = self._validated(batch, self._stored(batch))
            if self.check is not None and accepted:
                refused = self.check(self.conn, accepted)
                for acc, why in refused:
                    self._reject(acc.index, acc.rec.id, why)
                gone = {id(acc) for acc, _ in refused}
                accepted = [acc for acc in accepted if id(acc) not in gone]
            self._write(accepted)
        return self.result

    def _reject(self, index: int | None, record_id: str | None, reason: str) -> None:
        self.result.rejected.append(Rejection(self.section, index, record_id, reason))

    def _stored(self, batch: list[tuple[int, Any]]) -> dict[str, dict[str, Any]]:
        ids = {r["id"] for _, r in batch if isinstance(r, dict) and isinstance(r.get("id"), str)}
        if not ids or self.was_empty:
            return {}
        rows = self.conn.execute(select(self.table).where(one_of(self.conn, self.table.c.id,
                                                                     ids)))
        return {row.id: dict(row._mapping) for row in rows}

    def _validated(self, batch: list[tuple[int, Any]],
                   stored: dict[str, dict[str, Any]]) -> list[Accepted]:
        good: list[Accepted] = []
        for index, record in batch:
            if not isinstance(record, dict):
                self._reject(index, None, "record is not an object")
                continue
            rec_id = record.get("id")
            shown = rec_id if isinstance(rec_id, str) else None
            # a row this import inserted does not complete a later record: the record is
            # judged as if the file were read whole, against the rows stored before it
            row = stored.get(shown) if shown is not None and shown not in self.new else None
            # a field the record leaves out keeps its stored value: validate the record
            # completed from its row, then count only what it gave as set
            data = record if row is None else {
                **{k: v for k, v in row.items() if k in self.fields}, **record}
            try:
                rec = self.schema.model_validate(data)
            except ValidationError as exc:
                self._reject(index, shown, _reason(exc))
                continue
            if row is not None:
                rec.__pydantic_fields_set__ = rec.model_fields_set & set(record)
            first = self.first_index.get(rec.id)  # type: ignore[attr-defined]
            if first is not None:  # after validation: an invalid duplicate says what is wrong
                self._reject(index, shown, f"duplicate id, first given at index {first}")
                continue
            self.first_index[rec.id] = index  # type: ignore[attr-defined]
            if row is None:
                self.new.add(rec.id)  # type: ignore[attr-defined]
            good.append(Accepted(index, rec, row))
        return good

    def _write(self, accepted: list[Accepted]) -> None:
        counts, now = self.result.counts, utcnow()
        items = _ItemSync(self.conn) if self.table is ORDERS else None
        if items is not None:
            items.preload(acc.rec.id for acc in accepted
                          if acc.stored is not None and "items" in acc.rec.model_fields_set)
        inserts: list[dict[str, Any]] = []
        updates: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for acc in accepted:
            rec, row = acc.rec, acc.stored
            self.result.accepted.append(rec.id)
            # an explicit null clears a field: it is set, so it is dumped
            values = rec.model_dump(exclude={"id", "items"}, exclude_unset=row is not None)
            lines_changed = items is not None and items.plan(rec, row is None)
            if row is None:
                inserts.append({"id": rec.id, **values, **self._derived(rec.id, now)})
                counts.inserted += 1
                continue
            diff = {k: v for k, v in values.items() if row.get(k) != v}
            if not diff and not lines_changed:
                counts.unchanged += 1
                continue
            if "updated_at" in self.table.c:
                diff["updated_at"] = now
            updates.setdefault(tuple(sorted(diff)), []).append({"b_id": rec.id, **{
                f"v_{k}": v for k, v in diff.items()}})
            counts.updated += 1
        self._execute(inserts, updates)
        if items is not None:
            items.execute()

    def _derived(self, record_id: str, now: Any) -> dict[str, Any]:
        """Columns Kefu keeps beside a record's own fields."""
        if self.table is ORDERS:
            return {"ref_key": normalise(record_id), "updated_at": now}
        return {}

    def _execute(self, inserts: list[dict[str, Any]],
                 updates: dict[tuple[str, ...], list[dict[str, Any]]]) -> None:
        insert_rows(self.conn, self.table, inserts)
        for keys, params in updates.items():
            stmt = update(self.table).where(self.table.c.id == bindparam("b_id")).values(
                {key: bindparam(f"v_{key}") for key in keys})
            self.conn.execute(stmt, params)


class _ItemSync:
    """Makes each order's lines equal to its record's (a record without ``items``
    leaves them as they are), for a batch of orders at once."""

    COLUMNS = ("product_id", "name", "qty", "price")

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.inserts: list[dict[str, Any]] = []
        self.updates: list[dict[str, Any]] = []
        self.deletes: list[dict[str, Any]] = []
        self._current: dict[str, dict[int, dict[str, Any]]] = {}

    def plan(self, rec: Any, new: bool) -> bool:
        """Queue the writes for one order's lines; True when any line changes."""
        if "items" not in rec.model_fields_set:
            return False
        current = {} if new else dict(self._current.get(rec.id, {}))
        changed = False
        for line, item in enumerate(rec.items):
            values = item.model_dump()
            row = current.pop(line, None)
            if row is None:
                self.inserts.append({"order_id": rec.id, "line": line, **values})
                changed = True
            elif any(row[k] != values[k] for k in self.COLUMNS):
                self.updates.append({"b_order": rec.id, "b_line": line,
                                     **{f"v_{k}": values[k] for k in self.COLUMNS}})
                changed = True
        for line in current:
            self.deletes.append({"b_order": rec.id, "b_line": line})
            changed = True
        return changed

    def preload(self, order_ids: Iterable[str]) -> None:
        """Read the stored lines of the batch's existing orders, in one statement."""
        ids = list(order_ids)
        if ids:
            for row in self.conn.execute(select(ITEMS).where(one_of(self.conn, ITEMS.c.order_id,
                                                                        ids))):
                self._current.setdefault(row.order_id, {})[row.line] = dict(row._mapping)

    def execute(self) -> None:
        key = and_(ITEMS.c.order_id == bindparam("b_order"), ITEMS.c.line == bindparam("b_line"))
        if self.deletes:
            self.conn.execute(delete(ITEMS).where(key), self.deletes)
        if self.updates:
            self.conn.execute(update(ITEMS).where(key).values(
                {k: bindparam(f"v_{k}") for k in self.COLUMNS}), self.updates)
        insert_rows(self.conn, ITEMS, self.inserts)
