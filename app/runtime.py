"""The runtime of one KEFU_HOME: the settings and everything built from them.

Every piece of per-home state (the database engine, the search index, the store's
policy, its catalogue and id shapes, the confidence model, the LLM) is owned by one
:class:`Runtime` object and lives exactly as long as it. The service builds one at
start-up; evaluation and benchmarks build their own for a throw-away home, side by
side, without touching ``os.environ`` or anybody else's caches.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

from app.settings import Settings, get_settings

if TYPE_CHECKING:
    from app.assist.drafter import Drafter
    from app.assist.scoring import ConfidenceModel, UnfittedModel
    from app.channels.registry import ChannelHub
    from app.llm import LLM
    from app.policy import StorePolicy
    from app.pubsub import Broker
    from app.store.store_facts import StoreFacts
    from retrieval.index import SearchIndex

T = TypeVar("T")


class Runtime:
    """Owns the per-home resources; each is built on first use and closed with it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.RLock()
        self._parts: dict[str, Any] = {}

    def _part(self, name: str, build: Callable[[], T]) -> T:
        found = self._parts.get(name)
        if found is None:
            with self._lock:
                found = self._parts.get(name)
                if found is None:
                    found = build()
                    self._parts[name] = found
        return found

    # --- storage ------------------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        from app.db import make_engine, require_home

        def build() -> Engine:
            require_home(self.settings)
            return make_engine(self.settings.db_url, pool_size=self.settings.db_pool_size,
                               max_overflow=self.settings.db_max_overflow)

        return self._part("engine", build)

    @contextmanager
    def session(self, *, write: bool = False, key: str | None = None) -> Iterator[Session]:
        """A session committed on success, rolled back on error (see app.db); the
        conversations it changed are announced to every worker with its commit.

        ``key`` narrows a write's lock on PostgreSQL to what it names (``customer:ID``
        for everything one customer's turn or action touches); SQLite ignores it."""
        from app.db import session_scope
        from app.pubsub.changes import publish_changes, track

        broker = self.broker
        with session_scope(self.engine, write=write, key=key,
                           before_commit=lambda s: publish_changes(broker, s)) as session:
            track(session)
            yield session

    @property
    def broker(self) -> Broker:
        """Change notifications across this database's worker processes (app.pubsub)."""
        from app.pubsub import make_broker

        return self._part("broker", lambda: make_broker(self.engine))

    # --- knowledge and store ----------------------------------------------------------
    @property
    def index(self) -> SearchIndex:
        from app.knowledge import open_index

        return self._part("index", lambda: open_index(self.settings, self.engine))

    @property
    def policy(self) -> StorePolicy:
        from app.policy import PolicyFile

        return self._part("policy", lambda: PolicyFile(self.settings)).current()

    @property
    def policy_path(self) -> Path:
        from app.policy import policy_path

        return policy_path(self.settings)

    def store_facts(self, session: Session) -> StoreFacts:
        """The store's catalogue and id shapes, rebuilt when an import changed them, with
        the shop's names of the policy in force."""
        from dataclasses import replace

        from app.store.facts import StoreFactsCache

        facts = self._part("facts", lambda: StoreFactsCache(self.settings)).get(session)
        names = tuple(name for name in self.policy.store_name.values() if name)
        return facts if facts.shop_names == names else replace(facts, shop_names=names)

    # --- models -----------------------------------------------------------------------
    @property
    def confidence_model(self) -> ConfidenceModel | UnfittedModel:
        from app.assist.scoring import load_model, model_path

        return self._part("confidence", lambda: load_model(model_path(self.settings)))

    @property
    def llm(self) -> LLM:
        from app.llm import LLM

        return self._part("llm", lambda: LLM.from_settings(self.settings))

    @property
    def drafter(self) -> Drafter:
        from app.assist.drafter import Drafter

        return self._part("drafter", lambda: Drafter(self))

    @property
    def channels(self) -> ChannelHub:
        """The enabled channel adapters and the delivery worker (app.channels)."""
        from app.channels.registry import ChannelHub

        return self._part("channels", lambda: ChannelHub(self))

    def set_llm(self, llm: LLM | None) -> None:
        """Use ``llm`` (or rebuild from the settings next time, with None)."""
        with self._lock:
            if llm is None:
                self._parts.pop("llm", None)
            else:
                self._parts["llm"] = llm

    def close(self) -> None:
        with self._lock:
            parts, self._parts = self._parts, {}
        channels = parts.get("channels")
        if channels is not None:
            channels.close()
        drafter = parts.get("drafter")
        if drafter is not None:
            drafter.close()
        index = parts.get("index")
        if index is not None:
            index.close()
        broker = parts.get("broker")
        if broker is not None:
            broker.close()
        engine = parts.get("engine")
        if engine is not None:
            engine.dispose()


_current: Runtime | None = None
_current_lock = threading.Lock()


def current() -> Runtime:
    """The process's runtime, built from the environment's settings on first use."""
    global _current
    with _current_lock:
        if _current is None:
            _current = Runtime(get_settings())
        return _current


def install(runtime: Runtime | None) -> None:
    """Make ``runtime`` the process's runtime (None: rebuild from the settings)."""
    global _current
    with _current_lock:
        previous, _current = _current, runtime
    if previous is not None and previous is not runtime:
        previous.close()


def reset() -> None:
    """Forget the process's runtime and settings (tests change the environment)."""
    install(None)
    get_settings.cache_clear()
