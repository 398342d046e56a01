"""No yes is read into what is not one: "ok, fine. thanks!" after the answer to another
question leaves a cancellation proposed before it waiting, not done; "keep the order
please" (and "nee wacht") is a no; the cancel said again with its yes after it ("嗯嗯 那就
取消，确定") is the yes; a question after a change is made ("and what will postage be on
it?") or after a refund is opened ("after you refund it, how many days till it shows on
my card?") asks about it and makes no change again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist.answers import _says_it_again
from app.understanding.affirmation import find_affirmation
from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.fixture
def api(initialised_template: Path, tmp_path: Path) -> Iterator[Api]:
    with shop(initialised_template, tmp_path) as client:
        yield client


@pytest.mark.parametrize(("text", "answer"), [
    ("nee wacht, she just texted, she didn't buy one. laat maar, keep the order please!", "no"),
    ("keep the order then", "no"),
    ("can you keep the order details on file?", None),
])
def test_keeping_the_order_is_a_no(text: str, answer: str | None) -> None:
    assert find_affirmation(text) == answer


def test_the_cancel_said_again_with_its_yes() -> None:
    assert _says_it_again("cancel_order", "嗯嗯 那就取消，确定")
    assert not _says_it_again("cancel_order", "嗯嗯 那就取消，不确定")


def test_thanks_after_another_answer_is_no_yes(api: Api) -> None:
    asked = say(api, "c", "please cancel order Q-5101")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    other = say(api, "c", "oh and where is my blender order Q-5102?")
    assert other.intent == "track_order", other.reply
    thanks = say(api, "c", "ok, fine. thanks!")
    assert thanks.action is None or thanks.action.status != "executed", thanks.reply


def test_a_question_after_the_change_is_made(api: Api) -> None:
    say(api, "a", "please send order Q-5101 to 10 Collyer Quay, Singapore 049315 instead")
    done = say(api, "a", "yes")
    assert done.action is not None and done.action.status == "executed"
    asked = say(api, "a", "and what will postage be on it? it's only the kettle")
    assert asked.intent == "delivery_options", asked.reply
    assert asked.action is None


def test_a_question_after_the_refund_is_opened(api: Api) -> None:
    say(api, "r", "the toaster from Q-4990 arrived dented, I'd like to return it")
    opened = say(api, "r", "yes please")
    assert opened.action is not None and opened.action.status == "executed", opened.reply
    asked = say(api, "r", "paid by visa. after you refund it, how many days before it "
                          "appears on the card statement?")
    assert asked.intent == "track_refund", asked.reply


def test_thanks_after_a_product_answer_is_no_yes(api: Api) -> None:
    asked = say(api, "d", "please cancel order Q-5102")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    say(api, "d", "is the tower fan loud at night by the way?")
    thanks = say(api, "d", "ok, fine. thanks!")
    assert thanks.action is None or thanks.action.status != "executed", thanks.reply


def test_the_way_of_the_return_taken_is_its_yes() -> None:
    assert _says_it_again("get_refund", "那就按质量问题给我退 麻烦了亲")
    assert not _says_it_again("get_refund", "那就按原价退吗")
