"""Answers said with more around them, in conversation: items named then dropped ("I won't
need the 2 toasters in it any more. can you drop them?"), a yes with a plan or a remark
after it ("那行 退吧 盒子和说明书都还在"), a fault told while a return waits, the address
proposed said again in part ("那就改到婺源文公南路41号"), "ok I'll wait" to the offer of a
cancellation, and a change given up for a cancellation ("那算了 整单取消吧")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api_helpers import Api
from tests.shop_k1 import STORE, iso, say, shop

TWO_LINES = {**STORE, "orders": [{
    "id": "Q-7001", "customer_id": "K1", "status": "pending", "total": 150.0,
    "created_at": iso(1), "items": [
        {"product_id": "KT", "name": "Glass Kettle", "qty": 1, "price": 50.0},
        {"product_id": "TS", "name": "Steel Toaster", "qty": 2, "price": 50.0}]}, *[
    o for o in STORE["orders"] if o["id"] in ("Q-5101", "Q-4990")], {
    "id": "Q-4991", "customer_id": "K1", "status": "delivered", "total": 50.0,
    "created_at": iso(9), "shipped_at": iso(6), "delivered_at": iso(3), "items": [
        {"product_id": "LP", "name": "Desk Lamp", "qty": 1, "price": 50.0}]}, {
    "id": "Q-4992", "customer_id": "K1", "status": "delivered", "total": 50.0,
    "created_at": iso(9), "shipped_at": iso(6), "delivered_at": iso(3), "items": [
        {"product_id": "FN", "name": "Tower Fan", "qty": 1, "price": 50.0}]}, {
    "id": "Q-4993", "customer_id": "K1", "status": "delivered", "total": 50.0,
    "created_at": iso(9), "shipped_at": iso(6), "delivered_at": iso(3), "items": [
        {"product_id": "BL", "name": "Power Blender", "qty": 1, "price": 50.0}]},
    *[o for o in STORE["orders"] if o["id"] in ("Q-5102", "Q-5003")]]}

@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("passing"), TWO_LINES) as client:
        yield client

def test_items_named_then_dropped(api: Api) -> None:
    said = say(api, "drop", "about Q-7001: my mum gave me her Glass Kettle's twin so the kettle "
                            "stays, but I won't need the 2 toasters in it any more. can you drop "
                            "them?")
    assert said.intent == "change_order", said.reply
    assert said.action is not None and said.action.status == "needs_confirmation"
    assert [i["product_id"] for i in said.action.params["items"]] == ["KT"]

def test_waiting_declines_the_cancellation_offered(api: Api) -> None:
    said = say(api, "wait", "can you add a toaster to Q-5101?")
    assert said.action is not None and said.action.status == "blocked", said.reply
    said = say(api, "wait", "ok I'll wait then, thanks")
    assert said.intent != "cancel_order" and said.action is None, said.reply
    say(api, "cancel", "can you add a toaster to Q-5101?")
    said = say(api, "cancel", "ok, cancel it then")
    assert said.intent == "cancel_order", said.reply

def test_a_yes_with_a_plan_of_their_own_after_it(api: Api) -> None:
    said = say(api, "plan", "the toaster from Q-4990 is the wrong one for my kitchen, can I "
                            "send it back?")
    assert said.action is not None and said.action.status == "needs_confirmation", said.reply
    said = say(api, "plan", "ok, return it. I'll buy a bigger one")
    assert said.action is not None and said.action.status == "executed", said.reply

def test_a_yes_in_chinese_with_a_plan_after_it(api: Api) -> None:
    said = say(api, "plan-zh", "Q-4991那个台灯买错型号了 没用过 能退吗")
    assert said.action is not None and said.action.status == "needs_confirmation", said.reply
    said = say(api, "plan-zh", "扣运费是吧 行 退吧 我重新拍一个")
    assert said.action is not None and said.action.status == "executed", said.reply

def test_a_fault_told_while_a_return_waits_is_no_no(api: Api) -> None:
    said = say(api, "fault", "I'd like to return the tower fan from Q-4992, I don't need it "
                             "any more")
    assert said.action is not None and said.action.status == "needs_confirmation", said.reply
    said = say(api, "fault", "Hold on, I just switched it on to pack it and the blades won't "
                             "spin at all. That's a fault, not me changing my mind, so no postage "
                             "for me surely?")
    assert said.action is not None and said.action.status == "needs_confirmation", said.reply
    assert said.action.params.get("return_reason") == "defective"

def test_a_yes_with_a_remark_after_it_and_a_doubt_that_is_none(api: Api) -> None:
    said = say(api, "doubt", "Q-4993那台破壁机买重了 没拆封 能退吗")
    assert said.action is not None and said.action.status == "needs_confirmation", said.reply
    said = say(api, "doubt", "退吧 我再想想")
    assert said.action is None or said.action.status != "executed", said.reply
    said = say(api, "remark", "Q-4993那台破壁机买重了 没拆封 能退吗")
    assert said.action is not None and said.action.status == "needs_confirmation", said.reply
    said = say(api, "remark", "那行 退吧 盒子和说明书都还在")
    assert said.action is not None and said.action.status == "executed", said.reply

def test_the_address_said_again_in_part_is_its_yes(api: Api) -> None:
    said = say(api, "addr", "Q-5102这单帮我改寄到：江西省上饶市婺源县紫阳镇文公南路41号")
    assert said.action is not None and said.action.status == "needs_confirmation", said.reply
    said = say(api, "addr", "改之前问下 寄到婺源一般要几天")
    assert said.intent != "change_shipping_address", said.reply
    said = say(api, "addr", "赶得上 那就改到婺源文公南路41号")
    assert said.action is not None and said.action.status == "executed", said.reply
    assert "紫阳镇文公南路41号" in said.action.result["shipping_address"]

def test_another_district_said_is_another_address(api: Api) -> None:
    said = say(api, "addr2", "Q-5003这单帮我改寄到：北京市海淀区建国路88号")
    assert said.action is not None and said.action.status == "needs_confirmation", said.reply
    said = say(api, "addr2", "对 就寄朝阳区建国路88号")
    assert said.action is None or said.action.status != "executed", said.reply

def test_the_order_kept_is_the_one_asked_after(api: Api) -> None:
    said = say(api, "kept", "破壁机那单我自己留着用 估计哪天能发货")
    assert said.intent == "track_order" and "Q-5102" in said.reply, said.reply

def test_the_change_given_up_for_a_cancellation(api: Api) -> None:
    said = say(api, "instead", "can you take the toasters out of Q-7001?")
    assert said.action is not None and said.action.status == "needs_confirmation", said.reply
    said = say(api, "instead", "那算了 整单取消吧")
    assert said.intent == "cancel_order", said.reply
    assert said.action is not None and said.action.name == "cancel_order", said.reply
