"""Intent cases from a JSONL file: a plain labelled set ({text, intent}) or feedback
exported from agents ({text, intent, decision, final_text}).

Only rows whose ``intent`` is one of the taxonomy's labels become cases; the others
(no label, an unknown label, no text) are counted, so a report says how much of an
export it could use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.jsonl import read_jsonl
from app.understanding.intent import INTENTS

Case = tuple[str, str]


def load_labelled(path: Path) -> tuple[list[Case], dict[str, Any]]:
    cases: list[Case] = []
    counts: dict[str, int] = dict.fromkeys(("rows", "used", "no_label", "unknown_label",
                                            "no_text"), 0)
    decisions: dict[str, int] = {}
    known = set(INTENTS)
    for row in read_jsonl(path):
        counts["rows"] += 1
        decision = str(row.get("decision") or "")
        if decision:
            decisions[decision] = decisions.get(decision, 0) + 1
        text, label = row.get("text"), row.get("intent")
        if not isinstance(text, str) or not text.strip():
            counts["no_text"] += 1
        elif not isinstance(label, str) or not label:
            counts["no_label"] += 1
        elif label not in known:
            counts["unknown_label"] += 1
        else:
            cases.append((text, label))
            counts["used"] += 1
    return cases, {**counts, "decisions": decisions}
