"""Model numbers name items ("is the AirPure 3200 ok for 40 m²?", "S7和E5有啥区别"),
read from the store's own names and aliases; and a product question about a named item
is answered with the store's catalogue entry for it beside the article passage."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assist.service import assist_once
from app.store.catalogue import Catalogue
from app.store.importer import import_into
from app.store.product_attributes import product_words
from tests.api_helpers import Api, api_on_copy

PRODUCTS = [
    ("PUR-32", "Breeze 3200 Air Purifier", {"aliases": ["purifier", "3200"],
                                             "name_zh": "Breeze 3200 空气净化器"}),
    ("PUR-56", "Breeze 5600 Air Purifier", {"aliases": ["purifier"]}),
    ("VAC-S7", "RoboClean S7 Vacuum", {"aliases": ["robot vacuum", "扫地机"]}),
    ("VAC-E5", "RoboClean E5 Vacuum", {"aliases": ["robot vacuum", "扫地机"]}),
    ("LGT-60", "Beacon 60 Rear Light", {}),
]
CATALOGUE = Catalogue.build(product_words(pid, name, attrs) for pid, name, attrs in PRODUCTS)


@pytest.mark.parametrize(("text", "meant"), [
    ("is the Breeze 3200 ok for a 40 sqm room?", {"PUR-32"}),
    ("how loud is the breeze 5600", {"PUR-56"}),
    ("我家3200的灯变红了", {"PUR-32"}),  # the store's alias "3200"
    ("S7和E5有啥区别", {"VAC-S7", "VAC-E5"}),
    ("does the roboclean s7 do carpets?", {"VAC-S7"}),
    ("how bright is the beacon 60?", {"LGT-60"}),
])
def test_a_model_number_names_its_product(text: str, meant: set[str]) -> None:
    mention = CATALOGUE.find(text)
    assert mention is not None and set(mention.candidates()) == meant


@pytest.mark.parametrize("text", [
    "I waited 60 days for order 3201",  # a bare number of a name is anyone's number
    "need an invoice for 5600",  # not an alias: the number alone names nothing
    "my s8 arrived",
])
def test_other_numbers_name_nothing(text: str) -> None:
    assert CATALOGUE.find(text) is None


def test_a_size_written_the_chinese_way_is_a_variant() -> None:
    sizes = Catalogue.build([product_words("H-M", "Helmet M", {"size": "M", "aliases": ["头盔"]}),
                             product_words("H-L", "Helmet L", {"size": "L", "aliases": ["头盔"]})])
    mention = sizes.find("L码适合多大头围")
    assert mention is not None and set(mention.candidates()) == {"H-L"}
    assert sizes.find("我要 M 码的头盔") is not None
    assert sizes.find("5L的锅") is None  # a unit, no size


STORE = {
    "customers": [{"id": "M1", "name": "Mia Berg", "language": "en"}],
    "products": [
        {"id": "TP-1", "name": "Carbon Trekking Poles", "price": 89.0,
         "description": "Three-section carbon poles with flick locks.",
         "attributes": {"name_zh": "碳纤维登山杖", "aliases": ["trekking poles", "登山杖"],
                        "size": "105-135 cm"}},
        {"id": "HL-1", "name": "Headlamp 350", "price": 29.0,
         "description": "350-lumen rechargeable headlamp with red mode, IPX4.",
         "attributes": {"aliases": ["headlamp", "头灯"],
                        "description_zh": "350 流明充电头灯，带红光模式，IPX4 防泼溅。"}},
        *({"id": f"HL-{n}", "name": f"Headlamp {n}00", "price": 19.0,
           "description": f"{n}00-lumen headlamp on AAA batteries.",
           "attributes": {"aliases": ["headlamp"]}} for n in (2, 3)),
    ],
    "orders": [{"id": "W-1", "customer_id": "M1", "status": "delivered", "total": 29.0,
                "created_at": "2026-11-20T08:00:00Z", "delivered_at": "2026-11-24T08:00:00Z",
                "items": [{"product_id": "HL-1", "name": "Headlamp 350", "qty": 1,
                           "price": 29.0}]}],
}


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("codes")) as client:
        assert not import_into(client.runtime, STORE).rejected
        yield client


@pytest.mark.parametrize(("text", "facts"), [
    ("what length can the trekking poles be set to?", ["TP-1", "105-135 cm", "flick locks"]),
    ("登山杖能调多长", ["碳纤维登山杖", "105-135 cm"]),
    ("头灯防水吗", ["IPX4 防泼溅"]),  # the store's own Chinese description
])
def test_the_catalogue_entry_answers_beside_the_passage(api: Api, text: str,
                                                        facts: list[str]) -> None:
    result = assist_once(api.runtime, customer_id="M1", text=text, label=text).result
    assert result.intent == "product_question"
    for fact in facts:
        assert fact in result.reply, result.reply


def test_no_entry_for_a_question_that_names_no_item(api: Api) -> None:
    result = assist_once(api.runtime, customer_id="M1", text="how long does delivery take?",
                         label="plain").result
    assert "TP-1" not in result.reply and "HL-1" not in result.reply


def test_a_question_pointing_back_gets_the_entry_of_the_item_before(api: Api) -> None:
    first = assist_once(api.runtime, customer_id="M1", text="头灯防水吗", label="back").result
    assert "IPX4" in first.reply
    then = assist_once(api.runtime, customer_id="M1", text="它亮度有多少", label="back").result
    assert then.intent == "product_question"
    assert "350" in then.reply and "HL-1" in then.reply, then.reply


def test_the_item_of_the_order_in_hand_is_the_one_meant(api: Api) -> None:
    """Three headlamps answer to "headlamp": the one bought is the one asked about."""
    result = assist_once(api.runtime, customer_id="M1", label="bought",
                         text="is the headlamp I bought waterproof?").result
    assert "HL-1" in result.reply and "IPX4" in result.reply, result.reply
    assert "HL-2" not in result.reply and "HL-3" not in result.reply


def test_its_points_back_as_it_does(api: Api) -> None:
    assist_once(api.runtime, customer_id="M1", text="is the headlamp rechargeable?",
                label="its")
    then = assist_once(api.runtime, customer_id="M1", text="and how bright is its beam?",
                       label="its").result
    assert then.intent == "product_question" and "HL-1" in then.reply, then.reply
