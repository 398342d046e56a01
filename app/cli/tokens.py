"""`kefu token create|list|revoke|demo`: API bearer tokens."""

from __future__ import annotations

import click

ROLE_CHOICE = click.Choice(["shopper", "agent", "analyst", "admin", "channel"])


@click.group()
def token() -> None:
    """Create, list and revoke API tokens."""


@token.command("create")
@click.option("--role", type=ROLE_CHOICE, required=True, help="What the token may do")
@click.option("--name", default=None, help="Who holds it (agent name...); shoppers: optional")
@click.option("--customer", "customer_id", default=None, help="Customer id (shopper tokens)")
def create(role: str, name: str | None, customer_id: str | None) -> None:
    """Create a token and print it once (only its hash is stored)."""
    from app.auth import create_token
    from app.cli import current_runtime
    from app.errors import InputError

    if name is None:
        if role != "shopper" or not customer_id:
            raise InputError("give --name (and --customer for a shopper token)")
        name = f"shopper-{customer_id}"
    rt = current_runtime()
    with rt.session(write=True) as session:
        row, plain = create_token(session=session, role=role, name=name,
                                  customer_id=customer_id)
    click.echo(f"token {row.id} ({role} {customer_id or name}); shown once, keep it safe:")
    click.echo(plain)


@token.command("list")
def list_cmd() -> None:
    """Tokens without their secrets: id, role, name, customer, state."""
    from app.auth import list_tokens
    from app.cli import current_runtime

    rt = current_runtime()
    with rt.session() as session:
        rows = list_tokens(session=session)
    for row in rows:
        state = "revoked" if row.revoked_at else "active"
        last = f" last used {row.last_used_at:%Y-%m-%d %H:%M}" if row.last_used_at else ""
        click.echo(f"{row.id:>4}  {row.role:<8} {row.name:<24} {row.customer_id or '-':<8} "
                   f"{state}{' demo' if row.demo else ''}{last}")


@token.command("revoke")
@click.argument("token_id", type=int)
def revoke(token_id: int) -> None:
    """Revoke a token by id; requests with it are refused from now on."""
    from app.auth import revoke_token
    from app.cli import current_runtime

    rt = current_runtime()
    with rt.session(write=True) as session:
        row = revoke_token(session=session, token_id=token_id)
    click.echo(f"token {row.id} ({row.role} {row.customer_id or row.name}) revoked")


@token.command("demo")
def demo() -> None:
    """Print the demo tokens of this KEFU_HOME (creating them if needed)."""
    from app.auth import describe_demo_tokens, ensure_demo_tokens
    from app.cli import current_runtime

    rt = current_runtime()
    click.echo(describe_demo_tokens(ensure_demo_tokens(rt)))


COMMANDS = [token]
