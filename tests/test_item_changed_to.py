"""One item of an order changed to another product named: "change the lamp to the yoga
mat" puts the mat in the lamp's line; a quantity or a thing not sold is no product swap."""

from __future__ import annotations

from app.store.connector import ItemSnapshot
from app.understanding.item_replaced import replaced
from tests.test_slots import CATALOGUE

LINES = [ItemSnapshot(line=1, product_id="P-LAMP", name="LED Desk Lamp — White", qty=1,
                      price=20.0),
         ItemSnapshot(line=2, product_id="P-SOCK", name="Wool Socks", qty=2, price=5.0)]


def _products(text: str) -> list[str] | None:
    new = replaced(text, LINES, CATALOGUE)
    return None if new is None else sorted(line.product_id for line in new)


def test_an_item_changed_to_a_product_named() -> None:
    text = ("Our aircon broke, so I need the mat more than the lamp. Please change the lamp "
            "to the yoga mat.")
    assert _products(text) == ["P-MAT", "P-SOCK"]


def test_a_quantity_or_a_thing_not_sold_is_no_swap() -> None:
    assert _products("change the socks to 3 pairs") is None
    assert _products("please change the lamp to the other address") is None
