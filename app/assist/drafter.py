"""LLM drafts for agents, written after the shopper has been answered.

A turn that a person will answer (agent review, hand-off) leaves a
:class:`DraftRequest`; the runtime's :class:`Drafter` generates on a bounded queue
in the background, checks the draft (grounding and the gate in
:mod:`app.assist.draft_gate`), scores it and stores it as one more suggestion for the
agent. The queue sheds work it cannot do in time instead of making anyone wait.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from app.assist import draft_gate, drafting, grounding, scoring
from app.assist.schemas import Suggestion
from app.domain import Decision
from app.privacy import redact, redact_value
from app.telemetry import record_draft
from retrieval.index import Hit

if TYPE_CHECKING:
    from app.assist.schemas import AssistResult
    from app.assist.turn import Turn
    from app.runtime import Runtime

log = logging.getLogger(__name__)

QUEUE_SIZE = 32
# backends whose prompts travel to another machine
REMOTE_BACKENDS = frozenset({"ollama", "openai"})
DRAFTER_NICE = 15
# a draft no agent saw in time is worth less than the next one: drop it
MAX_AGE_S = 120.0


class DraftRequest(BaseModel):
    conversation_id: str
    customer_id: str
    message_id: int
    language: str
    message: str
    store_name: str
    passages: list[dict[str, Any]]
    facts: dict[str, Any]
    history: list[dict[str, str]]
    evidence: str
    own_order_ids: list[str]
    intent_confidence: float
    margin: float
    status: str
    anger: float
    decision: Decision
    created: float = 0.0

    @property
    def wanted(self) -> bool:
        """A person answers this turn, so a draft helps; an auto-sent one needs none."""
        return self.decision != Decision.auto_send

    def hits(self) -> list[Hit]:
        return [Hit(**p) for p in self.passages]


def draft_request(turn: Turn, result: AssistResult, message_id: int,
                  past: list[Any]) -> DraftRequest | None:
    """What the drafter would need for this turn (None for a bare yes/no answer)."""
    if turn.answered_pending:
        return None
    outcome = turn.step.outcome
    facts = (outcome.result or {}) if outcome else {}
    params = outcome.params if outcome else {}
    policy = turn.rt.policy.model_dump(mode="json")
    passages = turn.hits[:drafting.PASSAGES]
    return DraftRequest(
        conversation_id=turn.conversation.id, customer_id=turn.customer.id,
        message_id=message_id, language=turn.u.language, message=_read(turn),
        store_name=policy.get("store_name", {}).get(turn.u.language, ""),
        passages=[h.to_dict() for h in passages], facts=facts,
        history=[{"role": m.role, "text": m.text} for m in past],
        evidence=grounding.evidence_text(*(h.text for h in turn.hits[:4]), facts, params,
                                         policy),
        own_order_ids=[o.id for o in turn.orders], intent_confidence=turn.u.intent_confidence,
        margin=turn.u.margin, status=turn.step.status, anger=turn.u.sentiment.anger,
        decision=result.decision, created=time.monotonic())


def make_draft(rt: Runtime, req: DraftRequest) -> drafting.Draft | None:
    """Generate, check and score one draft now; None when the gate keeps it from agents.

    Raises :class:`drafting.LLMFailed` when the LLM did not deliver.
    """
    llm = rt.llm
    hits = req.hits()
    message, facts, history = req.message, req.facts, req.history
    if rt.settings.llm_backend in REMOTE_BACKENDS and rt.settings.llm_redact_remote:
        # the prompt leaves this machine: the shopper's personal data stays behind
        message, facts = redact(message), redact_value(facts)
        history = [{**turn, "text": redact(turn["text"])} for turn in history]
    draft = drafting.llm_draft(
        llm=llm, prompts_dir=rt.settings.prompts_dir, language=req.language,
        store_name=req.store_name, message=message, passages=hits, facts=facts,
        history=history, evidence=req.evidence, max_tokens=rt.settings.llm_max_tokens)
    if draft is None:
        return None
    verdict = draft_gate.judge(
        draft.suggestion.text, grounded=draft.suggestion.grounded,
        prompt_parts=[h.text for h in hits], message=req.message,
        names_foreign_order=lambda text: _names_foreign_order(rt, req, text))
    if not verdict.ok:
        log.info("LLM draft for message %s held back: %s", req.message_id, verdict.reason)
        return None
    evidence = scoring.Evidence(intent_confidence=req.intent_confidence, margin=req.margin,
                                kind="llm", status=req.status, retrieval=draft.retrieval_score,
                                grounded=draft.suggestion.grounded, anger=req.anger)
    draft.suggestion.confidence = round(rt.confidence_model.score(evidence), 4)
    draft.suggestion.evidence = evidence
    return draft


def _names_foreign_order(rt: Runtime, req: DraftRequest, text: str) -> bool:
    from app.store.id_shapes import normalise
    from app.understanding.references import find_mentions

    with rt.session() as session:
        facts = rt.store_facts(session)
    own = {normalise(o) for o in req.own_order_ids}
    mentions = find_mentions(text, orders=(), shapes=facts.order_ids)
    return any(normalise(m.written) not in own for m in mentions)


def _lower_priority() -> None:
    """Drafts are for agents; turns are for shoppers waiting now. On a busy machine the
    scheduler should run turns first: on Linux a thread has its own nice value, and the
    LLM's own threads, started from this one, inherit it."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), DRAFTER_NICE)
    except (AttributeError, OSError) as exc:  # not Linux, or not allowed: run as is
        log.debug("drafter priority unchanged: %s", exc)


