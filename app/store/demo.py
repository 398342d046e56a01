"""The bundled demo store, kept current: its dates move forward with the calendar."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.store.importer import read_store_file

_DATE_FIELDS = {
    "orders": ("created_at", "shipped_at", "delivered_at"),
    "refunds": ("created_at", "refunded_at"),
}


def _shift(value: str | None, delta: timedelta) -> str | None:
    if value is None:
        return None
    moved = datetime.fromisoformat(value) + delta
    return moved.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def load_demo_store(path: Path, *, today: datetime | None = None) -> dict[str, Any]:
    """Read the demo file and shift its dates by whole days from its reference date.

    Whole days keep `kefu init` idempotent within a day while a delivered order
    stays inside the returns window however old the checkout is.
    """
    data = read_store_file(path)
    reference = data.pop("reference_date", None)
    if reference is None:
        return data
    now = today or datetime.now(UTC)
    days = (now.date() - datetime.fromisoformat(reference).date()).days
    if days <= 0:
        return data
    delta = timedelta(days=days)
    for section, fields in _DATE_FIELDS.items():
        for record in data.get(section, []):
            for name in fields:
                record[name] = _shift(record.get(name), delta)
    return data
