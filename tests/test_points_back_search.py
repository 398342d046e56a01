"""A further question that points back at the item just asked about ("does it work with
5GHz wifi?") is searched with the shopper's words for that item: the robot's Wi-Fi line,
not another product's. "Its filter" is the filter of that item, and so is "the filter"
asked of right after it; a table of items answers by the row of the item asked about.
After an order, a question that names no item but points back at one is of the
order's items."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist.service import assist_once
from app.knowledge import ingest_paths
from app.store.importer import import_into
from tests.api_helpers import Api, api_on_copy

ROBOTS = """---
title: Orbit robot vacuums
layer: product
language: en
intents: [product_question]
---
# Orbit robot vacuums

## Suction
The Orbit R9 pulls 4000 Pa; the Orbit R3 pulls 2500 Pa.

## App and Wi-Fi
The Orbit R9 and R3 only join **2.4 GHz Wi-Fi** networks; split a combined router first.

## Running
On its quiet mode the Orbit R3 hums at 58 dB, about as loud as a conversation.
"""
FANS = """---
title: Zephyr smart fans
layer: product
language: en
intents: [product_question]
---
# Zephyr smart fans

## Smart home
The Zephyr Z2 fan works with 5 GHz and 2.4 GHz wifi, with voice assistants too.

## Noise
The Zephyr Z2 runs at 24 dB on its lowest speed.
"""
PURIFIERS = """---
title: Breeze purifiers
layer: product
language: en
intents: [product_question]
---
# Breeze purifiers

| Model | Sleep-mode noise | Filter | Room size |
| --- | --- | --- | --- |
| Breeze 100 | 20 dB | BF100, replace every 4 months | 8-13 m² |
| Breeze 300 | 22 dB | BF300, replace every 6 months | 28-48 m² |
| Breeze 500 | 24 dB | BF500, replace every 8 months | 42-70 m² |

## Which one?
A desk: the Breeze 100. A bedroom or a living room: the Breeze 300.
"""
STORE = {
    "customers": [{"id": "P1", "name": "Pat Lee", "language": "en"},
                  {"id": "P2", "name": "Sam Rowe", "language": "en"}],
    "products": [
        {"id": "R9", "name": "Orbit R9 Robot Vacuum", "price": 499.0,
         "attributes": {"aliases": ["robot vacuum", "orbit"]}},
        {"id": "R3", "name": "Orbit R3 Robot Vacuum", "price": 299.0,
         "attributes": {"aliases": ["robot vacuum", "orbit"]}},
        {"id": "Z2", "name": "Zephyr Z2 Smart Fan", "price": 129.0,
         "attributes": {"aliases": ["fan"]}},
        *({"id": f"B{n}", "name": f"Breeze {n}", "price": 99.0 + n,
           "attributes": {"aliases": ["purifier"]}} for n in (100, 300, 500)),
        *({"id": f"BF{n}", "name": f"BF{n} Filter", "price": 19.0,
           "attributes": {"aliases": ["filter"]}} for n in (100, 300, 500)),
    ],
    "orders": [{"id": "W-7", "customer_id": "P2", "status": "shipped", "total": 299.0,
                "created_at": "2026-11-20T08:00:00Z", "shipped_at": "2026-11-21T08:00:00Z",
                "carrier": "DHL", "tracking_number": "JD0001",
                "items": [{"product_id": "R3", "name": "Orbit R3 Robot Vacuum", "qty": 1,
                           "price": 299.0}]}],
}


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    folder = tmp_path_factory.mktemp("back")
    with api_on_copy(initialised_template, folder) as client:
        assert not import_into(client.runtime, STORE).rejected
        docs = folder / "kb"
        docs.mkdir()
        (docs / "robots.md").write_text(ROBOTS, encoding="utf-8")
        (docs / "fans.md").write_text(FANS, encoding="utf-8")
        (docs / "purifiers.md").write_text(PURIFIERS, encoding="utf-8")
        with client.runtime.session(write=True) as session:
            assert not ingest_paths(client.runtime, paths=[docs], session=session).errors
        yield client


def ask(api: Api, text: str, label: str, customer: str = "P1") -> str:
    result = assist_once(api.runtime, customer_id=customer, text=text, label=label).result
    assert result.intent == "product_question", (text, result.intent)
    return result.reply


def test_it_is_the_robot_just_asked_about(api: Api) -> None:
    assert "4000 Pa" in ask(api, "how strong is the suction of the Orbit R9?", "wifi")
    reply = ask(api, "does it work with 5GHz wifi?", "wifi")
    assert "only join" in reply and "Zephyr" not in reply, reply


def test_after_the_fan_it_is_the_fan(api: Api) -> None:
    assert "24 dB" in ask(api, "how loud is the Zephyr Z2 fan?", "fan")
    reply = ask(api, "does it work with 5GHz wifi?", "fan")
    assert "Zephyr Z2 fan works with 5 GHz" in reply and "Orbit" not in reply, reply


def test_the_row_of_the_item_asked_about(api: Api) -> None:
    assert "Breeze 300" in ask(api, "is the Breeze 300 ok for a 40 m² living room?", "rows")
    assert "22 dB" in ask(api, "how noisy is it at night?", "rows")
    reply = ask(api, "and how often do I change the filter?", "rows")
    assert "6 months" in reply and "8 months" not in reply, reply


def test_after_its_order_it_is_the_item_of_that_order(api: Api) -> None:
    """No question about an item before: "it" is the item of the order in hand."""
    tracked = assist_once(api.runtime, customer_id="P2", text="where is order W-7?",
                          label="order").result
    assert tracked.intent == "track_order" and "JD0001" in tracked.reply
    reply = ask(api, "how noisy is it at night?", "order", customer="P2")
    assert reply.startswith("On its quiet mode the Orbit R3"), reply
