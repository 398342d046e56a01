"""The store's rules, read from ``data/policy.json``.

The knowledge base states the same rules in prose; actions and templates read the
numbers from here so the two can never drift apart in code.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.errors import ConfigError
from app.models._common import OrderStatus
from app.settings import get_settings

log = logging.getLogger(__name__)

POLICY_FILE = "policy.json"

Statuses = frozenset[OrderStatus]


class ShippingOption(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    days: str
    fee: float = Field(ge=0)
    free_over: float | None = None


class StorePolicy(BaseModel):
    """Every rule an action or a template may need; unknown keys in the file are ignored."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    store_name: dict[str, str] = Field(default_factory=dict)
    currency: str = "USD"
    returns_window_days: int = Field(ge=0)
    return_shipping_fee: float = Field(default=0.0, ge=0)
    refund_processing_business_days: int = Field(default=0, ge=0)
    refund_posting_days: dict[str, str] = Field(default_factory=dict)
    cancellable_statuses: Statuses
    cancellation_fee: float = Field(default=0.0, ge=0)
    address_change_statuses: Statuses
    order_change_statuses: Statuses
    refundable_statuses: Statuses
    invoice_statuses: Statuses
    invoice_request_days: int = Field(ge=0)
    ships_within_business_days: int = Field(default=1, ge=0)
    shipping_options: tuple[ShippingOption, ...] = ()
    carriers: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    payment_methods: tuple[str, ...] = ()
    password_reset_link_hours: int | None = None
    account_deletion_grace_days: int | None = None
    review_window_days: int | None = None
    support_hours: str | None = None
    support_email: str | None = None
    support_phone: dict[str, str] = Field(default_factory=dict)


@lru_cache(maxsize=4)
def load_policy(path: Path) -> StorePolicy:
    """Read and validate one policy file; any problem is a ConfigError naming the file."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: store policy file not found") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read store policy: {exc}") from exc
    try:
        policy = StorePolicy.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"{path}: invalid store policy: {problems}") from exc
    log.debug("store policy loaded from %s", path)
    return policy


def get_policy() -> StorePolicy:
    """The policy of the configured data folder (cached per file path)."""
    return load_policy(get_settings().data_dir / POLICY_FILE)
