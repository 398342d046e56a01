"""Logging set-up: a rotating file in KEFU_HOME/logs and warnings on stderr, both through
:class:`app.privacy.SafeFormatter` (one line per record, personal data redacted)."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from app.privacy import AccessLogFilter, SafeFormatter
from app.settings import Settings

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _file_handler(settings: Settings) -> logging.Handler | None:
    """The log file; None where KEFU_HOME does not exist yet or cannot be written (a
    command that only reads still runs, and one that writes says why it cannot)."""
    if not settings.home.is_dir():
        return None
    try:
        settings.log_dir.mkdir(exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            settings.log_dir / "kefu.log", maxBytes=5_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        sys.stderr.write(f"warning: no log file ({exc.strerror}: {settings.log_dir})\n")
        return None
    handler.setFormatter(SafeFormatter(_FORMAT))
    return handler


def setup_logging(settings: Settings, *, stderr_level: int = logging.WARNING) -> None:
    root = logging.getLogger()
    root.setLevel(settings.log_level.upper())
    for handler in list(root.handlers):
        if getattr(handler, "_kefu", False):
            root.removeHandler(handler)
    console = logging.StreamHandler()
    console.setLevel(stderr_level)
    console.setFormatter(SafeFormatter("%(levelname)s %(name)s: %(message)s"))
    handlers: list[logging.Handler] = [console]
    file_handler = _file_handler(settings)
    if file_handler is not None:
        handlers.append(file_handler)
    for handler in handlers:
        handler._kefu = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, AccessLogFilter) for f in access.filters):
        access.addFilter(AccessLogFilter())
    # jieba and friends are chatty at INFO on import
    for noisy in ("jieba", "httpx", "faiss", "sentence_transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
