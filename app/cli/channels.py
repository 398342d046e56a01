"""`kefu deliveries`: the channel delivery queue, and dead deliveries sent again."""

from __future__ import annotations

import json

import click

from app.channels import outbox
from app.cli import current_runtime


@click.command("deliveries")
@click.option("--status", type=click.Choice(list(outbox.STATUSES)), default=None,
              help="Only these (dead: what never got through)")
@click.option("--channel", default=None, help="Only this channel")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--retry", "retry_ids", type=int, multiple=True,
              help="Put this dead delivery back in the queue (repeatable)")
@click.option("--retry-all", is_flag=True, help="Put every dead delivery back in the queue")
@click.option("--json", "as_json", is_flag=True, help="One JSON array")
def deliveries(status: str | None, channel: str | None, limit: int, retry_ids: tuple[int, ...],
               retry_all: bool, as_json: bool) -> None:
    """List queued channel deliveries, newest first, or retry dead ones (a running
    `kefu serve` picks them up at its next poll)."""
    rt = current_runtime()
    if retry_ids or retry_all:
        count = outbox.retry(rt, None if retry_all else list(retry_ids))
        click.echo(f"{count} dead deliveries back in the queue")
        return
    with rt.session() as session:
        rows = outbox.listing(session, status=status, channel=channel, limit=limit)
        summary = outbox.counts(session)
    if as_json:
        click.echo(json.dumps([r.model_dump(mode="json", exclude={"payload"}) for r in rows]))
        return
    click.echo("  ".join(f"{k}: {summary.get(k, 0)}" for k in outbox.STATUSES))
    for r in rows:
        error = f"  {r.last_error}" if r.last_error else ""
        click.echo(f"{r.id:>6}  {r.channel:<9} {r.kind:<12} {r.status:<7} "
                   f"tries {r.attempts}  {r.conversation_id}{error}")


COMMANDS = [deliveries]
