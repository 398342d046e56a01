"""What every action shares: the :class:`Action` protocol, its context, refusals, params.

An action is two deterministic steps: ``check`` (authorization and policy guards,
no writes) and ``run`` (read facts or apply the change). The service runs ``check``
again right before ``run`` at confirmation time, so a guard always sees the store as
it is when the change is made.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any, Protocol, runtime_checkable

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from app.domain import Reason, RecordId
from app.errors import ForbiddenError, NotFoundError
from app.models._common import as_utc
from app.policy import StorePolicy
from app.store.connector import OrderSnapshot, StoreConnector

# --- parameters -------------------------------------------------------------------------


class ActionParams(BaseModel):
    """Base of every action's parameters: unknown keys are refused, not ignored, so a
    proposal can never smuggle in a field (``customer_id``, ``actor`` ...) that means
    something elsewhere."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class NoParams(ActionParams):
    pass


OrderId = RecordId
ProductId = RecordId

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


ADDRESS_MIN, ADDRESS_MAX = 5, 500  # 500 is the width of the address columns


def _clean_address(value: str) -> str:
    if _CONTROL.search(value.replace("\n", " ").replace("\t", " ")):
        raise ValueError("address contains control characters")
    value = " ".join(value.split())
    if not ADDRESS_MIN <= len(value) <= ADDRESS_MAX:
        raise ValueError(f"address must be {ADDRESS_MIN} to {ADDRESS_MAX} characters")
    if not any(ch.isalnum() for ch in value):
        raise ValueError("address has no letters or digits")
    return value


Address = Annotated[
    str, StringConstraints(max_length=4 * ADDRESS_MAX), AfterValidator(_clean_address)
]
ReasonText = Annotated[str, StringConstraints(min_length=1, max_length=500)]


# --- refusals -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """Why an action is ``blocked``: a machine code, a sentence, and non-sensitive facts."""

    reason: Reason
    detail: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)

    def as_result(self) -> dict[str, Any]:
        result: dict[str, Any] = {"reason": self.reason}
        if self.detail is not None:
            result["detail"] = self.detail
        result.update(self.facts)
        return result


# Deliberately says nothing else: an unknown order and another customer's order must
# be indistinguishable, or the refusal itself would leak that the order exists.
NOT_YOUR_ORDER = Refusal(Reason.not_your_order)


# money compares to within half a cent: amounts are stored rounded to cents
CENT = 0.005


def status_refusal(
    order: OrderSnapshot, allowed: Collection[str], doing: str
) -> Refusal | None:
    """None when the order's status is among ``allowed``; else ``status_not_allowed``."""
    if order.status in allowed:
        return None
    allowed_list = sorted(str(s) for s in allowed)
    details: dict[str, Any] = {"order_id": order.id, "order_status": str(order.status),
                               "allowed_statuses": allowed_list}
    if order.status == "shipped" and order.carrier:
        # what the shopper can still do is the courier's: redirect it, hold it
        details |= {"carrier": order.carrier, "tracking_number": order.tracking_number}
    return Refusal(Reason.status_not_allowed,
        f"Order {order.id} is {order.status}; {doing} is only possible while it is "
        f"{' or '.join(allowed_list)}.", details)


# --- context and protocol -----------------------------------------------------------------


@dataclass(frozen=True)
class ActionContext:
    """Everything an action may consult. ``customer_id`` is the account the actor works
    on, resolved by the service from the actor and the conversation only."""

    connector: StoreConnector
    policy: StorePolicy
    customer_id: str | None
    now: datetime
    # what Kefu itself did: the result of this customer's last executed action of a name
    # on an order (with ``at``, when), which the store's data may not keep (whether a
    # cancelled order had been paid)
    done: Callable[[str, str], dict[str, Any] | None] = lambda _name, _order: None

    def owned_order(self, order_id: str) -> OrderSnapshot | None:
        """The order if it belongs to this context's customer, else None (missing or not)."""
        if self.customer_id is None:
            return None
        order = self.connector.get_order(order_id)
        if order is None or order.customer_id != self.customer_id:
            return None
        return order

    def require_customer(self) -> str:
        """For actions with ``needs_customer``; the service guarantees one is resolved."""
        if self.customer_id is None:
            raise ForbiddenError("no customer account in scope")
        return self.customer_id

    def require_order(self, order_id: str) -> OrderSnapshot:
        """For ``run``, after ``check`` passed: a vanished order is an error, not a refusal."""
        order = self.owned_order(order_id)
        if order is None:
            raise NotFoundError(f"order {order_id} vanished between check and run")
        return order


@runtime_checkable
class Previewing(Protocol):
    """An action that can say, before the shopper's yes, what it would do ("you'd get
    €84.10 back"): the proposal carries it as its ``result``."""

    def preview(self, params: Any, ctx: ActionContext) -> dict[str, Any]: ...


class Action(Protocol):
    """One action. ``writes`` actions wait for confirmation or approval before ``run``."""

    # read-only properties so that implementations may narrow them with class attributes
    @property
    def name(self) -> str: ...

    @property
    def writes(self) -> bool: ...

    @property
    def needs_customer(self) -> bool:
        """False only for actions that touch no customer data (handoff)."""
        ...

    @property
    def params_model(self) -> type[ActionParams]: ...

    def check(self, params: Any, ctx: ActionContext) -> Refusal | None:
        """Authorization and policy guards; must not change anything."""
        ...

    def run(self, params: Any, ctx: ActionContext) -> dict[str, Any]:
        """Read the facts or apply the change; returns the outcome's ``result``."""
        ...


@runtime_checkable
class GuardsOrder(Protocol):
    """An action whose order alone can rule it out ("that order has shipped"), before
    the rest of its parameters (a new address, the items) are known."""

    def guard_order(self, order_id: str, ctx: ActionContext) -> Refusal | None: ...


# --- result helpers -------------------------------------------------------------------------


def iso(value: datetime | None) -> str | None:
    utc = as_utc(value)
    return None if utc is None else utc.strftime("%Y-%m-%dT%H:%M:%SZ")


def items_facts(order: OrderSnapshot) -> list[dict[str, Any]]:
    return [
        {"product_id": i.product_id, "name": i.name, "qty": i.qty, "price": i.price}
        for i in order.items
    ]
