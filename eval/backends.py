"""The replies suite once per LLM backend, side by side (`--backends none,llamacpp,...`).

Each backend gets its own fresh copy of KEFU_HOME (the scenarios confirm cancellations,
so a second run in the same copy would meet different orders) and a runtime whose
settings name that backend. A backend that cannot be set up or does not answer a one-token
probe is skipped with the reason, not counted as a bad score.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_args

from app.assist.grounding import CITATION
from app.errors import InputError, KefuError
from app.llm import LLM
from app.runtime import Runtime
from app.settings import LLMBackendName, Settings
from eval.drafts import DraftConfig
from eval.sandbox import isolated_home
from eval.scenarios import TurnRecord, load_scenarios, run_scenarios, summarise

KNOWN: tuple[str, ...] = get_args(LLMBackendName)


def reach(rt: Runtime, name: str) -> tuple[LLM | None, str | None]:
    """(the LLM, None) when usable, (None, why not) otherwise; `none` needs no LLM."""
    try:
        llm = rt.llm
    except KefuError as exc:
        return None, f"cannot be set up: {exc}"
    if name == "none":
        return None, None
    if not llm.available:
        return None, "the backend reports itself unavailable"
    try:
        llm.generate([("user", "Reply with OK.")], max_tokens=2)
    except KefuError as exc:
        return None, f"not reachable: {exc}"
    return llm, None


def llm_metrics(records: list[TurnRecord]) -> dict[str, Any]:
    """What the side-by-side table adds to the replies summary (which already has
    llm_drafts, groundedness_rate and citation_validity): how often drafts cite at all,
    and how often the LLM draft is the suggestion ranked first."""
    drafts = [s for r in records for s in r.result.suggestions if s.kind == "llm"]
    cited = [d for d in drafts if CITATION.search(d.text)]
    chosen = [r for r in records if r.result.suggestions
              and r.result.suggestions[0].kind == "llm"]

    def share(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    return {"cited_rate": share(len(cited), len(drafts)),
            "llm_chosen_rate": share(len(chosen), len(records))}


def run_one(settings: Settings, name: str, scenarios: list[dict[str, Any]],
            progress: Callable[[int], None] | None,
            drafts: DraftConfig | None = None) -> dict[str, Any]:
    with isolated_home(settings.model_copy(update={"llm_backend": name})) as rt:
        llm, why = reach(rt, name)
        if why is not None:
            return {"skipped": why}
        records = run_scenarios(rt, scenarios, llm_drafts=llm is not None, progress=progress,
                                run_id=f"eval-{name}", drafts=drafts)
    summary = summarise(records)
    return {"model": llm.name if llm is not None else "-", **llm_metrics(records),
            **{k: v for k, v in summary.items() if k != "failures"},
            "failures": summary["failures"][:20]}


TABLE_KEYS = ("turns", "turn_accuracy", "auto_send_rate", "auto_send_precision",
              "groundedness_rate", "cited_rate", "citation_validity", "llm_drafts",
              "llm_chosen_rate", "auto_sent_ungrounded", "handoff_recall")


def side_by_side(settings: Settings, names: list[str], dataset: Any = None,
                 progress: Callable[[int], None] | None = None,
                 drafts: DraftConfig | None = None) -> dict[str, Any]:
    unknown = [n for n in names if n not in KNOWN]
    if unknown:
        raise InputError(f"unknown backend(s) {', '.join(unknown)}; known: {', '.join(KNOWN)}")
    path = dataset or settings.data_dir / "scenarios" / "scenarios.jsonl"
    scenarios = load_scenarios(path)
    backends = {name: run_one(settings, name, scenarios, progress, drafts) for name in names}
    table = [{"backend": name, "model": r.get("model"),
              **{k: r.get(k) for k in TABLE_KEYS}, "note": r.get("skipped", "")}
             for name, r in backends.items()]
    return {"dataset": str(path), "backends": backends, "table": table}
