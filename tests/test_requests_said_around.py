"""A request said around other words: the cancellation asked once the fee is known ("不扣钱
的话那就帮我取消掉吧"), "别取消" said last, an answer with thanks after it ("那行 取消吧 麻烦你
了"), how an invoice arrives, "the order that hasn't shipped" as a name for an order, a
courier asked of an ordered item (the order's tracking, not a product question), a part
come off, a yes with a condition of how it is done, the shipping of a purchase supposed,
an order named by what it cost, a parcel to stop, a neighbour to leave it with, the money
back asked for a fault."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.models._common import OrderStatus
from app.store.connector import OrderSnapshot
from app.understanding import dialogue_cues as cue
from app.understanding.affirmation import find_affirmation
from app.understanding.carriers import names_a_carrier
from app.understanding.closings import closes_with_a_remark
from app.understanding.item_changes import takes_out_of_order
from app.understanding.order_total import by_total
from app.understanding.return_reasons import find_return_reason
from app.understanding.yes_terms import adds_a_wish
from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.fixture
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("around")) as client:
        yield client


def test_the_cancellation_asked_once_the_fee_is_known(api: Api) -> None:
    fee = say(api, "free", "电水壶那单现在取消要扣手续费吗")
    assert fee.intent == "check_cancellation_fee" and fee.action is None
    asked = say(api, "free", "不扣钱的话那就帮我取消掉吧")
    assert asked.intent == "cancel_order" and asked.action is not None
    assert asked.action.status == "needs_confirmation" and "Q-5101" in asked.reply
    done = say(api, "free", "那行 取消吧 麻烦你了")
    assert done.action is not None and done.action.status == "executed"


def test_dont_cancel_said_last_keeps_the_order(api: Api) -> None:
    asked = say(api, "keep", "电水壶那单帮我取消了吧 好像买重了")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    kept = say(api, "keep", "等下等下 刚翻了柜子 之前那个早坏了 还是要的 别取消")
    assert kept.action is not None and kept.action.status == "blocked"
    assert find_affirmation("还是要的 别取消") == "no"


@pytest.mark.parametrize(("text", "how"), [
    ("开好的发票是发我邮箱 还是要我自己去账户里下载？", True),
    ("will it be emailed to me or do I download it?", True),
    ("发票开好了吗", False),
])
def test_how_an_invoice_arrives(text: str, how: bool) -> None:
    assert bool(cue.asks_how_it_comes(text)) is how


def test_the_order_that_has_not_shipped_names_an_order() -> None:
    assert not cue.asks_where("还没发货的那个坐垫订单也开一张发票")
    assert cue.asks_where("坐垫订单怎么还没发货")


@pytest.mark.parametrize(("text", "named"), [
    ("吹风机那个是顺丰发的吗", True), ("猫粮那单呢 是不是走的中通", True),
    ("is the kettle coming with DHL?", True), ("is the kettle waterproof?", False),
])
def test_a_courier_named(text: str, named: bool) -> None:
    assert names_a_carrier(text) is named


@pytest.mark.parametrize(("text", "reason"), [
    ("外面那层套子的拉链头直接掉了 拉不上 收到还没两周 这种能退吗", "defective"),
    ("the zipper pull came off after a week", "defective"),
])
def test_a_part_come_off_is_a_fault(text: str, reason: str) -> None:
    assert find_return_reason(text) == reason


@pytest.mark.parametrize(("text", "wish"), [
    ("改吧 不过有个前提 改地址不能delay发货", True),
    ("yes add it, on condition that both travel in one parcel", True),
    ("退可以 但前提是全额退给我 不扣那4块9", False),  # the money: the policy's to settle
    ("ok, as long as I don't pay the return fee", False),
])
def test_a_condition_of_how_it_is_done_is_a_wish(text: str, wish: bool) -> None:
    assert adds_a_wish(text) is wish


def test_yes_with_a_condition_carries_the_change_out_for_a_person_to_see(api: Api) -> None:
    asked = say(api, "cond", "电水壶那单的地址改成：上海市徐汇区漕溪北路88号")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    done = say(api, "cond", "改吧 不过有个前提 改地址不能耽误发货")
    assert done.action is not None and done.action.status == "executed"
    assert done.decision == "agent_review"  # the condition is a person's to keep


def test_what_a_purchase_would_cost_to_ship_is_no_change(api: Api) -> None:
    asked = say(api, "ship", "那我再加一个电水壶 是不是就够包邮了")
    assert asked.intent == "delivery_options" and asked.action is None


def _priced(oid: str, total: float) -> OrderSnapshot:
    return OrderSnapshot(id=oid, customer_id="C", status=OrderStatus.paid, total=total,
                         currency="CNY", created_at=datetime(2026, 11, 20, tzinfo=UTC))


@pytest.mark.parametrize(("text", "expected"), [
    ("599的那单", ("MP-2", "599")), ("the HK$1,529 one", ("MP-3", "1,529")),
    ("The pricey one — HK$1,529. The kettle I pay myself", ("MP-3", "1,529")),
    ("the order (€599) please", ("MP-2", "599")), ("order 599 please", None),
    ("89那单", None),  # two orders cost that: still a choice
    ("where is my order?", None),
])
def test_an_order_named_by_what_it_cost(text: str, expected: tuple[str, str] | None) -> None:
    orders = [_priced("MP-1", 89.0), _priced("MP-2", 599.0), _priced("MP-3", 1529.0),
              _priced("MP-4", 89.0)]
    assert by_total(text, orders) == expected


@pytest.mark.parametrize(("text", "intercept"), [
    ("你们就不能直接让顺丰把包裹拦回去吗", True), ("can you intercept the parcel?", True),
    ("where is the parcel?", False),
])
def test_a_parcel_stopped_on_its_way(text: str, intercept: bool) -> None:
    assert bool(cue.asks_intercept(text)) is intercept


@pytest.mark.parametrize("text", [
    "if I'm out when it turns up, can it just be left at number 134 next door?",
    "到了的话放邻居家就行"])
def test_left_with_a_neighbour_is_delivered_elsewhere(text: str) -> None:
    assert cue.wants_it_elsewhere(text)


def test_a_change_while_it_has_not_shipped_is_the_change(api: Api) -> None:
    asked = say(api, "swap", "电水壶那单趁还没发货能给我换成搅拌机吗")
    assert asked.intent == "change_order"


@pytest.mark.parametrize(("check", "text"), [
    (cue.gives_invoice_details, "For the collar one, can it be made out to Adeyemi Dog Walking?"),
    (cue.asks_ships_there, "does next day delivery reach the Isles of Scilly?"),
    (cue.asks_shipping_options, "is there postage on that to Rotterdam?"),
    (cue.asks_delivery_time, "once it's paid, how long until I recieve it in Gent?"),
    (cue.asks_how_soon, "Roughly when should I expect it in my inbox?"),
    (cue.asks_how_soon, "it's a Mastercard. so how many more days is it gonna be"),
    (cue.mentions_invoice, "could I at least get a fapiao for the purifier order?"),
    (cue.names_payment, "退款回到iDEAL要几天？"),
    (cue.asks_status, "the cage order, is it moving?"),
    (cue.wants_return, "the mat goes flat every night, I'd like my money back for it"),
    (takes_out_of_order, "on SO-88199 can you take the saddle bag off?"),
    (closes_with_a_remark, "grand, I'll let you know 👍"),
])
def test_more_ways_of_saying_it(check: Callable[[str], bool], text: str) -> None:
    assert check(text)


def test_words_that_only_look_alike() -> None:
    assert not cue.names_payment("that is the ideal size for a good DEAL")
    assert not takes_out_of_order("how do I take the lid off?")


def test_ok_before_a_request_is_no_closing_remark() -> None:
    assert not closes_with_a_remark("great, I'll need to cancel it then")


def test_money_back_asked_for_a_fault_is_the_return(api: Api) -> None:
    asked = say(api, "leak", "Hello. The toaster I bought from you has started sparking at the "
                             "plug, it trips the fuse. Could I get my money back for it?")
    assert asked.intent == "get_refund" and asked.action is not None
    assert asked.action.status == "needs_confirmation" and "Q-4990" in asked.reply
