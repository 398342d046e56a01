"""AssistResult and its parts: the JSON contract of `kefu assist` (DESIGN.md)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.domain import ActionStatus, Decision, Priority, SuggestionKind

Kind = SuggestionKind


class Source(BaseModel):
    id: str
    title: str
    score: float


class Suggestion(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    text: str
    kind: Kind
    confidence: float = Field(ge=0, le=1)
    sources: list[Source] = Field(default_factory=list)
    grounded: bool = True
    # what the confidence was computed from; kept for calibration, never serialised
    evidence: Any = Field(default=None, exclude=True)
    citations_valid: bool | None = Field(default=None, exclude=True)


class ActionView(BaseModel):
    name: str
    params: dict[str, Any] = Field(default_factory=dict)
    status: ActionStatus
    result: Any = None
    action_id: int | None = Field(default=None, exclude=True)


class AssistResult(BaseModel):
    conversation_id: str
    language: Literal["en", "zh"]
    intent: str
    intent_confidence: float
    sentiment: str
    action: ActionView | None
    reply: str
    suggestions: list[Suggestion]
    confidence: float
    decision: Decision
    priority: Priority
    ticket_id: str | None = None
    # why a person must look before anything is sent ("injection"); kept on the message
    # and shown in the console, outside the DESIGN.md contract
    flags: list[str] = Field(default_factory=list, exclude=True)
    # what the reply asked the shopper for; kept for evaluation, never serialised
    asked_for: list[str] = Field(default_factory=list, exclude=True)

    def contract(self) -> dict[str, Any]:
        """Exactly the DESIGN.md fields (suggestion `grounded` is an extra kept for agents)."""
        data = self.model_dump(mode="json")
        for suggestion in data["suggestions"]:
            suggestion.pop("grounded", None)
        return data


class Confirmation(BaseModel):
    action_id: int
    name: str
    params: dict[str, Any]
    prompt: str


class ShopperView(BaseModel):
    """What the shopper is shown for one turn.

    ``answered``: the bot's reply; ``confirm``: only the yes/no question of a proposed
    write; ``waiting``: a person will answer; ``handoff``: a person takes over now;
    ``silent``: a person already owns the conversation, the bot says nothing.
    """

    state: Literal["answered", "confirm", "waiting", "handoff", "silent"]
    text: str
    confirmation: Confirmation | None = None
    handed_off: bool = False


class TurnOut(BaseModel):
    conversation_id: str
    message_id: int
    result: AssistResult = Field(description="The AssistResult contract (DESIGN.md)")
    shopper: ShopperView
    flags: list[str] = Field(default_factory=list,
                             description="Why a person must look first (e.g. injection)")
