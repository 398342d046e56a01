"""How Hong Kong and Singapore shoppers write: "ok can" is a yes; an address with a
block, a numbered street and a unit number ("Blk 123 Bedok North St 2, #08-12,
Singapore 460123") is kept whole, and its unit number is no order number."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.models._common import OrderStatus
from app.store.catalogue import Catalogue
from app.store.connector import ItemSnapshot, OrderSnapshot
from app.store.id_shapes import IdShapes, learn
from app.store.store_facts import StoreFacts
from app.understanding.slot_addresses import find_address
from app.understanding.slot_cues import find_affirmation
from app.understanding.slots import extract_slots


@pytest.mark.parametrize(("text", "answer"), [
    ("ok can", "yes"), ("can", "yes"), ("can lah", "yes"), ("yes can", "yes"),
    ("can you check again", None), ("can i return it", None), ("cannot", None),
])
def test_can_is_a_yes(text: str, answer: str | None) -> None:
    assert find_affirmation(text) == answer


@pytest.mark.parametrize(("text", "address"), [
    ("change the address to Blk 123 Bedok North St 2, #08-12, Singapore 460123",
     "Blk 123 Bedok North St 2, #08-12, Singapore 460123"),
    ("ship it to #11-07, 45 Jurong West Street 42, Singapore 640045 please",
     "#11-07, 45 Jurong West Street 42, Singapore 640045"),
    ("new address: Flat 5B, 23 Conduit Road, Mid-Levels", "Flat 5B, 23 Conduit Road, Mid-Levels"),
    ("send it to 12 Main St, Springfield, IL 62704", "12 Main St, Springfield, IL 62704"),
    ("address to Blk 210 Toa Payoh Lorong 8, #11-04, Singapore 310210",
     "Blk 210 Toa Payoh Lorong 8, #11-04, Singapore 310210"),
])
def test_the_whole_address(text: str, address: str) -> None:
    found = find_address(text)
    assert found is not None and found[0] == address


def test_a_unit_number_is_no_order_number() -> None:
    order = OrderSnapshot(
        id="4425", customer_id="SG-1", status=OrderStatus.pending,
        created_at=datetime(2026, 11, 28, 10, tzinfo=UTC), total=59.9, currency="SGD",
        items=(ItemSnapshot(line=0, product_id="STM", name="Garment Steamer", qty=1,
                            price=59.9),))
    facts = StoreFacts(Catalogue(), IdShapes(tuple(learn(["4425", "4431", "4437", "4402"]))))
    s = extract_slots(
        text="can i change the address for my order to Blk 123 Bedok North St 2, #08-12, "
             "Singapore 460123", language="en", orders=[order], history=[], previous=None,
        intent="change_shipping_address", facts=facts)
    assert s.order_mention is None
    assert s.address is not None and "#08-12" in s.address


@pytest.mark.parametrize(("text", "address"), [
    ("can the dryer go to my office instead? 8 Marina View, #32-01, Asia Square Tower 1, "
     "Singapore 018960", "8 Marina View, #32-01, Asia Square Tower 1, Singapore 018960"),
    ("send it to 41 Dennistoun Road, thanks, Order 12345", "41 Dennistoun Road"),
])
def test_the_parts_on_to_a_postcode_a_few_commas_on(text: str, address: str) -> None:
    from app.understanding.slot_addresses import find_address

    assert find_address(text)[0] == address


@pytest.mark.parametrize(("text", "units"), [
    ("deliver to unit #03-11, 50 Jalan Bukit Merah, 159460", ["#03-11"]),
    ("Blk 5 Marsiling Dr #12-301 please", ["#12-301"]),
    ("order #12-345 please", []),  # no block, no Singapore, no postcode: maybe an order
    # a unit spoken of: every floor-unit number of the message
    ("oops sorry, unit is #23-01 not #32-01. same building", ["#23-01", "#32-01"]),
])
def test_a_unit_number_is_known_whatever_address_is_read(text: str, units: list[str]) -> None:
    from app.understanding.slot_addresses import unit_numbers

    assert unit_numbers(text) == units
