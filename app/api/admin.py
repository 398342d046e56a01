"""Administration: knowledge ingestion, store import and API tokens (admin role only)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends

from app.api.schemas import (
    ImportOut,
    IngestIn,
    IngestOut,
    NewTokenOut,
    RejectionOut,
    TokenIn,
    TokenOut,
)
from app.auth import Principal, create_token, list_tokens, require, revoke_token
from app.db import session_scope
from app.errors import InputError
from app.knowledge import index_orders, ingest_paths
from app.settings import get_settings
from app.store.importer import import_store
from retrieval.documents import SUFFIXES

router = APIRouter(prefix="/api/admin", tags=["admin"])

Admin = Annotated[Principal, Depends(require("admin"))]
UPLOAD_DIR = "uploads"
UPLOAD_SUFFIXES = tuple(sorted(SUFFIXES))
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$")


def _save_uploads(body: IngestIn) -> list[Path]:
    """Uploaded documents land in KEFU_HOME/uploads under their (plain) file name, so
    uploading the same name again updates the same document."""
    folder = get_settings().home / UPLOAD_DIR
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


@router.post("/ingest", response_model=IngestOut)
def ingest(body: IngestIn, principal: Admin) -> IngestOut:
    """Add or update knowledge documents: uploaded ones (name + text) and/or files and
    folders on the server. Broken files are reported in ``errors`` and skipped."""
    if not body.paths and not body.files:
        raise InputError("give `files` to upload and/or server `paths`")
    paths = [Path(p) for p in body.paths] + _save_uploads(body)
    with session_scope(write=True) as session:
        result = ingest_paths(paths=paths, session=session, layer=body.layer,
                              language=body.language)
    c = result.counts
    return IngestOut(added=c.added, replaced=c.replaced, unchanged=c.unchanged,
                     chunks=c.chunks, errors=result.errors)


@router.post("/import-store", response_model=ImportOut)
def import_store_route(principal: Admin, data: Annotated[dict[str, Any], Body(
        description="The store import format of DESIGN.md")]) -> ImportOut:
    """Upsert customers, products, orders and refunds; bad records are returned in
    ``rejected`` with their index and reason while good ones load."""
    with session_scope(write=True) as session:
        report = import_store(data=data, session=session)
    with session_scope() as session:
        index_orders(session=session, order_ids=report.order_ids)
    counts = {name: {"inserted": c.inserted, "updated": c.updated, "unchanged": c.unchanged}
              for name, c in report.counts.items()}
    rejected = [RejectionOut(section=r.section, index=r.index, record_id=r.record_id,
                             reason=r.reason) for r in report.rejected]
    return ImportOut(summary=report.summary(), counts=counts, rejected=rejected)


@router.get("/tokens", response_model=list[TokenOut])
def tokens(principal: Admin) -> list[TokenOut]:
    """Every token, without its secret."""
    with session_scope() as session:
        return [TokenOut.model_validate(t, from_attributes=True)
                for t in list_tokens(session=session)]


@router.post("/tokens", response_model=NewTokenOut, status_code=201)
def new_token(body: TokenIn, principal: Admin) -> NewTokenOut:
    """Create a token; the response is the only time its secret is shown."""
    name = body.name or (f"shopper-{body.customer_id}" if body.customer_id else None)
    if name is None:
        raise InputError("give a name for the token")
    with session_scope(write=True) as session:
        row, plain = create_token(session=session, role=body.role, name=name,
                                  customer_id=body.customer_id)
        return NewTokenOut(**TokenOut.model_validate(row, from_attributes=True).model_dump(),
                           token=plain)


@router.delete("/tokens/{token_id}", response_model=TokenOut)
def revoke(token_id: int, principal: Admin) -> TokenOut:
    """Revoke a token: requests with it are refused (401) from now on."""
    with session_scope(write=True) as session:
        return TokenOut.model_validate(revoke_token(session=session, token_id=token_id),
                                       from_attributes=True)
