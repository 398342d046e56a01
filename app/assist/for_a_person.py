"""Outcomes that always want a person, whatever the confidence: the reply is drafted, and
an agent sends it (or a better one)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.assist.dialogue.invoices import INVOICE_INTENTS
from app.assist.routing import ANGER_HANDOFF
from app.assist.turn import Turn
from app.domain import ActionStatus, Reason
from app.intents import spec
from app.models._common import OrderStatus
from app.understanding import dialogue_cues as cue
from app.understanding.delivery_cues import says_it_arrived
from app.understanding.payment_cues import asks_to_pay_again
from app.understanding.return_reasons import FAULTS
from app.understanding.social import only_asks_for_help
from app.understanding.yes_terms import adds_a_wish

# the readings an exchange asked for gets: a return, its policy, a change of the order
EXCHANGE_TALK = frozenset({"get_refund", "check_refund_policy", "change_order"})


def may_auto_send(turn: Turn, *, on_confidence: bool = False) -> bool:
    """Some outcomes always want a person, whatever the confidence: a return of an item
    refused because the order has a return open already may be of another item; a
    company's details for an invoice; money taken twice, or for an order still shown
    unpaid; a parcel gone wrong; help asked
    again of what a person was already left; an exchange; a refusal the shopper's own
    word contradicts; a yes with a wish no action carries out. A reply sent on its
    confidence alone (``on_confidence``: no yes or no acted on) also waits when two
    readings of the message differ."""
    another_item = (turn.step.reason == Reason.refund_already_open
                    and bool(turn.u.slots.item_products))
    # a company to put on an invoice is for a person to reissue it with
    company = (turn.intent in INVOICE_INTENTS and turn.step.status == ActionStatus.executed
               and bool(cue.gives_invoice_details(turn.text)))
    # money taken twice is for a person to check with the payment provider, and a parcel
    # stalled, lost or not received for a person to take up with the courier
    charged = turn.intent == "payment_issue" and bool(
        cue.charged_wrongly(turn.text) or money_not_shown(turn))
    parcel = turn.intent == "track_order" and bool(cue.parcel_problem(turn.text))
    # "can u help?" pressed after a reply left to a person: still that person's; and an
    # exchange or a replacement, which no action makes and no policy field states
    pressed = turn.state.waiting_for_agent and only_asks_for_help(turn.text)
    # (another size of an item not yet sent, proposed as such, is no exchange)
    exchange = (bool(cue.asks_exchange(turn.text)) and turn.intent in EXCHANGE_TALK
                and not turn.u.slots.new_items)
    # a yes with a wish no action carries out ("make sure no price tag goes in the box")
    wish = turn.answered_pending and adds_a_wish(turn.text)
    return (turn.step.status not in (ActionStatus.failed, ActionStatus.needs_approval)
            and not turn.step.for_a_person and spec(turn.intent).auto_send
            and not _says_otherwise(turn)
            and not (another_item or company or charged or parcel or pressed or exchange
                     or wish or (on_confidence and readings_disagree(turn))))


def readings_disagree(turn: Turn) -> bool:
    """The request the rules read is not the one the intent classifier ranks first, on a
    message read on its own (a follow-up is read against the conversation, which the
    classifier never sees). Two readings of one message that differ make a risky call,
    whatever the reply's own evidence says: on conversations written apart from the rules,
    about half of such replies sent by themselves were wrong, against one in six where the
    two agreed. A person checks it."""
    return (not turn.u.carried and bool(turn.u.alternatives)
            and turn.intent != turn.u.alternatives[0][0])


def _says_otherwise(turn: Turn) -> bool:
    """"It arrived today but won't charge": a refusal because the order has not arrived
    yet, against the shopper's word that it has, is for a person to check."""
    order = turn.order_in_hand()
    return (turn.step.reason == Reason.status_not_allowed and order is not None
            and order.status == OrderStatus.shipped and bool(says_it_arrived(turn.text)))




def _a_person_all_the_same(turn: Turn) -> bool:
    """What no return or cancellation settles: a complaint named as one ("我要投诉"),
    anger, or a person asked for."""
    s = turn.u.sentiment
    return cue.names_a_complaint(turn.text) or s.anger >= ANGER_HANDOFF or s.wants_human


def a_return_settles_it(turn: Turn) -> bool:
    """"说好的20小时呢 是不是坏的 能退吗": dissatisfaction voiced while asking to send a faulty
    item back inside its returns window, which the return settles (calm is not anger).
    Past the window ("broke after two months, disappointing"), a complaint named as one,
    anger or a person asked for still goes to a person."""
    reason = turn.u.slots.return_reason
    if turn.u.intent != "get_refund" or reason not in FAULTS or _a_person_all_the_same(turn):
        return False
    order = turn.order_in_hand()
    if order is None or order.delivered_at is None:
        return False
    return datetime.now(UTC) <= turn.rt.policy.return_window_closes(order.delivered_at, reason)


def a_cancellation_settles_it(turn: Turn) -> bool:
    """"说好的两天内发呢 不等了 cancel掉吧": a delay complained of while cancelling an order
    that can still be cancelled, which the cancellation settles. A complaint named as
    one ("我要投诉"), anger or a person asked for still goes to a person."""
    if turn.u.intent != "cancel_order" or not (cue.asks_cancel(turn.text) or cue.wants_cancel(
            turn.text)) or _a_person_all_the_same(turn):
        return False
    order = turn.order_in_hand()
    return order is not None and order.status in turn.rt.policy.cancellable_statuses


def money_not_shown(turn: Turn) -> bool:
    """Money taken for an order still shown unpaid, said now or asked about again ("so
    should I just pay again?" of that payment)."""
    return bool(cue.paid_not_shown(turn.text)) or (
        turn.intent == "payment_issue" and turn.u.carried and asks_to_pay_again(turn.text))
