"""`kefu init` and `kefu import-store`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from app.settings import get_settings


@click.command()
def init() -> None:
    """Create the database, load the demo store and knowledge base (idempotent)."""
    from app.bootstrap import initialise

    for line in initialise(settings=get_settings()):
        click.echo(line)


@click.command("import-store")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def import_store_cmd(file: Path) -> None:
    """Upsert customers, products, orders and refunds from FILE.json."""
    from app.cli import EXIT_PARTIAL
    from app.db import check_schema, session_scope
    from app.knowledge import index_orders
    from app.store.importer import import_store, read_store_file

    data = read_store_file(file)
    check_schema()
    with session_scope(write=True) as session:
        report = import_store(data=data, session=session)
    with session_scope() as session:
        index_orders(session=session, order_ids=report.order_ids)
    for rejection in report.rejected:
        click.echo(str(rejection))
    click.echo(report.summary())
    if report.rejected:
        sys.exit(EXIT_PARTIAL)


COMMANDS = [init, import_store_cmd]
