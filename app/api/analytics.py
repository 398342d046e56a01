"""Analytics for the dashboard (analyst and admin roles): live production figures, and
the stored offline evaluation runs next to them (app.evalruns reads their files)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from app import evalruns
from app.analytics import Summary, summary
from app.api.deps import Analyst, RuntimeDep

router = APIRouter(prefix="/api/analytics", tags=["analytics"])


@router.get("/summary", response_model=Summary)
def analytics_summary(rt: RuntimeDep, principal: Analyst,
                      days: Annotated[int, Query(ge=1, le=366)] = 30) -> Summary:
    """Auto-send and acceptance rates, edit distance, response and resolution times,
    hand-off reasons, intents by day, hot topics, CSAT, service levels kept and breached
    and each agent's acceptance and edit rates over the last ``days``."""
    with rt.session() as session:
        return summary(session=session, days=days, settings=rt.settings)


class EvalRunOut(BaseModel):
    run_id: str
    suite: str | None
    status: str = Field(description="`complete`, or `interrupted` (resume with `kefu eval "
                                    "--resume RUN`; no report yet)")
    timestamp: str | None
    git_commit: str | None
    dataset: str = Field(description="the datasets' names and a short hash of their content")
    store: str
    llm_backend: str | None
    llm_max_tokens: int | None
    sample: int | str = Field(description="`all`, or the N of `--sample N`")
    changed: dict[str, Any] = Field(description="settings that differ from the defaults")
    command: str | None = Field(description="the command that repeats the run")
    duration_s: float | None
    cases: int


class LatestEvalOut(EvalRunOut):
    figures: dict[str, Any] = Field(description="the suite's headline numbers")


class EvalRunsOut(BaseModel):
    runs: list[EvalRunOut] = Field(description="newest first")
    latest: dict[str, LatestEvalOut] = Field(
        description="per suite, the newest complete run that measured it (alone or in "
                    "`kefu eval all`)")


@router.get("/eval-runs", response_model=EvalRunsOut)
def eval_runs(rt: RuntimeDep, principal: Analyst,
              limit: Annotated[int, Query(ge=1, le=500)] = 50) -> EvalRunsOut:
    """The evaluation runs stored in KEFU_HOME (`kefu eval ...`), newest first, with what
    tells them apart, and the latest figures of each suite."""
    home = rt.settings.home
    rows = evalruns.list_runs(home, partial=True)
    rows.sort(key=lambda r: str(r.get("timestamp") or ""), reverse=True)
    latest = {suite: found for suite in evalruns.HEADLINE_KEYS
              if (found := evalruns.latest(home, suite)) is not None}
    return EvalRunsOut(runs=[EvalRunOut(**r) for r in rows[:limit]],
                       latest={k: LatestEvalOut(**v) for k, v in latest.items()})


@router.get("/eval-runs/{run_id}/report", response_class=HTMLResponse,
            responses={200: {"content": {"text/html": {}}}})
def eval_run_report(run_id: str, rt: RuntimeDep, principal: Analyst) -> HTMLResponse:
    """One stored run's HTML report (self-contained: plots inline, no scripts)."""
    return HTMLResponse(evalruns.report_html(rt.settings.home, run_id))
