"""What the analyst dashboard shows, computed from the conversation store.

A turn's routing decision is not stored as such; it is read back from what the
pipeline leaves behind: the bot marks its sent suggestion ``decided_by="bot"`` on
``auto_send`` and ``handoff`` turns (never on ``agent_review`` ones), and a hand-off
turn also records a ``handoff`` action in the same transaction.
"""

from __future__ import annotations

import bisect
import difflib
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from pydantic import BaseModel, Field
from sqlmodel import Session, col, select

from app.console.reports import AgentRates, SlaSummary, agent_rates, sla_summary
from app.models import ActionRecord, Conversation, Message, Suggestion, Ticket
from app.models._common import utcnow
from app.settings import Settings

BOT = "bot"
AGENT_DECISIONS = ("accepted", "edited", "rejected")
TOP_N = 10


class Durations(BaseModel):
    count: int = 0
    mean_s: float | None = None
    median_s: float | None = None


class Ranked(BaseModel):
    key: str
    label: str
    count: int


class Summary(BaseModel):
    since: datetime
    until: datetime
    turns: int
    decisions: dict[str, int]
    auto_send_rate: float | None
    agent_decisions: dict[str, int]
    acceptance_rate: float | None = Field(description="(accepted + edited) / decided")
    accepted_as_is_rate: float | None
    mean_edit_distance: float | None = Field(
        description="1 - difflib ratio between draft and sent text, accepted and edited")
    first_response: Durations
    agent_response: Durations
    resolution: Durations
    open_tickets: int
    handoff_reasons: dict[str, int]
    intents_by_day: dict[str, dict[str, int]]
    top_intents: list[Ranked]
    top_sources: list[Ranked]
    csat_average: float | None
    csat_count: int
    csat_distribution: dict[str, int]
    sla: SlaSummary | None = Field(default=None, description="First-response and resolution "
                                   "targets kept and breached (with the settings' targets)")
    agents: list[AgentRates] = Field(default_factory=list,
                                     description="Acceptance and edit rates per agent")


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _durations(values: Sequence[float]) -> Durations:
    if not values:
        return Durations()
    return Durations(count=len(values), mean_s=round(statistics.fmean(values), 2),
                     median_s=round(statistics.median(values), 2))


def edit_distance(draft: str, final: str) -> float:
    """0 when sent as drafted, towards 1 the more the agent rewrote it."""
    return round(1.0 - difflib.SequenceMatcher(None, draft, final).ratio(), 4)


def classify_turns(session: Session, messages: Sequence[Message]) -> dict[int, str]:
    """Decision of each shopper message given (auto_send, agent_review or handoff)."""
    ids = {m.id for m in messages if m.id is not None and m.role == "shopper"}
    if not ids:
        return {}
    bot_sent = set(session.exec(select(Suggestion.message_id).where(
        col(Suggestion.message_id).in_(ids), Suggestion.decided_by == BOT)))
    handoffs = _handoff_turns(session, {m.conversation_id for m in messages})
    return {i: ("agent_review" if i not in bot_sent else
                "handoff" if i in handoffs else "auto_send") for i in ids}


def _handoff_turns(session: Session, conversation_ids: Iterable[str]) -> set[int]:
    """Shopper messages whose turn recorded a hand-off: the last one before each handoff."""
    conv_ids = list(conversation_ids)
    shopper: dict[str, list[tuple[datetime, int]]] = defaultdict(list)
    for m in session.exec(select(Message).where(col(Message.conversation_id).in_(conv_ids),
                                                Message.role == "shopper")):
        assert m.id is not None
        shopper[m.conversation_id].append((m.created_at, m.id))
    for turns in shopper.values():
        turns.sort()
    found: set[int] = set()
    for action in session.exec(select(ActionRecord).where(
            col(ActionRecord.conversation_id).in_(conv_ids), ActionRecord.name == "handoff")):
        turns = shopper.get(action.conversation_id or "", [])
        at = bisect.bisect_right(turns, (action.created_at, 2**62)) - 1
        if at >= 0:
            found.add(turns[at][1])
    return found


def _response_times(messages: Sequence[Message]) -> tuple[list[float], list[float]]:
    """Per conversation: first shopper message -> first reply; shopper -> agent reply."""
    first: list[float] = []
    agent: list[float] = []
    by_conv: dict[str, list[Message]] = defaultdict(list)
    for m in messages:
        by_conv[m.conversation_id].append(m)
    for msgs in by_conv.values():
        msgs.sort(key=lambda m: m.id or 0)
        waiting: datetime | None = None
        answered_once = False
        for m in msgs:
            if m.role == "shopper":
                waiting = waiting or m.created_at
            elif m.role in ("bot", "agent") and waiting is not None:
                delta = (m.created_at - waiting).total_seconds()
                if not answered_once:
                    first.append(delta)
                    answered_once = True
                if m.role == "agent":
                    agent.append(delta)
                waiting = None
    return first, agent


