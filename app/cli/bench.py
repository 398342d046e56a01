"""`kefu bench`."""

from __future__ import annotations

import json

import click


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON on the last line")
@click.option("--quick", is_flag=True,
              help="Skip the 1M-chunk vector benchmark and the figures at scale")
@click.option("--only", type=click.Choice(["scale"]), default=None,
              help="Only these figures. scale: a generated 100k-order store imported and "
                   "a 20 MB markdown file ingested, each in a fresh home (with --pgvector "
                   "also on PostgreSQL + pgvector)")
@click.option("--no-llm", is_flag=True, help="Skip the LLM latency figures")
@click.option("--pgvector", metavar="URL",
              help="Also measure PostgreSQL + pgvector (HNSW search, 1 and 2 workers) on "
                   "this server, in throw-away databases; 'embedded' starts one for the run "
                   "(default: KEFU_DATABASE_URL's server when set)")
def bench(as_json: bool, quick: bool, no_llm: bool, pgvector: str | None,
          only: str | None) -> None:
    """Performance figures (latency min/p50/p99, throughput, memory)."""
    from app.cli import current_runtime
    from eval.bench.runner import run

    rt = current_runtime()
    report = run(rt, full=not quick, with_llm=not no_llm,
                 pgvector=pgvector or rt.settings.database_url, only=only)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
        return
    for key, value in report.items():
        click.echo(f"{key}: {json.dumps(value, ensure_ascii=False)}")


COMMANDS = [bench]
