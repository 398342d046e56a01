"""`kefu init`: create KEFU_HOME, migrate the database, load the demo store and KB."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from sqlmodel import Session, select

from app.auth import describe_demo_tokens, ensure_demo_tokens
from app.db import session_scope, upgrade
from app.errors import ConfigError
from app.knowledge import delete_documents, index_orders, ingest_paths
from app.models import KnowledgeDocument
from app.settings import Settings
from app.store.demo import load_demo_store
from app.store.importer import import_store

log = logging.getLogger(__name__)


def initialise(*, settings: Settings) -> Iterator[str]:
    """Each step yields one line of progress; running it twice changes nothing."""
    try:
        settings.home.mkdir(parents=True, exist_ok=True)
        settings.log_dir.mkdir(exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create KEFU_HOME {settings.home}: {exc}") from exc
    yield f"home: {settings.home.resolve()}"

    applied = upgrade()
    yield f"database: {'migrated to ' + applied[-1] if applied else 'up to date'}"

    demo = settings.data_dir / "store" / "demo_store.json"
    data = load_demo_store(demo)
    with session_scope(write=True) as session:
        report = import_store(data=data, session=session)
    if report.rejected:
        raise ConfigError(f"bundled demo store is inconsistent: {report.rejected[0]}")
    yield f"demo store: {report.summary()}"

    with session_scope(write=True) as session:
        kb = ingest_paths(paths=[settings.data_dir / "kb"], session=session)
        stale = _stale_bundled_docs(session, settings.data_dir / "kb")
        deleted = delete_documents(doc_ids=stale, session=session) if stale else 0
    if kb.errors:
        raise ConfigError(f"bundled knowledge base is broken: {kb.errors[0]}")
    c = kb.counts
    yield (f"knowledge base: {c.added} new, {c.replaced} replaced, {c.unchanged} unchanged, "
           f"{deleted} removed, {c.chunks} chunks embedded")
    with session_scope() as session:
        orders = index_orders(session=session)
    yield f"order index: {orders.added + orders.replaced} indexed, {orders.unchanged} unchanged"
    yield describe_demo_tokens(ensure_demo_tokens(settings=settings))


def _stale_bundled_docs(session: Session, kb_dir: Path) -> list[str]:
    """Bundled articles whose file is gone (renamed or deleted) leave the index."""
    root = str(kb_dir.resolve())
    rows = session.exec(select(KnowledgeDocument)).all()
    return [r.id for r in rows
            if str(Path(r.source).resolve()).startswith(root) and not Path(r.source).exists()]
