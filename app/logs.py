"""Logging set-up: a rotating file in KEFU_HOME/logs and warnings on stderr."""

from __future__ import annotations

import logging
import logging.handlers

from app.settings import Settings

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(settings: Settings, *, stderr_level: int = logging.WARNING) -> None:
    root = logging.getLogger()
    root.setLevel(settings.log_level.upper())
    for handler in list(root.handlers):
        if getattr(handler, "_kefu", False):
            root.removeHandler(handler)
    console = logging.StreamHandler()
    console.setLevel(stderr_level)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handlers: list[logging.Handler] = [console]
    if settings.home.is_dir():
        settings.log_dir.mkdir(exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            settings.log_dir / "kefu.log", maxBytes=5_000_000, backupCount=3, encoding="utf-8"
        )
        file_handler.setFormatter(logging.Formatter(_FORMAT))
        handlers.append(file_handler)
    for handler in handlers:
        handler._kefu = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    # jieba and friends are chatty at INFO on import
    for noisy in ("jieba", "httpx", "faiss", "sentence_transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
