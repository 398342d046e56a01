"""How long a thing lasts in use, or takes to charge, is a question about the item, not
about a delivery or a parcel: "How long does it take to charge from flat?" right after an
address change, "一片能用多久来着", "开实时追踪的话 电池能撑多久"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.understanding import dialogue_cues as cue
from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.mark.parametrize(("text", "lasts"), [
    ("一盒四片 一片能用多久来着", True),
    ("app里开实时追踪的话 电池能撑多久", True),
    ("how long will it take to arrive?", False),
    ("多久能到", False),
])
def test_how_long_it_lasts_in_use(text: str, lasts: bool) -> None:
    assert bool(cue.asks_how_long_it_lasts(text)) is lasts


def test_charging_from_flat_is_of_the_battery() -> None:
    assert cue.about_its_battery("How long does it take to charge from flat?")
    assert not cue.about_its_battery("you charged me twice for this order")


@pytest.fixture
def api(initialised_template: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> Iterator[Api]:
    monkeypatch.setenv("KEFU_LLM_BACKEND", "none")
    with shop(initialised_template, tmp_path) as client:
        yield client


def test_after_an_address_change_a_charging_question_is_the_items(api: Api) -> None:
    asked = say(api, "ch", "please send Q-5101 to 14 Elm Grove, Leeds LS1 4AP instead")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    done = say(api, "ch", "yes")
    assert done.action is not None and done.action.status == "executed"
    charge = say(api, "ch", "Legend. How long does it take to charge from flat?")
    # not the delivery time of the change just made
    assert charge.intent not in ("delivery_period", "delivery_options"), charge.intent


@pytest.mark.parametrize("text", ["那个水壶 一个能用多久来着", "开实时追踪的话 电池能撑多久"])
def test_how_long_it_lasts_is_no_parcel_asked_after(api: Api, text: str) -> None:
    result = say(api, "zh", text)
    assert result.intent == "product_question", result.intent
    assert result.action is None
