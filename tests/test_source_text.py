"""The sources hold no control characters: a "\\b" written into a plain string becomes a
backspace, and a pattern holding one never matches what it was meant to."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@pytest.mark.parametrize("package", ["app", "retrieval", "eval"])
def test_no_control_characters_in_the_sources(package: str) -> None:
    found = [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / package).rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if _CONTROL.search(line)]
    assert found == []
