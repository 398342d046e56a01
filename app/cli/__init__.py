"""`kefu` command line. Output for people goes to stdout; errors are one line on stderr."""

from __future__ import annotations

import os
import sys
from typing import Any

import click
from sqlalchemy.exc import OperationalError

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
        except (PermissionError, OperationalError) as exc:
            if not _unwritable(exc):
                raise
            click.echo(f"error: {_unwritable(exc)}", err=True)
            sys.exit(EXIT_ERROR)


def _unwritable(exc: BaseException) -> str | None:
    """The one-line explanation of a failure to write to KEFU_HOME (None: another error)."""
    home = get_settings().home
    if isinstance(exc, PermissionError):
        return f"cannot write {exc.filename or home}: permission denied (KEFU_HOME={home} " \
            "must be writable by this user)"
    if "readonly database" in str(exc) or "read-only" in str(exc):
        return f"the database in {home} is read-only (KEFU_HOME must be writable by this user)"
    return None


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
    # everything Kefu writes (database, index, logs, policy, exports) is its owner's alone
    os.umask(0o077)
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
        retention,
        serve,
        store,
        tokens,
        understanding,
    )

    for module in (store, knowledge, serve, evaluate, understanding, assist, bench, tokens,
                   feedback, channels, retention):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()
