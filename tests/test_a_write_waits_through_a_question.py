"""A write proposed waits through a question about the warranty of another item ("before
I say yes - if the light dies in a year, is that covered?"): the reply offers a person
for a claim, and the write asked for again by its item ("ok, return the tape") is the
yes to it, and what it pays, asked next, is that refund's; another item named is no yes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store.importer import import_into
from tests.api_helpers import Api, api_on_home
from tests.shop_k1 import iso, say

DELIVERED = {"id": "Q-7001", "customer_id": "K1", "status": "delivered", "total": 100.0,
             "created_at": iso(8), "shipped_at": iso(6), "delivered_at": iso(3),
             "items": [{"product_id": "TP", "name": "Bar Tape", "qty": 1, "price": 20.0},
                       {"product_id": "LT", "name": "Front Light", "qty": 1, "price": 80.0}]}
STORE = {
    "customers": [{"id": "K1", "name": "Kai Lam", "language": "en"}],
    "products": [{"id": "TP", "name": "Bar Tape", "price": 20.0,
                  "attributes": {"aliases": ["tape", "bar tape"]}},
                 {"id": "LT", "name": "Front Light", "price": 80.0,
                  "attributes": {"aliases": ["light", "front light"]}}],
    "orders": [DELIVERED],
}


@pytest.fixture
def api(initialised_template: Path, tmp_path: Path) -> Iterator[Api]:
    home = tmp_path / "home"
    shutil.copytree(initialised_template, home)
    policy = json.loads((home / "policy.json").read_text(encoding="utf-8"))
    (home / "policy.json").write_text(json.dumps(policy | {"warranty_months": 24}),
                                      encoding="utf-8")
    with api_on_home(home=home, database_url=None) as client:
        assert not import_into(client.runtime, STORE).rejected
        yield client


def _propose_and_ask(api: Api) -> None:
    first = say(api, "w", "I'm keeping the front light but the bar tape looks cheap. Can I "
                          "return only the tape?")
    assert first.action is not None and first.action.status == "needs_confirmation"
    asked = say(api, "w", "before I say yes - if the front light dies in a year, is that covered?")
    assert "24" in asked.reply
    assert asked.action is None or asked.action.status != "executed"


def test_the_write_asked_for_again_is_its_yes(api: Api) -> None:
    _propose_and_ask(api)
    done = say(api, "w", "good to know. ok, return the tape")
    assert done.action is not None and done.action.name == "get_refund"
    assert done.action.status == "executed"
    assert [i["product_id"] for i in done.action.params["items"]] == ["TP"]
    # what the return just opened pays, asked next: that refund looked up
    paid = say(api, "w", "how much will I get back for it?")
    assert paid.intent == "track_refund", paid.reply


def test_another_item_named_is_no_yes(api: Api) -> None:
    _propose_and_ask(api)
    other = say(api, "w", "ok, return the light")
    # the light's return is a request of its own, proposed for its own yes
    assert other.action is not None and other.action.status == "needs_confirmation"
    assert [i["product_id"] for i in other.action.params["items"]] == ["LT"]


@pytest.fixture
def moving(initialised_template: Path, tmp_path: Path) -> Iterator[Api]:
    home = tmp_path / "moving"
    shutil.copytree(initialised_template, home)
    paid = DELIVERED | {"id": "Q-7002", "status": "paid", "shipped_at": None,
                        "delivered_at": None, "created_at": iso(1)}
    with api_on_home(home=home, database_url=None) as client:
        assert not import_into(client.runtime, STORE | {"orders": [paid]}).rejected
        yield client


def test_the_write_waits_through_a_question_the_bot_cannot_answer(moving: Api) -> None:
    # the reply to the aside offers a person; the address named again is the yes to the
    # change still waiting, not to the person
    first = say(moving, "m", "could order Q-7002 go to Rose Cottage, Mill Lane, Holt NR25 6AB "
                             "instead? we're there for a fortnight")
    assert first.action is not None and first.action.status == "needs_confirmation"
    say(moving, "m", "what's the weather like in Holt on Saturday?")
    done = say(moving, "m", "Lovely, yes send it to the cottage")
    assert done.intent == "change_shipping_address" and done.ticket_id is None
    assert done.action is not None and done.action.status == "executed", done.reply
