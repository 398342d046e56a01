"""`kefu bench` parts: distinct messages, the LangChain baseline, 2-worker throughput."""

from __future__ import annotations

from pathlib import Path

from app.settings import get_settings
from eval.bench import baseline, messages, throughput
from eval.bench.messages import Message
from tests.conftest import current


def test_benchmark_messages_are_distinct_and_have_shoppers() -> None:
    data = get_settings().data_dir
    sample = messages.load(data)
    assert len(sample) > 300
    assert len({m.text for m in sample}) == len(sample)  # no query-embedding cache hits
    assert {m.language for m in sample} == {"en", "zh"}
    assert len(messages.queries(data)) == len(set(messages.queries(data)))


def test_langchain_baseline_retrieves_from_the_same_index(demo_home: Path) -> None:
    rt = current()
    prompt = baseline.chain(rt, k=3).invoke("how long do refunds take?")
    assert isinstance(prompt, str)
    assert "[1]" in prompt and "how long do refunds take?" in prompt
    timings = baseline.langchain_timings(rt, [Message("C001", "can I return a mug?", "en")])
    assert timings["n"] == 1 and timings["p50_ms"] > 0


def test_throughput_with_two_worker_processes(demo_home: Path) -> None:
    sample = [Message("C001", "where is my order?", "en"),
              Message("C002", "我的快递到哪了", "zh"),
              Message("C001", "do you ship to Canada?", "en"),
              Message("C002", "可以开发票吗", "zh")]
    result = throughput.measure(str(demo_home), sample, workers=2)
    assert result["workers"] == 2 and result["messages"] == 4
    assert result["messages_per_s"] > 0 and len(result["per_worker_messages_per_s"]) == 2
