"""`kefu init`, `kefu import-store` and `kefu policy`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from app.settings import get_settings


@click.command()
@click.option("--no-demo", is_flag=True,
              help="Start empty: no demo store, no demo knowledge base (a real store's start)")
@click.option("--policy", "policy_file", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="Install this store policy file (default: keep the one in "
              "KEFU_HOME, or seed it from the bundled one)")
def init(no_demo: bool, policy_file: Path | None) -> None:
    """Create the database and index, seed the policy, and (unless --no-demo) load the
    bilingual demo store and knowledge base. Running it again changes nothing."""
    from app import runtime
    from app.bootstrap import initialise

    rt = runtime.current()
    for line in initialise(rt, demo=not no_demo, policy_file=policy_file):
        click.echo(line)


@click.command("import-store")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def import_store_cmd(file: Path) -> None:
    """Upsert customers, products, orders and refunds from FILE.json."""
    from app.cli import EXIT_PARTIAL, current_runtime
    from app.store.importer import FileSource, import_into

    source = FileSource(file)  # streamed: a file of any size loads in bounded memory
    rt = current_runtime()
    report = import_into(rt, source)
    for rejection in report.rejected:
        click.echo(str(rejection))
    click.echo(report.summary())
    if report.rejected:
        sys.exit(EXIT_PARTIAL)


@click.group()
def policy() -> None:
    """The store's policy in force (KEFU_HOME/policy.json)."""


@policy.command("show")
@click.option("--json", "as_json", is_flag=True, help="Only the JSON, on one line")
def policy_show(as_json: bool) -> None:
    """Print the policy in force and the file it comes from (edit that file to change
    it; every worker picks the change up on its next message)."""
    from app.policy import PolicyFile, policy_path, unknown_keys

    settings = get_settings()
    data = PolicyFile(settings).current().model_dump(mode="json")
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    path = policy_path(settings)
    click.echo(f"# {path.resolve()}")
    ignored = unknown_keys(path)
    if ignored:
        click.echo(f"# ignored (no rule reads them): {', '.join(ignored)}")
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@policy.command("set")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
def policy_set(file: Path) -> None:
    """Validate FILE and make it the store's policy."""
    from app.policy import install_policy, unknown_keys

    settings = get_settings()
    if not settings.home.is_dir():
        from app.errors import ConfigError

        raise ConfigError(f"KEFU_HOME {settings.home.resolve()} does not exist; "
                          "run `kefu init` first")
    path = install_policy(settings, file, replace=True)
    click.echo(f"policy installed: {path.resolve()}")
    ignored = unknown_keys(path)
    if ignored:
        click.echo("warning: no rule reads these keys, they are ignored (state them in the "
                   f"knowledge base if shoppers should know): {', '.join(ignored)}", err=True)


COMMANDS = [init, import_store_cmd, policy]
