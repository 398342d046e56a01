"""Administration: knowledge ingestion, store import and API tokens (admin role only)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query

from app.api.deps import Admin, RuntimeDep
from app.api.schemas import (
    ImportOut,
    IngestIn,
    IngestOut,
    NewTokenOut,
    RejectionOut,
    RowId,
    TokenIn,
    TokenOut,
)
from app.auth import create_token, default_ttl, list_tokens, revoke_token, rotate_token
from app.errors import InputError
from app.knowledge import ingest_paths
from app.runtime import Runtime
from app.store.importer import import_into
from retrieval.documents import SUFFIXES

router = APIRouter(prefix="/api/admin", tags=["admin"])

UPLOAD_DIR = "uploads"
UPLOAD_SUFFIXES = tuple(sorted(SUFFIXES))
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$")


def _save_uploads(rt: Runtime, body: IngestIn) -> list[Path]:
    """Uploaded documents land in KEFU_HOME/uploads under their (plain) file name, so
    uploading the same name again updates the same document."""
    folder = rt.settings.home / UPLOAD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for upload in body.files:
        if not _SAFE_NAME.match(upload.name) or not upload.name.lower().endswith(
                UPLOAD_SUFFIXES):
            raise InputError(f"file name {upload.name!r}: use letters, digits, . _ - and "
                             f"one of {' '.join(UPLOAD_SUFFIXES)}")
        path = folder / upload.name
        path.write_text(upload.content, encoding="utf-8")
        saved.append(path)
    return saved


@router.post("/ingest", response_model=IngestOut, responses={
    400: {"description": "Nothing to ingest, or an upload's file name is refused"}})
def ingest(rt: RuntimeDep, body: IngestIn, principal: Admin) -> IngestOut:
    """Add or update knowledge documents: uploaded ones (name + text) and/or files and
    folders on the server. Broken files are reported in ``errors`` and skipped."""
    if not body.paths and not body.files:
        raise InputError("give `files` to upload and/or server `paths`")
    paths = [Path(p) for p in body.paths] + _save_uploads(rt, body)
    with rt.session(write=True) as session:
        result = ingest_paths(rt, paths=paths, session=session, layer=body.layer,
                              language=body.language)
    c = result.counts
    return IngestOut(added=c.added, replaced=c.replaced, unchanged=c.unchanged,
                     chunks=c.chunks, errors=result.errors)


@router.post("/import-store", response_model=ImportOut)
def import_store_route(rt: RuntimeDep, principal: Admin, data: Annotated[dict[str, Any], Body(
        description="The store import format of DESIGN.md")]) -> ImportOut:
    """Upsert customers, products, orders and refunds; bad records are returned in
    ``rejected`` with their index and reason while good ones load."""
    report = import_into(rt, data)
    counts = {name: {"inserted": c.inserted, "updated": c.updated, "unchanged": c.unchanged}
              for name, c in report.counts.items()}
    rejected = [RejectionOut(section=r.section, index=r.index, record_id=r.record_id,
                             reason=r.reason) for r in report.rejected]
    return ImportOut(summary=report.summary(), counts=counts, rejected=rejected,
                     ignored=report.ignored)


@router.get("/tokens", response_model=list[TokenOut])
def tokens(rt: RuntimeDep, principal: Admin) -> list[TokenOut]:
    """Every token, without its secret."""
    with rt.session() as session:
        return [TokenOut.model_validate(t, from_attributes=True)
                for t in list_tokens(session=session)]


@router.post("/tokens", response_model=NewTokenOut, status_code=201, responses={
    400: {"description": "No usable name, or a customer given for a staff role"},
    404: {"description": "Unknown customer"}})
def new_token(rt: RuntimeDep, body: TokenIn, principal: Admin) -> NewTokenOut:
    """Create a token; the response is the only time its secret is shown."""
    name = body.name or (f"shopper-{body.customer_id}" if body.customer_id else None)
    if name is None:
        raise InputError("give a name for the token")
    with rt.session(write=True) as session:
        ttl = (default_ttl(rt.settings) if body.ttl_days is None
               else None if body.ttl_days == 0 else timedelta(days=body.ttl_days))
        row, plain = create_token(session=session, role=body.role, name=name,
                                  customer_id=body.customer_id, ttl=ttl)
        return NewTokenOut(**TokenOut.model_validate(row, from_attributes=True).model_dump(),
                           token=plain)


@router.post("/tokens/{token_id}/rotate", response_model=NewTokenOut, status_code=201)
def rotate(rt: RuntimeDep, token_id: RowId, principal: Admin,
           grace_s: Annotated[int, Query(ge=0, le=30 * 86400)] = 0) -> NewTokenOut:
    """A new token for the same holder and role (lifetime KEFU_TOKEN_TTL_DAYS); the old
    one stops working after ``grace_s`` seconds (at once by default)."""
    with rt.session(write=True) as session:
        row, plain = rotate_token(session=session, token_id=token_id,
                                  ttl=default_ttl(rt.settings), grace=timedelta(seconds=grace_s))
        return NewTokenOut(**TokenOut.model_validate(row, from_attributes=True).model_dump(),
                           token=plain)


@router.delete("/tokens/{token_id}", response_model=TokenOut)
def revoke(rt: RuntimeDep, token_id: RowId, principal: Admin) -> TokenOut:
    """Revoke a token: requests with it are refused (401) from now on."""
    with rt.session(write=True) as session:
        return TokenOut.model_validate(revoke_token(session=session, token_id=token_id),
                                       from_attributes=True)
