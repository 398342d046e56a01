"""The dialogue state of a conversation: what it is about and what is pending.

Stored as JSON in ``conversation.state``; read and written only through
:func:`load_state` and :func:`save_state`, so every module sees the same typed model.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, ValidationError, field_validator

from app.domain import Priority
from app.intents import SlotName
from app.models import Conversation
from app.policy import ReturnReason
from app.understanding.slots import Slots

# a yes/no question left unanswered this many turns is no longer pending
PENDING_TTL_TURNS = 2
# the writes that change an order rather than end it or send it back
CHANGES = frozenset({"change_shipping_address", "change_order"})
MAX_DISCUSSED = 8


class Pending(BaseModel):
    """A question the bot asked that a bare yes or no answers: a write waiting for its yes,
    the offer of a person, or the offer of a request of its own ("I can check its
    progress for you", "I can cancel it so you can order again, shall I?")."""

    kind: Literal["action", "handoff_offer", "request_offer"]
    intent: str
    action_id: int | None = None  # the write waiting for the shopper's yes
    order_id: str | None = None  # the order it would write to
    more_action_ids: list[int] = Field(default_factory=list)  # "cancel both": the others
    # a person offered for a warranty claim: the fault described is a yes too
    about: Literal["warranty"] | None = None
    asked_turn: int = 0
    # the write that waited when this offer was made ("before I say yes - is the light
    # covered?"): asked for again ("ok, return the tape"), it is that write's yes
    earlier: Pending | None = None

    @field_validator("kind", mode="before")
    @classmethod
    def _older_name(cls, kind: object) -> object:
        return "request_offer" if kind == "lookup_offer" else kind  # states stored before

    def expired(self, turn: int) -> bool:
        return turn - self.asked_turn > PENDING_TTL_TURNS


class DialogueState(BaseModel):
    turn: int = 0  # shopper messages so far
    intent: str | None = None  # the request the conversation is about
    slots: Slots = Field(default_factory=Slots)  # as understood at the last turn
    pending: Pending | None = None
    awaiting: list[SlotName] = Field(default_factory=list)  # what the last reply asked for
    refused: bool = False  # the last reply said the request cannot be done
    orders_discussed: list[str] = Field(default_factory=list)  # oldest first
    items_discussed: list[str] = Field(default_factory=list)  # product ids, oldest first
    priority: Priority = Priority.normal
    off_topic_turns: int = 0  # off-topic messages in a row
    # the last request of an order (an intent with an action): a question about the shop
    # in between leaves it standing ("and the one with the rear light in it?")
    last_request: str | None = None
    # the reply that the last turn asked a person to write (agent review / hand-off)
    waiting_for_agent: bool = False
    # why an item goes back, as the shopper said it, and the order it was said of: it
    # still holds when they confirm, narrow the return, or ask what it costs them
    return_reason: ReturnReason | None = None
    return_reason_order: str | None = None

    def write_waiting(self, intent: str) -> Pending | None:
        """The write of ``intent`` waiting for the shopper's yes, if one is."""
        pending = self.pending
        return pending if pending is not None and pending.kind == "action" and (
            pending.intent == intent) else None

    def discussed(self, order_id: str | None, products: list[str]) -> None:
        if order_id:
            self.orders_discussed = [o for o in self.orders_discussed if o != order_id]
            self.orders_discussed = [*self.orders_discussed, order_id][-MAX_DISCUSSED:]
        for pid in products:
            self.items_discussed = [p for p in self.items_discussed if p != pid]
            self.items_discussed = [*self.items_discussed, pid][-MAX_DISCUSSED:]


def load_state(conversation: Conversation) -> DialogueState:
    raw = dict(conversation.state or {})
    try:
        return DialogueState.model_validate(raw)
    except ValidationError:
        # a state written by an older version: keep what still reads, drop the rest
        kept = {k: v for k, v in raw.items() if k in DialogueState.model_fields}
        try:
            return DialogueState.model_validate(kept)
        except ValidationError:
            return DialogueState()


def save_state(conversation: Conversation, state: DialogueState) -> None:
    # a new dict, so SQLAlchemy sees the JSON column change
    conversation.state = state.model_dump(mode="json")
