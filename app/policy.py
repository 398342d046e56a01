"""The store's rules: one JSON file per store, ``KEFU_HOME/policy.json``.

`kefu init` seeds it from the bundled ``data/policy.json``; the store edits it (or
installs its own with `kefu policy set FILE`). Every action guard and every template
reads the rules from here, and the knowledge base states the same numbers in prose.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.errors import ConfigError
from app.models._common import OrderStatus
from app.settings import Settings

log = logging.getLogger(__name__)

POLICY_FILE = "policy.json"

Statuses = frozenset[OrderStatus]
ReturnReason = Literal["defective", "damaged", "wrong_item", "not_as_described",
                       "changed_mind", "wrong_size", "other"]


class ShippingOption(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    days: str
    fee: float = Field(ge=0)
    free_over: float | None = None
    # the currency of fee and free_over where it is not the store's ("HKD" for a Hong
    # Kong courier of a shop that prices in CNY)
    currency: str | None = None
    # what the option is called, by language ({"en": "Express", "zh": "加急"})
    name: dict[str, str] = Field(default_factory=dict)


class StorePolicy(BaseModel):
    """Every rule an action or a template may need; unknown keys in the file are ignored."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    store_name: dict[str, str] = Field(default_factory=dict)
    currency: str = "USD"
    returns_window_days: int = Field(ge=0)
    # a longer (or shorter) window for some reasons: "15 days for a quality problem"
    returns_window_days_by_reason: dict[ReturnReason, Annotated[int, Field(ge=0)]] = Field(
        default_factory=dict)
    return_shipping_fee: float = Field(default=0.0, ge=0)
    # the fee in the order's currency where the store charges it in several
    return_shipping_fee_by_currency: dict[str, Annotated[float, Field(ge=0)]] = Field(
        default_factory=dict)
    # the return fee comes off the refund (as the stores' own articles say: "we deduct a
    # return shipping fee of €4.90 from your refund"); False: the shopper pays it apart
    return_fee_deducted_from_refund: bool = True
    refund_processing_business_days: int = Field(default=0, ge=0)
    refund_posting_days: dict[str, str] = Field(default_factory=dict)
    cancellable_statuses: Statuses
    cancellation_fee: float = Field(default=0.0, ge=0)
    address_change_statuses: Statuses
    # the countries and territories the store delivers to (ISO codes: "GB", "HK"); an order
    # is not redirected to an address elsewhere. Empty: the store names none, none refused
    ships_to: tuple[str, ...] = ()
    order_change_statuses: Statuses
    refundable_statuses: Statuses
    invoice_statuses: Statuses
    invoice_request_days: int = Field(ge=0)
    # hours within which an electronic invoice asked for reaches the shopper's e-mail
    e_invoice_within_hours: int | None = Field(default=None, ge=0)
    ships_within_business_days: int = Field(default=1, ge=0)
    shipping_options: tuple[ShippingOption, ...] = ()
    carriers: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # a name, or names by language ({"en": "Huabei", "zh": "花呗"})
    payment_methods: tuple[str | dict[str, str], ...] = ()
    password_reset_link_hours: int | None = None
    account_deletion_grace_days: int | None = None
    # an account is deleted only once none of its orders is still on its way (pending,
    # paid or shipped) or has a return under way, as stores' account articles say
    account_deletion_waits_for_orders: bool = False
    review_window_days: int | None = None
    support_hours: str | None = None
    support_email: str | None = None
    support_phone: dict[str, str] = Field(default_factory=dict)
    # return reasons for which the store pays the return shipping (a faulty item is
    # the store's fault, not the shopper's)
    free_return_reasons: tuple[ReturnReason, ...] = ("defective", "damaged", "wrong_item")
    refund_after_cancellation_business_days: int | None = Field(default=None, ge=0)
    warranty_months: int | None = Field(default=None, ge=0)
    # a warranty by product category, where it differs ({"air_purifier": 24}): the key is
    # a value of the product's category-like attribute (``category``, ``type``, ...)
    warranty_months_by_category: dict[str, Annotated[int, Field(ge=0)]] = Field(
        default_factory=dict)
    # a part whose warranty differs from its product's ({"battery": 12, "电池": 12}): the
    # key is the part's name as shoppers write it, one key per language
    warranty_months_by_part: dict[str, Annotated[int, Field(ge=0)]] = Field(
        default_factory=dict)

    # what comes back once opened only when faulty (hygiene, consumables): values of the
    # products' category-like attributes, or product ids
    opened_return_exclusions: tuple[str, ...] = ()

    def excluded_once_opened(self, product_id: str, categories: Iterable[str]) -> bool:
        """Whether an opened item of this product comes back only for a free-return
        reason (a fault), not for a change of mind."""
        listed = {x.casefold() for x in self.opened_return_exclusions}
        return bool(listed) and (product_id.casefold() in listed
                                 or any(c.casefold() in listed for c in categories))

    def return_fee(self, reason: str | None, currency: str | None = None) -> float:
        """What the shopper pays to send an item back, given why (in ``currency``, the
        order's, where the store has a fee for it)."""
        if reason in self.free_return_reasons:
            return 0.0
        return self.return_shipping_fee_by_currency.get(
            (currency or "").upper(), self.return_shipping_fee)

    def warranty_for(self, categories: Iterable[str]) -> int | None:
        """Months of warranty for a product of these categories (the store's general
        warranty where none has its own)."""
        by = {k.casefold(): v for k, v in self.warranty_months_by_category.items()}
        return next((by[c.casefold()] for c in categories if c.casefold() in by),
                    self.warranty_months)

    def part_named(self, text: str) -> tuple[str, int] | None:
        """The part with a warranty of its own that ``text`` names, and its months."""
        folded = text.casefold()
        for part, months in self.warranty_months_by_part.items():
            key = part.casefold().strip()
            forms = {key, f"{key}s", f"{key}es", f"{key[:-1]}ies" if key.endswith("y") else key}
            words = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
            if key and re.search(rf"(?<![a-z])(?:{words})(?![a-z])", folded):
                return part, months
        return None

    def return_window(self, reason: str | None) -> int:
        """Days after delivery to ask for a return, given why."""
        return self.returns_window_days_by_reason.get(  # type: ignore[call-overload]
            reason, self.returns_window_days)

    def return_window_closes(self, delivered_at: datetime, reason: str | None) -> datetime:
        """The moment a return of what was delivered at ``delivered_at`` can no longer be
        asked for, given why."""
        return delivered_at + timedelta(days=self.return_window(reason))


