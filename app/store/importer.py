"""Upsert a store file (customers, products, orders, refunds) record by record.

Bad records are rejected with their list, index, id and reason; good ones load. The
whole file is applied in one write transaction so a crash never leaves half a file.
Lists are read one after the other (customers before the orders that name them,
orders before their refunds), a batch at a time (app.store.upsert), whatever their
order in the file.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select
from sqlmodel import Session

from app.gcpause import collector_paused
from app.store.bulk import one_of
from app.store.schemas import CustomerIn, OrderIn, ProductIn, RefundIn
from app.store.source import DictSource, FileSource, StoreSource, read_store_file
from app.store.tables import CUSTOMERS, ORDERS, PRODUCTS, REFUNDS
from app.store.upsert import Accepted, Rejection, SectionCounts, SectionWriter

if TYPE_CHECKING:
    from app.runtime import Runtime

log = logging.getLogger(__name__)

SECTIONS = ("customers", "products", "orders", "refunds")
__all__ = ["SECTIONS", "FileSource", "ImportReport", "Rejection", "SectionCounts",
           "import_into", "import_store", "read_store_file"]


@dataclass
class ImportReport:
    counts: dict[str, SectionCounts] = field(
        default_factory=lambda: {name: SectionCounts() for name in SECTIONS}
    )
    rejected: list[Rejection] = field(default_factory=list)
    # top-level keys that hold no records (an export's date or version): nothing to load
    ignored: list[str] = field(default_factory=list)
    order_ids: list[str] = field(default_factory=list)  # accepted orders, to re-index

    @property
    def changed(self) -> int:
        return sum(c.inserted + c.updated for c in self.counts.values())

    def summary(self) -> str:
        parts = [
            f"{name}: {c.inserted} new, {c.updated} updated, {c.unchanged} unchanged"
            for name, c in self.counts.items()
        ]
        tail = f"; {len(self.rejected)} rejected"
        if self.ignored:
            tail += f"; ignored {', '.join(self.ignored)} (not a list of records)"
        return "; ".join(parts) + tail


def _known_customers(conn: Connection, batch: list[Accepted],
                     imported: set[str]) -> list[tuple[Accepted, str]]:
    """Orders whose customer is neither stored nor accepted by this import; the database
    is asked only about those this import did not bring."""
    wanted = {acc.rec.customer_id for acc in batch} - imported
    known = set(conn.execute(select(CUSTOMERS.c.id).where(
        one_of(conn, CUSTOMERS.c.id, wanted))).scalars()) if wanted else set()
    return [(acc, f"unknown customer_id {acc.rec.customer_id!r}") for acc in batch
            if acc.rec.customer_id not in imported and acc.rec.customer_id not in known]


def _refundable(conn: Connection, batch: list[Accepted]) -> list[tuple[Accepted, str]]:
    """A refund names a stored order and is no bigger than its total."""
    wanted = {acc.rec.order_id for acc in batch}
    totals = dict(conn.execute(select(ORDERS.c.id, ORDERS.c.total)
                               .where(one_of(conn, ORDERS.c.id, wanted))).all())
    refused = []
    for acc in batch:
        rec = acc.rec
        if rec.order_id not in totals:
            refused.append((acc, f"unknown order_id {rec.order_id!r}"))
        elif rec.amount > totals[rec.order_id] + 0.005:
            refused.append((acc, f"amount {rec.amount} exceeds the order total "
                                 f"{totals[rec.order_id]}"))
    return refused


WRITERS: dict[str, tuple[Any, ...]] = {
    "customers": (CUSTOMERS, CustomerIn, None),
    "products": (PRODUCTS, ProductIn, None),
    "orders": (ORDERS, OrderIn, _known_customers),
    "refunds": (REFUNDS, RefundIn, _refundable),
}


def import_store(*, data: Mapping[str, Any] | StoreSource, session: Session) -> ImportReport:
    """Validate and upsert every list of ``data`` into the session's transaction."""
    source = data if isinstance(data, StoreSource) else DictSource(data)
    report = ImportReport()
    lists = source.lists()
    for key, is_list in lists.items():
        if key not in SECTIONS and not is_list:
            report.ignored.append(key)
        elif key not in SECTIONS:
            # records under a name we do not know ("ordrs") would be lost unseen
            report.rejected.append(
                Rejection(key, None, None, f"unknown list; expected one of {', '.join(SECTIONS)}")
            )
    conn = session.connection()
    customers: set[str] = set()  # accepted here: an order may name them unasked
    for name in SECTIONS:
        if name in lists and not lists[name]:
            report.rejected.append(Rejection(name, None, None, "must be a list of records"))
            continue
        table, schema, check = WRITERS[name]
        if check is _known_customers:
            check = partial(_known_customers, imported=customers)
        result = SectionWriter(conn, name, table, schema, check).write(source.records(name))
        report.counts[name] = result.counts
        report.rejected += result.rejected
        if name == "customers":
            customers = set(result.accepted)
        if name == "orders":
            report.order_ids = result.accepted
    report.rejected.sort(key=lambda r: (SECTIONS.index(r.section) if r.section in SECTIONS
                                        else -1, r.index if r.index is not None else -1))
    log.info("store import: %s", report.summary())
    return report


def import_into(rt: Runtime, data: Mapping[str, Any] | StoreSource) -> ImportReport:
    """Import a store file into the runtime's home and make it usable at once: the id
    shapes and catalogue every worker derives, and the order search index. Every order
    the file gives is re-indexed, changed or not: one whose customer changed language
    is written anew, one an interrupted import left out is added, and the others cost
    a hash each. The garbage collector pauses meanwhile (app.gcpause)."""
    from app.knowledge import index_orders
    from app.store.facts import record_import

    with collector_paused():
        with rt.session(write=True) as session:
            report = import_store(data=data, session=session)
            if report.changed:
                record_import(session, order_ids=report.order_ids)
        if report.order_ids:
            with rt.session() as session:
                index_orders(rt, session=session, order_ids=report.order_ids)
    return report
