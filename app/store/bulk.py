"""Statements for many rows at once, portable, that mean what SQLAlchemy's own do.

``insert_rows``: on PostgreSQL, ``executemany`` sends one INSERT per row (psycopg's
pipeline), and that was ~40% of a 100k-order import; COPY streams the rows instead.
Each value goes through its column's bind processing and a column a row leaves out
takes its Python-side default, as ``insert()`` does; rows it cannot write that way
(differing keys, a default SQLAlchemy computes in SQL) go through ``insert()``.
SQLite keeps ``insert()``: its executemany is the driver's C loop (by hand, no faster).

``one_of``: ``column IN (...)`` with one parameter per value makes a new statement for
PostgreSQL to parse and plan at every batch size; ``= ANY(array)`` is one parameter.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Column, ColumnElement, Connection, Table, any_, bindparam, insert
from sqlalchemy.dialects.postgresql import ARRAY


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def one_of(conn: Connection, column: ColumnElement[Any],
           values: Collection[Any]) -> ColumnElement[bool]:
    """``column IN values``, as one array parameter on PostgreSQL."""
    if is_postgres(conn):
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    return column.in_(values)


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT ``rows`` (new rows, each with the same keys) into ``table``."""
    if not rows:
        return
    keys = rows[0].keys()
    filled = [c for c in table.c if c.key not in keys and c.default is not None]
    plain = all(c.default is not None and (c.default.is_scalar or c.default.is_callable)
                for c in filled)
    if not is_postgres(conn) or not plain or any(row.keys() != keys for row in rows):
        conn.execute(insert(table), rows)
        return
    _copy(conn, table, [table.c[k] for k in keys] + filled, rows, len(keys))


def _defaults(columns: list[Column[Any]]) -> list[Any]:
    """The values SQLAlchemy gives these left-out columns for one row (a callable
    default is called for each row, as insert() does)."""
    out = []
    for column in columns:
        default = column.default
        assert default is not None
        # wrapped to take an execution context, which none of ours reads
        out.append(default.arg if default.is_scalar else default.arg(None))  # type: ignore[attr-defined]
    return out


def _copy(conn: Connection, table: Table, columns: list[Column[Any]],
          rows: list[dict[str, Any]], given: int) -> None:
    dialect, quote = conn.dialect, conn.dialect.identifier_preparer
    process = [c.type._cached_bind_processor(dialect) for c in columns]
    names = ", ".join(quote.quote(c.name) for c in columns)
    keys = [c.key for c in columns[:given]]
    left_out = columns[given:]
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cur, cur.copy(
            f"COPY {quote.format_table(table)} ({names}) FROM STDIN") as copy:
        for row in rows:
            values = [row[k] for k in keys] + _defaults(left_out)
            copy.write_row([v if p is None else p(v) for p, v in zip(process, values,
                                                                      strict=True)])
