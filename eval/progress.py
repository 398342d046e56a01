"""Progress with an ETA for long evaluation and bench commands (tqdm, on stderr).

A command is a series of stages ("replies: pipeline", "replies: LLM drafts", ...), each
with its own bar and total, so the ETA shown is that of the stage now running: a stage
of slow LLM drafts after a fast one would otherwise make any overall ETA a guess.
Quiet when stderr is not a terminal or the command prints JSON (``enabled=False``).
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any

from tqdm import tqdm


class Progress:
    """``stage(name, total)`` starts a bar; ``advance(n)`` moves it."""

    def __init__(self, *, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bar: tqdm[Any] | None = None
        self.stages: list[tuple[str, int | None]] = []

    def stage(self, name: str, total: int | None = None) -> None:
        """A new stage; ``total`` (units of work) gives the bar its ETA."""
        self.close()
        self.stages.append((name, total))
        self._bar = tqdm(total=total, desc=name, unit="case", file=sys.stderr,
                         disable=not self.enabled, dynamic_ncols=True, leave=True)

    def advance(self, n: int = 1) -> None:
        if self._bar is None:
            self.stage("eval")
        assert self._bar is not None
        self._bar.update(n)

    def note(self, text: str, *, always: bool = False) -> None:
        """A line above the bar (a resumed run, cache hits); ``always``: also when quiet
        (what a person must know, such as how to carry on a stopped run)."""
        if self.enabled:
            tqdm.write(text, file=sys.stderr)
        elif always:
            print(text, file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
