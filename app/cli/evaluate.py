"""`kefu eval SUITE`: the only place the service reaches into `eval/`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from app.errors import InputError
from app.settings import get_settings


@click.command("eval")
@click.argument("suite")
@click.option("--dataset", type=click.Path(path_type=Path, exists=True), default=None,
              help="Dataset file (default: the suite's bundled golden set)")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder for the report (metrics.json)")
@click.option("--embedder", default=None, help="Embedder to evaluate (retrieval suite)")
@click.option("--target-precision", type=click.FloatRange(0.5, 1.0), default=0.98,
              show_default=True, help="Auto-send precision to reach (calibration)")
@click.option("--fit", is_flag=True, help="Refit the confidence model (calibration)")
@click.option("--write-thresholds", is_flag=True,
              help="Store the proposed per-intent thresholds in KEFU_HOME/kefu.env")
@click.option("--no-llm", is_flag=True, help="Leave the LLM out of the replies suites")
@click.option("--json", "as_json", is_flag=True, help="Print metrics as JSON on the last line")
def evaluate(suite: str, dataset: Path | None, out: Path | None, embedder: str | None,
             target_precision: float, fit: bool, write_thresholds: bool, no_llm: bool,
             as_json: bool) -> None:
    """Run an offline evaluation suite."""
    from tqdm import tqdm

    from eval.suites import SUITES, SuiteContext

    if suite not in SUITES:
        raise InputError(f"unknown suite {suite!r}; one of {', '.join(sorted(SUITES))}")
    with tqdm(unit="case", disable=not sys.stderr.isatty()) as bar:
        ctx = SuiteContext(settings=get_settings(), dataset=dataset,
                           options={"embedder": embedder, "fit": fit, "llm": not no_llm,
                                    "write_thresholds": write_thresholds,
                                    "target_precision": target_precision},
                           progress=bar.update)
        metrics = SUITES[suite](ctx)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        tmp = out / "metrics.json.tmp"
        tmp.write_text(json.dumps(metrics, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(out / "metrics.json")
    if as_json:
        click.echo(json.dumps(metrics, ensure_ascii=False))
    else:
        _print_summary(metrics)


def _print_summary(metrics: dict[str, Any]) -> None:
    for key, value in metrics.items():
        if isinstance(value, int | float | str) or value is None:
            click.echo(f"{key}: {value}")
    for name, row in metrics.get("summary", {}).items():
        click.echo(f"{name:16s} " + " ".join(f"{k}={v}" for k, v in row.items()))
    if "overall_ece" in metrics:
        click.echo(f"overall ECE {metrics['overall_ece']}")
    for mode, data in metrics.get("modes", {}).items():
        o = data["overall"]
        click.echo(f"{mode:8s} " + " ".join(f"{k}={v}" for k, v in o.items()))
        for group, g in data["by_group"].items():
            click.echo(f"  {group:10s} " + " ".join(f"{k}={v}" for k, v in g.items()))


COMMANDS = [evaluate]
