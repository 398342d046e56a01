"""Liveness and readiness."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Response
from pydantic import BaseModel
from sqlalchemy import text

from app import __version__
from app.api.deps import RuntimeDep
from app.db import current_revision, head_revision

router = APIRouter(tags=["health"])

HealthStatus = Literal["ok", "migration_needed", "home_unwritable"]


class Health(BaseModel):
    status: HealthStatus
    version: str
    schema_revision: str | None
    home_writable: bool
    disk_free_mb: int | None


def _writable(home: Path) -> bool:
    """Whether a byte can reach the disk in KEFU_HOME (a permission or a full disk says
    no; the index, the logs and an SQLite database all live there)."""
    try:
        with tempfile.NamedTemporaryFile(dir=home, prefix=".health-") as probe:
            probe.write(b"k")
            probe.flush()
            os.fsync(probe.fileno())
    except OSError:
        return False
    return True


def _free_mb(home: Path) -> int | None:
    try:
        return shutil.disk_usage(home).free // 1_048_576
    except OSError:
        return None


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
def health(rt: RuntimeDep, response: Response) -> Health:
    """200 when the database answers, its schema is current and KEFU_HOME can be
    written; 503 (same body) when the home cannot be written: messages would fail."""
    engine = rt.engine
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    revision = current_revision(engine)
    home = rt.settings.home
    writable = _writable(home)
    status: HealthStatus = ("home_unwritable" if not writable else
                            "ok" if revision == head_revision() else "migration_needed")
    if not writable:
        response.status_code = 503
    return Health(status=status, version=__version__, schema_revision=revision,
                  home_writable=writable, disk_free_mb=_free_mb(home))
