"""The background worker that empties the delivery queue.

One per runtime, a daemon thread started by the app's lifespan. It sleeps between polls
and is woken early when a turn or an agent queues something (``wake``). Network calls
happen outside any database transaction; every outcome is recorded at once.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

from app.channels import outbox
from app.channels.base import DeliveryError, DeliveryKind, Outbound, PermanentDeliveryError
from app.telemetry import record_delivery, record_outbox

if TYPE_CHECKING:
    from app.channels.registry import ChannelHub
    from app.runtime import Runtime

log = logging.getLogger(__name__)

BATCH = 50


class DeliveryWorker:
    def __init__(self, rt: Runtime, hub: ChannelHub) -> None:
        self.rt = rt
        self.hub = hub
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        outbox.subscribe(self.wake)
        self._thread = threading.Thread(target=self._loop, name="kefu-deliveries",
                                        daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        outbox.unsubscribe(self.wake)
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def wake(self) -> None:
        self._wake.set()

    def _loop(self) -> None:
        poll = self.rt.settings.delivery_poll_s
        while not self._stop.is_set():
            try:
                worked = self.run_once()
            except Exception:  # the queue must outlive a bad row or a database hiccup
                log.exception("delivery worker pass failed")
                worked = 0
            if worked == 0:
                self._wake.wait(poll)
                self._wake.clear()

    def run_once(self) -> int:
        """Try every delivery that is due now; returns how many were tried."""
        with self.rt.session() as session:
            rows = outbox.due(session, limit=BATCH)
            record_outbox(outbox.counts(session))
        tried = 0
        for row in rows:
            if self._stop.is_set():
                break
            claimed = outbox.claim(self.rt, row)
            if claimed is None:  # another worker (or a passive reply) took it
                continue
            tried += 1
            self._attempt(claimed)
        return tried

    def _attempt(self, claimed: outbox.Claimed) -> None:
        channel = self.hub.find(claimed.channel)
        if channel is None:
            outbox.finish(self.rt, claimed, error=f"channel {claimed.channel!r} is not enabled")
            return
        payload = claimed.payload
        out = Outbound(delivery_id=claimed.id, conversation_id=claimed.conversation_id,
                       kind=DeliveryKind(claimed.kind), text=str(payload.get("text") or ""),
                       address=dict(payload.get("address") or {}),
                       role=str(payload.get("role") or "bot"), language=payload.get("language"))
        started = time.perf_counter()
        try:
            channel.deliver(out)
        except PermanentDeliveryError as exc:
            outbox.finish(self.rt, claimed, error=str(exc), permanent=True)
        except DeliveryError as exc:
            outbox.finish(self.rt, claimed, error=str(exc))
        except Exception as exc:  # a bug in an adapter: keep the message, say what broke
            log.exception("delivery %s: adapter %s raised", claimed.id, claimed.channel)
            outbox.finish(self.rt, claimed, error=f"{type(exc).__name__}: {exc}")
        else:
            outbox.finish(self.rt, claimed)
        finally:
            record_delivery(claimed.channel, "attempt", time.perf_counter() - started)
