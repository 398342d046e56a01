"""Analytics for the dashboard (analyst and admin roles)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

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