def _agent_decisions(session: Session, since: datetime) -> tuple[dict[str, int], list[float]]:
    rows = session.exec(select(Suggestion).where(
        col(Suggestion.decision).in_(AGENT_DECISIONS), Suggestion.decided_by != BOT,
        col(Suggestion.decided_at) >= since)).all()
    counts = Counter(str(r.decision) for r in rows)
    distances = [edit_distance(r.text, r.final_text or r.text) for r in rows
                 if r.decision in ("accepted", "edited")]
    return {d: counts.get(d, 0) for d in AGENT_DECISIONS}, distances


def _tickets(session: Session, since: datetime) -> tuple[list[float], int, dict[str, int]]:
    rows = session.exec(select(Ticket).where(col(Ticket.created_at) >= since)).all()
    resolved = [(t.closed_at - t.created_at).total_seconds() for t in rows
                if t.closed_at is not None]
    open_count = len(session.exec(select(Ticket.id).where(Ticket.status != "closed")).all())
    return resolved, open_count, dict(Counter(t.reason for t in rows).most_common())


def _top_sources(session: Session, since: datetime) -> list[Ranked]:
    counts: Counter[str] = Counter()
    titles: dict[str, str] = {}
    for sources in session.exec(select(Suggestion.sources).where(
            Suggestion.kind == "kb", col(Suggestion.created_at) >= since)):
        for src in sources or []:
            doc = str(src.get("id", "")).split("#", 1)[0]
            counts[doc] += 1
            titles.setdefault(doc, str(src.get("title") or doc))
    return [Ranked(key=k, label=titles[k], count=n) for k, n in counts.most_common(TOP_N)]


def _csat(session: Session, since: datetime) -> tuple[float | None, int, dict[str, int]]:
    scores = [c for c in session.exec(select(Conversation.csat).where(
        col(Conversation.csat).is_not(None), col(Conversation.updated_at) >= since)) if c]
    dist = Counter(scores)
    avg = round(statistics.fmean(scores), 2) if scores else None
    return avg, len(scores), {str(k): dist.get(k, 0) for k in range(1, 6)}


def summary(*, session: Session, days: int = 30, now: datetime | None = None,
            settings: Settings | None = None) -> Summary:
    until = now or utcnow()
    since = until - timedelta(days=days)
    messages = list(session.exec(select(Message).where(col(Message.created_at) >= since)))
    shopper = [m for m in messages if m.role == "shopper"]
    decisions = Counter(classify_turns(session, shopper).values())
    agent, distances = _agent_decisions(session, since)
    decided = sum(agent.values())
    first, agent_times = _response_times(messages)
    resolved, open_tickets, reasons = _tickets(session, since)
    by_day: dict[str, Counter[str]] = defaultdict(Counter)
    for m in shopper:
        by_day[m.created_at.strftime("%Y-%m-%d")][m.intent or "unknown"] += 1
    intents = Counter(m.intent or "unknown" for m in shopper)
    csat_avg, csat_n, csat_dist = _csat(session, since)
    return Summary(
        since=since, until=until, turns=len(shopper),
        decisions={d: decisions.get(d, 0) for d in ("auto_send", "agent_review", "handoff")},
        auto_send_rate=_rate(decisions.get("auto_send", 0), len(shopper)),
        agent_decisions=agent,
        acceptance_rate=_rate(agent["accepted"] + agent["edited"], decided),
        accepted_as_is_rate=_rate(agent["accepted"], decided),
        mean_edit_distance=round(statistics.fmean(distances), 4) if distances else None,
        first_response=_durations(first), agent_response=_durations(agent_times),
        resolution=_durations(resolved), open_tickets=open_tickets, handoff_reasons=reasons,
        intents_by_day={day: dict(c) for day, c in sorted(by_day.items())},
        top_intents=[Ranked(key=k, label=k, count=n) for k, n in intents.most_common(TOP_N)],
        top_sources=_top_sources(session, since),
        csat_average=csat_avg, csat_count=csat_n, csat_distribution=csat_dist,
        sla=sla_summary(session, settings, since=since, now=until) if settings else None,
        agents=agent_rates(session, since=since))
