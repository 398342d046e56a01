"""`kefu eval`: the only place the service reaches into `eval/`.

`kefu eval SUITE [--dataset PATH] [--out DIR] [--json]` (DESIGN.md) stays as it is; the
group adds `kefu eval runs`, `kefu eval compare RUN_A RUN_B` and `kefu eval gate`. Any
first word that is not one of those is taken as a SUITE for the `run` command.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
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
    kefu eval runs                 list the stored runs
    kefu eval compare RUN_A RUN_B  what changed, metric by metric, and which cases flipped
    kefu eval gate                 the CI bars (retrieval, intent, replies without LLM)
    """


def _backends(value: str | None) -> list[str] | None:
    return [b.strip() for b in value.split(",") if b.strip()] if value else None


@evaluate.command("run")
@click.argument("suite")
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
@click.option("--backends", default=None,
              help="Replies suite once per LLM backend, e.g. none,llamacpp,ollama,openai")
@click.option("--no-llm", is_flag=True, help="Leave the LLM out of the replies suites")
@click.option("--store", "store", type=click.Path(path_type=Path, file_okay=False, exists=True),
              default=None, help="A store pack folder (store.json, policy.json, kb/, "
              "scenarios.jsonl, dialogues.jsonl) to run on, in a fresh home: e.g. "
              "data/foreign (replies, dialogues, calibration)")
@click.option("--json", "as_json", is_flag=True, help="Print metrics as JSON on the last line")
def run(suite: str, dataset: Path | None, out: Path | None, embedder: str | None,
        target_precision: float, fit: bool, from_feedback: bool, write_thresholds: bool,
        backends: str | None, no_llm: bool, store: Path | None, as_json: bool) -> None:
    """Run an offline evaluation suite (retrieval, intent, replies, calibration, actions,
    latency or all)."""
    from eval.suites import SUITES

    if suite not in SUITES:
        raise InputError(f"unknown suite {suite!r}; one of {', '.join(sorted(SUITES))}")
    if backends and suite != "replies":
        raise InputError("--backends applies to the replies suite only")
    if from_feedback and suite != "calibration":
        raise InputError("--from-feedback applies to the calibration suite only")
    options = {"embedder": embedder, "fit": fit, "llm": not no_llm,
               "from_feedback": from_feedback,
               "write_thresholds": write_thresholds, "target_precision": target_precision,
               "backends": _backends(backends), "store": str(store) if store else None}
    document, stored = execute(suite, dataset=dataset, out=out, options=options)
    click.echo(f"run {document['run_id']} stored in {stored}", err=True)
    if out is not None:
        click.echo(f"report: {out / 'report.html'}", err=True)
    if as_json:
        click.echo(json.dumps(document["metrics"], ensure_ascii=False))
    else:
        _print_summary(document["metrics"])


def execute(suite: str, *, dataset: Path | None, out: Path | None,
            options: dict[str, Any]) -> tuple[dict[str, Any], Path]:
    """Run a suite with a progress bar, then write its report in one go."""
    from tqdm import tqdm

    from eval import report
    from eval.runs import new_run_id, settings_used
    from eval.suites import SUITES, SuiteContext, datasets_for

    settings = get_settings()
    started = datetime.now(UTC)
    with tqdm(unit="case", disable=not sys.stderr.isatty(), desc=suite) as bar:
        ctx = SuiteContext(settings=settings, dataset=dataset, options=options,
                           progress=bar.update, stage=bar.set_description)
        raw = SUITES[suite](ctx)
    run_id = new_run_id(settings.home, suite, started)
    used = settings_used(settings, suite=suite, options=options, started=started,
                         datasets=datasets_for(suite, settings, dataset))
    document, files = report.build(run_id, suite, used, raw)
    return document, report.write(files, home=settings.home, run_id=run_id, out=out)


@evaluate.command("runs")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON on the last line")
def runs(as_json: bool) -> None:
    """List the stored evaluation runs of KEFU_HOME, oldest first."""
    from eval.runs import list_runs

    rows = list_runs(get_settings().home)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        click.echo("no stored runs; `kefu eval SUITE` stores one")
    for r in rows:
        click.echo(f"{r['run_id']:34s} {r['suite'] or '':12s} {r['git_commit'] or '-':10s} "
                   f"{r['llm_backend'] or '':16s} {r['cases']} cases")


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
