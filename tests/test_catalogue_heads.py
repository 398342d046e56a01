"""One item word alone names what it is the head of in the store's aliases: "净化器"
names the purifiers (the "桌面净化器" too), not the filters the store calls "净化器滤网";
with more words the narrowing by all of them decides as before."""

from __future__ import annotations

import pytest

from app.store.catalogue import Catalogue
from app.store.product_attributes import product_words

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
