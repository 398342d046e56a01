"""Which variant was ordered, asked of one's own order ("the kettle I ordered, is it the
teal one?", "水壶是青绿色的对吧 我记得我选的白色") is answered from the order's own line, as
"what colour was the jacket I bought" is; and a colour wanted ("那能换白色吗") is no
reference to another order that holds something of that colour."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.understanding import dialogue_cues as cue
from tests.api_helpers import Api
from tests.shop_k1 import iso, say, shop


def _line(oid: str, pid: str, name: str, status: str) -> dict:
    return {"id": oid, "customer_id": "K1", "status": status, "total": 80.0,
            "created_at": iso(5), "shipped_at": iso(2), "carrier": "Parcelo",
            "tracking_number": f"PX{oid[-4:]}", "items": [
                {"product_id": pid, "name": name, "qty": 1, "price": 80.0}]}


STORE = {
    "customers": [{"id": "K1", "name": "Kai Lam", "language": "en"}],
    "products": [
        {"id": "KT-GN", "name": "Glass Kettle Teal", "price": 80.0, "attributes": {
            "name_zh": "玻璃水壶 青绿色", "colour": "teal / 青绿色",
            "aliases": ["kettle", "水壶"]}},
        {"id": "KT-WH", "name": "Glass Kettle White", "price": 80.0, "attributes": {
            "name_zh": "玻璃水壶 白色", "colour": "white / 白色",
            "aliases": ["kettle", "水壶"]}},
        {"id": "VC-WH", "name": "Robot Vacuum White", "price": 80.0, "attributes": {
            "name_zh": "扫地机器人 白色", "colour": "white / 白色",
            "aliases": ["vacuum", "扫地机"]}},
    ],
    "orders": [_line("Q-7001", "KT-GN", "Glass Kettle Teal", "shipped"),
               _line("Q-7002", "VC-WH", "扫地机器人 白色", "shipped")],  # named as bought
}


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("variants"), STORE) as client:
        yield client


@pytest.mark.parametrize("text, asks", [
    ("the kettle I ordered, is it the teal one?", True),
    ("what colour did I order", True),
    ("the kettle, is it white? I wanted teal", True),
    ("水壶是青绿色的对吧 我记得我选的白色", True),
    ("我买的是什么颜色", True),
    ("这款有什么颜色", False),
    ("is it the same as the old one?", False),
    ("is it the right one?", False),
    ("I ordered a kettle, is it still coming?", False),
    ("我买的是白色的吗", True),
    ("我买的是正品吗", False),
    ("我那个滤芯是4片装的吧", True),
    ("我那个是正品吗", False),
    ("is that the gold rated one?", False),  # a product's rating
    ("my head is 55cm, did I get the right size?", False),  # whether it fits
])
def test_a_question_of_the_variant_ordered(text: str, asks: bool) -> None:
    assert bool(cue.asks_ordered_variant(text)) is asks


@pytest.mark.parametrize("text, first", [
    ("the kettle I ordered, is it the teal one?", "In order Q-7001 you have Glass Kettle Teal"),
    ("水壶是青绿色的对吧 我记得我选的白色", "您在订单 Q-7001 里买的是：Glass Kettle Teal"),
])
def test_the_variant_ordered_is_said_from_the_order(api: Api, text: str, first: str) -> None:
    asked = say(api, f"variant-{text}", text)
    assert asked.intent == "product_question"
    assert asked.reply.startswith(first), asked.reply


def test_a_colour_wanted_stays_on_the_order_discussed(api: Api) -> None:
    say(api, "wanted", "水壶到哪了")
    change = say(api, "wanted", "那能换白色吗")
    assert change.action is not None and change.action.params["order_id"] == "Q-7001"
