"""One message in its conversation, as the rules read it, and how a rule settles it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.assist.state import DialogueState
from app.assist.understand import CARRY_CONFIDENCE, Understanding
from app.intents import spec
from app.store.connector import OrderSnapshot, order_of

RULE_CONFIDENCE = 0.85


# a message this short counts as a follow-up to a question about the order in hand
FOLLOW_UP_CHARS = 40


@dataclass
class Reading:
    """One message in its conversation."""

    u: Understanding
    text: str
    state: DialogueState
    orders: Sequence[OrderSnapshot]
    kb_score: float = 0.0
    # the shopper turned the topic ("另外…", "by the way…"): ``text`` is what follows it
    turned_topic: bool = False

    @property
    def previous(self) -> str | None:
        return self.state.intent

    @property
    def names_order(self) -> bool:
        """The message itself points at an order: a number, an item, "my last order"."""
        s = self.u.slots
        return bool(s.order_mention) or (s.order_id is not None and s.order_source in (
            "message", "item_reference")) or bool(s.item_products and s.order_id)

    @property
    def by_number(self) -> bool:
        """The message names an order by its number (not by an item or "my last one")."""
        s = self.u.slots
        return bool(s.order_mention) or (s.order_id is not None and s.order_source == "message")

    @property
    def names_another_order(self) -> bool:
        """The message names an order other than the one the conversation is about."""
        s = self.u.slots
        return bool(s.order_mention) or (self.names_order and s.order_id not in (
            None, self.state.slots.order_id))

    @property
    def about_an_order(self) -> bool:
        """The message or the conversation is about one of the shopper's orders."""
        return self.names_order or bool(self.u.slots.order_id) or bool(
            self.state.orders_discussed) or spec(self.previous or "").about_order

    @property
    def short(self) -> bool:
        return len(self.text.strip()) <= FOLLOW_UP_CHARS

    def order(self) -> OrderSnapshot | None:
        return order_of(self.orders, self.u.slots.order_id)

    def orders_holding_named_items(self) -> list[OrderSnapshot]:
        """The shopper's orders that hold an item the message names."""
        named = set(self.u.slots.item_products)
        return [o for o in self.orders if named & {i.product_id for i in o.items}]


def settle(r: Reading, intent: str, *, carried: bool = False) -> None:
    r.u.intent = intent
    if carried or r.u.intent_confidence < RULE_CONFIDENCE:
        r.u.intent_confidence = CARRY_CONFIDENCE if carried else RULE_CONFIDENCE
        r.u.margin = r.u.intent_confidence
    r.u.carried = carried
