"""One pass of the demo scenarios through the pipeline, shared by the suites of
`kefu eval all` that run them.

The replies, calibration and latency suites each ran the same scenario turns, each on
a copy of KEFU_HOME of its own: three times 236 turns, and calibration the 600 held-out
messages after them. In `kefu eval all` they share one pass: every scenario turn runs
once, on one copy of the home, timed as the latency suite times a turn, and the
held-out messages follow on the same home when calibration asks for them, in the order
calibration alone runs them. A turn changes the home (a cancelled order stays
cancelled), so that order is what must be kept: each suite gets the records it would
have made on its own. LLM drafts are the replies suite's: they write nothing to the
home and are made from the pass's records afterwards.

A suite whose scenarios are not the pass's (the replies suite of `kefu eval all` with
the LLM, which samples them; a --store pack; a --dataset) runs on a home of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

from app.runtime import Runtime
from app.settings import Settings
from eval.scenarios import Stage, Turns, pipeline_turns


class ScenarioPass:
    """The pass over ``scenarios``, made the first time a suite asks for it."""

    def __init__(self, settings: Settings, scenarios: list[dict[str, Any]], *,
                 stage: Stage | None = None,
                 progress: Callable[[int], None] | None = None) -> None:
        self.settings = settings
        self.scenarios = scenarios
        self.stage = stage
        self.progress = progress
        self._stack = ExitStack()
        self._rt: Runtime | None = None
        self._turns: Turns | None = None
        self._heldout: tuple[list[str], Turns] | None = None

    def serves(self, scenarios: list[dict[str, Any]]) -> bool:
        """Whether ``scenarios`` are the pass's, in its order."""
        return [s["id"] for s in scenarios] == [s["id"] for s in self.scenarios]

    @property
    def rt(self) -> Runtime:
        """The runtime on the pass's copy of KEFU_HOME (open until :meth:`close`)."""
        if self._rt is None:
            from eval.sandbox import isolated_home

            self._rt = self._stack.enter_context(isolated_home(self.settings))
        return self._rt

    def turns(self) -> Turns:
        """The scenario turns; each caller gets records of its own."""
        if self._turns is None:
            from app.assist.warmup import warm_up

            # models, index, policy loaded before the first timed turn; the warm-up's
            # turns are rolled back, so the home is as the suites alone would have it
            warm_up(self.rt, llm=False)
            self._turns = pipeline_turns(self.rt, self.scenarios, run_id="scenarios",
                                         progress=self.progress, stage=self.stage)
        return self._turns.copy()

    def heldout(self, scenarios: list[dict[str, Any]]) -> Turns:
        """Calibration's held-out messages, run after every scenario turn."""
        self.turns()
        ids = [s["id"] for s in scenarios]
        if self._heldout is None:
            self._heldout = (ids, pipeline_turns(self.rt, scenarios, run_id="heldout",
                                                 progress=self.progress, stage=self.stage))
        if self._heldout[0] != ids:
            raise ValueError("the scenario pass already ran other held-out messages")
        return self._heldout[1].copy()

    def close(self) -> None:
        self._stack.close()
        self._rt = None
