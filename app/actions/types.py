"""Who acts (:class:`Actor`) and what comes back (:class:`ActionOutcome`)."""

from __future__ import annotations

from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.domain import RECORD_ID_MAX, RECORD_ID_PATTERN, ActionStatus

ActorKind = Literal["shopper", "agent", "system"]
Mode = Literal["bot", "console"]

_AGENT_NAME = Field(
    default=None, min_length=1, max_length=48, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.@:-]*$"
)
_CUSTOMER_ID = Field(default=None, min_length=1, max_length=RECORD_ID_MAX,
                     pattern=RECORD_ID_PATTERN)


class Actor(BaseModel):
    """The one who proposes, confirms or rejects an action.

    ``customer_id`` is the customer on whose account the actor works: for a shopper
    it is the shopper, required; for an agent or the system it is optional, and when
    an action runs in a conversation the conversation's customer is used (and must
    agree with it if both are given). Authority comes only from here and the store,
    never from action parameters or message text.
    """

    model_config = ConfigDict(frozen=True)

    kind: ActorKind
    name: str | None = _AGENT_NAME
    customer_id: str | None = _CUSTOMER_ID

    @model_validator(mode="after")
    def _complete(self) -> Self:
        if self.kind == "shopper" and not self.customer_id:
            raise ValueError("a shopper actor needs customer_id")
        if self.kind == "agent" and not self.name:
            raise ValueError("an agent actor needs a name")
        return self

    @classmethod
    def shopper(cls, customer_id: str) -> Actor:
        return cls(kind="shopper", customer_id=customer_id)

    @classmethod
    def agent(cls, name: str, *, customer_id: str | None = None) -> Actor:
        return cls(kind="agent", name=name, customer_id=customer_id)

    @classmethod
    def system(cls, *, customer_id: str | None = None) -> Actor:
        return cls(kind="system", customer_id=customer_id)

    @property
    def label(self) -> str:
        """How the audit trail names the actor: ``shopper:C001``, ``agent:alice``, ``system``."""
        if self.kind == "shopper":
            return f"shopper:{self.customer_id}"
        if self.kind == "agent":
            return f"agent:{self.name}"
        return "system"


class ActionOutcome(BaseModel):
    """The ``action`` object of an AssistResult, plus the id of its ``action`` row.

    ``action_id`` is None when nothing was stored: the proposal failed validation or
    was blocked before it became an action.
    """

    name: str
    params: dict[str, Any] = Field(default_factory=dict)
    status: ActionStatus
    result: dict[str, Any] | None = None
    action_id: int | None = None

    @property
    def reason(self) -> str | None:
        """Why it was refused or failed (``result["reason"]``), if it says."""
        return (self.result or {}).get("reason")
