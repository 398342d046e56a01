"""The cyclic garbage collector paused for a bulk operation (a store import).

A 100k-order import creates millions of short-lived objects, and enough of them live
through two young collections that CPython ran ~60 full collections during one, each
walking every object the process holds (~0.2 s apiece here): 15-20 s of a 90 s import
that freed a few hundred objects in all. Reference counting frees everything else as
before; the collector runs again when the last bulk operation ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector (process-wide) while the block runs; nested or concurrent
    blocks share one pause, ended by the last of them as it was found."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
