"""Analytics for the dashboard (analyst and admin roles)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.analytics import Summary, summary
from app.auth import ANALYSTS, Principal, require
from app.db import session_scope

router = APIRouter(prefix="/api/analytics", tags=["analytics"])

Analyst = Annotated[Principal, Depends(require(*ANALYSTS))]


@router.get("/summary", response_model=Summary)
def analytics_summary(principal: Analyst,
                      days: Annotated[int, Query(ge=1, le=366)] = 30) -> Summary:
    """Auto-send and acceptance rates, edit distance, response and resolution times,
    hand-off reasons, intents by day, hot topics and CSAT over the last ``days``."""
    with session_scope() as session:
        return summary(session=session, days=days)
