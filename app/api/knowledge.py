"""Knowledge passages behind a suggestion's sources, for the console (staff only).

Only the knowledge-base namespace is served: order documents are indexed too, and an
id naming one must not become a way to read another customer's order.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from app.auth import STAFF, Principal, require
from app.errors import NotFoundError
from app.knowledge import get_index

router = APIRouter(prefix="/api/knowledge", tags=["knowledge"])

Agent = Annotated[Principal, Depends(require(*STAFF))]
KB = "kb"
_SOURCE_ID = re.compile(r"^kb:(?P<doc>[^#]{1,200})#(?P<ord>\d{1,6})$")


class Passage(BaseModel):
    id: str
    doc_id: str
    title: str
    section: str
    text: str
    layer: str
    language: str
    source: str


@router.get("/passage", response_model=Passage)
def passage(principal: Agent, source_id: Annotated[str, Query(
        alias="id", max_length=220, description="A source id such as kb:returns-policy-en#2",
)]) -> Passage:
    """The passage a suggestion cites."""
    match = _SOURCE_ID.match(source_id)
    if match is None:
        raise NotFoundError("passage not found")
    store = get_index().store
    ids = store.select_ids(namespace=KB, doc_ids=[match["doc"]])
    wanted = int(match["ord"])
    for row in store.rows(ids).values():
        if row.ord == wanted:
            return Passage(id=source_id, doc_id=row.doc_id, title=row.title,
                           section=row.section, text=row.text, layer=row.layer,
                           language=row.language, source=row.source)
    raise NotFoundError("passage not found")
