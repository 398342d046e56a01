"""`kefu serve`."""

from __future__ import annotations

import click


@click.command()
@click.option("--host", default=None, help="Bind address (default: KEFU_HOST)")
@click.option("--port", type=int, default=None, help="Port (default: KEFU_PORT)")
def serve(host: str | None, port: int | None) -> None:
    """Run the API and web UI."""
    import uvicorn

    from app.cli import current_runtime

    settings = current_runtime().settings
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level.lower(),
    )


COMMANDS = [serve]
