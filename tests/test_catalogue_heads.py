"""One item word alone names what it is the head of in the store's aliases: "净化器"
names the purifiers (the "桌面净化器" too), not the filters the store calls "净化器滤网";
with more words the narrowing by all of them decides as before."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.models._common import OrderStatus
from app.store.catalogue import Catalogue
from app.store.connector import ItemSnapshot, OrderSnapshot
from app.store.product_attributes import product_words
from app.understanding.item_changes import new_contents

CATALOGUE = Catalogue.build(product_words(pid, name, attrs) for pid, name, attrs in [
    ("PUR", "Breeze Purifier", {"aliases": ["purifier", "air purifier", "净化器"]}),
    ("MINI", "Breeze Mini", {"aliases": ["desk purifier", "桌面净化器"]}),
    ("FLT", "Breeze Filter", {"aliases": ["purifier filter", "净化器滤网", "滤网"]}),
    ("FAN", "Gale Fan", {"aliases": ["fan"]}),
])


@pytest.mark.parametrize(("text", "meant"), [
    ("my purifier smells burnt", {"PUR", "MINI"}),
    ("净化器坏了", {"PUR", "MINI"}),
    ("the purifier filter is red", {"FLT"}),
    ("净化器滤网多久换", {"FLT"}),
    ("滤网多少钱", {"FLT"}),
    ("is the fan quiet", {"FAN"}),
])
def test_one_word_names_what_it_is_the_head_of(text: str, meant: set[str]) -> None:
    mention = CATALOGUE.find(text)
    assert mention is not None and set(mention.candidates()) == meant


BIKE_SHOP = Catalogue.build(product_words(pid, name, attrs) for pid, name, attrs in [
    ("GRAVEL", "Gravel Bike", {"aliases": ["gravel bike", "bike"]}),
    ("LOCK", "U-Lock", {"aliases": ["bike lock"]}),
    ("COMP", "Bike Computer", {"aliases": ["bike computer"]}),
    ("TAPE", "Bar Tape", {"aliases": ["handlebar tape", "bar tape"]}),
])


@pytest.mark.parametrize(("text", "things"), [
    # each thing named apart: "the bike" beside the tape is the bike, not every "bike …"
    ("the handlebar tape is still sealed, I never re-taped the bike. can I send it back?",
     [{"TAPE"}, {"GRAVEL"}]),
    ("my bike lock and the bike computer", [{"LOCK"}, {"COMP"}]),
])
def test_a_word_alone_beside_another_thing_names_its_head(
        text: str, things: list[set[str]]) -> None:
    mention = BIKE_SHOP.find(text)
    assert mention is not None
    assert sorted(map(sorted, mention.things)) == sorted(map(sorted, things))


KITCHEN = [("BLD", "High-speed Blender 1.2L", {"aliases": ["blender"]}),
           ("RCK", "IH Rice Cooker 4L", {"aliases": ["rice cooker", "电饭煲"],
                                         "name_zh": "IH 电饭煲 4L"}),
           ("POT", "IH Rice Cooker 4L Inner Pot", {"aliases": ["inner pot", "内胆"],
                                                   "name_zh": "IH 电饭煲 4L 内胆"})]
KITCHEN_SHOP = Catalogue.build(product_words(pid, name, attrs) for pid, name, attrs in KITCHEN)


@pytest.mark.parametrize(("text", "meant"), [
    # what a product is comes last in its name: the cooker, not the cooker's inner pot
    ("could you swap it for the IH rice cooker 4L instead?", {"RCK"}),
    ("the IH rice cooker 4L inner pot", {"POT"}),
])
def test_many_words_name_the_product_they_are_the_head_of(text: str, meant: set[str]) -> None:
    mention = KITCHEN_SHOP.find(text)
    assert mention is not None and set(mention.candidates()) == meant


def test_it_swapped_for_another_product_is_the_orders_one_line() -> None:
    order = OrderSnapshot(id="Q-1", customer_id="K1", status=OrderStatus.pending,
                          created_at=datetime.now(UTC), total=709.0, currency="HKD",
                          items=(ItemSnapshot(product_id="BLD", name="High-speed Blender 1.2L",
                                              qty=1, price=709.0, line=1),))
    said = ("The blender on my unpaid order - could you swap it for the IH rice cooker 4L "
            "instead? Our old cooker finally gave up this morning.")
    found = new_contents(said, order, KITCHEN_SHOP, KITCHEN_SHOP.find(said), None)
    assert found is not None and [(n.product_id, n.qty) for n in found] == [("RCK", 1)]
