"""Actions suite: tau-bench retail (en) and ECom-Bench (zh) tasks against their own stores.

Both mock databases are converted (eval.external_stores) and imported into a throw-away
copy of KEFU_HOME; each derived case (eval.external_tasks) is sent to the pipeline as a
new conversation of the task's user, without an LLM (drafting does not change the
action). The predicted action is the action the pipeline proposed, or the one its intent
resolves to when it asked for a missing detail first, or ``handoff``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.assist.schemas import AssistResult
from app.assist.service import assist_once
from app.intents import spec
from app.policy import StorePolicy
from app.runtime import Runtime
from app.store.importer import import_into
from eval.external_stores import ECOM_STATUS, TAU_STATUS, convert_ecom, convert_tau
from eval.external_tasks import (
    ECOM_ACTIONS,
    POLICY_LISTS,
    TAU_ACTIONS,
    ActionCase,
    Derived,
    derive_ecom,
    derive_tau,
)

ASSUMPTIONS = [
    "Task descriptions are simulator prompts in the second person; each case is its request "
    "part rewritten in the first person (see eval/external_tasks.py), not a real message.",
    "Order, customer and product ids are the benchmarks' own, in store and text.",
    "The mock stores carry no usable dates: orders are placed 20 days before the run and "
    "delivered ones delivered 5 days before, so the returns window is always open.",
    "Expected status is computed under Kefu's policy (data/policy.json), not the "
    "benchmark's: needs_confirmation when the bot may propose the write, else blocked. "
    "change_order is not scored for status: the bot proposes an item change only when the "
    "message settles the order's new contents in the store's catalogue, which the tasks' "
    "item ids and options rarely do; the others go to a person.",
    "The pipeline runs without an LLM; each case is a fresh conversation.",
]


def dataset_paths(eval_dir: Path) -> dict[str, Path]:
    return {"tau_bench_retail": eval_dir / "tau_bench_retail" / "tasks_test.jsonl",
            "tau_bench_retail_db": eval_dir / "tau_bench_retail" / "db",
            "ecom_bench_zh": eval_dir / "ecom_bench_zh" / "tasks.jsonl",
            "ecom_bench_zh_db": eval_dir / "ecom_bench_zh" / "db"}


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def prepare(rt: Runtime, eval_dir: Path
            ) -> tuple[dict[str, Derived], list[dict[str, Any]], dict[str, Any]]:
    """Convert, import (into the runtime's home) and derive the cases of each dataset."""
    paths = dataset_paths(eval_dir)
    policy = rt.policy
    derived: dict[str, Derived] = {}
    stores: list[dict[str, Any]] = []
    imports: dict[str, Any] = {}
    sources = (("tau_bench_retail", convert_tau, derive_tau),
               ("ecom_bench_zh", convert_ecom, derive_ecom))
    for name, convert, derive in sources:
        if not paths[name].exists():
            imports[name] = {"skipped": f"{paths[name]} not found"}
            continue
        converted = convert(paths[f"{name}_db"])
        report = import_into(rt, converted.store)
        imports[name] = {"summary": report.summary(), "rejected": len(report.rejected),
                         "orders_left_out": converted.skipped}
        derived[name] = derive(_read_jsonl(paths[name]), converted, policy)
        stores.append(converted.store)
    return derived, stores, imports


def predicted_action(result: AssistResult) -> str | None:
    if result.decision == "handoff":
        return "handoff"
    if result.action is not None:
        return result.action.name
    return spec(result.intent).action


def judge(case: ActionCase, result: AssistResult) -> dict[str, Any]:
    predicted = predicted_action(result)
    proposed = result.action is not None and result.action.name == predicted
    got_status = result.action.status if proposed and result.action else None
    row: dict[str, Any] = {
        "id": case.id, "dataset": case.dataset, "language": case.language, "text": case.text,
        "expected": case.expected, "acceptable": case.acceptable, "predicted": predicted,
        "intent": result.intent, "decision": result.decision,
        "order_id": case.order_id, "their_status": case.their_status,
        "expected_status": case.expected_status, "status": got_status,
        "action_ok": predicted == case.expected, "action_any_ok": predicted in case.acceptable,
        "handoff_ok": (result.decision == "handoff") == (case.expected == "handoff"),
        "asked_for_slot": predicted not in (None, "handoff") and not proposed,
    }
    row["status_ok"] = (None if case.expected_status is None
                        else got_status == case.expected_status)
    row["pass"] = bool(row["action_ok"] and row["handoff_ok"] and row["status_ok"] is not False)
    return row


def run_cases(rt: Runtime, cases: list[ActionCase],
              progress: Callable[[int], None] | None = None) -> list[dict[str, Any]]:
    rows = []
    for case in cases:
        out = assist_once(rt, customer_id=case.customer_id, text=case.text,
                          label=f"eval-actions:{case.id}")
        rows.append(judge(case, out.result))
        if progress:
            progress(1)
    return rows


def _rate(rows: list[dict[str, Any]], key: str) -> float | None:
    scored = [r[key] for r in rows if r[key] is not None]
    return round(sum(bool(v) for v in scored) / len(scored), 4) if scored else None


def aggregate(rows: list[dict[str, Any]]) -> dict[str, Any]:
    must = [r for r in rows if r["expected"] == "handoff"]
    others = [r for r in rows if r["expected"] != "handoff"]
    proposed = [r for r in rows if r["status"] is not None and r["status_ok"] is not None]
    return {
        "cases": len(rows), "action_accuracy": _rate(rows, "action_ok"),
        "action_accuracy_any": _rate(rows, "action_any_ok"),
        "status_accuracy": _rate(rows, "status_ok"),
        "status_n": sum(r["status_ok"] is not None for r in rows),
        "status_accuracy_when_proposed": _rate(proposed, "status_ok"),
        "handoff_accuracy": _rate(rows, "handoff_ok"),
        "handoff_recall": (round(sum(r["decision"] == "handoff" for r in must) / len(must), 4)
                           if must else None),
        "false_handoff_rate": (round(sum(r["decision"] == "handoff" for r in others)
                                     / len(others), 4) if others else None),
        "asked_for_slot_rate": _rate(rows, "asked_for_slot"),
    }


def summarise(rows: list[dict[str, Any]], derived: dict[str, Derived], policy: StorePolicy,
              imports: dict[str, Any]) -> dict[str, Any]:
    datasets = {}
    for name, d in derived.items():
        mine = [r for r in rows if r["dataset"] == name]
        by_action = {a: aggregate([r for r in mine if r["expected"] == a])
                     for a in sorted({r["expected"] for r in mine})}
        datasets[name] = {"tasks": d.tasks, "skipped": sum(d.skipped.values()),
                          "skipped_unit": d.skipped_unit, "skipped_reasons": d.skipped,
                          **aggregate(mine),
                          "by_action": by_action}
    languages = sorted({r["language"] for r in rows})
    return {
        "overall": aggregate(rows), "datasets": datasets,
        "by_language": {lang: aggregate([r for r in rows if r["language"] == lang])
                        for lang in languages},
        "imports": imports,
        "mapping": {"tau_bench_retail": {"status": TAU_STATUS, "actions": TAU_ACTIONS},
                    "ecom_bench_zh": {"status": ECOM_STATUS,
                                      "actions": {f"{k[0]}({k[1] or ''})": v
                                                  for k, v in ECOM_ACTIONS.items()}},
                    "policy": {a: sorted(str(s) for s in getattr(policy, p))
                               for a, p in POLICY_LISTS.items()}},
        "assumptions": ASSUMPTIONS,
        "failures": [{k: r[k] for k in ("id", "dataset", "text", "expected", "predicted",
                                        "expected_status", "status", "their_status",
                                        "intent", "decision")}
                     for r in rows if not r["pass"]][:80],
        "_cases": [{"id": f"actions:{r['id']}", "text": r["text"], "pass": r["pass"],
                    "detail": f"{r['predicted']}/{r['status']}"} for r in rows],
    }
