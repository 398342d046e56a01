"""An order's new address in another country than its own is refused (the order was sold,
taxed and priced for its country), unless the store's policy allows it; an address that
does not say where it is stays the shopper's word. Where an address is, read from its
country's name, a postcode only one country writes, or a Chinese address's places."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.countries import country_name, country_of
from app.models import Order
from tests.conftest import get_policy, session_scope
from tests.pg import BOTH_DATABASES
from tests.test_actions_store import build_store, propose

pytestmark = BOTH_DATABASES


@pytest.fixture(autouse=True)
def _store(migrated_home: Path) -> None:
    build_store()


def _ship_to(oid: str, address: str) -> None:
    with session_scope(write=True) as session:
        row = session.get(Order, oid)
        assert row is not None
        row.shipping_address = address
        session.add(row)


@pytest.mark.parametrize("address, code", [
    ("27 Harcourt Street, Dublin 2, D02 H364, Ireland", "IE"),
    ("8 Camden Row, Dublin 8, D08 XY42", "IE"),
    ("14 Canal Street, Manchester M1 3HE", "GB"),
    ("12 Jalan Harmonium 3/4, 81100 Johor Bahru, Malaysia", "MY"),
    ("Blk 862 Tampines Avenue 5, #11-408, Singapore 520862", "SG"),
    ("九龙窝打老道128号嘉林阁3楼B室", "HK"),
    ("浙江省杭州市滨江区江南大道588号恒鑫大厦9楼", "CN"),
    ("Annenstraße 12, 8020 Graz", None),  # a town alone says no country
    ("12 Chinatown Lane, Springfield", None),
])
def test_where_an_address_is(address: str, code: str | None) -> None:
    assert country_of(address) == code


def test_a_country_is_named_in_the_replys_language() -> None:
    assert country_name("CN", "zh") == "中国大陆"
    assert country_name("GB", "en") == "the United Kingdom"


def test_a_new_address_abroad_is_refused() -> None:
    _ship_to("A100", "12 Rue de Rivoli, 75001 Paris, France")
    out = propose("change_shipping_address",
                  {"order_id": "A100", "address": "Annenstraße 12, 8020 Graz, Austria"})
    assert out.status == "blocked" and out.action_id is None and out.result is not None
    assert out.result["reason"] == "another_country"
    assert out.result["country"]["en"] == "France" and out.result["new_country"]["zh"] == "奥地利"


@pytest.mark.parametrize("new", ["88 Boulevard Haussmann, 75008 Paris, France",
                                 "Annenstraße 12, 8020 Graz"])
def test_the_same_country_or_an_unplaced_address_waits_for_the_yes(new: str) -> None:
    _ship_to("A100", "12 Rue de Rivoli, 75001 Paris, France")
    out = propose("change_shipping_address", {"order_id": "A100", "address": new})
    assert out.status == "needs_confirmation"


def test_a_store_may_allow_it() -> None:
    _ship_to("A100", "12 Rue de Rivoli, 75001 Paris, France")
    lenient = get_policy().model_copy(update={"address_change_abroad": True})
    out = propose("change_shipping_address",
                  {"order_id": "A100", "address": "Annenstraße 12, 8020 Graz, Austria"},
                  policy=lenient)
    assert out.status == "needs_confirmation"
