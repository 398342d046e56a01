"""Rules of where an order is or goes: "where is it?", "which courier has it?",
"顺丰那个", "I won't be home, can it go elsewhere?", "I sent it back, has it arrived?"."""

from __future__ import annotations

from app.assist.dialogue.questions import asks_only_of_the_item
from app.assist.dialogue.reading import Reading, settle
from app.assist.understand import CARRY_CONFIDENCE
from app.intents import spec
from app.models._common import FINISHED_ORDER_STATUSES
from app.store.connector import OrderSnapshot
from app.understanding import dialogue_cues as cue
from app.understanding.carriers import names_carrier
from app.understanding.closings import closes_with_a_remark
from app.understanding.invoice_cues import asks_for_an_invoice
from app.understanding.item_changes import adds_to_order
from app.understanding.text import without_words


def delivered_elsewhere(r: Reading) -> bool:
    """"I won't be home next week", "can the courier redirect it?", "到了我不在家怎么办":
    about getting an order of the conversation delivered elsewhere, which its state
    decides (a new address before it ships, the courier's options after)."""
    if not (cue.wants_it_elsewhere(r.text) and r.about_an_order) or cue.asks_where(r.text):
        return False  # "I'll get the courier to redirect it, send me the tracking number"
    if cue.parcel_problem(r.text):
        return False  # "the courier left it at the pickup point, which hasn't got it": lost
    order = r.order()
    if order is not None and order.status in FINISHED_ORDER_STATUSES:
        return False  # "it says delivered: did they leave it in a locker?"
    if spec(r.u.intent).action and r.u.intent_confidence >= CARRY_CONFIDENCE and (
            r.u.intent != "track_order"):
        return False  # "cancel it, I won't be home": a request of its own
    settle(r, "change_shipping_address")
    return True


def how_it_is_handed_over(r: Reading) -> bool:
    """"Can I get Evri to bring it another day?", "I'd rather it got left in the porch": how
    the courier hands an order over (the shop's delivery options), not where it is nor a new
    address."""
    if not (cue.asks_handover(r.text) and r.about_an_order) or cue.asks_where(r.text):
        return False
    if r.u.slots.address or cue.parcel_problem(r.text) or spec(r.u.intent).handoff:
        return False  # "it says delivered but nothing in the porch": lost, for a person
    order = r.order()
    if order is not None and order.status in FINISHED_ORDER_STATUSES:
        return False  # "they left it on the doorstep in the rain": after the fact
    if not cue.asks_its_own_question(r.text) or cue.asks_cancel(r.text):
        return False
    settle(r, "delivery_options")
    return True


def intercepted(r: Reading) -> bool:
    """"你们就不能直接让顺丰把包裹拦回去吗": the parcel stopped on its way is the order
    cancelled (refused once it has shipped, with what the courier can do instead)."""
    if not (cue.asks_intercept(r.text) and r.about_an_order) or spec(r.u.intent).handoff:
        return False
    settle(r, "cancel_order", carried=not r.names_order)
    return True


