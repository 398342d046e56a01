"""`kefu` command line. Output for people goes to stdout; errors are one line on stderr."""

from __future__ import annotations

import sys
from typing import Any

import click

from app.errors import KefuError
from app.logs import setup_logging
from app.runtime import Runtime
from app.settings import get_settings

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


def current_runtime(*, checked: bool = True) -> Runtime:
    """The runtime of this command's KEFU_HOME; ``checked``: its schema must be current."""
    from app import runtime
    from app.db import check_schema

    rt = runtime.current()
    if checked:
        check_schema(rt.engine)
    return rt


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KefuError as exc:  # raised before a command runs (e.g. bad settings)
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)


def _register() -> None:
    from app.cli import (
        assist,
        bench,
        channels,
        evaluate,
        feedback,
        knowledge,
        serve,
        store,
        tokens,
        understanding,
    )

    for module in (store, knowledge, serve, evaluate, understanding, assist, bench, tokens,
                   feedback, channels):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()
