"""JSON Lines input: one object per line, errors named by file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.errors import InputError


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every non-blank line as an object; a bad line is an InputError naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: malformed JSON: {exc.msg}") from exc
        if not isinstance(row, dict):
            raise InputError(f"{path}:{n}: expected a JSON object")
        rows.append(row)
    return rows


def require_strings(path: Path, rows: list[dict[str, Any]], *fields: str) -> None:
    """Every row must carry these fields as strings."""
    for n, row in enumerate(rows, 1):
        if not all(isinstance(row.get(f), str) for f in fields):
            names = ", ".join(f"`{f}`" for f in fields)
            raise InputError(f"{path}: object {n}: needs string {names}")
