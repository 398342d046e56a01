"""What every suite is given: settings, dataset, options, progress, journal, drafting,
and in `kefu eval all` the scenario pass its suites share (eval/scenario_pass.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from app.settings import Settings
from eval.drafts import DraftConfig
from eval.journal import Journal
from eval.sampling import stratified

if TYPE_CHECKING:
    from eval.scenario_pass import ScenarioPass

T = TypeVar("T")


@dataclass
class SuiteContext:
    settings: Settings
    dataset: Path | None = None
    options: dict[str, Any] = field(default_factory=dict)
    progress: Callable[[int], None] | None = None
    # names the part now running and how many cases it has (the progress bar's ETA)
    stage: Callable[[str, int | None], None] | None = None
    journal: Journal | None = None
    drafts: DraftConfig | None = None
    scenario_pass: ScenarioPass | None = None

    @property
    def llm(self) -> bool:
        """Whether the suite may draft with the LLM (not with --no-llm)."""
        return bool(self.options.get("llm", True))

    def sample(self, items: Sequence[T], key: Callable[[T], str]
               ) -> tuple[list[T], dict[str, Any] | None]:
        """``--sample N`` of ``items`` stratified by ``key`` (all of them without it)."""
        return stratified(items, self.options.get("sample"), key,
                          seed=int(self.options.get("seed") or 0))

    def begin(self, name: str, total: int | None = None) -> None:
        if self.stage is not None:
            self.stage(name, total)

    def with_options(self, **changes: Any) -> SuiteContext:
        return replace(self, options={**self.options, **changes})