class Drafter:
    """Background LLM drafting: a bounded queue and one worker per generation slot."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self._queue: queue.Queue[DraftRequest | None] = queue.Queue(maxsize=QUEUE_SIZE)
        self._threads: list[threading.Thread] = []
        self._started = False
        self._lock = threading.Lock()
        self.stats = {"queued": 0, "shed": 0, "stale": 0, "failed": 0, "stored": 0,
                      "held_back": 0}

    def submit(self, req: DraftRequest) -> bool:
        """Queue a draft; False (and counted) when the queue is full."""
        if not self.rt.llm.available:
            return False
        self._start()
        try:
            self._queue.put_nowait(req)
        except queue.Full:
            self._count("shed")
            return False
        self._count("queued")
        return True

    def _count(self, outcome: str, seconds: float | None = None) -> None:
        self.stats[outcome] += 1
        record_draft(outcome, seconds, self._queue.qsize())

    @property
    def depth(self) -> int:
        return self._queue.qsize()

    def _start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
            for n in range(self.rt.settings.llm_max_concurrency):
                thread = threading.Thread(target=self._work, name=f"kefu-drafter-{n}",
                                          daemon=True)
                thread.start()
                self._threads.append(thread)

    def _work(self) -> None:
        _lower_priority()
        while True:
            req = self._queue.get()
            if req is None:
                return
            try:
                self._one(req)
            except Exception:  # a worker thread must survive any one draft
                self._count("failed")
                log.exception("LLM draft for message %s failed", req.message_id)

    def _one(self, req: DraftRequest) -> None:
        if time.monotonic() - req.created > MAX_AGE_S:
            self._count("stale")
            return
        started = time.monotonic()
        try:
            draft = make_draft(self.rt, req)
        except drafting.LLMFailed:
            self._count("failed", time.monotonic() - started)
            return
        if draft is None:
            self._count("held_back", time.monotonic() - started)
            return
        store_draft(self.rt, req, draft.suggestion)
        self._count("stored", time.monotonic() - started)

    def close(self) -> None:
        for _ in self._threads:
            try:
                self._queue.put_nowait(None)
            except queue.Full:
                break


def store_draft(rt: Runtime, req: DraftRequest, suggestion: Suggestion) -> None:
    """One more suggestion for the message, ranked among those already there."""
    from sqlmodel import col, select

    from app.models import Suggestion as SuggestionRow

    with rt.session(write=True) as session:
        rows = session.exec(select(SuggestionRow).where(
            SuggestionRow.message_id == req.message_id).order_by(col(SuggestionRow.rank))).all()
        better = sum(1 for r in rows if r.confidence >= suggestion.confidence)
        for r in rows[better:]:
            r.rank += 1
            session.add(r)
        session.add(SuggestionRow(
            conversation_id=req.conversation_id, message_id=req.message_id, kind="llm",
            text=suggestion.text, confidence=suggestion.confidence, rank=better,
            sources=[s.model_dump() for s in suggestion.sources]))


def _read(turn: Turn) -> str:
    """The message as read: the request and the question joined to it."""
    return turn.text if turn.aside is None else f"{turn.text} {turn.aside.text}"
