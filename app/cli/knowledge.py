"""`kefu ingest`, `kefu search` and `kefu kb list|remove`."""

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

    from app.cli import EXIT_PARTIAL, current_runtime
    from app.knowledge import ingest_paths
    from retrieval.documents import iter_files

    rt = current_runtime()
    total = len(iter_files(list(paths)))
    with tqdm(total=total, unit="file", disable=not sys.stderr.isatty()) as bar, \
            rt.session(write=True) as session:
        result = ingest_paths(rt, paths=list(paths), session=session, layer=layer,
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
    from app.cli import current_runtime
    from app.knowledge import search_knowledge

    hits = search_knowledge(current_runtime(), query=query, k=k, layers=layers or None,
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


@click.group()
def kb() -> None:
    """The knowledge documents: list them, remove them."""


@kb.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array on the last line")
def kb_list(as_json: bool) -> None:
    """Every knowledge document: id, language, layer, chunks, title, source."""
    from app.cli import current_runtime
    from app.knowledge import list_documents

    rt = current_runtime()
    with rt.session() as session:
        docs = list_documents(session)
    if as_json:
        click.echo(json.dumps([d.model_dump(mode="json", exclude={"content_hash"})
                               for d in docs], ensure_ascii=False))
        return
    for d in docs:
        click.echo(f"{d.id:<40} {d.language:<3} {d.layer:<10} {d.chunk_count:>4}  {d.title}"
                   f"  ({d.source})")
    click.echo(f"{len(docs)} documents")


@kb.command("remove")
@click.argument("doc_ids", nargs=-1, required=True)
def kb_remove(doc_ids: tuple[str, ...]) -> None:
    """Remove documents by id (see `kefu kb list`); the index follows at once."""
    from app.cli import EXIT_PARTIAL, current_runtime
    from app.knowledge import remove_documents

    rt = current_runtime()
    removed, unknown = remove_documents(rt, doc_ids=list(doc_ids))
    for doc_id in unknown:
        click.echo(f"no document {doc_id}")
    click.echo(f"removed {len(removed)} document{'s' if len(removed) != 1 else ''}")
    if unknown:
        sys.exit(EXIT_PARTIAL)


COMMANDS = [ingest, search, kb]
