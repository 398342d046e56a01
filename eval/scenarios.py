"""Replies suite: multi-turn scenarios on the demo store, checked turn by turn.

A turn is correct when every expectation it states holds: intent, action name and
status, hand-off, facts the reply must contain and facts it must not reveal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.assist.pipeline import assist
from app.assist.schemas import AssistResult
from app.db import session_scope
from app.jsonl import read_jsonl
from app.settings import Settings

WRITE_ACTIONS = {"change_shipping_address", "cancel_order", "get_refund",
                 "set_up_shipping_address", "change_order"}


@dataclass
class TurnRecord:
    scenario: str
    language: str
    text: str
    expect: dict[str, Any]
    result: AssistResult
    checks: dict[str, bool] = field(default_factory=dict)

    @property
    def correct(self) -> bool:
        return all(self.checks.values())


def load_scenarios(path: Path) -> list[dict[str, Any]]:
    return read_jsonl(path)


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
    folded = reply.casefold()
    if expect.get("reply_contains") and result.decision != "handoff":
        checks["reply_contains"] = all(str(f).casefold() in folded
                                       for f in expect["reply_contains"])
    if expect.get("reply_excludes"):
        shown = " ".join([reply, *(s.text for s in result.suggestions)]).casefold()
        checks["reply_excludes"] = not any(str(f).casefold() in shown
                                           for f in expect["reply_excludes"])
    return checks


def run_scenarios(settings: Settings, scenarios: list[dict[str, Any]], *, llm: Any = None,
                  progress: Callable[[int], None] | None = None,
                  run_id: str = "eval") -> list[TurnRecord]:
    records: list[TurnRecord] = []
    for scenario in scenarios:
        label = f"{run_id}:{scenario['id']}"
        for turn in scenario["turns"]:
            with session_scope(write=True) as session:
                result = assist(session=session, settings=settings,
                                customer_id=scenario["customer_id"], text=turn["text"],
                                label=label, channel=scenario.get("channel", "web"), llm=llm)
            expect = turn.get("expect", {})
            records.append(TurnRecord(scenario["id"], scenario.get("language", ""),
                                      turn["text"], expect, result,
                                      check_turn(expect, result, result.reply)))
            if progress:
                progress(1)
    return records


def summarise(records: list[TurnRecord]) -> dict[str, Any]:
    auto = [r for r in records if r.result.decision == "auto_send"]
    must_handoff = [r for r in records if r.expect.get("handoff")]
    writes = [r for r in records if r.result.action and r.result.action.name in WRITE_ACTIONS]
    unconfirmed = [r for r in writes if r.result.action and r.result.action.status == "executed"
                   and not _is_confirmation(r)]
    ungrounded_auto = [r for r in auto if r.result.suggestions
                       and not r.result.suggestions[0].grounded]
    template_turns = [r for r in records if any(s.kind == "template"
                                                for s in r.result.suggestions)]
    drafts = [s for r in records for s in r.result.suggestions if s.kind == "llm"]
    return {
        "turns": len(records),
        "turn_accuracy": _share(records, lambda r: r.correct),
        "auto_send_rate": round(len(auto) / len(records), 4) if records else 0.0,
        "auto_send_precision": _share(auto, lambda r: r.correct),
        "handoff_recall": _share(must_handoff, lambda r: r.result.decision == "handoff"),
        "writes_proposed": len(writes),
        "writes_executed_without_confirmation": len(unconfirmed),
        "auto_sent_ungrounded": len(ungrounded_auto),
        "template_correctness": _share(template_turns, lambda r: r.correct),
        "llm_drafts": len(drafts),
        "groundedness_rate": round(sum(d.grounded for d in drafts) / len(drafts), 4)
        if drafts else None,
        "citation_validity": round(sum(bool(d.citations_valid) for d in drafts) / len(drafts), 4)
        if drafts else None,
        "by_language": {lang: {"turns": len(rs), "turn_accuracy": _share(rs, lambda r: r.correct),
                               "auto_send_precision": _share(
                                   [r for r in rs if r.result.decision == "auto_send"],
                                   lambda r: r.correct)}
                        for lang in sorted({r.language for r in records})
                        for rs in [[r for r in records if r.language == lang]]},
        "failures": [{"scenario": r.scenario, "text": r.text, "expect": r.expect,
                      "failed": [k for k, ok in r.checks.items() if not ok],
                      "intent": r.result.intent, "decision": r.result.decision,
                      "action": r.result.action.model_dump() if r.result.action else None,
                      "reply": r.result.reply[:300]}
                     for r in records if not r.correct][:60],
    }


def _is_confirmation(record: TurnRecord) -> bool:
    """An executed write may only come from a turn in which the shopper said yes."""
    from app.understanding.slots import extract_slots

    return extract_slots(text=record.text, language=record.language).affirmation == "yes"


def _share(rows: list[TurnRecord], ok: Callable[[TurnRecord], bool]) -> float:
    return round(sum(ok(r) for r in rows) / len(rows), 4) if rows else 0.0
