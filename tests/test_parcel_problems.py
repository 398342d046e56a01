"""A parcel gone wrong with the courier (tracking stalled, marked delivered but not
received, left at a pickup point that hasn't got it, "can you chase the courier?") is
shown with its order's tracking and left for a person to take up with the courier: the
same tracking line auto-sent again answers nothing. "Hasn't arrived yet" alone is still
a question of where it is, answered at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.understanding import dialogue_cues as cue
from app.understanding.delivery_cues import says_it_arrived
from app.understanding.social import only_asks_for_help
from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("parcels")) as client:
        yield client


@pytest.mark.parametrize("text, problem", [
    ("It says shipped but the tracking hasn't updated for 3 days", True),
    ("can you chase the courier?", True),
    ("it says delivered but there's nothing at my door", True),
    ("I think my parcel was lost", True),
    ("物流显示到了但我没收到", True),
    ("快递员说放驿站了 但驿站说没有", True),
    ("物流好几天没更新了", True),
    ("帮我催一下快递", True), ("单号查了三天都没更新", True), ("物流刷了好几天不动", True),
    ("单号查了一下 还没更新吗", False),
    ("is the tracking updating? it has been stuck for days", True),
    ("where is my order? it hasn't arrived yet", False),
    ("还没收到", False),
    ("has it shipped?", False),
    ("I haven't changed my mind", False),
])
def test_a_parcel_problem_is_told_from_a_question_of_where(text: str, problem: bool) -> None:
    assert bool(cue.parcel_problem(text)) is problem


@pytest.mark.parametrize("first, problem", [
    ("where is my lamp?", "the tracking hasn't updated for 3 days, can you chase the courier?"),
    ("台灯到哪了", "物流显示到了但我没收到"),
    ("台灯到哪了", "快递员说放驿站了 但驿站说没有"),
])
def test_a_parcel_problem_goes_to_a_person_with_the_tracking(
        api: Api, first: str, problem: str) -> None:
    label = f"parcel-{problem}"
    where = say(api, label, first)
    assert where.intent == "track_order" and where.decision == "auto_send"
    told = say(api, label, problem)
    assert told.intent == "track_order" and told.action is not None
    assert told.action.params["order_id"] == "Q-4950" and told.action.status == "executed"
    assert told.decision == "agent_review"  # not the same line again, auto-sent


@pytest.mark.parametrize("problem, pressed", [
    ("it says delivered but i never got it", "can u help"),
    ("物流显示到了但我没收到", "你们能帮我查一下吗"),
])
def test_help_pressed_for_after_a_parcel_problem_stays_with_a_person(
        api: Api, problem: str, pressed: str) -> None:
    label = f"pressed-{pressed}"
    say(api, label, "where is my lamp?")
    say(api, label, problem)
    again = say(api, label, pressed)
    assert again.intent == "track_order" and again.action is not None
    assert again.action.params["order_id"] == "Q-4950"
    assert again.decision == "agent_review"  # not place_order, not the tracking auto-sent


@pytest.mark.parametrize("text, only", [
    ("can u help", True), ("please help", True), ("能帮我吗", True), ("你们能帮我查一下吗", True),
    ("can you help me with my order", False), ("help me change the address", False),
])
def test_a_bare_plea_for_help(text: str, only: bool) -> None:
    assert only_asks_for_help(text) is only



@pytest.mark.parametrize("text, arrived", [
    ("扫地机器人今天到了 但是充不进电", True), ("I got it today but it won't charge", True),
    ("it arrived today", True), ("到了吗", False), ("收到了吗", False), ("has it arrived?", False),
])
def test_the_shopper_says_it_arrived(text: str, arrived: bool) -> None:
    assert bool(says_it_arrived(text)) is arrived


@pytest.mark.parametrize("text", ["the lamp arrived today but it won't switch on, I want to "
                                  "return it", "台灯今天到了 但是打不开 我要退货"])
def test_a_refusal_the_shoppers_word_contradicts_goes_to_a_person(api: Api, text: str) -> None:
    # the store still says shipped: "it hasn't arrived yet" is for a person to check
    refused = say(api, f"arrived-{text}", text)
    assert refused.action is not None and refused.action.status == "blocked"
    assert refused.decision == "agent_review"


def test_chase_it_for_me_after_where_is_it_goes_to_a_person(api: Api) -> None:
    say(api, "chase", "台灯到哪了")
    chased = say(api, "chase", "那你们帮我催一下")
    assert chased.intent == "track_order" and chased.decision == "agent_review"
