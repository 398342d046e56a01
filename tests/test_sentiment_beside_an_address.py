"""A message's mood is read without the address it gives: place names hold words that,
alone, read as anger ("湖坑镇洪坑村": "坑" is "a rip-off" in chat)."""

from __future__ import annotations

from app.assist.state import DialogueState
from app.assist.understand import understand
from app.understanding.intent import IntentPrediction
from tests.test_slots import FACTS


def _understood(text: str) -> bool:
    prediction = IntentPrediction(text=text, intent="change_shipping_address", confidence=0.8,
                                  language="zh", top=[("change_shipping_address", 0.8)])
    u = understand(text=text, prediction=prediction, history=[], orders=[],
                   state=DialogueState(), facts=FACTS)
    return u.sentiment.complaint


def test_a_place_name_in_the_address_is_no_complaint() -> None:
    text = ("恒温壶应该还没发货吧 想直接寄给我奶奶 地址：福建省龙岩市永定区湖坑镇洪坑村土楼路23号 "
            "收件人江秀英")
    assert _understood(text) is False


def test_the_same_word_outside_an_address_still_counts() -> None:
    assert _understood("你们这也太坑了 地址：福建省龙岩市永定区土楼路23号") is True
