"""`kefu token create|list|rotate|revoke|demo|link`: API bearer tokens and shopper sign-in links."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from app.models import ApiToken
    from app.runtime import Runtime

ROLE_CHOICE = click.Choice(["shopper", "agent", "analyst", "admin", "channel"])


@click.group()
def token() -> None:
    """Create, list and revoke API tokens."""


@token.command("create")
@click.option("--role", type=ROLE_CHOICE, required=True, help="What the token may do")
@click.option("--name", default=None, help="Who holds it (agent name...); shoppers: optional")
@click.option("--customer", "customer_id", default=None, help="Customer id (shopper tokens)")
@click.option("--ttl", default=None, help="How long it works: 90d, 12h, 3600, or 'never' "
              "(default KEFU_TOKEN_TTL_DAYS)")
def create(role: str, name: str | None, customer_id: str | None, ttl: str | None) -> None:
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
                                  customer_id=customer_id, ttl=_lifetime(ttl, rt))
    click.echo(f"token {row.id} ({role} {customer_id or name}){_until(row)}; shown once, "
               "keep it safe:")
    click.echo(plain)


@token.command("rotate")
@click.argument("token_id", type=int)
@click.option("--ttl", default=None, help="The new token's lifetime (as for create)")
@click.option("--grace", default="0", help="How long the old token keeps working: 0 (stop "
              "now), 10m, 1d ...")
def rotate(token_id: int, ttl: str | None, grace: str) -> None:
    """Replace a token by a new one for the same holder; print the new one once."""
    from app.auth import rotate_token
    from app.cli import current_runtime

    rt = current_runtime()
    with rt.session(write=True) as session:
        row, plain = rotate_token(session=session, token_id=token_id, ttl=_lifetime(ttl, rt),
                                  grace=timedelta(seconds=_seconds(grace, "--grace") or 0))
    click.echo(f"token {token_id} replaced by token {row.id}{_until(row)}; shown once, "
               "keep it safe:")
    click.echo(plain)


@token.command("list")
def list_cmd() -> None:
    """Tokens without their secrets: id, role, name, customer, state."""
    from app.auth import is_usable, list_tokens
    from app.cli import current_runtime

    rt = current_runtime()
    with rt.session() as session:
        rows = list_tokens(session=session)
    for row in rows:
        state = ("revoked" if row.revoked_at else "expired" if not is_usable(row)
                 else "active")
        state += f" until {row.expires_at:%Y-%m-%d}" if state == "active" and row.expires_at \
            else ""
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


_TTL = re.compile(r"^(\d+)([smhd]?)$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def _seconds(text: str | None, option: str = "--ttl") -> int | None:
    from app.errors import InputError

    if text is None:
        return None
    match = _TTL.match(text.strip())
    if not match:
        raise InputError(f"{option} {text!r}: seconds, or a number with s, m, h or d (15m)")
    return int(match.group(1)) * _UNIT[match.group(2)]


def _lifetime(text: str | None, rt: Runtime) -> timedelta | None:
    """A token's lifetime from --ttl: the setting's default, 'never', or a duration."""
    from app.auth import default_ttl
    from app.errors import InputError

    if text is None:
        return default_ttl(rt.settings)
    if text.strip().lower() == "never":
        return None
    seconds = _seconds(text)
    if not seconds:
        raise InputError("--ttl must be longer than 0")
    return timedelta(seconds=seconds)


def _until(row: ApiToken) -> str:
    return f", valid until {row.expires_at:%Y-%m-%d %H:%M} UTC" if row.expires_at else \
        ", valid until revoked"


@token.command("link")
@click.option("--customer", "customer_id", required=True, help="The shopper's customer id")
@click.option("--ttl", default=None,
              help="How long the link can be opened: 900, 15m, 2h (default "
                   "KEFU_SHOPPER_LINK_TTL_S)")
@click.option("--base-url", default=None,
              help="Kefu's address as the shopper reaches it (default KEFU_PUBLIC_URL)")
def link(customer_id: str, ttl: str | None, base_url: str | None) -> None:
    """Print a signed sign-in link to the shopper chat for one customer."""
    from app.cli import current_runtime
    from app.sessions import issue_link

    rt = current_runtime()
    with rt.session() as session:
        issued = issue_link(session, rt.settings, customer_id=customer_id,
                            ttl_s=_seconds(ttl), base_url=base_url)
    click.echo(f"sign-in link for {customer_id}, valid until "
               f"{issued.expires_at:%Y-%m-%d %H:%M:%S} UTC:")
    click.echo(issued.url)


@token.command("demo")
def demo() -> None:
    """Print the demo tokens of this KEFU_HOME (creating them if needed)."""
    from app.auth import describe_demo_tokens, ensure_demo_tokens
    from app.cli import current_runtime

    rt = current_runtime()
    click.echo(describe_demo_tokens(ensure_demo_tokens(rt)))


COMMANDS = [token]
