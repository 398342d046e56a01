"""Where a pasted number came from ("copied it from my bank statement", "付款记录里复制出来的")
tells what the number is, not what is asked: the request is read without it, so a
payment record named as the number's source is no request for an invoice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist.dialogue.followups import answers_the_question
from app.assist.dialogue.reading import Reading
from app.assist.state import DialogueState
from app.assist.understand import Understanding
from app.store.connector import CONNECTORS
from app.understanding.payment_cues import without_where_it_came_from
from app.understanding.sentiment import analyze_sentiment
from app.understanding.slots import Slots
from app.understanding.social import new_topic
from tests.api_helpers import Api, api_on_copy


@pytest.mark.parametrize(("text", "rest"), [
    ("帮我查一下这个 4200002611181937468820455123 付款记录里复制出来的",
     "帮我查一下这个 4200002611181937468820455123"),
    ("can you check this one 42000026111819374 copied it from my bank statement",
     "can you check this one 42000026111819374"),
    ("这是支付宝账单里复制的 4200002611 能查吗", "4200002611 能查吗"),
    ("I was charged twice, see my bank statement", None),  # the statement is the matter
    ("付款记录里显示扣了两次", None),
    ("copied it from my bank statement", None),  # nothing else said: left as it is
])
def test_the_source_of_a_number_is_set_aside(text: str, rest: str | None) -> None:
    assert without_where_it_came_from(text) == rest


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("sources")) as client:
        yield client


def test_a_transaction_number_then_the_order_number(api: Api) -> None:
    with api.runtime.session() as session:
        own = CONNECTORS["sql"](session=session).list_orders("C001")[0].id
    conv = api.start()
    first = api.say(conv, "can you check this one 4200002611181937468820455123, "
                          "copied it from my bank statement")["result"]
    assert first["intent"] == "track_order"  # no invoice asked for
    assert first["action"] is None or first["action"]["status"] != "executed"
    then = api.say(conv, f"oh not that one, try {own}")["result"]
    assert then["intent"] == "track_order" and own in then["reply"]


@pytest.mark.parametrize("turned", [False, True])
def test_a_topic_turned_at_the_start_answers_no_question(turned: bool) -> None:
    """"另外 X那单…要几个工作日" after "which order?": the pipeline reads the text after
    "另外", and the turn it took still tells the rules the question is a new one."""
    state = DialogueState(intent="get_invoice", awaiting=["order_id"], turn=1)
    slots = Slots(order_id="SO-1", order_source="message", order_mention="SO-1")
    u = Understanding(language="zh", intent="delivery_period", intent_confidence=0.8,
                      sentiment=analyze_sentiment("", "zh"), slots=slots)
    text = "SO-1那单已经付款了 寄到南京大概要几个工作日"
    assert answers_the_question(Reading(u, text, state, [], turned_topic=turned)) is not turned


def test_besides_turns_the_topic() -> None:
    assert new_topic("另外 坐垫那单寄到南京要几天") == "坐垫那单寄到南京要几天"
