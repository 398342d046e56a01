"""`kefu` command line. Output for people goes to stdout; errors are one line on stderr."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import click

from app.errors import KefuError
from app.logs import setup_logging
from app.settings import get_settings

log = logging.getLogger(__name__)

EXIT_ERROR = 1
EXIT_PARTIAL = 2


class KefuGroup(click.Group):
    """Turns every KefuError into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KefuError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_ERROR)


@click.group(cls=KefuGroup)
@click.version_option(package_name="kefu")
def cli() -> None:
    """Kefu: agent-assist for e-commerce customer service."""
    setup_logging(get_settings())


@cli.command()
def init() -> None:
    """Create the database, load the demo store and knowledge base (idempotent)."""
    from app.bootstrap import initialise

    for line in initialise(settings=get_settings()):
        click.echo(line)


@cli.command("import-store")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def import_store_cmd(file: Path) -> None:
    """Upsert customers, products, orders and refunds from FILE.json."""
    from app.db import check_schema, session_scope
    from app.store.importer import import_store, read_store_file

    data = read_store_file(file)
    check_schema()
    with session_scope(write=True) as session:
        report = import_store(data=data, session=session)
    for rejection in report.rejected:
        click.echo(str(rejection))
    click.echo(report.summary())
    if report.rejected:
        sys.exit(EXIT_PARTIAL)


@cli.command()
@click.option("--host", default=None, help="Bind address (default: KEFU_HOST)")
@click.option("--port", type=int, default=None, help="Port (default: KEFU_PORT)")
def serve(host: str | None, port: int | None) -> None:
    """Run the API and web UI."""
    import uvicorn

    from app.db import check_schema

    settings = get_settings()
    check_schema()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level.lower(),
    )


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KefuError as exc:  # raised before a command runs (e.g. bad settings)
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
