"""Which refund a message means, where it does not say by number: the one told by
the goods that went back in it, by its rejection, or by what is said of its order."""

from __future__ import annotations

from app.assist.dialogue.reading import Reading, settle
from app.store.connector import OrderSnapshot
from app.understanding import dialogue_cues as cue
from app.understanding.cue import Cue

_ASKS_FOR = Cue(r"\b(?:please|pls|plz|can|could|would|want|need|invoice|receipt)\b"
               r"|请|帮我|能不能|可以|要|想|发票")


# "the big one", "that one", "退回去的那次", "那单": one of several pointed at
_POINTS_AT_ONE = Cue(r"\bthe\s+(?:\w+\s+)?one\b|\bthat\s+(?:one|order|time)\b|\bsent\s+back\b"
                     r"|\breturned\b|那单|那次|那笔|那个订单|退回去|退掉的|退的那")


def told_by_its_goods(r: Reading) -> bool:
    """"the big one - the poles and the tyre that came crushed" after a refund was looked
    up: which refund, told by what went back in it (no return asked anew)."""
    if r.previous != "track_refund" or not r.u.slots.item_products or cue.asks_outright(r.text):
        return False
    if cue.wants_return(r.text) or cue.asks_can_return(r.text) or _ASKS_FOR(r.text):
        return False  # "and an invoice for that order pls": a request of its own
    if not _POINTS_AT_ONE(r.text):
        return False  # "喂食器最近老是报E2": the item's fault, not which refund
    return any(o.refunds or o.status == "returned" for o in r.orders_holding_named_items())


_SAID_REJECTED = Cue(r"\b(?:rejected|declined|refused|denied)\b|被拒|拒绝了|拒了")


def prefer_orders_with_refunds(r: Reading) -> None:
    """"Has the sensor refund been approved?" between two sensor orders: the one that
    has a refund; "之前那个被拒了的退款" the one order whose refund was rejected."""
    slots = r.u.slots
    if _SAID_REJECTED(r.text) and not r.names_order:
        rejected = [o.id for o in r.orders if any(f.status == "rejected" for f in o.refunds)]
        if len(rejected) == 1:
            slots.order_id, slots.order_source = rejected[0], "item_reference"
            slots.order_candidates = []
    if slots.order_id or not slots.order_candidates:
        return
    with_refund = [o.id for o in r.orders if o.id in slots.order_candidates and o.refunds]
    if len(with_refund) == 1:
        slots.order_id, slots.order_source = with_refund[0], "item_reference"
        slots.order_candidates = []


def the_order_told_of(r: Reading) -> OrderSnapshot | None:
    """"Why only 5 euros back for the chain checker?", "the order I cancelled, did I
    get the money back?": the one order that fits what is said of it (the item named,
    cancelled or returned), those with a refund first, is the one asked about."""
    fits = list(r.orders)
    if r.u.slots.item_products:
        fits = r.orders_holding_named_items()
    said = cue.says_cancelled(r.text), cue.says_returned(r.text)
    if any(said):
        fits = [o for o in fits if (said[0] and o.status == "cancelled")
                or (said[1] and o.status == "returned")]
    elif not r.u.slots.item_products:
        return None
    held = [o for o in fits if o.refunds] or fits
    if len(held) != 1:
        return None
    r.u.slots.order_id, r.u.slots.order_source = held[0].id, "item_reference"
    r.u.slots.order_candidates = []
    return held[0]


# an amount of money as written: "54", "249", "63.52", "€39.90" (not an order's long number)
_AMOUNT = Cue(r"(?<![A-Za-z0-9.,/-])\d{1,6}(?:[.,]\d{1,2})?(?![A-Za-z0-9/-]|[.,]\d)")


# money that came in, no refund named: "a credit of 59.80 from you I can't place", "did
# you send me money by mistake?", "账户里多了一笔钱"
_MONEY_CAME = Cue(r"\bcredit(?:ed)?\b(?!\s+card)|\b(?:sent|paid|gave|transferred)\s+me\s+"
                  r"(?:some\s+)?money\b|\bmoney\s+(?:came|landed|arrived|went)\s+in\b|多了一笔|入账"
                  r"|收到[^，。？?]{0,6}(?:钱|款)")


def told_by_its_amount(r: Reading) -> bool:
    """"信用卡账单上有两笔退款，一笔54，一笔249，分别是哪个单子退回来的？": the refunds told
    by their amounts, each matched to the one order whose refund came to it."""
    # (an order named by its number says which, a word an item shares does not)
    named = r.u.slots.order_mention or r.u.slots.order_source == "message"
    if named or not (cue.mentions_refund(r.text) or r.u.intent == "track_refund"
                     or _MONEY_CAME(r.text)):
        return False
    said = {float(m.replace(",", ".")) for m in _AMOUNT.pattern.findall(r.text)}
    if not said:
        return False
    matched: list[str] = []
    for amount in sorted(said):
        came_to = {o.id for o in r.orders for f in o.refunds if abs(f.amount - amount) < 0.005}
        if len(came_to) != 1:
            return False  # an amount no refund came to ("paid 67.47"), or several did
        matched += [oid for oid in came_to if oid not in matched]
    if r.previous in ("get_refund", "track_refund", "cancel_order") and (
            matched == [r.state.slots.order_id]):
        return False  # "so that's 12.03 back to me?" right after that refund: of it, asked
    slots = r.u.slots
    slots.order_id, slots.order_source, slots.order_candidates = matched[0], "item_reference", []
    slots.order_ids = matched if len(matched) > 1 else []
    settle(r, "track_refund")
    return True
