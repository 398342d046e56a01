"""`kefu export-feedback`: agents' accept/edit/reject decisions as JSONL."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("export-feedback")
@click.option("--out", "out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write to FILE (default: standard output)")
@click.option("--include-bot", is_flag=True,
              help="Also export replies the bot sent by itself (decided_by=bot)")
@click.option("--no-redact", is_flag=True,
              help="Keep emails, phones, card numbers and addresses in the texts")
def export_feedback_cmd(out: Path | None, include_bot: bool, no_redact: bool) -> None:
    """Accepted, edited and rejected suggestions as an evaluation dataset (JSONL)."""
    from app.cli import current_runtime
    from app.errors import InputError
    from app.feedback import export_feedback

    rt = current_runtime()
    with rt.session() as session:
        if out is None:
            export_feedback(session=session, out=sys.stdout, include_bot=include_bot,
                            redacted=not no_redact)
            return
        try:
            with out.open("w", encoding="utf-8") as handle:
                count = export_feedback(session=session, out=handle, include_bot=include_bot,
                                        redacted=not no_redact)
        except OSError as exc:
            raise InputError(f"cannot write {out}: {exc}") from exc
    click.echo(f"{count} records written to {out}", err=True)


COMMANDS = [export_feedback_cmd]
