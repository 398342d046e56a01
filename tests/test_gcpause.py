"""The garbage collector pauses for a bulk import and comes back as it was found."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from app.gcpause import collector_paused


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_nested_and_back_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still runs
    assert gc.isenabled()


def test_a_collector_off_before_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_concurrent_blocks_share_one_pause() -> None:
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with collector_paused():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    with collector_paused():
        thread.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the other thread's block is still running
    leave.set()
    thread.join(5)
    assert gc.isenabled()


def test_a_failing_block_restores_the_collector() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_the_store_import_runs_with_the_collector_paused(migrated_home: object,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from app import knowledge
    from app.store.importer import import_into
    from tests.conftest import current

    seen: list[bool] = []
    real = knowledge.index_orders

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(knowledge, "index_orders", spy)
    report = import_into(current(), {
        "customers": [{"id": "g1", "name": "Gao"}],
        "orders": [{"id": "go-1", "customer_id": "g1", "status": "paid", "total": 3.0,
                    "created_at": "2026-01-02T00:00:00Z"}]})
    assert not report.rejected and seen == [False] and gc.isenabled()
