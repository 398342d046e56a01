"""`kefu init`: create KEFU_HOME, migrate the database, load the demo store and KB."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from app.db import session_scope, upgrade
from app.errors import ConfigError
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
