"""Twenty shoppers at once against `kefu serve` with the embedded LLM on (issue 15's
probe): no errors, every turn answered, and the turns a template answers are sent by the
bot although the one LLM slot is busy drafting for agents. (The latency figures of the
same run come from `kefu bench`, `shoppers_with_llm`: a timed test would only measure
how busy the test machine is.)"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app.runtime import Runtime
from app.settings import Settings
from eval.bench.load import make_shoppers, run_load, serve, template_turns

SHOPPERS = 20
TEMPLATE_AUTO_SENT = 0.95


@pytest.fixture
def shoppers_home(demo_home: Path) -> Path:
    return demo_home


@pytest.mark.slow  # minutes of serving and drafting: `pytest -m slow`
def test_twenty_shoppers_with_the_embedded_llm(shoppers_home: Path) -> None:
    pytest.importorskip("llama_cpp", reason="the embedded LLM backend is not installed")
    rt = Runtime(Settings(home=shoppers_home, llm_backend="none", database_url=None))
    try:
        shoppers = make_shoppers(rt, SHOPPERS)
    finally:
        rt.close()
    assert len(shoppers) == SHOPPERS
    answered_by_templates = template_turns(shoppers_home, shoppers)
    assert len(answered_by_templates) >= SHOPPERS  # the script has template turns to test

    with serve(shoppers_home, KEFU_LLM_BACKEND="llamacpp") as url:
        report = run_load(url, shoppers)
        metrics = httpx.get(f"{url}/metrics", timeout=10).text

    summary = report.summary()
    assert summary["turns"] == SHOPPERS * len(shoppers[0].messages)
    assert report.errors == 0, [t for t in report.turns if t.status != 200][:3]
    sent = {(t.shopper, t.step) for t in report.turns if t.decision == "auto_send"}
    share = len(answered_by_templates & sent) / len(answered_by_templates)
    assert share >= TEMPLATE_AUTO_SENT, (share, summary)
    # the LLM was busy all the while, visibly: drafts were made or shed, not waited for
    drafted = [line for line in metrics.splitlines()
               if line.startswith("kefu_llm_drafts_total") and not line.endswith(" 0.0")]
    assert drafted, "no draft was attempted: the LLM was never under load"
