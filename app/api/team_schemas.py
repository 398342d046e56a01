"""Request and response bodies of the team's routes: assignment, notes, canned replies,
typing, what the shopper saw, knowledge candidates (app.api.schemas has the rest)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from app.api.schemas import Body

# extra responses a route documents (FastAPI's ``responses=``)
Responses = dict[int | str, dict[str, Any]]
Text4k = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                          max_length=4000)]


class AssignIn(Body):
    assignee: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = Field(
        description='"me", an agent\'s name, "team:<name>", or null to unassign')


class NoteIn(Body):
    text: Text4k


class NoteOut(BaseModel):
    id: int
    conversation_id: str
    author: str
    text: str
    created_at: datetime


class CannedReplyIn(Body):
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                            max_length=120)]
    shortcut: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,31}$")] = Field(
        description="Typed as /shortcut in the console's editor")
    language: Literal["en", "zh"]
    text: Text4k = Field(description="May use {{name}}, {{customer_id}}, {{email}}, "
                         "{{order_id}}, {{order_status}}, {{tracking_number}}, {{carrier}}, "
                         "{{agent}}")


class CannedReplyOut(BaseModel):
    id: int
    title: str
    shortcut: str
    language: str
    text: str
    variables: list[str]
    created_by: str
    created_at: datetime
    updated_at: datetime


class RenderedOut(BaseModel):
    text: str
    language: str
    order_id: str | None = Field(description="The order whose facts were filled in")
    missing: list[str] = Field(description="Variables with no value, left in the text")


class TypingIn(Body):
    typing: bool = True


class AgentsOut(BaseModel):
    agents: list[str] = Field(description="Staff who may own conversations")
    teams: list[str] = Field(description="Teams conversations are assigned to")


class CandidateIn(Body):
    question: Text4k | None = Field(default=None, description="Reworded question")
    answer: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                             max_length=8000)] | None = None


class CandidateOut(BaseModel):
    id: int
    suggestion_id: int | None
    question: str
    answer: str
    language: str
    intent: str | None
    status: str
    decided_by: str | None
    decided_at: datetime | None
    doc_id: str | None = Field(description="The knowledge document, once approved")
    created_at: datetime
