"""A question about an item that the classifier reads as out of scope ("how loud is it on
the lowest setting?") is a question about the product when it names one of the store's
products, or right after one of the shopper's orders was discussed, whose item "it" can
only be: never "Sorry, I can't help with that" with a person offered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("itemq")) as client:
        yield client


@pytest.mark.parametrize("first, then", [
    ("where is my tower fan?", "how loud is it on the lowest setting"),
    ("where is my desk lamp?", "how bright is it"),
    ("where is my kettle?", "how loud is it when boiling"),
    ("where is my tower fan?", "how loud is the tower fan on the lowest setting"),
])
def test_a_question_of_the_item_after_its_order_is_about_the_product(
        api: Api, first: str, then: str) -> None:
    label = f"itemq-{then}"
    assert say(api, label, first).intent == "track_order"
    asked = say(api, label, then)
    assert asked.intent == "product_question", (asked.intent, asked.reply)
    assert "can't help" not in asked.reply and "帮不上" not in asked.reply


def test_the_same_words_after_a_delivery_question_stay_about_the_delivery(api: Api) -> None:
    say(api, "itemq-d", "where is my tower fan?")
    asked = say(api, "itemq-d", "how long will it take to get here?")
    assert asked.intent != "product_question"


@pytest.mark.parametrize("first, price", [
    ("do you sell the steel toaster on its own?", "how much?"),
    ("多士炉单独能买吗", "多少钱"),
])
def test_how_much_after_a_product_question_is_its_price(api: Api, first: str, price: str) -> None:
    label = f"price-{price}"
    assert say(api, label, first).intent == "product_question"
    asked = say(api, label, price)
    assert asked.intent == "product_question" and "50.00" in asked.reply, asked.reply
