"""Report sections of the action, latency and backend suites."""

from __future__ import annotations

from typing import Any

from eval import plots
from eval.html import folded, img as image, keyed_table, note, plots as row, scalars, sub, table

HEADLINE = ("cases", "action_accuracy", "action_accuracy_any", "status_accuracy", "status_n",
            "status_accuracy_when_proposed", "handoff_accuracy", "handoff_recall",
            "false_handoff_rate", "asked_for_slot_rate")


def _bars(groups: dict[str, dict[str, Any]]) -> str:
    keys = ("action_accuracy", "status_accuracy", "handoff_accuracy")
    return image(plots.grouped_bars({g: {k: v.get(k) for k in keys} for g, v in groups.items()},
                                    "action resolution by dataset / language",
                                    xlabel="dataset / language",
                                    ylabel="share of cases (0-1)"),
                 "action resolution by dataset")


def _mapping(mapping: dict[str, Any]) -> str:
    parts = []
    for name in ("tau_bench_retail", "ecom_bench_zh"):
        m = mapping.get(name, {})
        parts.append(sub(f"{name}: statuses and actions mapped to Kefu's",
                         table([{"theirs": k, "ours": v} for k, v in m.get("status", {}).items()]),
                         table([{"theirs": k, "ours": v}
                                for k, v in m.get("actions", {}).items()])))
    policy = mapping.get("policy", {})
    parts.append(sub("Kefu policy: statuses each write is allowed for",
                     table([{"action": k, "allowed statuses": ", ".join(v)}
                            for k, v in policy.items()])))
    return "".join(parts)


def actions(m: dict[str, Any], settings: dict[str, Any]) -> list[str]:
    datasets = m.get("datasets", {})
    headline = {name: {k: d.get(k) for k in ("tasks", "skipped", "skipped_unit", *HEADLINE)}
                for name, d in datasets.items()}
    skipped = [{"dataset": name, "reason": reason, "count": n, "unit": d.get("skipped_unit")}
               for name, d in datasets.items() for reason, n in d.get("skipped_reasons",
                                                                       {}).items()]
    by_action = {f"{name}: {a}": v for name, d in datasets.items()
                 for a, v in d.get("by_action", {}).items()}
    failures = m.get("failures", [])
    return [
        "".join(note(a) for a in m.get("assumptions", [])),
        sub("Overall", scalars(m.get("overall", {}))),
        sub("By dataset", keyed_table(headline, "dataset")),
        row(_bars({**headline, **{f"lang {k}": v for k, v in m.get("by_language", {}).items()}})),
        sub("By expected action", keyed_table(by_action, "dataset: action")),
        sub("What could not be mapped (tasks or actions skipped)",
            table(skipped, ["dataset", "reason", "count", "unit"])),
        sub("Store imports", keyed_table(m.get("imports", {}), "dataset")),
        folded("status and action mappings, policy", _mapping(m.get("mapping", {}))),
        sub(f"Failed cases ({len(failures)} shown)",
            table(failures, ["id", "text", "expected", "predicted", "expected_status", "status",
                             "their_status", "intent", "decision"], css="fail")),
    ]


def latency(m: dict[str, Any], settings: dict[str, Any]) -> list[str]:
    samples = m.get("_samples_ms", [])
    marks: dict[str, float] = {k: float(m[k]) for k in ("p50_ms", "p99_ms") if k in m}
    return [
        note("Message -> decision without an LLM, one call of the pipeline per scenario turn, "
             "its database transaction included; serial, one process."),
        scalars({k: v for k, v in m.items() if k not in ("by_language", "slowest")}),
        row(image(plots.histogram(samples, marks=marks, title="message -> decision latency",
                                  xlabel="ms"), "latency histogram"),
            image(plots.grouped_bars({k: {"p50_ms": v["p50_ms"], "p99_ms": v["p99_ms"]}
                                      for k, v in m.get("by_language", {}).items()},
                                     "latency by language (ms)", xlabel="language",
                                     ylabel="ms per message",
                                     ylim=(0.0, max([v["p99_ms"] for v in
                                                     m.get("by_language", {}).values()]
                                                    or [1.0]) * 1.1)),
                  "latency by language")),
        sub("By language", keyed_table(m.get("by_language", {}), "language")),
        sub("Slowest messages", table(m.get("slowest", []), ["language", "ms", "text"])),
    ]


def backends(m: dict[str, Any], settings: dict[str, Any]) -> list[str]:
    rows = m.get("table", [])
    usable = {r["backend"]: {k: r.get(k) for k in ("turn_accuracy", "auto_send_precision",
                                                    "groundedness_rate", "citation_validity")}
              for r in rows if not r.get("note")}
    shown = [{"backend": r["backend"], "run": "skipped" if r.get("note") else "ok",
              **{k: v for k, v in r.items() if k not in ("backend", "note")}} for r in rows]
    parts = [note("The replies suite once per LLM backend, each in a fresh copy of KEFU_HOME. "
                  "groundedness_rate: LLM drafts whose every fact is in the evidence; "
                  "citation_validity: LLM drafts whose [n] citations all name a retrieved "
                  "passage (a draft without citations counts as valid); cited_rate: drafts "
                  "citing at all; auto_send_precision: correct among auto-sent turns."),
             table(shown)]
    parts += [note(f"{r['backend']} skipped: {r['note']}") for r in rows if r.get("note")]
    parts.append(row(image(plots.grouped_bars(usable, "backends side by side",
                                              xlabel="backend", ylabel="share (0-1)"),
                           "backends side by side")))
    for name, r in m.get("backends", {}).items():
        if r.get("failures"):
            parts.append(folded(f"{name}: failed turns", table(
                r["failures"], ["scenario", "text", "failed", "intent", "decision", "reply"],
                css="fail")))
    return parts
