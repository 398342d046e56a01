"""The action registry: intent/action name -> implementation."""

from __future__ import annotations

from app.actions.address import ChangeShippingAddress, SetUpShippingAddress
from app.actions.base import Action
from app.actions.cancel import CancelOrder
from app.actions.change_order import ChangeOrder
from app.actions.handoff import Handoff
from app.actions.invoice import GetInvoice
from app.actions.refund import GetRefund
from app.actions.tracking import TrackOrder, TrackRefund

_ALL: tuple[Action, ...] = (
    TrackOrder(),
    TrackRefund(),
    GetInvoice(),
    ChangeShippingAddress(),
    CancelOrder(),
    GetRefund(),
    SetUpShippingAddress(),
    ChangeOrder(),
    Handoff(),
)

ACTIONS: dict[str, Action] = {action.name: action for action in _ALL}
