"""Report sections of the quality suites: retrieval, intent, replies, calibration."""

from __future__ import annotations

from typing import Any

from eval import plots
from eval.html import (
    folded,
    heatmap,
    img as image,
    keyed_table,
    note,
    plots as row,
    scalars,
    sub,
    table,
)
from eval.sections_cases import confusion_views, per_intent

FAILURES_SHOWN = 40


def retrieval(m: dict[str, Any], settings: dict[str, Any]) -> list[str]:
    modes = m.get("modes", {})
    overall = {mode: data["overall"] for mode, data in modes.items()}
    headline = {mode: {k: o[k] for k in ("recall@1", "recall@5", "mrr")}
                for mode, o in overall.items()}
    groups: dict[str, dict[str, float]] = {}
    for mode, data in modes.items():
        for group, g in data.get("by_group", {}).items():
            groups.setdefault(group, {})[mode] = g["recall@5"]
    by_group = {f"{mode}: {group}": g for mode, data in modes.items()
                for group, g in data.get("by_group", {}).items()}
    return [
        scalars({"embedder": m.get("embedder"), "dataset": m.get("dataset")}),
        sub("By mode", keyed_table(overall, "mode")),
        row(image(plots.grouped_bars(headline, "retrieval by mode", xlabel="mode",
                                     ylabel="score (0-1)"), "retrieval by mode"),
            image(plots.grouped_bars(groups, "recall@5 by language/kind",
                                     xlabel="query language/kind", ylabel="recall@5"),
                  "recall@5 by language and query kind")),
        folded("per language and kind, every mode", keyed_table(by_group, "group")),
        sub(f"Misses of hybrid recall@5 ({len(m.get('failures', []))})",
            table(m.get("failures", [])[:FAILURES_SHOWN],
                  ["query", "language", "kind", "relevant", "got"], css="fail")),
    ]


def _languages(summary: dict[str, Any]) -> dict[str, dict[str, float]]:
    return {name.removeprefix("heldout_"): {"accuracy": s["accuracy"], "macro_f1": s["macro_f1"]}
            for name, s in summary.items() if name in ("heldout_en", "heldout_zh")}


def intent(m: dict[str, Any], settings: dict[str, Any]) -> list[str]:
    summary = m.get("summary", {})
    sets = m.get("sets", {})
    parts = [sub("Summary by dataset", keyed_table(summary, "set")),
             scalars({"overall ECE": m.get("overall_ece")})]
    if m.get("feedback"):
        parts.append(note("Feedback file: " + ", ".join(f"{k}={v}" for k, v in
                                                        m["feedback"].items())))
    parts.append(row(
        image(plots.reliability_diagram(m.get("reliability", []), "intent reliability (all)"),
              "intent reliability diagram"),
        image(plots.grouped_bars(_languages(summary), "own held-out by language",
                                 xlabel="language", ylabel="score (0-1)"),
              "held-out accuracy by language")))
    matrices = []
    for name, data in sets.items():
        matrix = data.get("confusion", {})
        if name.startswith("clinc") or not matrix.get("labels") or len(matrix["labels"]) > 45:
            continue  # CLINC maps onto 3 labels: its summary row says more than a matrix
        matrices.append(heatmap(matrix["labels"], matrix["counts"],
                                f"{name} (shaded by share of the row)"))
    if matrices:
        parts.append(sub("Confusion matrices (red numbers: misclassified counts)",
                         *matrices))
    parts.append(sub("Per intent, per language (worst recall first)", *(
        folded(f"{name}: recall, precision, most frequent confusion",
               table(per_intent(data["confusion"]["labels"], data["confusion"]["counts"])))
        for name, data in sets.items() if data.get("confusion", {}).get("labels")
        and not name.startswith("clinc"))))
    for name, data in sets.items():
        parts.append(folded(
            f"{name}: top confusions and {len(data.get('failures', []))} misclassified inputs",
            table(data.get("top_confusions", [])) +
            table(data.get("failures", [])[:FAILURES_SHOWN],
                  ["text", "gold", "predicted", "confidence"], css="fail")))
    if m.get("clinc_mapping"):
        parts.append(note("CLINC150 mapping: oos and every CLINC intent without a store "
                          "meaning -> other; order_status -> track_order; card_declined -> "
                          "payment_issue."))
    return parts


REPLY_RATES = ("turn_accuracy", "conversation_accuracy", "auto_send_rate",
               "auto_send_precision")


def replies(m: dict[str, Any], settings: dict[str, Any]) -> list[str]:
    failures = m.get("failures", [])
    by_language = m.get("by_language", {})
    return [
        scalars(m),
        row(image(plots.grouped_bars(by_language, "replies by language", metrics=[
                k for k in REPLY_RATES if any(k in v for v in by_language.values())],
                xlabel="language", ylabel="share of turns (0-1)"), "replies by language"),
            image(plots.count_bars({k: v.get("turns", 0) for k, v in by_language.items()},
                                   "turns by language", xlabel="language",
                                   ylabel="turns"), "turns by language")),
        sub("By language", keyed_table(by_language, "language")),
        sub("By expected intent (worst first)", table(sorted(
            ({"intent": k, **v} for k, v in m.get("by_intent", {}).items()),
            key=lambda r: (r.get("turn_accuracy") or 0.0, -(r.get("turns") or 0))))),
        *confusion_views(m.get("_intent_confusion", {}), "Expected vs recognised intent"),
        sub(f"Failed turns ({len(failures)} shown)",
            table(failures[:FAILURES_SHOWN], ["scenario", "text", "expect", "failed", "intent",
                                              "decision", "action", "reply"], css="fail")),
    ]


def _threshold_rows(m: dict[str, Any], settings: dict[str, Any]) -> list[dict[str, Any]]:
    current = settings.get("intent_thresholds") or {}
    default = settings.get("auto_send_threshold")
    detail = {r["intent"]: r for r in m.get("intent_detail", [])}
    rows = []
    for intent_name, proposed in (m.get("intent_thresholds") or {}).items():
        d = detail.get(intent_name, {})
        rows.append({"intent": intent_name, "turns": d.get("turns"),
                     "proposed": proposed if proposed is not None
                     else "target not reached: 1.0 (agent review)",
                     "auto-sent at proposed": d.get("coverage"),
                     "precision at proposed": d.get("precision"),
                     "current": current.get(intent_name, default),
                     "auto-sent at current": d.get("current_coverage"),
                     "precision at current": d.get("current_precision")})
    return rows


def calibration(m: dict[str, Any], settings: dict[str, Any]) -> list[str]:
    target = float(m.get("target_precision") or 0.98)
    written = m.get("written")
    how = (f"Written to {written}." if written else
           f"To apply: kefu eval calibration --target-precision {target:g} --write-thresholds "
           "(stores them in KEFU_HOME/kefu.env as KEFU_INTENT_THRESHOLDS; an intent that "
           "never reaches the target is written as 1.0, i.e. always reviewed by an agent).")
    return [
        scalars({k: m.get(k) for k in ("suggestions", "turns", "ece", "global_threshold",
                                       "target_precision", "fitted", "written")}),
        row(image(plots.reliability_diagram(m.get("reliability", []),
                                            "confidence reliability (cross-fitted)"),
                  "confidence reliability diagram"),
            image(plots.risk_coverage(m.get("risk_coverage", []), target=target,
                                      threshold=m.get("global_threshold")),
                  "risk-coverage curve")),
        sub(f"Proposed per-intent thresholds for auto-send precision >= {target:g}",
            note(how), table(_threshold_rows(m, settings))),
    ]
