"""How many processes draft with the embedded LLM when --workers is not given: one per
idle core, at least one (eval/drafts.py); a remote server gets one thread per core."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from eval.drafts import DraftConfig, PoolBackend, auto_workers, drafting_llm, spare_cores
from tests.conftest import current, invoke
from tests.fakes.llm import install_fake_llm

CORES = os.cpu_count() or 1


def test_one_process_per_idle_core_and_at_least_one() -> None:
    assert auto_workers(spare=0.3) == 1  # the other sessions keep the cores busy
    assert auto_workers(spare=1.6) == min(CORES, 2)
    assert auto_workers(spare=CORES + 3.0) == CORES
    spare = spare_cores(sample_s=0.2)
    assert spare is not None and 0.0 <= spare <= CORES  # read from /proc/stat


def test_the_embedded_llm_pool_is_sized_when_it_first_generates(
        demo_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEFU_LLM_BACKEND", "llamacpp")
    rt = current()
    sampled: list[float] = []

    def spare(sample_s: float = 1.0) -> float:
        sampled.append(sample_s)
        return 0.4 if len(sampled) == 1 else float(CORES)

    monkeypatch.setattr("eval.drafts.spare_cores", spare)
    for expected in (1, CORES):
        config = DraftConfig(workers=None)
        with drafting_llm(rt, config) as llm:
            assert llm is not None and isinstance(llm.backend, PoolBackend)
            assert llm.backend.workers is None  # every draft may come from the cache
            llm.backend._executor()  # what the first generation does (no process yet)
            assert llm.backend.workers == expected
        assert config.workers == expected
    cached = DraftConfig(workers=None)
    with drafting_llm(rt, cached):
        pass
    assert cached.workers is None and len(sampled) == 2  # a run all from the cache
    chosen = DraftConfig(workers=3)
    with drafting_llm(rt, chosen) as llm:
        assert llm is not None and isinstance(llm.backend, PoolBackend)
        llm.backend._executor()
        assert llm.backend.workers == 3 and len(sampled) == 2  # --workers 3


def test_a_run_records_the_workers_that_drafted(
        demo_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_llm(monkeypatch, replies=["Thanks for asking [1]."])
    scenarios = (Path(__file__).parent.parent / "data" / "scenarios" / "scenarios.jsonl")
    lines = [line for line in scenarios.read_text(encoding="utf-8").splitlines()
             if '"handoff": true' in line]
    dataset = tmp_path / "scenarios.jsonl"
    dataset.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    for given, recorded in ((None, CORES), ("2", 2)):
        args = ["eval", "replies", "--dataset", str(dataset), "--no-cache", "--json"]
        result = invoke(*args, *(["--workers", given] if given else []))
        assert result.exit_code == 0, result.output
        [*_, newest] = sorted((demo_home / "eval-runs").glob("2*/metrics.json"))
        settings = json.loads(newest.read_text(encoding="utf-8"))["settings"]
        assert settings["drafts"]["generated"] > 0
        assert settings["workers"] == recorded  # a remote server: one thread per core
