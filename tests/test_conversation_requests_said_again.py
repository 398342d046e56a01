"""Requests said in the middle of other words: an address change asked while asking
whether the order has shipped, a cancellation said again after a question about its fee,
the same new address for a second order after the first was changed, and English words
written against Chinese ("帮我cancel掉吧")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.understanding import dialogue_cues as cue
from app.understanding.cue import spaced
from app.understanding.said_again import REPEATS_CANCEL
from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("said-again")) as client:
        yield client


@pytest.mark.parametrize(("text", "said"), [
    ("帮我cancel掉吧", cue.asks_cancel), ("开个invoice给我", cue.mentions_invoice),
    ("订单status是什么", cue.asks_status),
])
def test_english_words_against_chinese_are_read(text: str, said: cue.Cue) -> None:
    assert said(text)
    assert spaced("帮我cancel掉吧") == "帮我 cancel 掉吧" and spaced("SO-2 到哪") == "SO-2 到哪"


@pytest.mark.parametrize(("text", "yes"), [
    ("不扣就好 取消吧", True), ("没问题的话 就取消吧", False), ("可以 取消吧", True),
    ("ok no fee then, cancel it", True), ("great, cancel it please", False),
    ("不扣就好 先不取消了", False), ("ok but don't cancel it", False),
])
def test_cancel_said_again_after_taking_in_the_answer(text: str, yes: bool) -> None:
    assert bool(REPEATS_CANCEL(text)) is yes


@pytest.mark.parametrize(("label", "text"), [
    ("en", "the kettle order hasn't shipped yet right? can I change the address"),
    ("zh", "我下周搬家 水壶那单还没发货吧 能改个地址不"),
])
def test_an_address_change_asked_beside_has_it_shipped(api: Api, label: str,
                                                       text: str) -> None:
    result = say(api, f"addr-{label}", text)
    assert result.intent == "change_shipping_address", result.reply
    assert result.action is None or result.action.status != "executed"


@pytest.mark.parametrize(("label", "first", "yes", "then", "street"), [
    ("en", "please change the address of the kettle order to 12 Elm Road, Leeds",
     "yes", "the blender order too, same address", "12 Elm Road"),
    ("zh", "水壶那单地址改成 杭州市余杭区文一西路969号5号楼1203室", "对 改吧",
     "破壁机那单也一样 改到新地址", "文一西路969号"),
])
def test_the_same_new_address_for_another_order(api: Api, label: str, first: str, yes: str,
                                                then: str, street: str) -> None:
    assert say(api, f"same-{label}", first).action.status == "needs_confirmation"  # type: ignore[union-attr]
    assert say(api, f"same-{label}", yes).action.status == "executed"  # type: ignore[union-attr]
    result = say(api, f"same-{label}", then)
    assert result.action is not None and result.action.status == "needs_confirmation"
    assert result.action.params["order_id"] == "Q-5102"
    assert street in result.action.params["address"] and street in result.reply
