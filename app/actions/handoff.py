"""``handoff``: a marker that the conversation goes to a human; it changes nothing."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import StringConstraints

from app.actions.base import ActionContext, ActionParams, Refusal

DEFAULT_REASON = "requested"


class HandoffParams(ActionParams):
    reason: Annotated[str, StringConstraints(min_length=1, max_length=200)] = DEFAULT_REASON


class Handoff:
    """Always ``executed``; routing (step 6) opens the ticket, not this action."""

    name = "handoff"
    writes = False
    needs_customer = False
    params_model = HandoffParams

    def check(self, params: HandoffParams, ctx: ActionContext) -> Refusal | None:
        return None

    def run(self, params: HandoffParams, ctx: ActionContext) -> dict[str, Any]:
        return {"handoff": True, "reason": params.reason}
