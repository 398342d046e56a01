"""`kefu eval`: the only place the service reaches into `eval/`.

`kefu eval SUITE [--dataset PATH] [--out DIR] [--json]` (DESIGN.md) stays as it is; the
group adds `kefu eval runs`, `kefu eval compare RUN_A RUN_B` and `kefu eval gate`. Any
first word that is not one of those is taken as a SUITE for the `run` command.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from app.errors import InputError
from app.settings import get_settings


class EvalGroup(click.Group):
    """A group whose unknown first word is a suite name: `kefu eval intent` = `run intent`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # options may come first too: `kefu eval --json intent` is `run --json intent`
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group("eval", cls=EvalGroup, subcommand_metavar="SUITE|COMMAND [ARGS]...")
def evaluate() -> None:
    """Offline evaluation.

    \b
    kefu eval SUITE [--dataset PATH] [--out DIR] [--json]
        SUITE: retrieval, intent, replies, calibration, actions, latency, all
        (see `kefu eval run --help` for every option)
    kefu eval runs                 list the stored runs (and stopped ones)
    kefu eval compare RUN_A RUN_B  what changed, metric by metric, and which cases flipped
    kefu eval gate                 the CI bars (retrieval, intent, replies without LLM)
    kefu eval figures [--write|--check README.md]  README tables from stored runs
    kefu eval --resume RUN         carry on a stopped run
    """


def _backends(value: str | None) -> list[str] | None:
    return [b.strip() for b in value.split(",") if b.strip()] if value else None


@evaluate.command("run")
@click.argument("suite", required=False)
@click.option("--dataset", type=click.Path(path_type=Path, exists=True), default=None,
              help="Dataset file (default: the suite's bundled set); for `intent` also "
                   "feedback exported from agents ({text, intent, decision, final_text})")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder for the report (metrics.json, cases.jsonl, report.html)")
@click.option("--embedder", default=None, help="Embedder to evaluate (retrieval suite)")
@click.option("--target-precision", type=click.FloatRange(0.5, 1.0), default=0.98,
              show_default=True, help="Auto-send precision to reach (calibration)")
@click.option("--fit", is_flag=True, help="Refit the confidence model (calibration)")
@click.option("--from-feedback", is_flag=True,
              help="Calibration: refit the thresholds from the agents' stored decisions "
                   "(KEFU_HOME's database, or --dataset FILE from kefu export-feedback)")
@click.option("--write-thresholds", is_flag=True,
              help="Store the proposed per-intent thresholds in KEFU_HOME/kefu.env")
@click.option("--llm-drafts", is_flag=True,
              help="Calibration: also score LLM drafts (slow with the embedded model; for "
                   "refitting the confidence model on a stronger backend)")
@click.option("--backends", default=None,
              help="Replies suite once per LLM backend, e.g. none,llamacpp,ollama,openai")
@click.option("--no-llm", is_flag=True, help="Leave the LLM out of the replies suites")
@click.option("--store", "store", type=click.Path(path_type=Path, file_okay=False, exists=True),
              default=None, help="A store pack folder (store.json, policy.json, kb/, "
              "scenarios.jsonl, dialogues.jsonl) to run on, in a fresh home: e.g. "
              "data/foreign (replies, dialogues, calibration)")
@click.option("--sample", type=click.IntRange(min=0), default=None,
              help="A seeded sample of N cases (scenarios, queries, per intent set), "
                   "stratified by language and intent; 0: everything (`all` with the LLM "
                   "samples the replies suite by default)")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of --sample")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes drafting with the embedded LLM (default: one per idle "
                   "core, at least one); with --no-llm, `all` runs retrieval, intent and "
                   "actions in a second process beside the scenarios when given 2 or more "
                   "(default: when a second core is idle)")
@click.option("--no-cache", is_flag=True, help="Generate every LLM draft again (the cache in "
              "KEFU_HOME/eval-cache is still filled)")
@click.option("--resume", "resume", default=None, metavar="RUN",
              help="Carry on a stopped run (see `kefu eval runs`); a stopped run of the "
                   "same command is carried on without it")
@click.option("--fresh", is_flag=True, help="Start over even if a stopped run matches")
@click.option("--json", "as_json", is_flag=True, help="Print metrics as JSON on the last line")
def run(suite: str | None, dataset: Path | None, out: Path | None, embedder: str | None,
        target_precision: float, fit: bool, from_feedback: bool, write_thresholds: bool,
        llm_drafts: bool, backends: str | None, no_llm: bool, store: Path | None,
        sample: int | None, seed: int, workers: int | None, no_cache: bool,
        resume: str | None, fresh: bool, as_json: bool) -> None:
    """Run an offline evaluation suite (retrieval, intent, replies, calibration, actions,
    latency or all)."""
    from eval.execute import Request, execute

    if suite is None and resume is None:
        raise InputError("name a SUITE (or --resume RUN)")
    if backends and suite != "replies":
        raise InputError("--backends applies to the replies suite only")
    if from_feedback and suite != "calibration":
        raise InputError("--from-feedback applies to the calibration suite only")
    options = {"embedder": embedder, "fit": fit, "llm": not no_llm,
               "from_feedback": from_feedback, "llm_drafts": llm_drafts,
               "write_thresholds": write_thresholds, "target_precision": target_precision,
               "backends": _backends(backends), "store": str(store) if store else None,
               "sample": sample, "seed": seed, "no_cache": no_cache}
    request = Request(suite=suite or "", dataset=dataset, out=out, options=options,
                      workers=workers, fresh=fresh, resume=resume,
                      quiet=as_json)
    document, stored = execute(get_settings(), request)
    _tell(document, stored, out)
    if as_json:
        click.echo(json.dumps(document["metrics"], ensure_ascii=False))
    else:
        _print_summary(document["metrics"])


