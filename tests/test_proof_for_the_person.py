"""Proof offered while a person has the matter ("I've still got the original post if
anyone needs proof", "箱子我还留着 面单也拍照了"): told for that person, no request of its
own, whatever the words make the classifier think of; a question beside it still asks.
Waiting for that person ("行，我等你们人工回复") is no new request for one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.assist import dialogue
from app.understanding import dialogue_cues as cue
from app.understanding.slots import Slots
from tests.conftest import demo_say
from tests.test_dialogue_misreadings import reading


@pytest.mark.parametrize(("text", "proof"), [
    ("I've still got the original post with the date on it if anyone needs proof", True),
    ("I still have a screenshot of the ad if your team wants it.", True),
    ("箱子我还留着 面单也拍照了", True),
    ("打来的号码我还留着 你们自己去查吧", True),
    ("ok. I'm keeping the box and the photos", True),
    ("I have two cats and a dog", False),
    ("我还没收到货", False),
    # the goods kept, or a feature that records: no proof
    ("行吧 规矩就是规矩 那我就留着用 保修有多久", False),
    ("录音唤宠能录多长 想录一句它的名字", False),
])
def test_proof_offered(text: str, proof: bool) -> None:
    assert bool(cue.offers_proof(text)) is proof


@pytest.mark.parametrize(("text", "read", "waiting", "read_after"), [
    ("I've still got the original post with the date on it if anyone needs proof",
     "get_invoice", True, "other"),
    ("箱子我还留着 面单也拍照了", "track_order", True, "other"),
    ("I still have a screenshot of the ad if your team wants it.", "review", True, "other"),
    # a question beside the proof asks it
    ("I still have the box, can I return it?", "check_refund_policy", True,
     "check_refund_policy"),
    # no person has the matter: the message is read as it is
    ("箱子我还留着 面单也拍照了", "track_order", False, "track_order"),
])
def test_proof_for_the_person_is_no_request(text: str, read: str, waiting: bool,
                                            read_after: str) -> None:
    r = reading(text, read, previous="complaint", slots=Slots())
    r.state.waiting_for_agent = waiting
    dialogue.read(r)
    assert r.u.intent == read_after


@pytest.mark.parametrize(("waits", "raised"), [
    ("行，我等你们人工回复", False), ("好 那我等人工客服回复", False),
    ("我不想等了 马上给我转人工", True)])
def test_waiting_for_the_person_raises_nothing_new(home: Path, waits: str, raised: bool) -> None:
    """Once a person has the conversation, waiting for them is no new request for one."""
    with sqlite3.connect(home / "kefu.db") as conn:
        (customer,) = conn.execute("SELECT id FROM customer WHERE language = 'zh' ORDER BY id"
                                   ).fetchone()
    first = demo_say(customer, "我要投诉 你们的快递员把我的包裹直接扔在楼道里了")
    assert first.decision == "handoff"
    then = demo_say(customer, waits)
    assert (then.decision == "handoff") is raised
