"""app.store.bulk writes and finds rows exactly as SQLAlchemy's insert() and IN do, on
SQLite and on PostgreSQL (where it is COPY and = ANY): every stored value compared as
the database itself returns it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, insert, select, text

from app.models._common import Language, OrderStatus, RefundStatus
from app.store.bulk import insert_rows, one_of
from app.store.tables import CUSTOMERS, ITEMS, ORDERS, PRODUCTS, REFUNDS
from tests.conftest import current
from tests.pg import BOTH_DATABASES

EAST = timezone(timedelta(hours=8))
WHEN = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=EAST)


def _rows(tag: str) -> dict[Table, list[dict[str, Any]]]:
    """Rows of every kind of column: enums, aware datetimes, JSON, None, defaults."""
    return {
        CUSTOMERS: [{"id": f"{tag}c1", "name": "Lin 林", "email": None, "phone": "+86 1",
                     "language": Language.zh, "default_address": "路 1\tO'Hara\\n"},
                    {"id": f"{tag}c2", "name": "Ann", "email": "a@x", "phone": None,
                     "language": Language.en, "default_address": None}],
        PRODUCTS: [{"id": f"{tag}p1", "name": "Mug", "price": 12.5,
                    "attributes": {"colour": "蓝", "sizes": [1, 2], "n": None}}],
        ORDERS: [{"id": f"{tag}o1", "customer_id": f"{tag}c1", "status": OrderStatus.shipped,
                  "created_at": WHEN, "total": 0.1 + 0.2, "currency": "CNY",
                  "shipping_address": None, "carrier": "顺丰", "tracking_number": "SF1",
                  "shipped_at": WHEN.astimezone(UTC), "delivered_at": None,
                  "ref_key": "O1", "updated_at": datetime(2026, 3, 2, tzinfo=UTC)}],
        ITEMS: [{"order_id": f"{tag}o1", "line": n, "product_id": None if n else f"{tag}p1",
                 "name": f"Mug {n}", "qty": n + 1, "price": 3.3333333333333335}
                for n in range(3)],
        REFUNDS: [{"id": f"{tag}r1", "order_id": f"{tag}o1", "status": RefundStatus.approved,
                   "amount": 0.1, "created_at": WHEN, "refunded_at": None,
                   "reason": "broken, \"badly\""}]}


def _stored(conn: Connection, table: Table, tag: str) -> list[tuple[Any, ...]]:
    """The table's rows written under ``tag``, as the driver returns them, untagged."""
    key = "order_id" if table is ITEMS else "id"
    columns = ", ".join(f'"{c.name}"' for c in table.c)
    rows = conn.execute(text(f'SELECT {columns} FROM "{table.name}" WHERE "{key}" LIKE :t '
                             f'ORDER BY "{key}"' + (", line" if table is ITEMS else "")),
                        {"t": f"{tag}%"}).all()
    return [tuple(v.replace(tag, "") if isinstance(v, str) else v for v in row)
            for row in rows]


@BOTH_DATABASES
def test_bulk_rows_are_stored_as_insert_stores_them(migrated_home: Path) -> None:
    with current().engine.begin() as conn:
        for table, rows in _rows("a-").items():
            conn.execute(insert(table), rows)
        for table, rows in _rows("b-").items():
            insert_rows(conn, table, rows)
        for table in _rows(""):
            theirs, mine = _stored(conn, table, "a-"), _stored(conn, table, "b-")
            assert mine == theirs and mine, table.name
        # the defaults a row leaves out (a customer's "guest") are written as insert's
        guest = conn.execute(select(CUSTOMERS.c.guest).where(CUSTOMERS.c.id == "b-c2"))
        assert guest.scalar() is False


@BOTH_DATABASES
def test_one_of_finds_what_in_finds(migrated_home: Path) -> None:
    with current().engine.begin() as conn:
        insert_rows(conn, CUSTOMERS, _rows("")[CUSTOMERS])
        for wanted in (["c1"], ["c1", "c2", "nobody"], [], ["c1", "c1"]):
            found = conn.execute(select(CUSTOMERS.c.id).where(
                one_of(conn, CUSTOMERS.c.id, wanted))).scalars().all()
            expected = conn.execute(select(CUSTOMERS.c.id).where(
                CUSTOMERS.c.id.in_(wanted))).scalars().all()
            assert sorted(found) == sorted(expected)
