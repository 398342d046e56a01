"""Upsert a store file (customers, products, orders, refunds) record by record.

Bad records are rejected with their list, index, id and reason; good ones load. The
whole file is applied in one write transaction so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from sqlmodel import Session, SQLModel, col, select

from app.errors import ImportFileError
from app.models._common import utcnow
from app.models.store import Customer, Order, OrderItem, Product, Refund
from app.store.id_shapes import normalise
from app.store.schemas import CustomerIn, OrderIn, ProductIn, RefundIn

if TYPE_CHECKING:
    from app.runtime import Runtime

log = logging.getLogger(__name__)

SECTIONS = ("customers", "products", "orders", "refunds")


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
class ImportReport:
    counts: dict[str, SectionCounts] = field(
        default_factory=lambda: {name: SectionCounts() for name in SECTIONS}
    )
    rejected: list[Rejection] = field(default_factory=list)
    order_ids: list[str] = field(default_factory=list)  # accepted orders, to re-index

    @property
    def changed(self) -> int:
        return sum(c.inserted + c.updated for c in self.counts.values())

    def summary(self) -> str:
        parts = [
            f"{name}: {c.inserted} new, {c.updated} updated, {c.unchanged} unchanged"
            for name, c in self.counts.items()
        ]
        return "; ".join(parts) + f"; {len(self.rejected)} rejected"


def read_store_file(path: Path) -> dict[str, Any]:
    """Parse the file; anything that makes the whole file unusable is an ImportFileError."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ImportFileError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError(f"{path}: cannot read: {exc}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"{path}: malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc
    if not isinstance(data, dict):
        raise ImportFileError(f"{path}: expected one JSON object, got {type(data).__name__}")
    return data


def _reason(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        parts.append(f"{loc}: {err['msg']}" if loc else err["msg"])
    return "; ".join(parts)


def _completed(session: Session, table: type[SQLModel], records: Sequence[Any]) -> list[Any]:
    """Records of rows that exist, with the fields they leave out filled in from the
    stored row, so that a partial record updates only what it gives."""
    ids = {r["id"] for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)}
    stored = _existing(session, table, ids)
    out = []
    for record in records:
        row = stored.get(str(record.get("id"))) if isinstance(record, dict) else None
        if row is None:
            out.append(record)
            continue
        given = set(record)
        merged = {**row.model_dump(exclude={"updated_at", "ref_key"}), **record}
        out.append(_Partial(merged, given))
    return out


class _Partial(dict[str, Any]):
    """A record completed from its stored row; ``given`` holds the keys it really had."""

    def __init__(self, merged: dict[str, Any], given: set[str]) -> None:
        super().__init__(merged)
        self.given = given


def _validated(
    section: str, records: Sequence[Any], schema: type[BaseModel], report: ImportReport
) -> list[Any]:
    """Validate records, dropping bad ones and later duplicates of an id."""
    good: list[Any] = []
    first_index: dict[str, int] = {}
    for index, record in enumerate(records):
        rec_id = record.get("id") if isinstance(record, dict) else None
        shown_id = rec_id if isinstance(rec_id, str) else None
        if not isinstance(record, dict):
            report.rejected.append(Rejection(section, index, None, "record is not an object"))
            continue
        try:
            parsed = schema.model_validate(dict(record))
        except ValidationError as exc:
            report.rejected.append(Rejection(section, index, shown_id, _reason(exc)))
            continue
        if isinstance(record, _Partial):
            # only what the record gave counts as set: the rest keeps its stored value
            parsed.__pydantic_fields_set__ = parsed.model_fields_set & record.given
        if parsed.id in first_index:  # type: ignore[attr-defined]
            reason = f"duplicate id, first given at index {first_index[parsed.id]}"  # type: ignore[attr-defined]
            report.rejected.append(Rejection(section, index, shown_id, reason))
            continue
        first_index[parsed.id] = index  # type: ignore[attr-defined]
        good.append((index, parsed))
    return good


