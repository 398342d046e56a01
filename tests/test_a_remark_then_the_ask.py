"""A remark first and the ask after "by the way" ("he loves the kettle from you by the way,
I wanted to write a nice review of it but can't find the button"): the remark asks
nothing, so the message is read whole and the ask is what it is read as; a request
first keeps its question aside, answered after it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("remark")) as client:
        yield client


def test_a_remark_then_a_review_asked(api: Api) -> None:
    said = say(api, "r", "My mum loves the glass kettle from you by the way, I wanted to write "
                         "a nice review of it but I can't find the button anymore")
    assert said.intent == "review", said.reply


def test_a_request_keeps_its_question_aside(api: Api) -> None:
    said = say(api, "q", "where is order Q-5102? by the way, do you deliver on saturdays?")
    assert said.intent == "track_order", said.reply
    assert "Q-5102" in said.reply
