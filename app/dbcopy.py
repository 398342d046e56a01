"""Throw-away PostgreSQL databases and consistent copies of one into another.

Evaluation confirms actions and writes conversations, so on PostgreSQL it runs in a
database of its own on the same server, created here and dropped when it is done
(``CREATE DATABASE ... TEMPLATE`` would be one statement, but PostgreSQL refuses it
while anybody is connected to the source, and the service always is). The copy reads
every table of the source in one REPEATABLE READ snapshot and streams it with binary
COPY, parents before children; the copied ids leave the sequences behind, so each
sequence is then moved past its table's largest id (the next insert would otherwise
collide with a copied row).
"""

from __future__ import annotations

import logging
import uuid
import warnings
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import MetaData, create_engine
from sqlalchemy.engine import make_url

from app.db import sqlalchemy_url
from app.errors import BackendError, ConfigError

log = logging.getLogger(__name__)

SCHEMA = "public"
_COPY_CHUNK = 1 << 20


def libpq(url: str, database: str | None = None) -> str:
    """``url`` as libpq takes it (no driver part), on ``database`` if given."""
    parsed = make_url(sqlalchemy_url(url)).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


def create_database(url: str, prefix: str = "kefu_tmp") -> str:
    """A new empty database on ``url``'s server; returns its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(libpq(url), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.errors.InsufficientPrivilege as exc:
        raise ConfigError("a throw-away database for evaluation needs a PostgreSQL role "
                          "with CREATEDB (ALTER ROLE ... CREATEDB)") from exc
    except psycopg.Error as exc:
        raise BackendError(f"cannot create a throw-away database: {exc}") from exc
    return libpq(url, name)


def drop_database(url: str, *, via: str) -> None:
    """Drop the database ``url`` names, closing whatever is still connected to it;
    ``via`` is another database of the same server to say it from (nobody can drop
    the database they are connected to)."""
    name = make_url(sqlalchemy_url(url)).database
    try:
        with psycopg.connect(libpq(via), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                         .format(sql.Identifier(str(name))))
    except psycopg.Error as exc:
        log.warning("could not drop the throw-away database %s: %s", name, exc)


def _tables_in_order(url: str) -> list[str]:
    """The tables of ``url``'s public schema, every one after those it references."""
    engine = create_engine(sqlalchemy_url(url))
    try:
        meta = MetaData()
        with warnings.catch_warnings():  # pgvector's and tsvector types are unknown to it
            warnings.simplefilter("ignore")
            meta.reflect(bind=engine, schema=None)
        return [t.name for t in meta.sorted_tables]
    finally:
        engine.dispose()


def _columns(conn: psycopg.Connection[Any], table: str) -> list[str]:
    rows = conn.execute("SELECT column_name FROM information_schema.columns "
                        "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
                        (SCHEMA, table)).fetchall()
    return [r[0] for r in rows]


def copy_database(source: str, target: str, *, skip: tuple[str, ...] = ()) -> dict[str, int]:
    """Copy every row of ``source`` into the same tables of ``target`` (which exist and
    are emptied first); returns the rows copied per table."""
    tables = [t for t in _tables_in_order(target) if t not in skip]
    copied: dict[str, int] = {}
    with psycopg.connect(libpq(source)) as src, psycopg.connect(libpq(target)) as dst:
        src.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        present = set(r[0] for r in src.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            (SCHEMA,)).fetchall())
        tables = [t for t in tables if t in present]
        if tables:
            dst.execute(sql.SQL("TRUNCATE {} CASCADE").format(
                sql.SQL(", ").join(sql.Identifier(t) for t in tables)))
        for table in tables:
            copied[table] = _copy_table(src, dst, table)
        _reset_sequences(dst, tables)
        dst.commit()
    return copied


def _copy_table(src: psycopg.Connection[Any], dst: psycopg.Connection[Any], table: str) -> int:
    cols = [c for c in _columns(dst, table) if c in set(_columns(src, table))]
    names = sql.SQL(", ").join(sql.Identifier(c) for c in cols)
    out = sql.SQL("COPY {} ({}) TO STDOUT (FORMAT binary)").format(sql.Identifier(table), names)
    into = sql.SQL("COPY {} ({}) FROM STDIN (FORMAT binary)").format(sql.Identifier(table),
                                                                       names)
    with src.cursor().copy(out) as reader, dst.cursor().copy(into) as writer:
        for block in reader:
            writer.write(block)
    count = dst.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
    row = count.fetchone()
    return int(row[0]) if row else 0


def _reset_sequences(conn: psycopg.Connection[Any], tables: list[str]) -> None:
    """Each serial or identity column's sequence past the largest id copied."""
    owned = conn.execute(
        "SELECT c.table_name, c.column_name, "
        "pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) "
        "FROM information_schema.columns c WHERE c.table_schema = %s "
        "AND (c.column_default LIKE 'nextval(%%' OR c.is_identity = 'YES')",
        (SCHEMA,)).fetchall()
    for table, column, sequence in owned:
        if table not in tables or sequence is None:
            continue
        conn.execute(sql.SQL("SELECT setval(%s, COALESCE(max({c}), 0) + 1, false) FROM {t}")
                     .format(c=sql.Identifier(column), t=sql.Identifier(table)), (sequence,))
