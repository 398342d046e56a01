"""The state of one turn, passed between the pipeline's steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlmodel import Session

from app.assist import acting, routing
from app.assist.asides import Aside
from app.assist.state import DialogueState
from app.assist.understand import Understanding
from app.models import Conversation, Customer
from app.store.connector import OrderSnapshot, order_of
from app.store.store_facts import StoreFacts
from retrieval.index import Hit

if TYPE_CHECKING:
    from app.runtime import Runtime


@dataclass
class Turn:
    """Everything one turn works on, passed between the steps."""

    rt: Runtime
    session: Session
    customer: Customer
    conversation: Conversation
    state: DialogueState
    text: str
    channel: str
    u: Understanding
    orders: list[OrderSnapshot]
    facts: StoreFacts
    step: acting.ActStep = field(default_factory=acting.ActStep)
    # the same request on the other orders meant ("cancel both"), one step each
    more_steps: list[acting.ActStep] = field(default_factory=list)
    intent: str = ""
    handoff: routing.Handoff | None = None
    template: str = ""
    ticket_id: str | None = None
    hits: list[Hit] = field(default_factory=list)
    # the message as the shopper wrote it (``text`` is how it is read)
    written: str = ""
    # a question joined to the request ("also, ..."), answered after it
    aside: Aside | None = None
    # a reply that answers the pending yes/no question (not a new request)
    answered_pending: bool = False
    # a person owns the conversation: the bot says nothing, its drafts go to the agent
    human_owned: bool = False
    # an off-topic message answered with what the bot can help with (no person needed)
    off_topic: bool = False
    # a greeting or thanks and nothing else: answered in kind, no failure, no offer
    social: bool = False
    # an order's address asked to change with no order that still could: the account's
    for_the_account: bool = False
    # the answer saying what the warranty covers, which offers a colleague for a claim
    warranty_offer: str = ""

    def order_in_hand(self) -> OrderSnapshot | None:
        """The shopper's order the turn is about (its ``order_id`` slot), if any."""
        return order_of(self.orders, self.u.slots.order_id)