def unknown_keys(path: Path) -> list[str]:
    """Keys of a policy file that no rule reads (a typo, or a rule Kefu does not have:
    the knowledge base is the place to state it to shoppers)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return []
    return sorted(set(raw) - set(StorePolicy.model_fields)) if isinstance(raw, dict) else []


def read_policy(path: Path) -> StorePolicy:
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
    ignored = unknown_keys(path)
    if ignored:
        log.warning("%s: keys no rule reads (ignored): %s", path, ", ".join(ignored))
    log.debug("store policy loaded from %s", path)
    return policy


def bundled_policy_path(settings: Settings) -> Path:
    return settings.data_dir / POLICY_FILE


def policy_path(settings: Settings) -> Path:
    """The store's own policy in KEFU_HOME; the bundled one until `kefu init` seeds it."""
    own = settings.home / POLICY_FILE
    return own if own.exists() else bundled_policy_path(settings)


# what names the demo store itself: a store starting without the demo gets the bundled
# rules without them, so no reply speaks in the demo's name until the owner writes theirs
DEMO_IDENTITY = ("store_name", "support_email", "support_phone")


def install_policy(settings: Settings, source: Path | None = None, *,
                   replace: bool = False, demo: bool = True) -> Path:
    """Copy a policy file (validated first; default: the bundled one, without the demo
    store's name and contacts unless ``demo``) into KEFU_HOME.

    An existing store policy is kept unless ``replace``: `kefu init` must never undo
    what the store wrote.
    """
    target = settings.home / POLICY_FILE
    if target.exists() and not replace:
        return target
    src = source or bundled_policy_path(settings)
    read_policy(src)
    text = src.read_text(encoding="utf-8")
    if source is None and not demo:
        text = json.dumps(_without_identity(json.loads(text)), ensure_ascii=False, indent=2)
    tmp = target.with_suffix(".json.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    return target


def _without_identity(raw: dict[str, Any]) -> dict[str, Any]:
    names = [n for n in (raw.get("store_name") or {}).values() if n]
    out = {k: v for k, v in raw.items() if k not in DEMO_IDENTITY}
    if isinstance(out.get("payment_methods"), list):  # "Harbor & Pine gift card"
        out["payment_methods"] = [m for m in out["payment_methods"]
                                  if not any(n in str(m) for n in names)]
    return out


class PolicyFile:
    """The policy in force, re-read when its file changes (an edit needs no restart)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._seen: tuple[Path, int] | None = None
        self._policy: StorePolicy | None = None

    def current(self) -> StorePolicy:
        path = policy_path(self.settings)
        try:
            stamp = (path, path.stat().st_mtime_ns)
        except OSError as exc:
            raise ConfigError(f"{path}: store policy file not found") from exc
        with self._lock:
            if self._policy is None or stamp != self._seen:
                self._policy = read_policy(path)
                self._seen = stamp
            return self._policy
