"""A remark that takes an answer in is no new question, whatever its words make the
classifier read: "Understood, I'll save it for the kettle then. Thanks!" after a question
(no product asked)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain import Decision
from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.fixture
def api(initialised_template: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> Iterator[Api]:
    monkeypatch.setenv("KEFU_LLM_BACKEND", "none")
    with shop(initialised_template, tmp_path) as client:
        yield client


def test_thanks_and_a_plan_is_no_product_question(api: Api) -> None:
    say(api, "pl", "can I use a discount code on the kettle?")
    thanks = say(api, "pl", "Understood, I'll save it for the kettle then. Thanks!")
    assert thanks.intent == "other", thanks.intent
    assert thanks.decision != Decision.handoff
