"""The store-pack format the data tests check against (DESIGN.md, "Intents" and the
scenario format), written once. Pure Python: the data tests never import the
application, so a pack is checked against the contract, not against Kefu's code."""

from __future__ import annotations

# DESIGN.md, "Intents": the 27 Bitext intents plus three.
INTENTS = frozenset({
    "cancel_order", "change_order", "change_shipping_address", "check_cancellation_fee",
    "check_invoice", "check_payment_methods", "check_refund_policy", "complaint",
    "contact_customer_service", "contact_human_agent", "create_account", "delete_account",
    "delivery_options", "delivery_period", "edit_account", "get_invoice", "get_refund",
    "newsletter_subscription", "payment_issue", "place_order", "recover_password",
    "registration_problems", "review", "set_up_shipping_address", "switch_account",
    "track_order", "track_refund", "product_question", "promotion_question", "other",
})
WRITE_ACTIONS = frozenset({"cancel_order", "change_shipping_address", "get_refund",
                           "change_order"})
ACTIONS = WRITE_ACTIONS | {"track_order", "track_refund", "get_invoice"}
ACTION_STATUSES = frozenset({"executed", "needs_confirmation", "needs_approval", "blocked",
                             "failed"})
ORDER_STATUSES = frozenset({"pending", "paid", "shipped", "delivered", "cancelled",
                            "returned"})
REFUND_STATUSES = frozenset({"requested", "approved", "refunded", "rejected"})
# what a turn's "expect" may hold
EXPECT_KEYS = frozenset({"intent", "action", "status", "handoff", "reply_contains",
                         "reply_excludes", "gives", "followup", "flagged"})
