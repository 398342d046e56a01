"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import text

from app import __version__
from app.api.deps import RuntimeDep
from app.db import current_revision, head_revision

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    version: str
    schema_revision: str | None


@router.get("/health", response_model=Health)
def health(rt: RuntimeDep) -> Health:
    """200 when the database answers and its schema is current."""
    engine = rt.engine
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    revision = current_revision(engine)
    status = "ok" if revision == head_revision() else "migration_needed"
    return Health(status=status, version=__version__, schema_revision=revision)
