"""An order is not redirected to a country the store does not deliver to (the policy's
``ships_to``; a store that names none refuses none); an address that does not say where
it is stays the shopper's word. Where an address is, read from its country's name, a
postcode only one country writes, or a Chinese address's places."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.countries import country_name, country_of
from tests.conftest import get_policy
from tests.pg import BOTH_DATABASES
from tests.test_actions_store import build_store, propose

pytestmark = BOTH_DATABASES


@pytest.fixture(autouse=True)
def _store(migrated_home: Path) -> None:
    build_store()


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


def test_a_country_the_store_does_not_deliver_to_is_refused() -> None:
    out = propose("change_shipping_address",
                  {"order_id": "A100", "address": "14 Canal Street, Manchester M1 3HE"},
                  policy=get_policy().model_copy(update={"ships_to": ("FR", "DE", "IE")}))
    assert out.status == "blocked" and out.action_id is None and out.result is not None
    assert out.result["reason"] == "not_delivered_there"
    assert out.result["country"] == {"en": "the United Kingdom", "zh": "英国"}


@pytest.mark.parametrize(("address", "ships_to"), [
    ("8 Camden Row, Dublin 8, D08 XY42", ("FR", "IE")),  # delivered there
    ("Annenstraße 12, 8020 Graz", ("FR",)),  # says no country: the shopper's word
    ("14 Canal Street, Manchester M1 3HE", ()),  # the store names no countries
])
def test_otherwise_the_change_waits_for_the_yes(address: str, ships_to: tuple[str, ...]) -> None:
    out = propose("change_shipping_address", {"order_id": "A100", "address": address},
                  policy=get_policy().model_copy(update={"ships_to": ships_to}))
    assert out.status == "needs_confirmation"


def test_a_refused_status_is_said_before_the_country() -> None:
    out = propose("change_shipping_address",
                  {"order_id": "A102", "address": "14 Canal Street, Manchester M1 3HE"},
                  policy=get_policy().model_copy(update={"ships_to": ("FR",)}))
    assert out.result is not None and out.result["reason"] == "status_not_allowed"
