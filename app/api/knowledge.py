"""Knowledge passages behind a suggestion's sources, for the console (staff only).

Only the knowledge-base namespace is served: order documents are indexed too, and an
id naming one must not become a way to read another customer's order.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from app.api.deps import Agent, RuntimeDep
from app.errors import NotFoundError

router = APIRouter(prefix="/api/knowledge", tags=["knowledge"])

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


@router.get("/passage", response_model=Passage,
            responses={404: {"description": "No such knowledge-base passage"}})
def passage(rt: RuntimeDep, principal: Agent, source_id: Annotated[str, Query(
        alias="id", max_length=220, description="A source id such as kb:returns-policy-en#2",
)]) -> Passage:
    """The passage a suggestion cites."""
    match = _SOURCE_ID.match(source_id)
    if match is None:
        raise NotFoundError("passage not found")
    hit = rt.index.passage(match["doc"], int(match["ord"]))
    if hit is None:
        raise NotFoundError("passage not found")
    return Passage(id=source_id, doc_id=hit.doc_id, title=hit.title, section=hit.section,
                   text=hit.text, layer=hit.layer, language=hit.language, source=hit.source)
