"""Groundedness: every checkable fact in a draft must appear in its evidence.

Facts are order ids, tracking numbers, dates, amounts and other numbers (days,
fees, percentages: the stuff of policy claims). A draft whose fact is found in
neither the retrieved passages, the action result nor the store policy is
ungrounded and must never be sent without a person.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

# identifiers of any store's shape: letters and digits (and inner separators) with at
# least one digit and one letter or separator ("#1042" is a number, checked as one)
IDENTIFIER = re.compile(r"(?<![\w#])#?(?=[\w-]*\d)(?=[\w-]*[A-Za-z_-])[A-Za-z0-9]+"
                        r"(?:[-_/.][A-Za-z0-9]+)*(?![\w])")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ZH_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?![\w])")
CITATION = re.compile(r"\[(\d{1,2})\]")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
EN_DATE = re.compile(r"\b(" + "|".join(MONTHS) + r")[a-z]*\.? (\d{1,2}),? (\d{4})\b", re.I)


@dataclass
class Grounding:
    grounded: bool
    facts: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    bad_citations: list[int] = field(default_factory=list)


def _numbers(text: str) -> set[float]:
    out = set()
    for raw in NUMBER.findall(text):
        try:
            out.add(round(float(raw.replace(",", "")), 2))
        except ValueError:
            continue
    return out


def _dates(text: str) -> set[str]:
    found = set(ISO_DATE.findall(text))
    found |= {f"{y}-{int(m):02d}-{int(d):02d}" for y, m, d in ZH_DATE.findall(text)}
    for month, day, year in EN_DATE.findall(text):
        found.add(f"{year}-{MONTHS.index(month[:3].lower()) + 1:02d}-{int(day):02d}")
    return found


def evidence_text(*parts: Any) -> str:
    return "\n".join(p if isinstance(p, str) else json.dumps(p, ensure_ascii=False, default=str)
                     for p in parts if p)


def check(draft: str, evidence: str, *, n_sources: int = 0) -> Grounding:
    """Checks ``draft`` against ``evidence``; citations [n] must name one of n_sources."""
    unsupported: list[str] = []
    facts: list[str] = []
    upper_evidence = evidence.upper()
    for token in set(IDENTIFIER.findall(draft)):
        facts.append(token)
        if token.upper() not in upper_evidence:
            unsupported.append(token)
    evidence_dates = _dates(evidence)
    draft_dates = _dates(draft)
    for date in draft_dates:
        facts.append(date)
        if date not in evidence_dates:
            unsupported.append(date)
    cited = [int(n) for n in CITATION.findall(draft)]
    stripped = CITATION.sub(" ", draft)
    for token in IDENTIFIER.findall(stripped):
        stripped = stripped.replace(token, " ")
    stripped = ZH_DATE.sub(" ", ISO_DATE.sub(" ", EN_DATE.sub(" ", stripped)))
    evidence_numbers = _numbers(evidence) | {0.0, 1.0}  # "1 item", "0 fee" need no source
    for number in _numbers(stripped):
        facts.append(str(number))
        if number not in evidence_numbers:
            unsupported.append(str(number))
    bad = [n for n in cited if not 1 <= n <= n_sources]
    return Grounding(grounded=not unsupported and not bad, facts=sorted(set(facts)),
                     unsupported=sorted(set(unsupported)), bad_citations=bad)
