"""One `kefu eval SUITE` run end to end: record, journal, progress, suite, report.

The run is recorded (command, settings, datasets' hashes) and journalled before the
suite starts; cases are journalled as they finish; the report replaces the journal at
the end. A stopped run is carried on by ``resume=RUN_ID``, or by the same command
again (its fingerprint matches), unless ``fresh``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.errors import InputError, KefuError
from app.settings import Settings
from eval import report
from eval.drafts import CACHE_FILE, EVAL_TIMEOUT_S, DraftConfig
from eval.journal import Journal, find_resumable, fingerprint
from eval.progress import Progress
from eval.provenance import load_average, process_age
from eval.runs import new_run_id, settings_used
from eval.suites import SUITES, SuiteContext, datasets_for, uses_llm


@dataclass
class Request:
    """What the command line asked for."""

    suite: str
    dataset: Path | None = None
    out: Path | None = None
    options: dict[str, Any] = field(default_factory=dict)
    workers: int | None = None
    fresh: bool = False
    resume: str | None = None
    quiet: bool = False  # no progress bars (--json, or stderr not a terminal)


def _record(settings: Settings, req: Request, started: datetime) -> dict[str, Any]:
    used = settings_used(settings, suite=req.suite, options=req.options, started=started,
                         datasets=datasets_for(req.suite, settings, req.dataset),
                         uses_llm=uses_llm(req.suite, req.options), dataset=req.dataset)
    return {"suite": req.suite, "dataset": str(req.dataset) if req.dataset else None,
            "options": req.options, "settings": used}


def _journal(settings: Settings, req: Request, started: datetime,
             progress: Progress) -> tuple[Journal, dict[str, Any]]:
    """The journal this run writes to: the one named by --resume, a stopped run of the
    same command, or a new one."""
    home = settings.home
    if req.resume:
        journal = Journal.open(home, req.resume)
        kept = journal.record
        req.suite, req.options = kept["suite"], kept["options"]
        req.dataset = Path(kept["dataset"]) if kept.get("dataset") else None
        now = _record(settings, req, started)
        if fingerprint(now) != kept.get("fingerprint"):
            raise InputError(f"run {req.resume} was started with other settings or data "
                             f"({kept['settings'].get('command')}); start it again instead")
    else:
        now = _record(settings, req, started)
        found = None if req.fresh else find_resumable(home, now)
        journal = found or Journal.start(home, new_run_id(home, req.suite, started), now)
        if found is None:
            return journal, now["settings"]
    progress.note(f"resuming run {journal.run_id}: {len(journal.done())} cases kept")
    settings_now = journal.record["settings"]
    settings_now["resumed"] = [*settings_now.get("resumed", []),
                               {"at": now["settings"]["timestamp"],
                                "git_commit": now["settings"]["git_commit"]}]
    return journal, settings_now


def execute(settings: Settings, req: Request) -> tuple[dict[str, Any], Path]:
    """Run the suite; (the metrics document, the stored run's folder)."""
    if req.suite not in SUITES and not req.resume:
        raise InputError(f"unknown suite {req.suite!r}; one of {', '.join(sorted(SUITES))}")
    started, clock = datetime.now(UTC), time.monotonic()
    with Progress(enabled=False if req.quiet else None) as progress:
        journal, used = _journal(settings, req, started, progress)
        # --workers, or decided by the idle cores when drafting starts (eval/drafts.py)
        drafts = DraftConfig(workers=req.workers, cache=settings.home / CACHE_FILE,
                             refresh=bool(req.options.get("no_cache")))
        ctx = SuiteContext(settings=settings, dataset=req.dataset, options=req.options,
                           progress=progress.advance, stage=progress.stage, journal=journal,
                           drafts=drafts)
        try:
            raw = SUITES[req.suite](ctx)
        except KefuError:
            journal.finish()  # the same command would fail the same way: nothing to resume
            raise
        except BaseException:
            progress.close()
            progress.note(f"stopped: {len(journal.done())} cases kept; carry on with "
                          f"`kefu eval --resume {journal.run_id}`", always=True)
            raise
    used |= {"duration_s": round(time.monotonic() - clock, 1), "command_s": process_age(),
             "workers": drafts.workers,
             "load_average_end": load_average(), "drafts": dict(drafts.stats)}
    if used.get("llm_backend") == "llamacpp":
        used["draft_timeout_s"] = max(settings.llm_timeout_s, EVAL_TIMEOUT_S)
    document, files = report.build(journal.run_id, req.suite, used, raw)
    stored = report.write(files, home=settings.home, run_id=journal.run_id, out=req.out)
    journal.finish()
    return document, stored
