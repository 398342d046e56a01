"""Reading the store packs' files, the same for every pack's checks."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "data"


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def ts(value: str) -> datetime:
    """An ISO timestamp of the packs ("2026-11-28T09:00:00Z"), aware."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
