"""What the store's warranty says of the items a shopper asks about: the policy's months
(by category where the store sets them) and, for an item of an order in hand that was
delivered, until when its warranty runs."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from typing import Any

from app.assist.turn import Turn
from app.models import Product
from app.models._common import utcnow
from app.store.connector import OrderSnapshot
from app.store.product_attributes import categories, name_in
from app.understanding.dialogue_cues import asks_warranty
from app.understanding.product_cues import still_not_working

# more products than this named: the months alone, not a line per product
MAX_LINES = 4


def add_months(day: datetime, months: int) -> date:
    years, month = divmod(day.month - 1 + months, 12)
    year = day.year + years
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def warranty_context(turn: Turn) -> dict[str, Any] | None:
    """The lines of the ``_warranty`` answer, or None where the policy says nothing of
    the items asked about (the knowledge base answers then). ``claim_offered``: some
    item has a warranty to claim on (food or litter with none is offered no claim)."""
    said = _warranty_said(turn)
    if said is not None:
        said["claim_offered"] = any(line["months"] for line in said["lines"]) or (
            not said["lines"] and bool(said["months"]))
    return said


def _warranty_said(turn: Turn) -> dict[str, Any] | None:
    if not (asks_warranty(turn.text) or still_not_working(turn.text)):
        return None
    policy, slots = turn.rt.policy, turn.u.slots
    part = policy.part_named(turn.text)
    if part is not None:  # "扫地机的电池保修几个月": the battery's own months
        return {"lines": [], "months": part[1], "part": part[0], "named": True}
    products = set(slots.item_products)
    order = turn.order_in_hand()
    if order is not None:
        lines = _order_lines(turn, order, products)
        return {"lines": lines, "months": policy.warranty_months} if lines else None
    lines = _catalogue_lines(turn, products)
    said = {line["months"] for line in lines}
    if len(said) > 1:  # a line per product, or the knowledge base where too many
        return {"lines": lines, "months": None} if len(lines) <= MAX_LINES else None
    if said:  # one number answers for every product named ("头盔保修几年")
        return {"lines": [], "months": said.pop(), "named": True}
    if products or policy.warranty_months is None or policy.warranty_months_by_category:
        return None  # nothing known of what was named, or no one number for everything
    return {"lines": [], "months": policy.warranty_months, "named": False}


def _order_lines(turn: Turn, order: OrderSnapshot, named: set[str]) -> list[dict[str, Any]]:
    """The order's items asked about (all of them where none is named), with the date
    each warranty runs to from the delivery."""
    lines = []
    for item in [i for i in order.items if i.product_id in named] or list(order.items):
        months = turn.rt.policy.warranty_for(_categories(turn, item.product_id))
        if months is None:
            continue
        until = add_months(order.delivered_at, months) if order.delivered_at else None
        lines.append({"name": item.name, "months": months, "until": until,
                      "expired": until is not None and until < utcnow().date()})
    return lines


def _catalogue_lines(turn: Turn, named: set[str]) -> list[dict[str, Any]]:
    lines = []
    for pid in sorted(named):
        product = turn.session.get(Product, pid)
        months = turn.rt.policy.warranty_for(categories(product.attributes) if product else [])
        if product is not None and months is not None:
            lines.append({"name": name_in(product.name, product.attributes, turn.u.language),
                          "months": months})
    return lines


def _categories(turn: Turn, product_id: str | None) -> list[str]:
    product = turn.session.get(Product, product_id) if product_id else None
    return categories(product.attributes) if product else []


def order_warranty(turn: Turn) -> dict[str, Any] | None:
    """The warranty of the order in hand, for a reply that mentions it (a return refused
    after the window): its months where its items agree, the store's own otherwise,
    and until when it runs from the delivery."""
    order = turn.order_in_hand()
    lines = _order_lines(turn, order, set(turn.u.slots.item_products)) if order else []
    if len({line["months"] for line in lines}) == 1:
        return {"months": lines[0]["months"], "until": lines[0]["until"],
                "expired": lines[0]["expired"]}
    months = turn.rt.policy.warranty_months
    return None if months is None else {"months": months}
