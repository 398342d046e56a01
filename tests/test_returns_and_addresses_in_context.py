"""Turns read in their conversation, third part: a return's progress and money said not
to have arrived, "send back the X", the order placed later or earlier picked from a
list, the account's own address, an order sent to the address just given, what a
waiting or a supposed return pays, a refund asked of an order number, an expired link, Cantonese
thanks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.models._common import OrderStatus
from app.store.connector import OrderSnapshot
from app.store.importer import import_into
from app.understanding import dialogue_cues as cue
from app.understanding.return_reasons import find_return_reason
from app.understanding.social import social_kind
from tests.api_helpers import Api
from tests.shop_k1 import iso, say, shop
from tests.test_slots import slots


@pytest.fixture
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("turns3")) as client:
        yield client


def _refund(api: Api, status: str) -> None:
    assert not import_into(api.runtime, {"refunds": [
        {"id": "RF-4990-1", "order_id": "Q-4990", "amount": 50.0, "status": status,
         "created_at": iso(2)}]}).rejected


@pytest.mark.parametrize("text, status", [
    ("多士炉退货处理到哪了", "requested"),
    ("多士炉的退款怎么样了", "approved"),
    ("显示已退款 可是我还没收到钱", "refunded"),
    ("多士炉那个 一直没收到50块", "refunded"),
])
def test_a_returns_progress_and_money_not_arrived_is_the_refund(
        api: Api, text: str, status: str) -> None:
    _refund(api, status)
    asked = say(api, f"rp-{text}", text)
    assert asked.intent == "track_refund" and asked.action is not None
    assert "RF-4990-1" in asked.reply


@pytest.mark.parametrize("text", ["I'd like to send back the toaster please",
                                  "want to send back my toaster, never used it"])
def test_send_back_the_item_is_a_return(api: Api, text: str) -> None:
    asked = say(api, f"sb-{text}", text)
    assert asked.intent == "get_refund" and asked.action is not None
    assert asked.action.params["order_id"] == "Q-4990"


@pytest.mark.parametrize("text, reason", [
    ("it's way bigger than I need", "changed_mind"),
    ("honestly it's overkill for me", "changed_mind"), ("it's bigger than the photo", None)])
def test_more_than_needed_is_a_change_of_mind(text: str, reason: str | None) -> None:
    assert find_return_reason(text) == reason


@pytest.mark.parametrize("pick, order_id", [
    ("后下单的那个", "Q-5101"), ("先下单的那个", "Q-5003"),
    ("the one I ordered later", "Q-5101"), ("the one I placed first", "Q-5003")])
def test_the_order_placed_later_or_first_answers_which(
        api: Api, pick: str, order_id: str) -> None:
    asked = say(api, f"pick-{pick}", "can I cancel my order?")
    assert asked.action is None and "Q-5101" in asked.reply
    picked = say(api, f"pick-{pick}", pick)
    assert picked.intent == "cancel_order" and picked.action is not None
    assert picked.action.params["order_id"] == order_id


@pytest.mark.parametrize("text", [
    "please update the address on my account to 5 Elm Road, Springfield",
    "my default address is now 5 Elm Road, Springfield",
    "账户里的收货地址改成 杭州市西湖区文三路90号",
    # the orders to come, not the one under way
    "please use 5 Elm Road, Springfield for future orders",
    "以后的订单都寄到 杭州市西湖区文三路90号"])
def test_the_accounts_address_is_not_an_orders(api: Api, text: str) -> None:
    asked = say(api, f"acct-{text}", text)
    assert asked.intent == "set_up_shipping_address" and asked.action is not None
    assert asked.action.status == "needs_confirmation"


@pytest.mark.parametrize("then", ["and the blender, can that go there too?",
                                  "破壁机那单也寄到那里吧"])
def test_an_order_sent_to_the_address_just_given(api: Api, then: str) -> None:
    say(api, f"there-{then}", "please update the address on my account to 5 Elm Road, Springfield")
    sent = say(api, f"there-{then}", then)
    assert sent.intent == "change_shipping_address" and sent.action is not None
    assert sent.action.params["order_id"] == "Q-5102"
    assert sent.action.params.get("address") == "5 Elm Road, Springfield" or (
        sent.action.status == "blocked")


@pytest.mark.parametrize("asked", ["how much do I actually get back after the return fee?",
                                   "扣完运费能退多少"])
def test_what_a_waiting_return_pays_is_said_and_it_still_waits(api: Api, asked: str) -> None:
    policy = api.runtime.policy
    fee = policy.return_fee(None, "USD")
    proposed = say(api, f"pays-{asked}", "I'd like to return the toaster please")
    assert proposed.action is not None and proposed.action.status == "needs_confirmation"
    net = f"{50.0 - fee:.2f}"
    pays = say(api, f"pays-{asked}", asked)
    assert pays.intent == "check_refund_policy" and pays.action is None
    assert net in pays.reply and "Q-4990" in pays.reply, pays.reply
    done = say(api, f"pays-{asked}", "ok yes go ahead")
    assert done.action is not None and done.action.status == "executed"
    assert done.action.result is not None and f"{done.action.result['amount']:.2f}" == net


@pytest.mark.parametrize("asked", [
    "if I send the toaster back, how much would I actually get back?",
    "如果把多士炉寄回去 能退多少"])
def test_what_a_supposed_return_would_pay(api: Api, asked: str) -> None:
    """Asked before any return: what it would pay under the policy, nothing proposed."""
    net = f"{50.0 - api.runtime.policy.return_fee(None, 'USD'):.2f}"
    pays = say(api, f"would-{asked}", asked)
    assert pays.intent == "check_refund_policy" and pays.action is None
    assert net in pays.reply and "Q-4990" in pays.reply, pays.reply
    assert "yes or no" not in pays.reply and "是”或“否" not in pays.reply


def _moving(order_id: str, status: str) -> OrderSnapshot:
    return OrderSnapshot(id=order_id, customer_id="C1", status=OrderStatus(status), total=10.0,
                         currency="USD", created_at=datetime(2026, 11, 3, tzinfo=UTC))


@pytest.mark.parametrize("text", ["can you check my refund for 9871?",
                                  "is the return on 9871 done"])
def test_a_number_a_refund_is_asked_for_is_that_order(text: str) -> None:
    found = slots(text, (_moving("N-2", "delivered"),))
    assert found.order_mention == "9871" and found.order_id is None


@pytest.mark.parametrize("text, asks", [
    ("I cancelled an order last month. Has the HK$1178 actually gone back?", True),
    ("之前那个坏了退掉的 钱早就退了吧", True), ("那就退了吧", False)])
def test_money_said_gone_back_is_asked_not_a_return(text: str, asks: bool) -> None:
    assert cue.asks_money_back(text) is asks and cue.wants_return(text) is not asks


@pytest.mark.parametrize("text, reason", [
    ("the review link in the email says it has expired", None),
    ("my discount code is expired", None), ("the cat food is expired", "defective")])
def test_an_expired_link_is_no_spoiled_goods(text: str, reason: str | None) -> None:
    assert find_return_reason(text) == reason


@pytest.mark.parametrize("text", ["ok 唔該晒 👍", "多謝", "唔该"])
def test_cantonese_thanks(text: str) -> None:
    assert social_kind(text) == "thanks"


@pytest.mark.parametrize("again", ["how much was it ah? forgot already", "退了多少来着"])
def test_the_amount_of_the_refund_just_told_of(api: Api, again: str) -> None:
    _refund(api, "refunded")
    say(api, f"amt-{again}", "has my toaster refund come through?")
    asked = say(api, f"amt-{again}", again)
    assert asked.intent == "track_refund" and "50" in asked.reply


@pytest.mark.parametrize("text", [
    "moving on saturday, can you send my stuff to 5 Elm Road, Springfield instead?",
    "我的东西都改寄到 杭州市西湖区文三路90号"])
def test_everything_still_coming_to_a_new_address(api: Api, text: str) -> None:
    asked = say(api, f"all-{text}", text)
    assert asked.intent == "change_shipping_address" and asked.action is not None
    named = [oid for oid in ("Q-5101", "Q-5102", "Q-5003", "Q-4950") if oid in asked.reply]
    assert len(named) >= 2, asked.reply


@pytest.mark.parametrize("intent, several", [("change_shipping_address", ["N-3", "N-2"]),
                                              ("get_refund", []), ("track_order", [])])
def test_my_stuff_is_every_order_still_coming_only_for_such_a_request(
        intent: str, several: list[str]) -> None:
    orders = (_moving("N-1", "delivered"), _moving("N-2", "shipped"), _moving("N-3", "paid"))
    found = slots("can you do that for my stuff", orders, intent=intent)
    assert sorted(found.order_ids) == sorted(several)


@pytest.mark.parametrize("text", [
    "we want to buy 6 kettles for the office. Can you send us a pro-forma invoice first, so "
    "our accountant can approve it before we pay?",
    "公司想采购6个水壶 下单前能先开个形式发票走审批吗"])
def test_an_invoice_for_goods_not_bought_yet_is_no_orders_invoice(api: Api, text: str) -> None:
    asked = say(api, f"proforma-{text}", text)
    assert asked.intent == "check_invoice", asked.intent
    assert asked.action is None, asked.action


def test_a_door_code_is_no_discount_code(api: Api) -> None:
    asked = say(api, "door", "for Q-5101 could you add the door code to the address? "
                             "the courier couldn't get into the building last time")
    assert asked.intent != "promotion_question", asked.intent


def test_a_cancellation_wished_undone_is_ordering_again(api: Api) -> None:
    asked = say(api, "undo", "can you cancel Q-5101 please?")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert say(api, "undo", "yep, go ahead").action.status == "executed"  # type: ignore[union-attr]
    undo = say(api, "undo", "oh no, can you undo the cancellation and send it after all?")
    assert undo.intent == "place_order" and undo.action is None, (undo.intent, undo.action)


def test_a_fault_looked_into_then_a_return_asked_for(api: Api) -> None:
    # the crack called a quality problem, and "退了吧": the return (free: a defect), not
    # more of the fault's question
    say(api, "crack", "多士炉底下每天早上都有一摊水 这是怎么回事")
    asked = say(api, "crack", "拿起来看了 底座的密封圈裂了一道口子 这算质量问题吧 退了吧")
    assert asked.intent == "get_refund", asked.intent
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert asked.action.params.get("return_reason") == "defective", asked.action.params


def test_a_refund_rather_than_a_new_one_keeps_the_return_waiting(api: Api) -> None:
    asked = say(api, "way", "多士炉用了一次就坏了 不加热 想退掉")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    which = say(api, "way", "不用换新 退钱就行 面包屑托盘要一起寄回去吗")
    assert which.intent == "check_refund_policy", which.intent
    done = say(api, "way", "好的 退吧")
    assert done.action is not None and done.action.status == "executed", done.reply


@pytest.mark.parametrize("text", ["please cancel whatever I've got that hasn't arrived yet",
                                  "没到的都取消了吧", "cancel everything that is still on its way"])
def test_whatever_has_not_arrived_is_every_order_still_coming(text: str) -> None:
    orders = (_moving("N-1", "delivered"), _moving("N-2", "shipped"), _moving("N-3", "paid"))
    found = slots(text, orders, intent="cancel_order", language="zh" if "没" in text else "en")
    assert sorted(found.order_ids) == ["N-2", "N-3"]


@pytest.mark.parametrize("text, several", [
    ("can they go to my brother instead? 5 Elm Road, Springfield", ["N-2", "N-3"]),
    ("can N-2 go to my brother instead? 5 Elm Road, Springfield", [])])
def test_they_are_the_orders_of_the_turn_before(text: str, several: list[str]) -> None:
    orders = (_moving("N-1", "delivered"), _moving("N-2", "shipped"), _moving("N-3", "paid"))
    before = slots("cancel both the N-2 and N-3 orders", orders, intent="cancel_order")
    assert sorted(before.order_ids) == ["N-2", "N-3"]
    found = slots(text, orders, intent="change_shipping_address", previous=before)
    assert sorted(found.order_ids) == several


@pytest.mark.parametrize("why", ["why only 43.05? I paid 50", "为啥是43.05 我买的时候50啊"])
def test_why_the_refund_is_less_than_paid(api: Api, why: str) -> None:
    assert not import_into(api.runtime, {"refunds": [
        {"id": "RF-4990-2", "order_id": "Q-4990", "amount": 43.05, "status": "approved",
         "created_at": iso(2)}]}).rejected
    say(api, f"why-{why}", "has my toaster refund come through?")
    asked = say(api, f"why-{why}", why)
    fee = api.runtime.policy.return_fee(None, "USD")
    assert asked.intent == "check_refund_policy" and f"{fee:.2f}" in asked.reply