def _tell(document: dict[str, Any], stored: Path, out: Path | None) -> None:
    settings = document["settings"]
    drafts = settings.get("drafts") or {}
    click.echo(f"run {document['run_id']} stored in {stored} "
               f"({settings.get('duration_s')} s)", err=True)
    if drafts.get("generated") or drafts.get("cached"):
        click.echo(f"LLM drafts: {drafts['generated']} generated, {drafts['cached']} from "
                   "the cache", err=True)
    if out is not None:
        click.echo(f"report: {out / 'report.html'}", err=True)


@evaluate.command("runs")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON on the last line")
def runs(as_json: bool) -> None:
    """List the stored evaluation runs of KEFU_HOME, oldest first, with what tells them
    apart (suite, data, store, backend, sample, settings changed from the defaults,
    commit); stopped runs last, marked `interrupted`."""
    from app.evalruns import list_runs

    rows = list_runs(get_settings().home, partial=True)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        click.echo("no stored runs; `kefu eval SUITE` stores one")
    for line in _run_table(rows):
        click.echo(line)


RUN_COLUMNS = (("run_id", 30), ("suite", 11), ("status", 11), ("git_commit", 10),
               ("dataset", 30), ("store", 8), ("llm_backend", 21), ("sample", 10),
               ("cases", 6), ("changed", 0))


def _run_table(rows: list[dict[str, Any]]) -> list[str]:
    def cell(row: dict[str, Any], key: str) -> str:
        value = row.get(key)
        if key == "changed":
            return " ".join(f"{k}={v}" for k, v in (value or {}).items()) or "-"
        return "-" if value in (None, "") else str(value)

    head = " ".join(f"{k:{w}s}" if w else k for k, w in RUN_COLUMNS)
    return [head] + [" ".join(f"{cell(r, k):{w}s}" if w else cell(r, k)
                              for k, w in RUN_COLUMNS) for r in rows]


@evaluate.command("compare")
@click.argument("run_a")
@click.argument("run_b")
@click.option("--all", "show_same", is_flag=True, help="Also list unchanged metrics")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON")
def compare(run_a: str, run_b: str, show_same: bool, as_json: bool) -> None:
    """What changed from RUN_A to RUN_B, metric by metric, and which cases flipped."""
    from eval.compare import compare_runs, format_comparison
    from eval.runs import load_run

    home = get_settings().home
    result = compare_runs(*load_run(home, run_a), *load_run(home, run_b))
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    for line in format_comparison(result, show_same=show_same):
        click.echo(line)


@evaluate.command("figures")
@click.option("--write", "write", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              default=None, help="Regenerate every <!-- figures:NAME --> block of FILE")
@click.option("--check", "check", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              default=None, help="Exit 1 when a block of FILE disagrees with its run")
def figures(write: Path | None, check: Path | None) -> None:
    """README tables from the stored runs of KEFU_HOME (each names its run and command).

    \b
    kefu eval figures                    print every figure from the newest fitting run
    kefu eval figures --write README.md  regenerate the README's blocks (make figures)
    kefu eval figures --check README.md  fail when a block disagrees (make figures-check)
    """
    from eval import figures as figs

    docs = figs.stored(get_settings().home)
    if write is None and check is None:
        for name in [*figs.FIGURES, "eval-times"]:
            click.echo(f"<!-- figures:{name} -->\n{figs.render(name, docs) or '(no run)'}")
        return
    path = write or check
    assert path is not None
    text = path.read_text(encoding="utf-8")
    if write is not None:
        fresh, problems = figs.update(text, docs)
        if fresh != text:
            path.write_text(fresh, encoding="utf-8")
    else:
        problems = figs.check(text, docs)
    for problem in problems:
        click.echo(problem, err=True)
    blocks = len(figs.BLOCK.findall(text))
    click.echo(f"{path}: {blocks} figure blocks, {len(problems)} problems", err=True)
    if check is not None and problems:
        sys.exit(1)


@evaluate.command("gate")
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON")
def gate(as_json: bool) -> None:
    """The CI gate: retrieval, intent and replies (no LLM) against the bars; exit 1 below."""
    from eval.gate import run_gate

    checks = run_gate(get_settings())
    failed = [c for c in checks if not c["ok"] and not c.get("known_gap")]
    if as_json:
        click.echo(json.dumps(checks, ensure_ascii=False))
    else:
        for c in checks:
            mark = "ok  " if c["ok"] else ("gap " if c.get("known_gap") else "FAIL")
            click.echo(f"{mark} {c['name']}: {c['value']} (bar {c['bar']})")
    if failed:
        sys.exit(1)


def _print_summary(metrics: dict[str, Any], prefix: str = "") -> None:
    for key, value in metrics.items():
        if isinstance(value, int | float | str) or value is None:
            click.echo(f"{prefix}{key}: {value}")
    for name, row in metrics.get("summary", {}).items():
        click.echo(f"{prefix}{name:16s} " + " ".join(f"{k}={v}" for k, v in row.items()))
    for mode, data in metrics.get("modes", {}).items():
        o = data["overall"]
        click.echo(f"{prefix}{mode:8s} " + " ".join(f"{k}={v}" for k, v in o.items()))
    for name in ("overall", "by_language"):
        if isinstance(metrics.get(name), dict):
            click.echo(f"{prefix}{name}: {json.dumps(metrics[name], ensure_ascii=False)}")
    for row in metrics.get("table", []):
        click.echo(f"{prefix}" + " ".join(f"{k}={v}" for k, v in row.items()))
    for name, sub in metrics.items():
        if name in ("retrieval", "intent", "replies", "calibration", "actions", "latency"):
            click.echo(f"== {name}")
            _print_summary(sub, prefix="  ")


COMMANDS = [evaluate]
