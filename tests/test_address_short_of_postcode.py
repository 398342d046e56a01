"""A new address measured against the addresses on record: one that stops at the town
where the order's address has a postcode is finished before it is proposed ("27
Glenfield Road, Paisley", then "postcode's PA2 8PE"); the start of the shopper's own
address is that address whole; a shop whose addresses carry no postcode is never asked
for one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.understanding.affirmation import find_affirmation
from app.understanding.postcodes import lacks_the_postcode, postcode_alone, postcode_in
from tests.conftest import demo_say


@pytest.mark.parametrize(("address", "postcode"), [
    ("2/1, 58 Hyndland Road, Glasgow G12 9UX", "G12 9UX"),
    ("#12-04, 21 Holland Grove Road, Singapore 278803", "278803"),
    ("Rue Gray 168, 1050 Ixelles", "1050"),
    ("Route des Gorges, 07150 Vallon-Pont-d'Arc", "07150"),
    ("4410 Alder Creek Rd, Boise, ID 83702", "83702"),
    ("27 Harcourt Street, Dublin 2, D02 H364, Ireland", "D02 H364"),
    ("Rua Augusta 201, 1100-053 Lisboa", "1100-053"),
    ("Keizersgracht 221, 1016 DV Amsterdam", "1016 DV"),
    ("14 Cranbrook Road, bristol bs6 7bs", "BS6 7BS"),
    # house numbers, units and Chinese street numbers are none
    ("27 Glenfield Road, Paisley", None),
    ("Avenue Louise 231", None),
    ("Blk 321 Ghim Moh Link", None),
    ("Flat 8D, 100 Caine Road, Mid-Levels, Hong Kong", None),
    ("上海市长宁区延安西路1088号长峰中心22楼", None),
    ("北京市朝阳区望京街10号望京SOHO T1-1503", None),
])
def test_the_postcode_an_address_names(address: str, postcode: str | None) -> None:
    assert postcode_in(address) == postcode


def test_only_an_order_with_a_postcode_wants_one() -> None:
    assert lacks_the_postcode("14 Elm Grove, Wymondham", "3 Marsh Lane, Norwich NR13 6AB")
    assert not lacks_the_postcode("14 Elm Grove, Wymondham, NR18 0JT",
                                  "3 Marsh Lane, Norwich NR13 6AB")
    # Hong Kong has no postcodes: its addresses are whole without one
    assert not lacks_the_postcode("8 Cha Kwo Ling Road, Kwun Tong",
                                  "Flat 8D, 100 Caine Road, Mid-Levels, Hong Kong")
    assert not lacks_the_postcode("14 Elm Grove, Wymondham", None)


@pytest.mark.parametrize(("text", "postcode"), [
    ("Oh aye sorry, postcode's PA2 8PE", "PA2 8PE"),
    ("Sorry! It's NR18 0JT", "NR18 0JT"),
    ("278803", "278803"),
    ("the postcode is 1050", "1050"),
    ("order 4410 please", None),  # digits alone, not called a postcode: an order
    ("thanks a lot", None),
])
def test_a_postcode_said_on_its_own(text: str, postcode: str | None) -> None:
    assert postcode_alone(text) == postcode


@pytest.mark.parametrize(("text", "yes"), [
    ("That's it 👌", True), ("that's it!", True),
    ("that's it for today, thanks", False),
])
def test_thats_it_alone_is_a_yes(text: str, yes: bool) -> None:
    assert (find_affirmation(text) == "yes") is yes


def _pending_order(home: Path, address: str, default: str | None = None) -> tuple[str, str]:
    """A pending order of the demo store, shipping to ``address`` (its customer's default
    address ``default``)."""
    with sqlite3.connect(home / "kefu.db") as conn:
        oid, customer = conn.execute('SELECT id, customer_id FROM "order" WHERE status = '
                                     "'pending' ORDER BY id").fetchone()
        conn.execute('UPDATE "order" SET shipping_address = ? WHERE id = ?', (address, oid))
        if default is not None:
            conn.execute("UPDATE customer SET default_address = ? WHERE id = ?",
                         (default, customer))
    return oid, customer


def test_an_address_short_of_its_postcode_is_finished_first(home: Path) -> None:
    oid, customer = _pending_order(home, "Fairweather Kennels, 3 Marsh Lane, Norwich NR13 6AB")
    asked = demo_say(customer, f"could {oid} go to my sister's instead? 14 Elm Grove, Wymondham")
    assert asked.intent == "change_shipping_address"
    assert asked.action is None  # nothing proposed yet
    assert "postcode" in asked.reply and "14 Elm Grove, Wymondham" in asked.reply
    assert oid in asked.reply
    assert "address" not in asked.asked_for  # the rest of it, not the address again
    given = demo_say(customer, "Sorry! It's NR18 0JT")
    assert given.action is not None and given.action.status == "needs_confirmation"
    assert given.action.params["address"] == "14 Elm Grove, Wymondham, NR18 0JT"
    done = demo_say(customer, "That's it 👌")
    assert done.action is not None and done.action.status == "executed"


def test_an_address_with_its_postcode_is_proposed_at_once(home: Path) -> None:
    oid, customer = _pending_order(home, "3 Marsh Lane, Norwich NR13 6AB")
    asked = demo_say(customer, f"could {oid} go to 14 Elm Grove, Wymondham NR18 0JT instead?")
    assert asked.action is not None and asked.action.status == "needs_confirmation"


def test_where_addresses_have_no_postcode_none_is_asked(home: Path) -> None:
    oid, customer = _pending_order(home, "Flat 8D, 100 Caine Road, Mid-Levels, Hong Kong")
    asked = demo_say(customer, f"please send {oid} to 8 Cha Kwo Ling Road, Kwun Tong instead")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert asked.action.params["address"] == "8 Cha Kwo Ling Road, Kwun Tong"


def test_back_to_my_own_address_is_the_accounts_address(home: Path) -> None:
    own = "Avenue Louise 231, 1050 Ixelles, Belgium"
    oid, customer = _pending_order(home, "Rue du Bailli 19, 1050 Ixelles", default=own)
    asked = demo_say(customer, f"can you switch {oid} back to my own address, Avenue Louise 231?")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert asked.action.params["address"] == own


def test_a_postcode_past_where_the_address_was_read_still_counts(home: Path) -> None:
    oid, customer = _pending_order(home, "#09-11, 15 Bukit Timah Link, Singapore 588110")
    asked = demo_say(customer, f"my order {oid} haven't pay yet. wanna send to my office instead "
                           "lah — 10 Anson Road, #21-05 International Plaza, Singapore 079903.")
    assert asked.action is not None and asked.action.status == "needs_confirmation"


def test_an_address_in_chinese_is_not_measured_by_a_postcode() -> None:
    assert not lacks_the_postcode("大连市沙河口区西安路88号2单元1201",
                                  "4410 Alder Creek Rd, Boise, ID 83702")


def test_an_address_in_another_country_is_measured_by_its_own_ways() -> None:
    # Hong Kong writes no postcodes: an order that had one is no measure of it
    assert not lacks_the_postcode("12 Nathan Road, Kowloon, Hong Kong",
                                  "4410 Alder Creek Rd, Boise, ID 83702")
