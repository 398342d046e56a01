"""AssistResult and its parts: the JSON contract of `kefu assist` (DESIGN.md)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ActionStatus = Literal["executed", "needs_confirmation", "needs_approval", "blocked", "failed"]
Decision = Literal["auto_send", "agent_review", "handoff"]
Priority = Literal["low", "normal", "high", "urgent"]
Kind = Literal["llm", "kb", "template"]


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

    def contract(self) -> dict[str, Any]:
        """Exactly the DESIGN.md fields (suggestion `grounded` is an extra kept for agents)."""
        data = self.model_dump(mode="json")
        for suggestion in data["suggestions"]:
            suggestion.pop("grounded", None)
        return data
