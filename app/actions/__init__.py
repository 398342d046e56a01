"""The action layer (DESIGN.md step 3, "act").

Actions are plain deterministic code in :data:`ACTIONS`; read-only ones run at once,
writes wait for the shopper's confirmation (bot) or an agent's approval (console).
The public entry points are :func:`propose_action`, :func:`confirm_action` and
:func:`reject_action`; each returns an :class:`ActionOutcome`.
"""

from app.actions.base import Action, ActionContext, ActionParams, Refusal
from app.actions.decisions import confirm_action, reject_action
from app.actions.registry import ACTIONS
from app.actions.service import preflight_action, propose_action
from app.actions.types import ActionOutcome, ActionStatus, Actor, Mode

__all__ = [
    "ACTIONS",
    "Action",
    "ActionContext",
    "ActionOutcome",
    "ActionParams",
    "ActionStatus",
    "Actor",
    "Mode",
    "Refusal",
    "confirm_action",
    "preflight_action",
    "propose_action",
    "reject_action",
]
