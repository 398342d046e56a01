"""`kefu purge`: forget shoppers' words older than the retention period."""

from __future__ import annotations

import click


@click.command()
@click.option("--older-than", "days", type=click.IntRange(min=1), default=None,
              help="Days to keep (default KEFU_MESSAGE_RETENTION_DAYS)")
@click.option("--dry-run", is_flag=True, help="Count what would go, change nothing")
def purge(days: int | None, dry_run: bool) -> None:
    """Replace message texts older than the retention period, and the suggestions, notes,
    audit details and outbound payloads that quote them."""
    from app.cli import current_runtime
    from app.errors import InputError
    from app.retention import purge as run_purge

    rt = current_runtime()
    days = days or rt.settings.message_retention_days
    if days is None:
        raise InputError("no retention period: give --older-than DAYS or set "
                         "KEFU_MESSAGE_RETENTION_DAYS")
    with rt.session(write=True) as session:
        report = run_purge(session, older_than_days=days, dry_run=dry_run)
    verb = "would change" if dry_run else "changed"
    click.echo(f"older than {days} days, {verb} {report.total()} rows:")
    for line in report.lines():
        click.echo(f"  {line}")


COMMANDS = [purge]
