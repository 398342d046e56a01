"""Orders and customers: a shopper's own orders, and a customer's for the console."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from app.api import access
from app.api.deps import Agent, Anyone, Reader, RuntimeDep
from app.api.schemas import MeOut
from app.errors import NotFoundError
from app.store.connector import CONNECTORS, CustomerSnapshot, OrderSnapshot

router = APIRouter(prefix="/api", tags=["orders"])



class CustomerOut(BaseModel):
    customer: CustomerSnapshot
    orders: list[OrderSnapshot]


@router.get("/orders", response_model=list[OrderSnapshot], responses={
    400: {"description": "Staff gave no `customer_id`"},
    404: {"description": "A shopper naming another customer"}})
def list_orders(rt: RuntimeDep, principal: Reader, customer_id: Annotated[str | None, Query(
        description="Whose orders: required for staff; a shopper may leave it out or "
                    "give their own")] = None) -> list[OrderSnapshot]:
    """A shopper's own orders, newest first; staff must give ``customer_id`` (400
    without it)."""
    customer = access.customer_scope(principal, customer_id)
    with rt.session() as session:
        return access.list_orders(session, customer)


# :path: a store's order ids may hold "/" ("SO/2026/0001")
@router.get("/orders/{order_id:path}", response_model=OrderSnapshot)
def get_order(rt: RuntimeDep, order_id: str, principal: Reader) -> OrderSnapshot:
    """One order with items and refunds (a shopper's own only)."""
    with rt.session() as session:
        return access.visible_order(session, principal, order_id)


# :path: so are customer ids ("acct/77", a platform's nickname)
@router.get("/customers/{customer_id:path}", response_model=CustomerOut)
def get_customer(rt: RuntimeDep, customer_id: str, principal: Agent) -> CustomerOut:
    """A customer and their latest orders, for the console's side panel."""
    with rt.session() as session:
        customer = CONNECTORS["sql"](session=session).get_customer(customer_id)
        if customer is None:
            raise NotFoundError("customer not found")
        return CustomerOut(customer=customer, orders=access.list_orders(session, customer_id))


@router.get("/me", response_model=MeOut)
def me(principal: Anyone) -> MeOut:
    """Who the token belongs to: name, role and (shoppers) customer."""
    return MeOut(name=principal.name, role=principal.role, customer_id=principal.customer_id)
