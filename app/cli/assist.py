"""`kefu assist`: one AssistResult per message, as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from app.errors import InputError
from app.jsonl import read_jsonl, require_strings


def _run(rows: list[dict[str, Any]], channel: str) -> None:
    from app.assist.service import run_turn
    from app.cli import current_runtime

    rt = current_runtime()
    for row in rows:
        turn = run_turn(rt, customer_id=row["customer_id"], text=row["text"],
                        label=row.get("conversation"), channel=row.get("channel") or channel,
                        draft_later=False)
        click.echo(json.dumps(turn.result.contract(), ensure_ascii=False))


@click.command()
@click.argument("text", required=False)
@click.option("--customer", "customer_id", default=None, help="Shopper's customer id")
@click.option("--conversation", "label", default=None,
              help="Conversation label: turns with the same label continue it")
@click.option("--channel", default="web", show_default=True, help="web, app, email, wechat...")
@click.option("--jsonl", "jsonl", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Objects with customer_id, text and optional conversation, one per line")
def assist(text: str | None, customer_id: str | None, label: str | None, channel: str,
           jsonl: Path | None) -> None:
    """Suggest replies, resolve the action and route one shopper message."""
    if jsonl is not None:
        rows = read_jsonl(jsonl)
        require_strings(jsonl, rows, "customer_id", "text")
        _run(rows, channel)
        return
    if text is None or customer_id is None:
        raise InputError("give --customer ID and TEXT, or --jsonl FILE")
    _run([{"customer_id": customer_id, "text": text, "conversation": label}], channel)


COMMANDS = [assist]
