"""Who answers the chat, asked calmly, is no request for a person: "is anyone there?",
"are you a real person?", "no need to escalate"; a person asked for in so many words
still is. Chinese in traditional characters reads as the simplified (cues, catalogue)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist import dialogue
from app.assist.service import assist_once
from app.store.catalogue import Catalogue, fold
from app.store.product_attributes import product_words
from app.understanding.person_cues import declines_a_person, offers_proof, pings
from app.understanding.sentiment import asks_if_bot
from app.understanding.text import simplified
from tests.api_helpers import Api, api_on_copy
from tests.test_dialogue_misreadings import reading


@pytest.mark.parametrize(("text", "expected"), [
    ("好的 謝謝你 辛苦了🙏", "好的 谢谢你 辛苦了🙏"),
    ("我七月退的那個飲水機 錢退了沒", "我七月退的那个饮水机 钱退了没"),
    ("where is SO-1? 謝謝", "where is SO-1? 谢谢"),
    ("where is my order?", "where is my order?"),
])
def test_traditional_characters_read_as_simplified(text: str, expected: str) -> None:
    assert simplified(text) == expected


def test_a_catalogue_in_either_script_finds_the_other() -> None:
    catalogue = Catalogue.build([product_words("K1", "電熱水壺", {"aliases": ["水壺"]})])
    found = catalogue.find("我的电热水壶坏了")
    assert found is not None and found.candidates() == {"K1"}
    assert fold("電熱水壺") == fold("电热水壶")


@pytest.mark.parametrize(("text", "ping"), [
    ("哈囉～請問現在有人在嗎", True), ("哈喽 有人在不 🙋", True), ("hello? anyone there", True),
    ("有人在家吗 快递能放门口吗", False),
])
def test_someone_waiting_for_an_answer(text: str, ping: bool) -> None:
    assert bool(pings(simplified(text))) is ping


@pytest.mark.parametrize(("text", "bot", "declines"), [
    ("你好 请问是真人在回复吗", True, False),
    ("Are you a real person or a bot btw?", True, False),
    ("Lovely, all sorted. No need to escalate or pass me on to anyone 🙏", False, True),
    ("不用转人工 是我号码打错了", False, True),
    ("I want to talk to a real person", False, False),
])
def test_who_answers_asked_or_a_person_declined(text: str, bot: bool, declines: bool) -> None:
    assert asks_if_bot(text) is bot
    assert bool(declines_a_person(text)) is declines


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("who")) as client:
        yield client


@pytest.mark.parametrize(("text", "handoff"), [
    ("哈囉～請問現在有人在嗎", False),
    ("你好 请问是真人在回复吗", False),
    ("Lovely, that's all sorted then. No need to escalate or pass me on to anyone 🙏", False),
    ("are you a bot? I want to talk to a real person", True),
    ("請幫我轉人工客服", True),
])
def test_a_person_only_when_asked_for(api: Api, text: str, handoff: bool) -> None:
    result = assist_once(api.runtime, customer_id="C001", text=text, label=text).result
    assert (result.decision == "handoff") is handoff
    if not handoff:
        assert result.intent == "other" and result.ticket_id is None


@pytest.mark.parametrize(("text", "person"), [
    # the shopper goes to someone themselves: no person of the shop asked for
    ("行吧 那我去快递站跟他们说一声", False),
    ("fine, I'll ring the courier myself then", False),
    # ... unless they name one
    ("算了 我去找你们人工客服", True),
])
def test_going_to_someone_oneself_asks_no_person(text: str, person: bool) -> None:
    r = reading(text, "contact_human_agent", previous="track_order")
    dialogue.read(r)
    assert (r.u.intent == "contact_human_agent") is person


@pytest.mark.parametrize("text", [
    "The receipt came in around noon, I can forward it if that helps.",
    "快递员的电话我存着 你们要的话我发过来",
    "I've taken photos of the box, not sharing them online though.",
])
def test_proof_offered_for_the_person(text: str) -> None:
    assert offers_proof(text)
