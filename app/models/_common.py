"""Shared column helpers for the table models."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """Aware UTC for storage; a naive time from an import file is taken to be UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


class OrderStatus(StrEnum):
    pending = "pending"
    paid = "paid"
    shipped = "shipped"
    delivered = "delivered"
    cancelled = "cancelled"
    returned = "returned"


# an order that will not be on its way again: where it goes is history
FINISHED_ORDER_STATUSES = frozenset(
    {OrderStatus.delivered, OrderStatus.cancelled, OrderStatus.returned})


class RefundStatus(StrEnum):
    requested = "requested"
    approved = "approved"
    refunded = "refunded"
    rejected = "rejected"


class Language(StrEnum):
    en = "en"
    zh = "zh"
