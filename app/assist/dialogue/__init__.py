"""Reading a message against the conversation: the domain rules on top of the intent
classifier.

The classifier reads one message alone; these rules read it with what the dialogue
state holds (the request under way, the orders discussed, what the bot asked for) and
with the shopper's orders, and settle what the message asks. Each rule is about the
shape of the question ("where is <one of my orders>", "when do I get my money back",
"same for <another order>"), never about a wording; the first rule that applies wins.
"""

from __future__ import annotations

from collections.abc import Callable

from app.assist.dialogue.addresses import (
    a_new_address_for_it,
    adds_the_postcode,
    adds_to_the_orders_address,
    corrects_the_address,
    corrects_the_code,
    corrects_the_orders_address,
)
from app.assist.dialogue.cancellations import (
    cancel_taken_back,
    no_cancellation_asked,
    undoes_a_cancellation,
)
from app.assist.dialogue.deliveries import (
    delivered_elsewhere,
    how_it_is_handed_over,
    intercepted,
    where_is,
)
from app.assist.dialogue.faults import (
    a_fault_to_look_into,
    a_spare_for_later,
    still_not_working,
    warranty,
)
from app.assist.dialogue.followups import (
    about_a_named_order,
    answers_the_question,
    asks_the_same_of_another,
    follows_up,
)
from app.assist.dialogue.invoices import (
    asks_about_its_invoice,
    gives_invoice_details,
    how_late_an_invoice_may_be_asked,
    how_soon_the_invoice_comes,
    invoice_asked_for,
    what_the_invoice_shows,
)
from app.assist.dialogue.item_questions import (
    a_property_of_an_item,
    asks_more_about_it,
    how_long_the_product_takes,
    its_price_asked,
    tracking_only_in_its_name,
)
from app.assist.dialogue.order_changes import (
    address_for_an_order,
    adds_to_the_change,
    adds_to_the_order,
    changes_what_was_ordered,
    contact_for_an_order,
    fits_what_was_changed,
    no_address_change_asked,
    no_change_asked,
    no_order_change_asked,
    the_accounts_address,
    to_the_same_address,
)
from app.assist.dialogue.people import (
    a_person_asked_for,
    about_the_bot,
    no_person_wanted,
    proof_for_the_person,
)
from app.assist.dialogue.questions import (
    about_a_product,
    answered_by_knowledge,
    attribute_of_an_item,
    compares_products,
    instructions_only,
    no_password_asked,
    no_payment_asked,
    somewhere_else,
    uncorroborated_complaint,
    what_cancelling_costs,
)
from app.assist.dialogue.reading import Reading
from app.assist.dialogue.refund_questions import (
    money_back,
    refund_progress,
    why_less_came_back,
    why_refused,
)
from app.assist.dialogue.refusals import (
    asks_what_now,
    cancel_what_arrived,
    exchange_of_what_arrived,
    pleads_again,
    presses_for_help,
    presses_off_topic,
)
from app.assist.dialogue.requests import (
    cancels_a_named_order,
    how_to_send_it_in,
    returns,
    shows_an_order,
)
from app.assist.dialogue.shop_questions import (
    a_code,
    asks_how_to_reach_the_shop,
    general_question,
    opening_hours,
    paid_but_not_shown,
    pays_with,
    refund_elsewhere,
    reviewing,
    tells_how_they_will_pay,
)
from app.assist.dialogue.waiting import (
    about_the_return_made,
    asked_before_the_write,
    changes_instead,
    explains_the_return,
    narrows_the_pending,
    what_the_change_costs,
    what_the_return_pays,
)
from app.assist.dialogue.which_refund import told_by_its_amount

__all__ = ["RULES", "Reading", "read"]


# the questions that carry their own request first; a follow-up only when none applies
RULES: tuple[Callable[[Reading], bool], ...] = (
    gives_invoice_details, answers_the_question, uncorroborated_complaint, no_person_wanted,
    proof_for_the_person,
    instructions_only,
    about_the_bot, a_person_asked_for, asks_how_to_reach_the_shop, somewhere_else,
    corrects_the_code, corrects_the_address, adds_the_postcode, corrects_the_orders_address,
    adds_to_the_orders_address, a_new_address_for_it, asked_before_the_write,
    narrows_the_pending,
    changes_instead,
    what_the_return_pays, what_the_change_costs, to_the_same_address, explains_the_return,
    about_the_return_made,
    pleads_again, presses_off_topic, asks_what_now, presses_for_help, fits_what_was_changed,
    adds_to_the_change,
    paid_but_not_shown, how_soon_the_invoice_comes, how_late_an_invoice_may_be_asked,
    what_the_invoice_shows, asks_about_its_invoice,
    why_refused, refund_elsewhere, why_less_came_back, told_by_its_amount, refund_progress,
    money_back,
    what_cancelling_costs, undoes_a_cancellation, cancel_taken_back, cancels_a_named_order,
    a_spare_for_later, warranty, reviewing, no_password_asked, no_payment_asked,
    attribute_of_an_item, a_property_of_an_item, a_fault_to_look_into, still_not_working,
    exchange_of_what_arrived, how_to_send_it_in, how_it_is_handed_over, returns,
    adds_to_the_order, intercepted, delivered_elsewhere, where_is, no_address_change_asked,
    no_change_asked, no_order_change_asked, a_code, pays_with, tells_how_they_will_pay,
    opening_hours,
    general_question, invoice_asked_for, how_long_the_product_takes, asks_more_about_it,
    its_price_asked, tracking_only_in_its_name,
    changes_what_was_ordered,
    about_a_product, compares_products, shows_an_order, follows_up, asks_the_same_of_another,
    contact_for_an_order, the_accounts_address, address_for_an_order, about_a_named_order,
    answered_by_knowledge, cancel_what_arrived,
    # last: no rule above read the question, and the cancellation is barely read
    no_cancellation_asked,
)


def read(r: Reading) -> None:
    """Apply the rules to ``r.u`` in place; the first that applies settles the intent."""
    for rule in RULES:
        if rule(r):
            return
