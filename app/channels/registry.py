"""Channel adapters by name (``KEFU_CHANNELS``), and the runtime's hub that owns them.

Each built-in adapter's module is imported on first use. Tests register fakes the
same way (``register("fake", factory)`` and ``channels=["fake"]`` in the settings).
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from app.channels.base import Channel
from app.errors import ConfigError, NotFoundError
from app.settings import Settings

if TYPE_CHECKING:
    from app.channels.worker import DeliveryWorker
    from app.runtime import Runtime

log = logging.getLogger(__name__)

ChannelFactory = Callable[[Settings], Channel]
INBOUND_THREADS = 8


def _lazy(module_name: str) -> ChannelFactory:
    def factory(settings: Settings) -> Channel:
        module = importlib.import_module(module_name)
        channel: Channel = module.create_channel(settings)
        return channel

    return factory


CHANNEL_TYPES: dict[str, ChannelFactory] = {
    "wechat": _lazy("app.channels.wechat"),
    "wecom": _lazy("app.channels.wecom"),
    "email": _lazy("app.channels.mail"),
    "chatwoot": _lazy("app.channels.chatwoot"),
}


def register(name: str, factory: ChannelFactory) -> None:
    CHANNEL_TYPES[name] = factory


@runtime_checkable
class Listener(Protocol):
    """An adapter that listens by itself (the email channel's SMTP endpoint)."""

    def start(self, rt: Runtime) -> None: ...

    def stop(self) -> None: ...


class ChannelHub:
    """The runtime's channels: the enabled adapters, the threads that run inbound turns
    past a callback's deadline, and the delivery worker."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self._lock = threading.Lock()
        self._channels: dict[str, Channel] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._worker: DeliveryWorker | None = None

    @property
    def names(self) -> list[str]:
        return list(self.rt.settings.channels)

    def find(self, name: str) -> Channel | None:
        """The enabled adapter called ``name``, built on first use; None if not enabled."""
        if name not in self.rt.settings.channels:
            return None
        with self._lock:
            found = self._channels.get(name)
            if found is None:
                factory = CHANNEL_TYPES.get(name)
                if factory is None:
                    raise ConfigError(f"KEFU_CHANNELS names unknown channel {name!r}; "
                                      f"known: {', '.join(sorted(CHANNEL_TYPES))}")
                found = factory(self.rt.settings)
                self._channels[name] = found
            return found

    def get(self, name: str) -> Channel:
        found = self.find(name)
        if found is None:
            raise NotFoundError(f"channel {name!r} is not enabled")
        return found

    @property
    def pool(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(INBOUND_THREADS,
                                                thread_name_prefix="kefu-inbound")
            return self._pool

    @property
    def worker(self) -> DeliveryWorker:
        from app.channels.worker import DeliveryWorker

        with self._lock:
            if self._worker is None:
                self._worker = DeliveryWorker(self.rt, self)
            return self._worker

    def start(self) -> None:
        """Build every enabled adapter (a bad setting fails at start-up, not at the
        first message), start listeners and the delivery worker."""
        for name in self.names:
            channel = self.get(name)
            if isinstance(channel, Listener):
                channel.start(self.rt)
        if self.names:
            self.worker.start()
            log.info("channels: %s", ", ".join(self.names))

    def close(self) -> None:
        with self._lock:
            worker, self._worker = self._worker, None
            pool, self._pool = self._pool, None
            channels, self._channels = self._channels, {}
        if worker is not None:
            worker.stop()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=False)
        for channel in channels.values():
            if isinstance(channel, Listener):
                channel.stop()
            channel.close()