def where_is(r: Reading) -> bool:
    """Where one of my orders is, or which courier has it."""
    # a courier named picks an order ("顺丰那个"), unless asked how long it usually takes
    # of no order ("顺丰送的话 到成都一般还要几天": the shop's delivery times)
    if cue.asks_free_delivery_threshold(r.text):
        return False  # "顺丰特快满多少包邮": what an order must come to, of no parcel
    if cue.asks_shipping_options(r.text) and not cue.asks_where(r.text):
        return False  # "what would Evri delivery be on just that?": what delivery costs
    if closes_with_a_remark(r.text):
        return False  # "cheers, I'll drop it at the DPD shop tomorrow": a plan, no question
    if cue.asks_return_logistics(r.text) and not cue.asks_where(r.text):
        return False  # "do I print a label or drop it at a Kerry point?": how it goes back
    if asks_only_of_the_item(r):
        return False  # "it's on its way (4592) ... does it have a child lock?"
    if cue.asks_how_often(r.text) and not cue.asks_where(r.text):
        return False  # "I'll sort it out with Kerry myself. how often r those heads replaced"
    if cue.about_how_long_it_runs(r.text) and not r.by_number:
        return False  # "开实时追踪的话 电池能撑多久": the collar's battery, no parcel
    if cue.says_same(r.text) and spec(r.previous or "other").action and (
            r.previous != "track_order"):
        return False  # "京东那单也一起寄到我妈那": the change before, on the order it names
        # ("and another one for the sensor kit please, even if the parcel's still on its way")
    by_carrier = _carried_by_named(r)
    courier = cue.asks_courier(_without_named_items(r)) or (bool(by_carrier) and (
        r.u.intent == "track_order" or not (spec(r.u.intent).action or (
            cue.asks_how_soon(r.text) and not r.names_order))))
    news = cue.asks_status(r.text) and r.names_order and not spec(r.u.intent).action
    # a parcel gone wrong with the courier: its order's tracking, for a person to chase
    problem = cue.parcel_problem(r.text) and r.about_an_order
    if not (cue.asks_where(r.text) or courier or news or problem):
        return False
    if (cue.mentions_invoice(r.text) or cue.gives_invoice_details(r.text)) and not (
            cue.asks_where(r.text) and not asks_for_an_invoice(r.text)):
        return False  # "need an invoice, I'm a bike courier": the invoice, no courier asked
    if r.u.sentiment.complaint and not (cue.asks_where(r.text) or news or problem):
        return False  # "顺丰那个快递员…直接扔楼道里了": the courier complained of, not asked for
    if (cue.asks_refund_progress(r.text) or cue.asks_money_back(r.text)
            or cue.asks_cancel(r.text) or (courier and (
                cue.asks_change(r.text) or cue.wants_it_elsewhere(r.text)))):
        return False  # "can the courier redirect it?", "can they hang onto it?" ask a change
    if (cue.asks_change(r.text) or adds_to_order(r.text)) and r.u.slots.item_products:
        return False  # "趁还没发货能给我换成3200那款吗", "pop a third bag in the parcel that's
        # already on its way": a change, whether or not it can still be made
    if cue.asks_if_it_fits(r.text):
        return False  # "would it fit the cages on their way to me?": a product question
    # the change made by the shopper with the courier: "把运单号发我 我自己去京东App里试试改地址"
    own_doing = bool(cue.does_it_with_the_courier(r.text))
    left_to_the_courier = not r.u.slots.address and own_doing and bool(cue.asks_where(r.text))
    if (((r.u.slots.address or cue.mentions_address(r.text)) and cue.asks_change(r.text)) or (
            r.u.slots.address and r.u.intent == "change_shipping_address")) and (
            not left_to_the_courier):
        return False  # "not shipped yet, right? change the address (to ...)", "还没发货吧
        # 想直接寄给我奶奶 地址：…": the change ("把运单号发我 我自己去改地址": the number)
    if news and cue.mentions_return(r.text) and not (cue.asks_where(r.text) or courier):
        settle(r, "track_refund")  # "登山杖那个退货 邮件说不通过？什么情况": the return's state
        return True
    if cue.says_returned(r.text) and r.about_an_order and not courier:
        settle(r, "track_refund")  # "sent the pump back last week, has it arrived?": the
        return True  # return's progress, not the delivery that brought it
    if cue.about_a_new_order(r.text) and not r.names_order:
        return False  # "那我再拍一个 现在下单多久发货": how the shop ships, no order's place
    if courier:
        _pick_by_carrier(r, by_carrier)
    # (or at more length, of the order talked about: "roughly when will it leave you?")
    # (not of money still to come back, nor of whether the items travel together)
    of_it = bool(r.state.orders_discussed) and bool(cue.points_back(r.text)) and not (
        r.previous in ("track_refund", "get_refund", "check_refund_policy")
        or cue.asks_shipped_together(r.text))
    # the change under way left to the courier: "send me the tracking number, I'll change
    # the address with DHL myself" asks the number of the order talked about
    own_change = r.previous == "change_shipping_address" and own_doing
    if r.names_order or (r.about_an_order and (courier or r.short or of_it or own_change)):
        settle(r, "track_order", carried=not r.names_order)
        return True
    if r.u.slots.refers_to_parcel and r.u.intent != "track_order":
        # "is my parcel going to arrive this week?" of no order yet: the shopper's own
        # parcel, read as the shop's delivery times; which one is theirs to be asked
        settle(r, "track_order")
        return True
    return False


def _without_named_items(r: Reading) -> str:
    """The message without the items it names in more than one word: a store may sell a
    "backpack carrier", which asks nothing of a courier."""
    several = [said for said in r.u.slots.item_refs if " " in said]
    return without_words(r.text, sorted(several, key=len, reverse=True))


def _carried_by_named(r: Reading) -> list[OrderSnapshot]:
    """"Is the heart-rate strap coming with DPD?", "顺丰那个": the shopper's orders whose
    courier the message names (as the store records it, or by its other names)."""
    return [o for o in r.orders if names_carrier(r.text, o.carrier)]


def _pick_by_carrier(r: Reading, by_carrier: list[OrderSnapshot]) -> None:
    """"Which one is DPD bringing?", "顺丰那个" with no order named: the one order of
    those in question (offered to pick from, else still on their way) that courier has."""
    if r.names_order:
        return
    offered = set(r.u.slots.order_candidates or r.state.slots.order_candidates)
    carried = [o for o in by_carrier
               if (o.id in offered if offered else o.status not in FINISHED_ORDER_STATUSES)]
    if len(carried) == 1:
        r.u.slots.order_id, r.u.slots.order_source = carried[0].id, "item_reference"
        r.u.slots.order_candidates = []
