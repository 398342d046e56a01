"""Suggestion candidates: a filled template, knowledge-base answers, a grounded LLM draft."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from app.assist import grounding
from app.assist.schemas import Source, Suggestion
from app.errors import LLMError
from retrieval.index import Hit
from retrieval.tokens import count_tokens, truncate_tokens

log = logging.getLogger(__name__)

KB_ANSWERS = 2
PROMPT_MARGIN = 1.25  # cl100k counts differ from the model's own tokenizer
HISTORY_TURNS = 5
PASSAGES = 3
# a small CPU model reads ~300 prompt tokens/s: short passages keep the first token near 1 s
PASSAGE_TOKENS = 120
# knowledge written for the team, not for shoppers (the complaint layer holds the
# playbooks: "apologise and take ownership", "escalate to a team lead when..."): never
# offered as a reply; shown to agents as guidance, as a source of the turn's answer
GUIDANCE_LAYERS = frozenset({"complaint"})
GUIDANCE_SHOWN = 2


@dataclass
class Draft:
    """A candidate with the evidence that will decide its confidence."""

    suggestion: Suggestion
    retrieval_score: float = 0.0
    grounding: grounding.Grounding | None = None
    # the answer to a question joined to the request ("also, ..."), appended to this one
    joined: Draft | None = None


def source_of(hit: Hit) -> Source:
    return Source(id=hit.id, title=hit.title, score=hit.dense_score or hit.score)


def kb_drafts(hits: list[Hit]) -> list[Draft]:
    """The best passages of distinct documents, each as an answer of its own (guidance
    for the team never is one)."""
    drafts: list[Draft] = []
    seen: set[str] = set()
    for hit in hits:
        if hit.doc_id in seen or hit.layer in GUIDANCE_LAYERS:
            continue
        seen.add(hit.doc_id)
        drafts.append(Draft(Suggestion(text=hit.text, kind="kb", confidence=0.0,
                                       sources=[source_of(hit)]),
                            retrieval_score=hit.dense_score or 0.0))
        if len(drafts) == KB_ANSWERS:
            break
    return drafts


def guidance(hits: list[Hit]) -> list[Source]:
    """The team's playbooks among the passages found, for the agent to read."""
    found: dict[str, Source] = {}
    for hit in hits:
        if hit.layer in GUIDANCE_LAYERS and hit.doc_id not in found:
            found[hit.doc_id] = source_of(hit)
    return list(found.values())[:GUIDANCE_SHOWN]


@lru_cache(maxsize=8)
def _prompt_env(folder: Path) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=False,
                              trim_blocks=True, lstrip_blocks=True)


def build_prompt(*, prompts_dir: Path, language: str, store_name: str, message: str,
                 passages: list[Hit], facts: Any, history: list[dict[str, str]],
                 budget: int) -> list[tuple[str, str]]:
    """System and user messages that fit ``budget`` tokens (passages dropped last-first)."""
    env = _prompt_env(prompts_dir / "draft")
    system = env.get_template(f"{language}.system.j2").render(store_name=store_name)
    fact_text = json.dumps(facts, ensure_ascii=False, default=str) if facts else ""
    kept, turns = list(passages[:PASSAGES]), history[-HISTORY_TURNS:]
    while True:
        user = env.get_template(f"{language}.user.j2").render(
            passages=[{"title": p.title, "text": truncate_tokens(p.text, PASSAGE_TOKENS)}
                      for p in kept], facts=fact_text,
            history=turns, message=message)
        used = int((count_tokens(system) + count_tokens(user)) * PROMPT_MARGIN)
        if used <= budget or (not kept and not turns):
            return [("system", system), ("user", user)]
        if turns:
            turns = turns[1:]
        else:
            kept = kept[:-1]


class LLMFailed(Exception):
    """The LLM was configured but did not deliver a draft this turn."""


def llm_draft(*, llm: Any, prompts_dir: Path, language: str, store_name: str, message: str,
              passages: list[Hit], facts: Any, history: list[dict[str, str]],
              evidence: str, max_tokens: int) -> Draft | None:
    """A checked draft; None when no LLM is configured; LLMFailed when it let us down."""
    if llm is None or not getattr(llm, "available", False):
        return None
    budget = int(llm.context_tokens) - max_tokens - 32
    prompt = build_prompt(prompts_dir=prompts_dir, language=language, store_name=store_name,
                          message=message, passages=passages, facts=facts, history=history,
                          budget=budget)
    try:
        text = llm.generate(prompt, max_tokens=max_tokens).strip()
    except LLMError as exc:
        log.warning("LLM draft skipped: %s", exc)
        raise LLMFailed(str(exc)) from exc
    if not text:
        return None
    check = grounding.check(text, evidence, n_sources=len(passages))
    sources = [source_of(p) for p in passages]
    suggestion = Suggestion(text=text, kind="llm", confidence=0.0, sources=sources,
                            grounded=check.grounded, citations_valid=not check.bad_citations)
    top = max((p.dense_score or 0.0 for p in passages), default=0.0)
    return Draft(suggestion, retrieval_score=top, grounding=check)
