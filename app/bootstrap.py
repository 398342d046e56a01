"""`kefu init`: create KEFU_HOME, migrate the database, seed the store's policy and,
for the demo, load the bundled store and knowledge base."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

from sqlmodel import Session, select

from app.auth import describe_demo_tokens, ensure_demo_tokens
from app.db import upgrade
from app.errors import ConfigError
from app.knowledge import bundled_root, delete_documents, index_orders, ingest_paths
from app.models import KnowledgeDocument
from app.policy import install_policy
from app.runtime import Runtime
from app.store.demo import load_demo_store
from app.store.importer import import_into

log = logging.getLogger(__name__)


def make_home(home: Path) -> None:
    """KEFU_HOME and its logs folder, readable by their owner only (they hold messages,
    addresses and tokens)."""
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        (home / "logs").mkdir(exist_ok=True, mode=0o700)
        os.chmod(home, 0o700)
        probe = home / ".write-probe"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        raise ConfigError(f"cannot create or write KEFU_HOME {home}: {exc.strerror or exc}"
                          ) from exc


def initialise(rt: Runtime, *, demo: bool = True,
               policy_file: Path | None = None) -> Iterator[str]:
    """Each step yields one line of progress; running it twice changes nothing."""
    settings = rt.settings
    make_home(settings.home)
    yield f"home: {settings.home.resolve()}"

    applied = upgrade(rt.engine)
    yield f"database: {'migrated to ' + applied[-1] if applied else 'up to date'}"

    path = install_policy(settings, policy_file, replace=policy_file is not None, demo=demo)
    yield f"policy: {path.resolve()} (`kefu policy show`)"

    if demo:
        yield from _load_demo(rt)
    else:
        # the index exists from the start, so the first ingest or import needs nothing
        rt.index  # noqa: B018 - opening it creates it
        yield "store: empty (load yours with `kefu import-store` and `kefu ingest`)"
    yield describe_demo_tokens(ensure_demo_tokens(rt))


def _load_demo(rt: Runtime) -> Iterator[str]:
    settings = rt.settings
    data = load_demo_store(settings.data_dir / "store" / "demo_store.json")
    report = import_into(rt, data)
    if report.rejected:
        raise ConfigError(f"bundled demo store is inconsistent: {report.rejected[0]}")
    yield f"demo store: {report.summary()}"

    with rt.session(write=True) as session:
        kb = ingest_paths(rt, paths=[settings.data_dir / "kb"], session=session)
        stale = _stale_bundled_docs(session, bundled_root(settings))
        deleted = delete_documents(rt, doc_ids=stale, session=session) if stale else 0
    if kb.errors:
        raise ConfigError(f"bundled knowledge base is broken: {kb.errors[0]}")
    c = kb.counts
    yield (f"knowledge base: {c.added} new, {c.replaced} replaced, {c.unchanged} unchanged, "
           f"{deleted} removed, {c.chunks} chunks embedded")
    with rt.session() as session:
        orders = index_orders(rt, session=session)
    yield f"order index: {orders.added + orders.replaced} indexed, {orders.unchanged} unchanged"


def _stale_bundled_docs(session: Session, root: str) -> list[str]:
    """Bundled articles whose file is gone (renamed or deleted) leave the index."""
    rows = session.exec(select(KnowledgeDocument)).all()
    return [r.id for r in rows
            if str(Path(r.source).resolve()).startswith(root) and not Path(r.source).exists()]
