"""Whether an LLM draft may reach an agent as sendable text.

A draft must be grounded (app.assist.grounding), answer the question rather than echo
the prompt or the passages, not repeat itself, carry no instructions or identities
smuggled in by the shopper's message, and name no order the shopper does not own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from app.understanding.injection import looks_like_injection

MIN_CHARS = 12
ECHO_SHARE = 0.6  # of a draft's sentences copied from the prompt or a passage
_SENTENCE = re.compile(r"[^.!?。！？\n]+[.!?。！？]?")
_PROMPT_MARKERS = re.compile(
    r"(?:^|\n)\s*(?:system|user|assistant|passages?|facts?|question|customer message|"
    r"参考资料|事实|客户消息|问题)\s*[:：]|\[\d+\]\s*$|<\|", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str = ""


def _sentences(text: str) -> list[str]:
    return [s.strip().casefold() for s in _SENTENCE.findall(text) if len(s.strip()) > 3]


def _echoed(draft: str, sources: Collection[str]) -> bool:
    sentences = _sentences(draft)
    if not sentences:
        return True
    pool = " ".join(s.casefold() for s in sources)
    copied = sum(1 for s in sentences if s in pool)
    return copied / len(sentences) >= ECHO_SHARE


def _repeats(draft: str) -> bool:
    sentences = _sentences(draft)
    return len(sentences) >= 3 and len(set(sentences)) <= len(sentences) / 2


def judge(draft: str, *, grounded: bool, prompt_parts: Collection[str], message: str,
          names_foreign_order: Callable[[str], bool] | None = None) -> Verdict:
    text = draft.strip()
    if len(text) < MIN_CHARS:
        return Verdict(False, "too_short")
    if not grounded:
        return Verdict(False, "ungrounded")
    if _PROMPT_MARKERS.search(text):
        return Verdict(False, "prompt_echo")
    if _echoed(text, [*prompt_parts, message]):
        return Verdict(False, "copied")
    if _repeats(text):
        return Verdict(False, "repetitive")
    if looks_like_injection(text):
        return Verdict(False, "instructions")
    if names_foreign_order is not None and names_foreign_order(text):
        return Verdict(False, "other_customer")
    return Verdict(True)
