"""An order we cannot find, named in a request that still lacks its details (a change of
items with no items said): "I can't find order X", never an action that fails for the
details nobody asked about."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("unknown")) as client:
        yield client


@pytest.mark.parametrize("text", ["I need to change what's in order Q-9931, can you help?",
                                  "订单 Q-9931 里的东西我想改一下"])
def test_a_change_of_an_order_we_cannot_find(api: Api, text: str) -> None:
    result = say(api, text, text)
    assert result.action is not None and result.action.status == "blocked"
    assert "Q-9931" in result.reply and "went wrong" not in result.reply
