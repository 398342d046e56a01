"""A message the rules read as one request while the intent classifier ranks another first
is a risky call: its reply is drafted and queued for a person, never sent by itself. A
follow-up, read against the conversation the classifier never sees, is not held back
for that."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from app.assist.for_a_person import readings_disagree
from app.assist.turn import Turn
from app.understanding.intent import classify
from tests.api_helpers import Api, api_on_copy


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("disagree")) as client:
        yield client


def _turn(intent: str, ranked_first: str, *, carried: bool) -> Turn:
    u = SimpleNamespace(carried=carried, alternatives=[(ranked_first, 0.9), (intent, 0.1)])
    return cast(Turn, SimpleNamespace(intent=intent, u=u))


def test_two_readings_that_differ() -> None:
    assert readings_disagree(_turn("delivery_options", "delivery_period", carried=False))
    assert not readings_disagree(_turn("delivery_period", "delivery_period", carried=False))
    # "and the other one?" after a tracking answer: the classifier never saw the first
    assert not readings_disagree(_turn("track_order", "other", carried=True))


def test_a_reply_the_classifier_would_read_otherwise_waits_for_a_person(api: Api) -> None:
    text = "if I order before lunch can it arrive tomorrow?"
    result = api.say(api.start(), text)["result"]
    ranked_first = classify(text, api.runtime.settings).intent
    assert result["intent"] != ranked_first  # the rules read it otherwise
    assert result["decision"] == "agent_review"
    assert result["reply"] and result["suggestions"]  # drafted for the agent all the same


def test_a_reply_both_readings_agree_on_is_sent(api: Api) -> None:
    text = "do u take paypal"
    result = api.say(api.start(), text)["result"]
    assert result["intent"] == classify(text, api.runtime.settings).intent
    assert result["decision"] == "auto_send"
