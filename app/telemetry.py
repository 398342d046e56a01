"""Prometheus metrics of the service's own work (turns, LLM drafting); the HTTP ones
live with the API. Served by `/metrics`."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

DECISIONS = Counter("kefu_assist_decisions_total", "Routing decisions of shopper turns",
                    ["decision"])
PIPELINE = Histogram("kefu_assist_pipeline_seconds", "Assist pipeline latency per turn",
                     buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60))
DRAFTS = Counter("kefu_llm_drafts_total", "Background LLM drafts by outcome", ["outcome"])
DRAFT_QUEUE = Gauge("kefu_llm_draft_queue", "LLM drafts waiting for a generation slot")
DRAFT_SECONDS = Histogram("kefu_llm_draft_seconds", "Time to generate and check one draft",
                          buckets=(0.5, 1, 2, 4, 8, 15, 30, 60, 120))


def record_turn(decision: str, seconds: float) -> None:
    DECISIONS.labels(decision=decision).inc()
    PIPELINE.observe(seconds)


def record_draft(outcome: str, seconds: float | None = None, queued: int | None = None) -> None:
    DRAFTS.labels(outcome=outcome).inc()
    if seconds is not None:
        DRAFT_SECONDS.observe(seconds)
    if queued is not None:
        DRAFT_QUEUE.set(queued)

# channels (app/channels): messages in, and the delivery queue's work
CHANNEL_INBOUND = Counter("kefu_channel_inbound_total", "Channel messages received by outcome",
                          ["channel", "outcome"])
DELIVERIES = Counter("kefu_channel_deliveries_total",
                     "Channel deliveries: queued, sent, passive, retry, dead",
                     ["channel", "outcome"])
DELIVERY_SECONDS = Histogram("kefu_channel_delivery_seconds", "Time of one delivery attempt",
                             ["channel"], buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
OUTBOX = Gauge("kefu_channel_outbox", "Deliveries in the queue by status", ["status"])


def record_inbound(channel: str, outcome: str) -> None:
    CHANNEL_INBOUND.labels(channel=channel, outcome=outcome).inc()


def record_delivery(channel: str, outcome: str, seconds: float | None = None) -> None:
    DELIVERIES.labels(channel=channel, outcome=outcome).inc()
    if seconds is not None:
        DELIVERY_SECONDS.labels(channel=channel).observe(seconds)


def record_outbox(counts: dict[str, int]) -> None:
    for status in ("pending", "sent", "dead"):
        OUTBOX.labels(status=status).set(counts.get(status, 0))
