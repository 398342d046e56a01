"""An exchange or a replacement asked for ("can I get a replacement instead of a refund?",
"can I swap it when it arrives?", "能换个新的吗") is for a person: no action makes one and no
policy field says whether the shop swaps items, so the draft (the return offered, or the
returns policy) waits for an agent instead of being auto-sent as the whole answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("exchange")) as client:
        yield client


@pytest.mark.parametrize("first, then", [
    ("the toaster arrived dented, I want to return it",
     "can I get a replacement instead of a refund?"),
    ("where is my lamp?", "can I swap it when it arrives?"),
    ("多士炉到了 外壳有点凹", "能换个新的吗"),
])
def test_an_exchange_asked_for_waits_for_a_person(api: Api, first: str, then: str) -> None:
    label = f"exchange-{then}"
    say(api, label, first)
    asked = say(api, label, then)
    assert asked.intent in ("get_refund", "check_refund_policy", "change_order"), asked.intent
    assert asked.decision == "agent_review"


def test_the_return_policy_asked_alone_is_still_answered_at_once(api: Api) -> None:
    asked = say(api, "policy", "how much does a return cost?")
    assert asked.intent == "check_refund_policy" and asked.decision == "auto_send"
