"""The words Kefu's parts share, each defined once: statuses, decisions, reasons.

Values are the strings of the contracts (DESIGN.md: AssistResult, the store format),
so an enum member serialises exactly as the bare string did.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import StringConstraints

# --- record ids ---------------------------------------------------------------------------
# A store's own ids are opaque strings ("#1001", "SO-88231", "123-4567890-1234567", an
# 18-digit platform number, a SKU "KB/87/RED", a platform nickname "淘宝用户_小明"): any
# printable characters but spaces, with at least one letter or digit of any script, up
# to 64 of them. (No id has a space; text with spaces in an id field is an attempt to
# smuggle words into a parameter. "#" or "--" alone names nothing.)
RECORD_ID_MAX = 64
RECORD_ID_PATTERN = r"^[^\s\x00-\x1f\x7f]*[^\W_][^\s\x00-\x1f\x7f]*$"
RECORD_ID_RE = re.compile(RECORD_ID_PATTERN)
RecordId = Annotated[str, StringConstraints(min_length=1, max_length=RECORD_ID_MAX,
                                            pattern=RECORD_ID_PATTERN)]


class ActionStatus(StrEnum):
    """An action outcome's status (AssistResult ``action.status``)."""

    executed = "executed"
    needs_confirmation = "needs_confirmation"
    needs_approval = "needs_approval"
    blocked = "blocked"
    failed = "failed"


PENDING_STATUSES = frozenset({ActionStatus.needs_confirmation, ActionStatus.needs_approval})
ROW_REJECTED = "rejected"  # stored on the action row; reads back as ``blocked``


class Reason(StrEnum):
    """Why an action was blocked or failed: the one vocabulary from actions to the API."""

    # authorization: unknown and foreign look exactly alike, so they reveal nothing
    not_your_order = "not_your_order"
    not_your_conversation = "not_your_conversation"
    not_your_action = "not_your_action"
    unknown_conversation = "unknown_conversation"
    unknown_customer = "unknown_customer"
    customer_mismatch = "customer_mismatch"
    no_customer = "no_customer"
    # policy guards
    status_not_allowed = "status_not_allowed"
    returns_window_closed = "returns_window_closed"
    invoice_window_closed = "invoice_window_closed"
    delivery_date_unknown = "delivery_date_unknown"
    refund_already_open = "refund_already_open"
    not_returnable_once_opened = "not_returnable_once_opened"
    refund_exceeds_remaining = "refund_exceeds_remaining"
    item_not_in_order = "item_not_in_order"
    unknown_product = "unknown_product"
    currency_mismatch = "currency_mismatch"
    not_delivered_there = "not_delivered_there"
    # the decision flow
    rejected = "rejected"
    not_pending = "not_pending"
    needs_shopper_confirmation = "needs_shopper_confirmation"
    needs_agent_approval = "needs_agent_approval"
    # failures
    unknown_action = "unknown_action"
    invalid_params = "invalid_params"
    missing_params = "missing_params"
    execution_failed = "execution_failed"


class Decision(StrEnum):
    auto_send = "auto_send"
    agent_review = "agent_review"
    handoff = "handoff"


class Priority(StrEnum):
    low = "low"
    normal = "normal"
    high = "high"
    urgent = "urgent"

    @property
    def rank(self) -> int:
        return list(Priority).index(self)


class HandoffReason(StrEnum):
    complaint = "complaint"
    anger = "anger"
    human_request = "human_request"
    out_of_scope = "out_of_scope"
    repeated_failure = "repeated_failure"


class ConversationStatus(StrEnum):
    open = "open"
    handed_off = "handed_off"
    resolved = "resolved"


class TicketStatus(StrEnum):
    open = "open"
    assigned = "assigned"
    closed = "closed"


class Role(StrEnum):
    """Who wrote a message."""

    shopper = "shopper"
    bot = "bot"
    agent = "agent"
    system = "system"


class SuggestionKind(StrEnum):
    llm = "llm"
    kb = "kb"
    template = "template"
