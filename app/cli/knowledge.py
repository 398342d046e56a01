"""`kefu ingest` and `kefu search`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from retrieval.documents import LAYERS


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--layer", type=click.Choice(LAYERS), default=None,
              help="Layer for files without front matter (default: policy)")
@click.option("--language", type=click.Choice(["en", "zh"]), default=None,
              help="Language (default: detected)")
def ingest(paths: tuple[Path, ...], layer: str | None, language: str | None) -> None:
    """Add or update knowledge documents (markdown, text, HTML, JSON FAQ)."""
    from tqdm import tqdm

    from app.cli import EXIT_PARTIAL
    from app.db import check_schema, session_scope
    from app.knowledge import ingest_paths
    from retrieval.documents import iter_files

    check_schema()
    total = len(iter_files(list(paths)))
    with tqdm(total=total, unit="file", disable=not sys.stderr.isatty()) as bar, \
            session_scope(write=True) as session:
        result = ingest_paths(paths=list(paths), session=session, layer=layer,
                              language=language, progress=bar.update)
    for error in result.errors:
        click.echo(f"skipped {error}")
    c = result.counts
    click.echo(f"ingested: {c.added} new, {c.replaced} replaced, {c.unchanged} unchanged, "
               f"{c.chunks} chunks, {len(result.errors)} skipped")
    if result.errors:
        sys.exit(EXIT_PARTIAL)


@click.command()
@click.argument("query")
@click.option("--k", "k", type=click.IntRange(1, 100), default=5, help="Number of hits")
@click.option("--layer", "layers", multiple=True, type=click.Choice(LAYERS),
              help="Only these layers (repeatable)")
@click.option("--language", "languages", multiple=True, type=click.Choice(["en", "zh"]),
              help="Only these languages (repeatable)")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array on the last line")
def search(query: str, k: int, layers: tuple[str, ...], languages: tuple[str, ...],
           as_json: bool) -> None:
    """Hybrid search over the knowledge base."""
    from app.knowledge import search_knowledge

    hits = search_knowledge(query=query, k=k, layers=layers or None,
                            languages=languages or None)
    if as_json:
        keys = ("id", "title", "text", "score", "source", "layer", "language")
        click.echo(json.dumps([{key: getattr(h, key) for key in keys} for h in hits],
                              ensure_ascii=False))
        return
    if not hits:
        click.echo("no results")
    for rank, hit in enumerate(hits, 1):
        snippet = " ".join(hit.text.split())[:160]
        click.echo(f"{rank}. [{hit.score:.2f}] {hit.title} ({hit.id}, {hit.layer}, "
                   f"{hit.language})\n   {snippet}")


COMMANDS = [ingest, search]
