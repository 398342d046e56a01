"""The README tables of eval/figures.py, each drawn from one stored run's document."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Doc = dict[str, Any]


def num(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:.{digits}f}"


def pct(value: Any) -> str:
    return "–" if value is None else f"{100 * float(value):.1f}%"


def md(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


MODES = (("dense", "dense (FAISS)"), ("lexical", "lexical (BM25 + jieba)"),
         ("hybrid", "hybrid (RRF)"))
RETRIEVAL_KEYS = ("recall@1", "recall@5", "recall@10", "mrr", "ndcg@10")


def retrieval_table(doc: Doc) -> list[str]:
    modes = doc["metrics"]["modes"]
    rows = []
    for mode, label in MODES:
        cells = [label, *(num(modes[mode]["overall"][k]) for k in RETRIEVAL_KEYS)]
        rows.append([f"**{c}**" for c in cells] if mode == "hybrid" else cells)
    groups = modes["hybrid"].get("by_group", {})
    by_group = [[g, num(v["n"]), num(v["recall@5"]), num(v["mrr"])]
                for g, v in groups.items()]
    return [*md(["mode", "recall@1", "recall@5", "recall@10", "MRR", "nDCG@10"], rows), "",
            *md(["hybrid, by language/kind", "queries", "recall@5", "MRR"], by_group)]


INTENT_SETS = (("bitext_heldout", "Bitext held-out fold 4"),
               ("heldout_en", "own held-out, English (colloquial, written apart from "
                              "training)"),
               ("heldout_zh", "own held-out, Chinese"),
               ("clinc_in_scope", "CLINC150 in-scope (mapped)"),
               ("clinc_oos", "CLINC150 out-of-scope → `other`"))


def intent_table(doc: Doc) -> list[str]:
    summary = doc["metrics"]["summary"]
    rows = []
    for key, label in INTENT_SETS:
        s = summary.get(key)
        if s is None:
            continue
        clinc = key.startswith("clinc")
        accuracy = f"recall {num(s['accuracy'])}" if key == "clinc_oos" else num(s["accuracy"])
        rows.append([label, num(s["n"]), accuracy, "–" if clinc else num(s["macro_f1"]),
                     num(s["ece"])])
    return md(["set", "n", "accuracy", "macro-F1", "ECE"], rows)


def replies_table(doc: Doc) -> list[str]:
    m, s = doc["metrics"], doc["settings"]
    rows = [
        ["scenarios / turns", f"{m['conversations']} / {m['turns']}"],
        [f"auto-send precision at the threshold {s.get('auto_send_threshold')}",
         f"**{num(m['auto_send_precision'])}** ({pct(m['auto_send_rate'])} of turns "
         "auto-sent)"],
        ["turn accuracy (all expectations of a turn hold)", num(m["turn_accuracy"])],
        ["conversation accuracy (every turn of it right)", num(m["conversation_accuracy"])],
        ["hand-off recall (complaints, anger, human requests, out-of-scope, repeated "
         "failure)", num(m["handoff_recall"])],
        ["write actions executed without the shopper's \"yes\"",
         num(m["writes_executed_without_confirmation"])],
        ["auto-sent replies with an ungrounded fact", num(m["auto_sent_ungrounded"])],
    ]
    return md(["metric", "value"], rows)


def llm_replies_table(doc: Doc) -> list[str]:
    m, s = doc["metrics"], doc["settings"]
    sample = m.get("sample") or {}
    scope = (f"{m['conversations']} / {m['turns']}" + (
        f" (a sample of {sample['n']} of {sample['of']} scenarios, seed {sample['seed']}, "
        "stratified by language and intent)" if sample else ""))
    rows = [
        ["scenarios / turns", scope],
        [f"LLM drafts ({s.get('llm_model') or 'SmolLM2-135M'}, max tokens "
         f"{s.get('llm_max_tokens')})", num(m["llm_drafts"])],
        ["groundedness rate (every fact of the draft in its sources)",
         num(m["groundedness_rate"])],
        ["citation validity ([n] names a retrieved passage)", num(m["citation_validity"])],
        [f"auto-send precision at the threshold {s.get('auto_send_threshold')}",
         f"{num(m['auto_send_precision'])} ({pct(m['auto_send_rate'])} of turns auto-sent)"],
        ["turn accuracy", num(m["turn_accuracy"])],
    ]
    return md(["metric", "value"], rows)


def _drafts(doc: Doc) -> dict[str, int]:
    return (doc.get("settings") or {}).get("drafts") or {}


def _is(doc: Doc, suite: str, llm: bool, sample: int | None = None) -> bool:
    s = doc.get("settings") or {}
    backend = str(s.get("llm_backend") or "")
    # a resumed run's time is that of its last part only: not a figure of the loop
    return (doc.get("suite") == suite and (backend == "llamacpp") == llm
            and s.get("sample") == sample and not (s.get("options") or {}).get("store")
            and not s.get("dataset") and not s.get("resumed"))


TIMED: tuple[tuple[str, Callable[[Doc], bool]], ...] = (
    ("replies, 20 scenarios, embedded LLM", lambda d: _is(d, "replies", True, 20)
     and _drafts(d).get("generated", 0) > 0 and not _drafts(d).get("cached")),
    ("the same again: every draft from the cache", lambda d: _is(d, "replies", True, 20)
     and not _drafts(d).get("generated") and _drafts(d).get("cached", 0) > 0),
    ("every suite, embedded LLM (replies sampled)", lambda d: _is(d, "all", True)),
    ("every suite without the LLM", lambda d: _is(d, "all", False)),
)


def times_table(docs: list[Doc]) -> str | None:
    """How long the analyst's loop takes: the newest run of each timed command."""
    rows = []
    for label, wanted in TIMED:
        doc = next((d for d in reversed(docs) if wanted(d)), None)
        if doc is None:
            continue
        s, drafts = doc["settings"], _drafts(doc)
        load = s.get("load_average_start") or ["?"]
        took = s.get("command_s") or s.get("duration_s")
        rows.append([label, f"`{s.get('command')}`", f"{num(took, 0)} s",
                     f"{drafts.get('generated', 0)} / {drafts.get('cached', 0)}",
                     f"{s.get('workers', '?')}", f"{load[0]}", f"`{doc['run_id']}`"])
    if not rows:
        return None
    header = ["what", "command", "wall time", "LLM drafts made / from cache", "workers",
              "load (1 min) at start", "run"]
    return "\n".join(md(header, rows)) + "\n"
