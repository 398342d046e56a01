"""Orders and customers: a shopper's own orders, and a customer's for the console."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from app.api import access
from app.api.schemas import MeOut
from app.auth import ROLES, STAFF, Principal, require
from app.db import session_scope
from app.errors import NotFoundError
from app.store.connector import CONNECTORS, CustomerSnapshot, OrderSnapshot

router = APIRouter(prefix="/api", tags=["orders"])

Reader = Annotated[Principal, Depends(require("shopper", *STAFF))]
Agent = Annotated[Principal, Depends(require(*STAFF))]
Anyone = Annotated[Principal, Depends(require(*ROLES))]


class CustomerOut(BaseModel):
    customer: CustomerSnapshot
    orders: list[OrderSnapshot]


@router.get("/orders", response_model=list[OrderSnapshot])
def list_orders(principal: Reader, customer_id: str | None = None) -> list[OrderSnapshot]:
    """A shopper's own orders, newest first; staff give ``customer_id``."""
    customer = access.customer_scope(principal, customer_id)
    with session_scope() as session:
        return access.list_orders(session, customer)


@router.get("/orders/{order_id}", response_model=OrderSnapshot)
def get_order(order_id: str, principal: Reader) -> OrderSnapshot:
    """One order with items and refunds (a shopper's own only)."""
    with session_scope() as session:
        return access.visible_order(session, principal, order_id)


@router.get("/customers/{customer_id}", response_model=CustomerOut)
def get_customer(customer_id: str, principal: Agent) -> CustomerOut:
    """A customer and their latest orders, for the console's side panel."""
    with session_scope() as session:
        customer = CONNECTORS["sql"](session=session).get_customer(customer_id)
        if customer is None:
            raise NotFoundError("customer not found")
        return CustomerOut(customer=customer, orders=access.list_orders(session, customer_id))


@router.get("/me", response_model=MeOut)
def me(principal: Anyone) -> MeOut:
    """Who the token belongs to: name, role and (shoppers) customer."""
    return MeOut(name=principal.name, role=principal.role, customer_id=principal.customer_id)
