"""Canned replies (macros): admins write them per language, agents insert them with
``/shortcut`` and the variables are filled from the conversation's customer and the
order in focus.

Variables: ``{{name}}``, ``{{customer_id}}``, ``{{email}}``, ``{{order_id}}``,
``{{order_status}}``, ``{{tracking_number}}``, ``{{carrier}}``, ``{{agent}}``. A variable
with no value (an order not shipped has no tracking number) stays in the text as it is
and is listed in ``missing``, so the agent sees what to fill in before sending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from app.assist.state import load_state
from app.errors import ConflictError, InputError, NotFoundError
from app.models import CannedReply, Conversation, Customer
from app.models._common import utcnow
from app.runtime import Runtime
from app.store.connector import CONNECTORS, OrderSnapshot

VARIABLES = ("name", "customer_id", "email", "order_id", "order_status", "tracking_number",
             "carrier", "agent")
_VARIABLE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
# what a shopper reads for an order's status, in their language
STATUS_WORDS = {
    "en": {"pending": "awaiting payment", "paid": "paid", "shipped": "shipped",
           "delivered": "delivered", "cancelled": "cancelled", "returned": "returned"},
    "zh": {"pending": "待付款", "paid": "已付款", "shipped": "已发货", "delivered": "已签收",
           "cancelled": "已取消", "returned": "已退货"},
}


@dataclass
class Draft:
    title: str
    shortcut: str
    language: str
    text: str


@dataclass
class Rendered:
    text: str
    language: str
    order_id: str | None
    missing: list[str] = field(default_factory=list)


def variables_in(text: str) -> list[str]:
    return list(dict.fromkeys(_VARIABLE.findall(text)))


def _check(session: Session, draft: Draft, keep_id: int | None) -> None:
    unknown = [v for v in variables_in(draft.text) if v not in VARIABLES]
    if unknown:
        raise InputError(f"unknown variable(s) {', '.join(unknown)}; use "
                         f"{', '.join('{{' + v + '}}' for v in VARIABLES)}")
    clash = session.exec(select(CannedReply.id).where(
        CannedReply.shortcut == draft.shortcut, CannedReply.language == draft.language)).first()
    if clash is not None and clash != keep_id:
        raise ConflictError(f"/{draft.shortcut} already exists in {draft.language}")


def list_replies(session: Session, language: str | None = None) -> list[CannedReply]:
    query = select(CannedReply).order_by(col(CannedReply.shortcut), col(CannedReply.language))
    if language:
        query = query.where(CannedReply.language == language)
    return list(session.exec(query))


def get_reply(session: Session, reply_id: int) -> CannedReply:
    row = session.get(CannedReply, reply_id)
    if row is None:
        raise NotFoundError("canned reply not found")
    return row


def _detached(session: Session, row: CannedReply) -> CannedReply:
    session.flush()
    session.refresh(row)
    session.expunge(row)
    return row


def create(rt: Runtime, draft: Draft, *, by: str) -> CannedReply:
    with rt.session(write=True) as session:
        _check(session, draft, None)
        row = CannedReply(title=draft.title, shortcut=draft.shortcut, language=draft.language,
                          text=draft.text, created_by=by)
        session.add(row)
        return _detached(session, row)


def update(rt: Runtime, reply_id: int, draft: Draft) -> CannedReply:
    with rt.session(write=True) as session:
        row = get_reply(session, reply_id)
        _check(session, draft, reply_id)
        row.title, row.shortcut, row.language = draft.title, draft.shortcut, draft.language
        row.text, row.updated_at = draft.text, utcnow()
        session.add(row)
        return _detached(session, row)


def delete(rt: Runtime, reply_id: int) -> None:
    with rt.session(write=True) as session:
        session.delete(get_reply(session, reply_id))


def order_in_focus(session: Session, conv: Conversation,
                   order_id: str | None) -> OrderSnapshot | None:
    """The order named by the agent, else the one the conversation last discussed, else
    the customer's latest; an order of another customer is not found."""
    store = CONNECTORS["sql"](session=session)
    if order_id:
        order = store.get_order(order_id)
        if order is None or order.customer_id != conv.customer_id:
            raise NotFoundError("order not found")
        return order
    for discussed in reversed(load_state(conv).orders_discussed):
        order = store.get_order(discussed)
        if order is not None and order.customer_id == conv.customer_id:
            return order
    latest = store.list_orders(conv.customer_id, limit=1)
    return latest[0] if latest else None


def _values(session: Session, conv: Conversation, order: OrderSnapshot | None,
            language: str, agent: str) -> dict[str, str | None]:
    customer = session.get(Customer, conv.customer_id)
    words = STATUS_WORDS.get(language, STATUS_WORDS["en"])
    return {
        "name": customer.name if customer else None, "customer_id": conv.customer_id,
        "email": customer.email if customer else None, "agent": agent,
        "order_id": order.id if order else None,
        "order_status": words.get(str(order.status), str(order.status)) if order else None,
        "tracking_number": order.tracking_number if order else None,
        "carrier": order.carrier if order else None,
    }


def render(rt: Runtime, *, reply_id: int, conversation_id: str, agent: str,
           order_id: str | None = None) -> Rendered:
    with rt.session() as session:
        row = get_reply(session, reply_id)
        conv = session.get(Conversation, conversation_id)
        if conv is None:
            raise NotFoundError("conversation not found")
        order = order_in_focus(session, conv, order_id)
        values = _values(session, conv, order, row.language, agent)
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        if not value:
            missing.append(match.group(1))
            return match.group(0)
        return value

    text = _VARIABLE.sub(fill, row.text)
    return Rendered(text=text, language=row.language, order_id=order.id if order else None,
                    missing=list(dict.fromkeys(missing)))