def _existing(session: Session, table: type[SQLModel], ids: Iterable[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    id_list = list(ids)
    for start in range(0, len(id_list), 500):  # stay under SQLite's bound-variable limit
        chunk = id_list[start : start + 500]
        id_column = col(getattr(table, "id"))  # noqa: B009 - every store table has an id
        rows = session.exec(select(table).where(id_column.in_(chunk)))
        found.update({getattr(row, "id"): row for row in rows})  # noqa: B009
    return found


def _apply(row: SQLModel, values: dict[str, Any]) -> bool:
    changed = False
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
            changed = True
    return changed


def _upsert(
    session: Session,
    section: str,
    table: type[SQLModel],
    records: list[tuple[int, BaseModel]],
    report: ImportReport,
    extra: Callable[[Any, Any], bool] | None = None,
) -> None:
    counts = report.counts[section]
    existing = _existing(session, table, (rec.id for _, rec in records))  # type: ignore[attr-defined]
    for _, rec in records:
        row = existing.get(rec.id)  # type: ignore[attr-defined]
        # a field the record leaves out keeps its stored value; an explicit null clears it
        values = rec.model_dump(exclude={"id", "items"}, exclude_unset=row is not None)
        if row is None:
            row = table(id=rec.id, **values, **_derived(table, rec.id))  # type: ignore[attr-defined]
            session.add(row)
            if extra:
                extra(row, rec)
            counts.inserted += 1
            continue
        changed = _apply(row, values)
        if extra and extra(row, rec):
            changed = True
        if changed:
            if hasattr(row, "updated_at"):
                row.updated_at = utcnow()
            counts.updated += 1
        else:
            counts.unchanged += 1


def _derived(table: type[SQLModel], record_id: str) -> dict[str, Any]:
    """Columns Kefu keeps beside a record's own fields."""
    return {"ref_key": normalise(record_id)} if table is Order else {}


def _sync_items(session: Session, order: Order, rec: OrderIn) -> bool:
    """Make the order's lines equal to the record's; True when anything changed. A record
    without ``items`` leaves the lines as they are."""
    if "items" not in rec.model_fields_set:
        return False
    current = {
        item.line: item
        for item in session.exec(select(OrderItem).where(OrderItem.order_id == order.id))
    }
    changed = False
    for line, item in enumerate(rec.items):
        values = item.model_dump()
        row = current.pop(line, None)
        if row is None:
            session.add(OrderItem(order_id=order.id, line=line, **values))
            changed = True
        elif _apply(row, values):
            changed = True
    for leftover in current.values():
        session.delete(leftover)
        changed = True
    return changed


def _known_ids(session: Session, table: type[SQLModel], ids: set[str]) -> set[str]:
    return set(_existing(session, table, ids))


def import_store(*, data: dict[str, Any], session: Session) -> ImportReport:
    """Validate and upsert every section of ``data`` into the session's transaction."""
    report = ImportReport()
    for key in data:
        if key not in SECTIONS:
            report.rejected.append(
                Rejection(key, None, None, f"unknown list; expected one of {', '.join(SECTIONS)}")
            )
    sections: dict[str, list[Any]] = {}
    for name in SECTIONS:
        value = data.get(name, [])
        if not isinstance(value, list):
            report.rejected.append(Rejection(name, None, None, "must be a list of records"))
            value = []
        sections[name] = value

    customers = _validated("customers", _completed(session, Customer, sections["customers"]),
                           CustomerIn, report)
    _upsert(session, "customers", Customer, customers, report)
    products = _validated("products", _completed(session, Product, sections["products"]),
                          ProductIn, report)
    _upsert(session, "products", Product, products, report)
    session.flush()

    orders = _validated("orders", _completed(session, Order, sections["orders"]), OrderIn,
                        report)
    known_customers = _known_ids(session, Customer, {rec.customer_id for _, rec in orders})
    orders = _keep(orders, "orders", report, lambda r: r.customer_id in known_customers,
                   lambda r: f"unknown customer_id {r.customer_id!r}")
    _upsert(session, "orders", Order, orders, report,
            extra=lambda row, rec: _sync_items(session, row, rec))
    report.order_ids = [rec.id for _, rec in orders]
    session.flush()

    refunds = _validated("refunds", _completed(session, Refund, sections["refunds"]),
                         RefundIn, report)
    order_totals = {
        oid: o.total for oid, o in _existing(
            session, Order, {rec.order_id for _, rec in refunds}).items()
    }
    refunds = _keep(refunds, "refunds", report, lambda r: r.order_id in order_totals,
                    lambda r: f"unknown order_id {r.order_id!r}")
    refunds = _keep(refunds, "refunds", report,
                    lambda r: r.amount <= order_totals[r.order_id] + 0.005,
                    lambda r: f"amount {r.amount} exceeds the order total "
                              f"{order_totals[r.order_id]}")
    _upsert(session, "refunds", Refund, refunds, report)
    session.flush()
    report.rejected.sort(key=lambda r: (SECTIONS.index(r.section) if r.section in SECTIONS
                                        else -1, r.index if r.index is not None else -1))
    log.info("store import: %s", report.summary())
    return report


def _keep(
    records: list[tuple[int, Any]],
    section: str,
    report: ImportReport,
    ok: Callable[[Any], bool],
    why: Callable[[Any], str],
) -> list[tuple[int, Any]]:
    kept = []
    for index, rec in records:
        if ok(rec):
            kept.append((index, rec))
        else:
            report.rejected.append(Rejection(section, index, rec.id, why(rec)))
    return kept


def import_into(rt: Runtime, data: dict[str, Any]) -> ImportReport:
    """Import a store file into the runtime's home and make it usable at once: the id
    shapes and catalogue every worker derives, and the order search index."""
    from app.knowledge import index_orders
    from app.store.facts import record_import

    with rt.session(write=True) as session:
        report = import_store(data=data, session=session)
        if report.changed:
            record_import(session, order_ids=report.order_ids)
    if report.order_ids:
        with rt.session() as session:
            index_orders(rt, session=session, order_ids=report.order_ids)
    return report
