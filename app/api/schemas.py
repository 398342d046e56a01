"""Request and response bodies of the HTTP API (never table models).

Request bodies forbid unknown fields and do not coerce types, so a typo or a number
where text belongs is a clear 422 instead of a silently ignored field.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import Path
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.assist.pipeline import MAX_MESSAGE_CHARS
from app.assist.schemas import AssistResult, ShopperView
from app.console.sla import SlaView
from app.console.views import StaffInfo
from app.domain import RecordId
from app.understanding.text import clean_message


def _message_text(value: str) -> str:
    value = clean_message(value)  # zero-width and control characters are no text
    if not value:
        raise ValueError("must not be empty")
    if len(value) > MAX_MESSAGE_CHARS:
        raise ValueError(f"too long ({len(value)} characters, at most {MAX_MESSAGE_CHARS})")
    return value


# measured after stripping, like the pipeline does, so the two limits agree
MessageText = Annotated[str, AfterValidator(_message_text), Field(
    min_length=1, json_schema_extra={"maxLength": MAX_MESSAGE_CHARS, "pattern": r"\S"},
    description=f"1-{MAX_MESSAGE_CHARS} characters once trimmed (zero-width and control "
                "characters do not count)")]
Channel = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,31}$")]
# database ids are 64-bit: a bigger number is a bad request, not a server error
ActionId = Annotated[int, Path(ge=1, le=2**63 - 1)]
RowId = Annotated[int, Path(ge=1, le=2**63 - 1)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class ConversationIn(Body):
    channel: Channel = "web"
    label: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None


class MessageIn(Body):
    text: MessageText
    channel: Channel = "web"


class RatingIn(Body):
    score: Annotated[int, Field(ge=1, le=5, description="1 (bad) to 5 (great); a JSON "
                                "integer (3, not 3.0 or \"3\")")]


class TextIn(Body):
    text: MessageText


class WebhookIn(Body):
    external_id: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    customer_id: RecordId
    text: MessageText
    thread: Annotated[str, StringConstraints(min_length=1, max_length=150)] | None = Field(
        default=None, description="The channel's thread id; default: one thread per customer")


class ProposeIn(Body):
    name: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    params: dict[str, Any] = Field(default_factory=dict)


class TokenIn(Body):
    role: Literal["shopper", "agent", "analyst", "admin", "channel"]
    name: Annotated[str, StringConstraints(min_length=1, max_length=48)] | None = None
    customer_id: RecordId | None = None
    ttl_days: int | None = Field(
        default=None, ge=0, le=3650,
        description="Days the token works; 0: until revoked; default KEFU_TOKEN_TTL_DAYS")


class UploadFile_(Body):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    content: Annotated[str, StringConstraints(max_length=2_000_000)]


class IngestIn(Body):
    paths: list[Annotated[str, StringConstraints(min_length=1, max_length=1000)]] = Field(
        default_factory=list, description="Files or folders on the server")
    files: list[UploadFile_] = Field(default_factory=list, max_length=200,
                                     description="Uploaded documents: name and text content")
    layer: Literal["policy", "product", "promotion", "complaint"] | None = None
    language: Literal["en", "zh"] | None = None


# --- responses ------------------------------------------------------------------------


class MessageOut(BaseModel):
    id: int
    role: str
    text: str
    channel: str
    language: str | None
    intent: str | None
    created_at: datetime


class TicketOut(BaseModel):
    id: str
    conversation_id: str
    priority: str
    reason: str
    status: str
    assignee: str | None
    created_at: datetime
    closed_at: datetime | None


class ConversationOut(BaseModel):
    id: str
    customer_id: str
    channel: str
    label: str | None
    language: str | None
    status: str
    csat: int | None
    created_at: datetime
    updated_at: datetime
    messages: list[MessageOut] = Field(default_factory=list)
    ticket: TicketOut | None = None
    staff: StaffInfo | None = Field(default=None, description="Staff callers only (null "
                                    "for shoppers): owner, SLA, notes, typing")


class WebhookOut(BaseModel):
    conversation_id: str
    message_id: int
    duplicate: bool = Field(description="True when this external_id was seen before")
    decision: str
    shopper: ShopperView
    result: AssistResult | None = Field(
        default=None, description="The full AssistResult, on the first delivery only")


class ActionOut(BaseModel):
    id: int | None
    name: str
    params: dict[str, Any]
    status: str
    result: Any = None
    conversation_id: str | None = None
    created_at: datetime | None = None


class ActionDecisionOut(BaseModel):
    action: ActionOut
    message: MessageOut | None = Field(
        default=None, description="The reply added to the conversation, if any")


class SuggestionOut(BaseModel):
    id: int
    conversation_id: str
    message_id: int
    kind: str
    text: str
    confidence: float
    sources: list[dict[str, Any]]
    rank: int
    decision: str | None
    final_text: str | None
    decided_by: str | None
    decided_at: datetime | None
    created_at: datetime


class SuggestionDecisionOut(BaseModel):
    suggestion: SuggestionOut
    message: MessageOut | None = None


class QueueItem(BaseModel):
    conversation_id: str
    customer_id: str
    customer_name: str | None
    channel: str
    language: str | None
    status: str
    reason: str = Field(description="`review` (a reply waits for an agent) or the hand-off "
                                    "reason of the open ticket")
    priority: str
    ticket_id: str | None
    waiting_since: datetime
    waiting_s: float
    last_message: str | None
    intent: str | None
    assignee: str | None = Field(default=None, description='An agent, "team:<name>" or null')
    sla: SlaView | None = Field(default=None, description="Service-level clocks")


class TokenOut(BaseModel):
    id: int
    name: str
    role: str
    customer_id: str | None
    demo: bool
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    expires_at: datetime | None


class NewTokenOut(TokenOut):
    token: str = Field(description="The bearer token; shown once, only its hash is stored")


class IngestOut(BaseModel):
    added: int
    replaced: int
    unchanged: int
    chunks: int
    errors: list[str]


class RejectionOut(BaseModel):
    section: str
    index: int | None
    record_id: str | None
    reason: str


class ImportOut(BaseModel):
    summary: str
    counts: dict[str, dict[str, int]]
    rejected: list[RejectionOut]
    ignored: list[str] = []  # top-level keys holding no records (an export's date)


class MeOut(BaseModel):
    name: str
    role: str
    customer_id: str | None


class ShopperLinkIn(Body):
    customer_id: RecordId
    ttl_s: Annotated[int, Field(ge=1, le=86_400)] | None = Field(
        default=None, description="Lifetime in seconds (default KEFU_SHOPPER_LINK_TTL_S)")
    base_url: Annotated[str, StringConstraints(
        pattern=r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?(/[A-Za-z0-9._~/-]*)?$")] | None = Field(
        default=None, description="Kefu's address as the shopper reaches it "
        "(default KEFU_PUBLIC_URL, else this request's)")


class ShopperLinkOut(BaseModel):
    customer_id: str
    url: str = Field(description="Opens the chat signed in (sets the session cookie)")
    token: str
    expires_at: datetime
