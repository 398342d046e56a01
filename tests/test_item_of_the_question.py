"""The item a where-question names picks the order, not one named in a remark beside it:
"Where exactly is my lamp right now? I want to know before they 'deliver' it the way they
delivered my yoga mat" is about the lamp's order."""

from __future__ import annotations

from app.understanding.dialogue_cues import asks_where
from tests.test_slots import PAIR, slots


def test_the_item_of_the_where_question_picks_the_order() -> None:
    text = ("Where exactly is my lamp right now? I want to know before the courier 'delivers' "
            "it the way they delivered my yoga mat.")
    assert slots(text, PAIR).order_id == "A20001"


def test_both_items_in_the_question_stay_for_the_shopper_to_pick() -> None:
    text = "Where are my lamp and my yoga mat? Thanks."
    s = slots(text, PAIR)
    assert s.order_id is None and set(s.order_candidates) == {"A20001", "A20002"}


def test_where_exactly_asks_where() -> None:
    assert asks_where("Where exactly is my lamp right now?")
