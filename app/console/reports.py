"""The team's figures for the dashboard: service levels kept and missed, and how each
agent treats the suggestions (app.analytics puts them into the summary)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

from pydantic import BaseModel, Field
from sqlmodel import Session, col, select

from app.console.sla import BOT, Clock, clock, entry_times, priority_of, target_for
from app.models import Conversation, Message, Suggestion, Ticket
from app.settings import Settings

AGENT_DECISIONS = ("accepted", "edited", "rejected")


class SlaFigures(BaseModel):
    total: int = 0
    met: int = 0
    breached: int = Field(default=0, description="Missed, or still open past the target")
    running: int = Field(default=0, description="Still open, within the target")
    attainment: float | None = Field(default=None, description="met / (met + breached)")
    breached_by_priority: dict[str, int] = Field(default_factory=dict)


class SlaSummary(BaseModel):
    first_response: SlaFigures
    resolution: SlaFigures
    targets: dict[str, dict[str, float]]


class AgentRates(BaseModel):
    agent: str
    decided: int
    accepted: int
    edited: int
    rejected: int
    acceptance_rate: float | None = Field(description="(accepted + edited) / decided")
    edit_rate: float | None = Field(description="edited / (accepted + edited)")
    mean_edit_distance: float | None


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _tally(clocks: list[tuple[str, Clock]]) -> SlaFigures:
    out = SlaFigures(total=len(clocks))
    for priority, c in clocks:
        if c.breached:
            out.breached += 1
            out.breached_by_priority[priority] = out.breached_by_priority.get(priority, 0) + 1
        elif c.done_at is not None:
            out.met += 1
        else:
            out.running += 1
    out.attainment = _rate(out.met, out.met + out.breached)
    return out


def _first_responses(session: Session, settings: Settings, since: datetime,
                     now: datetime) -> list[tuple[str, Clock]]:
    """One clock per conversation that first needed a person in the window."""
    ids = set(session.exec(select(Message.conversation_id).where(
        col(Message.created_at) >= since, Message.role == "shopper")))
    ids |= set(session.exec(select(Ticket.conversation_id).where(
        col(Ticket.created_at) >= since)))
    entries = {k: v for k, v in entry_times(session, sorted(ids)).items() if v >= since}
    if not entries:
        return []
    latest: dict[str, Ticket] = {}
    for t in session.exec(select(Ticket).where(col(Ticket.conversation_id).in_(entries))
                          .order_by(col(Ticket.created_at))):
        latest[t.conversation_id] = t
    out = []
    for conv in session.exec(select(Conversation).where(col(Conversation.id).in_(entries))):
        entry = entries[conv.id]
        priority = priority_of(conv, latest.get(conv.id))
        answered = conv.first_response_at
        done = answered if answered is not None and answered >= entry else None
        out.append((priority, clock(entry, target_for(settings.sla_first_response_s, priority),
                                    now, done)))
    return out


def sla_summary(session: Session, settings: Settings, *, since: datetime,
                now: datetime) -> SlaSummary:
    """First responses of conversations that needed a person in the window, and the
    resolution of the tickets opened in it; open ones count once past their target."""
    tickets = session.exec(select(Ticket).where(col(Ticket.created_at) >= since)).all()
    resolutions = [(t.priority, clock(t.created_at, target_for(settings.sla_resolution_s,
                                                              t.priority), now, t.closed_at))
                   for t in tickets]
    return SlaSummary(first_response=_tally(_first_responses(session, settings, since, now)),
                      resolution=_tally(resolutions),
                      targets={"first_response_s": dict(settings.sla_first_response_s),
                               "resolution_s": dict(settings.sla_resolution_s)})


def agent_rates(session: Session, *, since: datetime) -> list[AgentRates]:
    """Per agent: how many suggestions they sent as drafted, edited or rejected."""
    from app.analytics import edit_distance

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    distances: dict[str, list[float]] = defaultdict(list)
    for row in session.exec(select(Suggestion).where(
            col(Suggestion.decision).in_(AGENT_DECISIONS), Suggestion.decided_by != BOT,
            col(Suggestion.decided_at) >= since)):
        who = row.decided_by or "?"
        counts[who][str(row.decision)] += 1
        if row.decision in ("accepted", "edited"):
            distances[who].append(edit_distance(row.text, row.final_text or row.text))
    out = []
    for who in sorted(counts):
        c = counts[who]
        decided, used = sum(c.values()), c["accepted"] + c["edited"]
        spread = distances[who]
        out.append(AgentRates(
            agent=who, decided=decided, accepted=c["accepted"], edited=c["edited"],
            rejected=c["rejected"], acceptance_rate=_rate(used, decided),
            edit_rate=_rate(c["edited"], used),
            mean_edit_distance=round(sum(spread) / len(spread), 4) if spread else None))
    return out
