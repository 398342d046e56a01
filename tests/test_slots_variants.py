"""An item named by its variant alone, after a message that named its kind: "can I
return the blue mug?" then "and the black one?" is the black mug."""

from __future__ import annotations

from app.understanding.slots import extract_slots
from tests.test_slots import CATALOGUE, EN, FACTS, NAME_TO_PRODUCT, ZH

BLACK_MUG = NAME_TO_PRODUCT["Ceramic Mug 350 ml — Black"]


def test_the_kind_comes_from_the_message_before() -> None:
    mention = CATALOGUE.find_after("and the black one?", "can I return the blue mug?")
    assert mention is not None and mention.candidates() == {BLACK_MUG}
    alone = CATALOGUE.find("and the black one?")  # alone: whatever else is black
    assert alone is not None and alone.candidates() != {BLACK_MUG}


def test_the_variant_finds_the_order_holding_that_item() -> None:
    slots = extract_slots(text="and the black one?", language="en", orders=EN, facts=FACTS,
                          history=["can I return the blue mug?"])
    assert slots.order_id == "A10023" and slots.item_products == [BLACK_MUG]
    zh = extract_slots(text="那黑色的呢", language="zh", orders=ZH, facts=FACTS,
                       history=["蓝色的杯子能退吗"])
    assert zh.order_id == "B20000"


def test_a_kind_named_again_is_taken_as_said() -> None:
    slots = extract_slots(text="the black t-shirt", language="en", orders=EN, facts=FACTS,
                          history=["can I return the blue mug?"])
    assert NAME_TO_PRODUCT["Ceramic Mug 350 ml — Black"] not in slots.item_products
