"""Replies suite: multi-turn scenarios on the demo store, checked turn by turn.

A turn is correct when every expectation it states holds: intent, action name and
status, hand-off, facts the reply must contain and facts it must not reveal.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.assist.drafter import DraftRequest, make_draft
from app.assist.drafting import LLMFailed
from app.assist.schemas import AssistResult
from app.assist.service import assist_once
from app.intents import INTENTS
from app.jsonl import read_jsonl
from app.runtime import Runtime
from eval.drafts import DraftConfig, drafting_llm

WRITE_ACTIONS = frozenset(s.action for s in INTENTS.values() if s.action and s.writes)


@dataclass
class TurnRecord:
    scenario: str
    language: str
    text: str
    expect: dict[str, Any]
    result: AssistResult
    checks: dict[str, bool] = field(default_factory=dict)
    turn: int = 0  # the turn's place in its scenario (case ids are scenario#turn)

    @property
    def correct(self) -> bool:
        return all(self.checks.values())


def load_scenarios(path: Path) -> list[dict[str, Any]]:
    return read_jsonl(path)


def says(fact: str, text: str) -> bool:
    """Whether ``text`` states ``fact``, case aside; a number only as a whole number
    ("4.90" is not said by "24.90", nor "12" by "120"; "197.9" is by "197.90")."""
    if fact[:1].isdigit() and fact[-1:].isdigit():
        zeros = "0*" if "." in fact else ""
        return re.search(rf"(?<![\d.]){re.escape(fact)}{zeros}(?!\d)", text) is not None
    return fact.casefold() in text.casefold()


def check_turn(expect: dict[str, Any], result: AssistResult, reply: str) -> dict[str, bool]:
    """Expectations of one turn against a result, given the reply that would be sent."""
    checks: dict[str, bool] = {}
    action = result.action.name if result.action and result.action.name != "handoff" else None
    status = result.action.status if action and result.action else None
    if "intent" in expect and not expect.get("handoff"):
        checks["intent"] = result.intent == expect["intent"]
    if "action" in expect and not expect.get("handoff"):
        checks["action"] = action == expect["action"]
    if "status" in expect and not expect.get("handoff"):
        # null: nothing executed and nothing pending (a refusal or a declined one is fine)
        checks["status"] = (status in (None, "blocked") if expect["status"] is None
                            else status == expect["status"])
    if "handoff" in expect:
        checks["handoff"] = (result.decision == "handoff") == bool(expect["handoff"])
    if expect.get("reply_contains") and result.decision != "handoff":
        checks["reply_contains"] = all(says(str(f), reply) for f in expect["reply_contains"])
    if expect.get("reply_excludes"):
        shown = " ".join([reply, *(s.text for s in result.suggestions)])
        checks["reply_excludes"] = not any(says(str(f), shown) for f in expect["reply_excludes"])
    if expect.get("gives"):
        # never ask again for what the message itself gave
        checks["not_asked_again"] = not set(expect["gives"]) & set(result.asked_for)
    if "flagged" in expect:
        checks["flagged"] = ("injection" in result.flags) == bool(expect["flagged"])
    return checks


Stage = Callable[[str, int | None], None]
Recorder = Callable[[TurnRecord], None]


@dataclass
class Turns:
    """Scenario turns through the pipeline: the records, the drafts a person would want
    (record index, request) and each turn's time in ms, timed around the whole turn as
    the latency suite times it (language, text, ms)."""

    records: list[TurnRecord] = field(default_factory=list)
    wanted: list[tuple[int, DraftRequest]] = field(default_factory=list)
    timings: list[tuple[str, str, float]] = field(default_factory=list)

    def copy(self) -> Turns:
        """Records of their own (drafting replaces a record's result and checks)."""
        return Turns([replace(r) for r in self.records], list(self.wanted),
                     list(self.timings))

    def __add__(self, other: Turns) -> Turns:
        shift = len(self.records)
        return Turns(self.records + other.records,
                     self.wanted + [(i + shift, req) for i, req in other.wanted],
                     self.timings + other.timings)


def run_scenarios(rt: Runtime, scenarios: list[dict[str, Any]], *, llm_drafts: bool = False,
                  progress: Callable[[int], None] | None = None,
                  run_id: str = "eval", drafts: DraftConfig | None = None,
                  stage: Stage | None = None,
                  on_record: Recorder | None = None) -> list[TurnRecord]:
    """Each scenario as its own conversation, turns in order. With ``llm_drafts`` every
    turn a person would answer also gets its LLM draft (the service makes it in the
    background), so its quality can be measured: first every turn runs without one
    (seconds), then the drafts are made on every core (``drafts``), cached by prompt.
    ``on_record`` gets each turn once it is final, in the order they finish."""
    turns = pipeline_turns(rt, scenarios, run_id=run_id, progress=progress, stage=stage,
                           on_record=on_record, final=not llm_drafts)
    return with_drafts(rt, turns, llm_drafts=llm_drafts, run_id=run_id, drafts=drafts,
                       progress=progress, stage=stage, on_record=on_record)


def pipeline_turns(rt: Runtime, scenarios: list[dict[str, Any]], *, run_id: str,
                   progress: Callable[[int], None] | None = None, stage: Stage | None = None,
                   on_record: Recorder | None = None, final: bool = True) -> Turns:
    """Every turn through the pipeline, no LLM. ``on_record`` gets each turn as it is
    done if ``final``, else only the turns no person would answer (no draft to wait for)."""
    out = Turns()
    if stage:
        stage(f"{run_id}: pipeline", sum(len(s["turns"]) for s in scenarios))
    for scenario in scenarios:
        label = f"{run_id}:{scenario['id']}"
        for k, turn in enumerate(scenario["turns"]):
            start = time.perf_counter()
            done = assist_once(rt, customer_id=scenario["customer_id"], text=turn["text"],
                               label=label, channel=scenario.get("channel", "web"))
            ms = (time.perf_counter() - start) * 1000
            expect = turn.get("expect", {})
            record = TurnRecord(scenario["id"], scenario.get("language", ""), turn["text"],
                                expect, done.result, check_turn(expect, done.result,
                                                                done.result.reply), turn=k)
            out.records.append(record)
            out.timings.append((record.language, record.text, ms))
            draft = done.draft if done.draft is not None and done.draft.wanted else None
            if draft is not None:
                out.wanted.append((len(out.records) - 1, draft))
            if on_record and (final or draft is None):
                on_record(record)
            if progress:
                progress(1)
    return out


def with_drafts(rt: Runtime, turns: Turns, *, llm_drafts: bool, run_id: str,
                drafts: DraftConfig | None = None,
                progress: Callable[[int], None] | None = None, stage: Stage | None = None,
                on_record: Recorder | None = None) -> list[TurnRecord]:
    """The records of ``turns`` (changed in place), with their LLM drafts if
    ``llm_drafts``; ``on_record`` gets each drafted turn as its draft arrives."""
    if llm_drafts and turns.wanted:
        if stage:
            stage(f"{run_id}: LLM drafts", len(turns.wanted))
        _draft(rt, turns.records, turns.wanted, drafts or DraftConfig(), progress, on_record)
    return turns.records


def _draft(rt: Runtime, records: list[TurnRecord], wanted: list[tuple[int, DraftRequest]],
           config: DraftConfig, progress: Callable[[int], None] | None,
           on_record: Callable[[TurnRecord], None] | None) -> None:
    """The wanted drafts, ``config.workers`` at a time, each record updated as its draft
    arrives. Ctrl-C cancels what has not started; what is done stays in the cache."""
    with drafting_llm(rt, config) as llm, \
            ThreadPoolExecutor(llm.max_concurrency if llm else 1) as pool:
        if llm is None:
            return
        futures = {pool.submit(with_llm_draft, rt, req, records[i].result): i
                   for i, req in wanted}
        try:
            for future in as_completed(futures):
                record = records[futures[future]]
                record.result = future.result()
                # the draft is shown to the agent: what it must not reveal is checked on it
                record.checks = check_turn(record.expect, record.result, record.result.reply)
                if on_record:
                    on_record(record)
                if progress:
                    progress(1)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def with_llm_draft(rt: Runtime, request: DraftRequest, result: AssistResult) -> AssistResult:
    """The result with the turn's LLM draft among its suggestions (as an agent would
    see it), or flagged when the LLM let the turn down."""
    try:
        draft = make_draft(rt, request)
    except LLMFailed:
        return result.model_copy(update={"flags": [*result.flags, "llm_failed"]})
    if draft is None:
        return result
    suggestions = sorted([*result.suggestions, draft.suggestion], key=lambda s: -s.confidence)
    return result.model_copy(update={"suggestions": suggestions})


def summarise(records: list[TurnRecord]) -> dict[str, Any]:
    auto = [r for r in records if r.result.decision == "auto_send"]
    must_handoff = [r for r in records if r.expect.get("handoff")]
    calm = [r for r in records if r.expect.get("handoff") is False]
    writes = [r for r in records if r.result.action and r.result.action.name in WRITE_ACTIONS]
    # the scenario's author, not Kefu's own yes-detector, says which turns were a yes
    unconfirmed = [r for r in writes if r.result.action and r.result.action.status == "executed"
                   and r.expect.get("status") != "executed"]
    ungrounded_auto = [r for r in auto if r.result.suggestions
                       and not r.result.suggestions[0].grounded]
    asked_again = [r for r in auto if set(r.expect.get("gives") or ()) & set(r.result.asked_for)]
    followups = [r for r in records if r.expect.get("followup")]
    template_turns = [r for r in records if any(s.kind == "template"
                                                for s in r.result.suggestions)]
    drafts = [s for r in records for s in r.result.suggestions if s.kind == "llm"]
    return {
        "turns": len(records),
        "turn_accuracy": _share(records, lambda r: r.correct),
        "conversations": len({r.scenario for r in records}),
        "conversation_accuracy": conversation_accuracy(records),
        "auto_send_rate": round(len(auto) / len(records), 4) if records else 0.0,
        "auto_send_precision": _share(auto, lambda r: r.correct),
        "handoff_rate": _share(records, lambda r: r.result.decision == "handoff"),
        "handoff_recall": _share(must_handoff, lambda r: r.result.decision == "handoff"),
        "false_handoff_rate": _share(calm, lambda r: r.result.decision == "handoff"),
        "followup_accuracy": _share(followups, lambda r: r.correct) if followups else None,
        "auto_sent_asking_again": len(asked_again),
        "writes_proposed": len(writes),
        "writes_executed_without_confirmation": len(unconfirmed),
        "auto_sent_ungrounded": len(ungrounded_auto),
        "template_correctness": _share(template_turns, lambda r: r.correct),
        "llm_drafts": len(drafts),
        "llm_failed": sum("llm_failed" in r.result.flags for r in records),
        "groundedness_rate": round(sum(d.grounded for d in drafts) / len(drafts), 4)
        if drafts else None,
        "citation_validity": round(sum(bool(d.citations_valid) for d in drafts) / len(drafts), 4)
        if drafts else None,
        "by_language": {lang: {"turns": len(rs), "turn_accuracy": _share(rs, lambda r: r.correct),
                               "conversation_accuracy": conversation_accuracy(rs),
                               "auto_send_rate": _share(rs, _auto),
                               "auto_send_precision": _share(
                                   [r for r in rs if _auto(r)], lambda r: r.correct)}
                        for lang in sorted({r.language for r in records})
                        for rs in [[r for r in records if r.language == lang]]},
        "failures": [{"scenario": r.scenario, "text": r.text, "expect": r.expect,
                      "failed": [k for k, ok in r.checks.items() if not ok],
                      "intent": r.result.intent, "decision": r.result.decision,
                      "action": r.result.action.model_dump() if r.result.action else None,
                      "reply": r.result.reply[:300]}
                     for r in records if not r.correct][:80],
    } | breakdowns(records)


def breakdowns(records: list[TurnRecord]) -> dict[str, Any]:
    """Per expected intent, and expected against recognised intent per language (the
    report's confusion views; report-only, so metrics.json stays small)."""
    scored = [r for r in records if r.expect.get("intent") and not r.expect.get("handoff")]
    by_intent = {}
    for intent in sorted({str(r.expect["intent"]) for r in scored}):
        rs = [r for r in scored if r.expect["intent"] == intent]
        by_intent[intent] = {"turns": len(rs), "turn_accuracy": _share(rs, lambda r: r.correct),
                             "intent_accuracy": round(sum(r.result.intent == intent
                                                          for r in rs) / len(rs), 4),
                             "auto_send_rate": _share(rs, _auto)}
    confusion = {}
    for lang in sorted({r.language for r in scored}):
        pairs = [(str(r.expect["intent"]), r.result.intent) for r in scored
                 if r.language == lang]
        labels = sorted({x for pair in pairs for x in pair})
        index = {label: i for i, label in enumerate(labels)}
        counts = [[0] * len(labels) for _ in labels]
        for gold, got in pairs:
            counts[index[gold]][index[got]] += 1
        confusion[lang] = {"labels": labels, "counts": counts}
    return {"by_intent": by_intent, "_intent_confusion": confusion}


def _auto(record: TurnRecord) -> bool:
    return record.result.decision == "auto_send"


def conversation_accuracy(records: list[TurnRecord]) -> float:
    """Share of conversations whose every turn is correct."""
    by_scenario: dict[str, bool] = {}
    for r in records:
        by_scenario[r.scenario] = by_scenario.get(r.scenario, True) and r.correct
    return round(sum(by_scenario.values()) / len(by_scenario), 4) if by_scenario else 0.0


def _share(rows: list[TurnRecord], ok: Callable[[TurnRecord], bool]) -> float:
    return round(sum(ok(r) for r in rows) / len(rows), 4) if rows else 0.0
