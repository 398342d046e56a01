"""README figures generated from stored runs, so that every number has a run behind it.

A figure is a block of the README between two markers::

    <!-- figures:replies-no-llm -->
    | metric | value |
    ...
    <!-- /figures -->

`kefu eval figures --write README.md` fills every block from the newest stored run that
matches its figure (FIGURES: which suite, which settings) and names that run, its
command and commit under the table; `--check README.md` regenerates them and fails
on any block that disagrees (`make figures`, `make figures-check`). A block whose
figure has no matching run is left as it is by --write and fails --check.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.evalruns import RUNS_DIR, list_runs
from eval.figure_tables import (
    intent_table,
    llm_replies_table,
    replies_table,
    retrieval_table,
    times_table,
)

BLOCK = re.compile(r"(<!-- figures:(?P<name>[a-z0-9-]+) -->\n)(?P<body>.*?)(<!-- /figures -->)",
                   re.DOTALL)
Doc = dict[str, Any]


def _plain(doc: Doc) -> bool:
    """The bundled data: no --dataset or --store (and no --sample on the command line)."""
    s = doc.get("settings") or {}
    options = s.get("options") or {}
    return not (s.get("sample") or options.get("store") or s.get("dataset"))


def _no_llm(doc: Doc) -> bool:
    return str((doc.get("settings") or {}).get("llm_backend", "")).startswith("none")


def _llm(doc: Doc) -> bool:
    return (doc.get("settings") or {}).get("llm_backend") == "llamacpp"


@dataclass(frozen=True)
class Figure:
    suite: str
    wants: Callable[[Doc], bool]
    table: Callable[[Doc], list[str]]
    # a figure of the whole data set; the LLM's may come from a sample (`kefu eval all`
    # samples its replies), which its table then says
    whole: bool = True


FIGURES: dict[str, Figure] = {
    "retrieval": Figure("retrieval", lambda d: _plain(d) and not (
        d["settings"].get("changed_settings") or {}).get("embedder"), retrieval_table),
    "intent": Figure("intent", _plain, intent_table),
    "replies-no-llm": Figure("replies", lambda d: _plain(d) and _no_llm(d), replies_table),
    "replies-llm": Figure("replies", lambda d: _plain(d) and _llm(d), llm_replies_table,
                          whole=False),
}


def stored(home: Path) -> list[Doc]:
    """Every complete run's metrics document, oldest first."""
    import json

    docs = []
    for row in list_runs(home):
        path = home / RUNS_DIR / row["run_id"] / "metrics.json"
        docs.append(json.loads(path.read_text(encoding="utf-8")))
    return docs


def view(doc: Doc, suite: str) -> Doc | None:
    """The run as a run of ``suite``: itself, or its part of a `kefu eval all` run (with
    the settings and command of that run)."""
    if doc.get("suite") == suite:
        return doc
    part = (doc.get("metrics") or {}).get(suite) if doc.get("suite") == "all" else None
    return {**doc, "suite": suite, "metrics": part} if isinstance(part, dict) else None


def newest(docs: list[Doc], suite: str, wants: Callable[[Doc], bool],
           whole: bool = True) -> Doc | None:
    """The newest run that measured ``suite`` and fits the figure; with ``whole``, on
    all its data (`all` with the LLM samples its replies unless --sample 0)."""
    for doc in reversed(docs):
        found = view(doc, suite)
        if (found is not None and "error" not in found["metrics"]
                and not (whole and found["metrics"].get("sample")) and wants(found)):
            return found
    return None


def source_line(doc: Doc) -> str:
    s = doc.get("settings") or {}
    commit = (s.get("git_commit") or "unknown")[:10] + (" (uncommitted changes)"
                                                        if s.get("git_dirty") else "")
    return (f"<sub>From run `{doc['run_id']}`: `{s.get('command')}`, commit {commit}, "
            f"{s.get('timestamp')}.</sub>")


def render(name: str, docs: list[Doc]) -> str | None:
    """The body of one block, or None when no stored run fits its figure."""
    if name == "eval-times":
        return times_table(docs)
    figure = FIGURES.get(name)
    doc = newest(docs, figure.suite, figure.wants, figure.whole) if figure else None
    if figure is None or doc is None:
        return None
    return "\n".join([*figure.table(doc), "", source_line(doc)]) + "\n"


def update(text: str, docs: list[Doc]) -> tuple[str, list[str]]:
    """The README with every block regenerated; and the problems (a figure with no run)."""
    problems: list[str] = []

    def fill(match: re.Match[str]) -> str:
        body = render(match["name"], docs)
        if body is None:
            problems.append(f"figures:{match['name']}: no stored run fits this figure "
                            "(run the command its table names, then `make figures`)")
            return match.group(0)
        return f"{match.group(1)}{body}{match.group(4)}"

    return BLOCK.sub(fill, text), problems


def check(text: str, docs: list[Doc]) -> list[str]:
    """One message per block that disagrees with its run (with the difference)."""
    fresh, problems = update(text, docs)
    ours = {m["name"]: m["body"] for m in BLOCK.finditer(text)}
    for match in BLOCK.finditer(fresh):
        if ours.get(match["name"]) != match["body"]:
            diff = difflib.unified_diff(ours.get(match["name"], "").splitlines(),
                                        match["body"].splitlines(), "README", "stored run",
                                        lineterm="", n=0)
            problems.append(f"figures:{match['name']} disagrees with its run:\n" +
                            "\n".join(diff))
    return problems
