"""What a message means in its conversation: a correction names the item meant ("sorry, I
meant the air fryer"), a yes that names another order is no yes to the write waiting,
"the earliest one" picks among the orders listed, a "by the way" question is read after
an acknowledgement, and a longer thanks is still only thanks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from app.models.store import Order
from tests.api_helpers import Api
from tests.shop_k1 import say, shop


@pytest.fixture
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """A store of its own per test: the writes of one must not block the next."""
    with shop(initialised_template, tmp_path_factory.mktemp("corr")) as client:
        yield client


@pytest.mark.parametrize(("first", "correction", "yes"), [
    ("please cancel the kettle order", "sorry I meant the blender, I still want the kettle",
     "yes"),
    ("帮我把水壶那单取消了", "啊不对不对 说错了 是破壁机那单要取消 水壶我还要的", "对"),
])
def test_a_correction_moves_the_write_to_the_item_meant(api: Api, first: str,
                                                         correction: str, yes: str) -> None:
    label = f"corr-{first[:4]}"
    assert "Q-5101" in say(api, label, first).reply
    moved = say(api, label, correction)
    assert moved.action is not None and moved.action.status == "needs_confirmation"
    assert "Q-5102" in moved.reply and "Q-5101" not in moved.reply
    done = say(api, label, yes)
    assert done.action is not None and done.action.status == "executed"
    assert "Q-5102" in done.reply


def test_a_yes_that_names_another_order_asks_again_for_that_one(api: Api) -> None:
    label = "yes-other"
    assert "Q-5003" in say(api, label, "can you cancel my fan order").reply
    again = say(api, label, "yes, cancel the kettle one")
    assert again.action is not None and again.action.status == "needs_confirmation"
    assert "Q-5101" in again.reply  # nothing executed on either order yet


@pytest.mark.parametrize("text", ["the earliest one", "最早那个", "the older one"])
def test_the_earliest_of_the_orders_listed(api: Api, text: str) -> None:
    label = f"oldest-{text}"
    asked = say(api, label, "where is my order?")
    assert asked.asked_for == ["order_id"]
    picked = say(api, label, text)
    assert picked.action is not None and picked.action.status == "executed"
    assert "Q-5003" in picked.reply


def test_a_ping_while_a_person_has_the_conversation_stays_with_them(api: Api) -> None:
    label = "ping"
    assert say(api, label, "I want to speak to a human").decision == "handoff"
    assert say(api, label, "hello?? anyone there").decision == "handoff"
    assert say(api, label, "ok").decision == "agent_review"  # nothing to raise


def test_how_a_return_travels_is_asked_of_the_return_under_way(api: Api) -> None:
    label = "pickup"
    proposed = say(api, label, "I'd like to return the toaster, it doesn't work")
    assert proposed.action is not None and proposed.action.status == "needs_confirmation"
    asked = say(api, label, "do i need to pay the courier for this?")
    assert asked.intent == "check_refund_policy" and asked.action is None


def test_which_order_lists_those_on_their_way_and_the_older_of_the_two(api: Api) -> None:
    label = "older"
    asked = say(api, label, "any news on my order?")
    assert asked.asked_for == ["order_id"] and "Q-4990" not in asked.reply  # delivered
    picked = say(api, label, "the older of the two")
    assert picked.action is not None and "Q-5003" in picked.reply


def test_a_side_question_keeps_the_write_waiting(api: Api) -> None:
    label = "side"
    proposed = say(api, label, "cancel the kettle order please").action
    assert proposed is not None and proposed.status == "needs_confirmation"
    say(api, label, "wait, if I cancel when is the money back?")
    done = say(api, label, "ok cancel it")
    assert done.action is not None and done.action.status == "executed"
    assert "Q-5101" in done.reply


def test_a_cancelled_order_says_what_goes_back(api: Api) -> None:
    label = "cancelled-amount"
    say(api, label, "cancel the blender order please")
    assert say(api, label, "yes").action.status == "executed"  # type: ignore[union-attr]
    asked = say(api, label, "how much comes back and when?")
    assert asked.intent == "track_refund" and "50.00" in asked.reply


@pytest.mark.parametrize("text", ["要是收到了不合适 还能退吗",
                                  "so I'd have to pay to send it back once it arrives?"])
def test_a_return_supposed_of_an_order_on_its_way_is_a_policy_question(
        api: Api, text: str) -> None:
    label = f"suppose-{text[:3]}"
    shipped = say(api, label, "where is my lamp order")
    assert shipped.action is not None and "Q-4950" in shipped.reply
    asked = say(api, label, text)
    assert asked.intent == "check_refund_policy"


def test_a_company_for_the_invoice_goes_to_a_person(api: Api) -> None:
    label = "company"
    first = say(api, label, "can I get an invoice for the toaster order?")
    assert first.intent == "get_invoice" and "Q-4990" in first.reply
    details = say(api, label, "company name is Harbourline Trading Ltd, 18/F, 33 Des Voeux Road")
    assert details.intent == "get_invoice" and "Q-4990" in details.reply
    assert details.decision == "agent_review"


def test_an_address_given_over_two_messages(api: Api) -> None:
    label = "two-part-address"
    first = say(api, label, "塔扇那单地址要改一下 新地址是南京市建邺区江东中路 门牌号等下发你")
    # the rest of the address begun, not the address again
    assert first.action is None and first.asked_for == ["rest_of_address"]
    assert "江东中路" in first.reply  # asks for the number on that street
    second = say(api, label, "问到了 369号新华报业传媒广场1栋2103")
    assert second.action is not None and second.action.status == "needs_confirmation"
    assert "江东中路369号新华报业传媒广场1栋2103" in second.reply


def test_the_item_kept_is_not_the_item_meant(api: Api) -> None:
    label = "kept"
    assert "Q-5101" in say(api, label, "帮我把水壶那单取消了").reply
    moved = say(api, label, "等下等下 搞错了 水壶我要的 是破壁机那单取消 买重复了")
    assert "Q-5102" in moved.reply and "Q-5101" not in moved.reply


def test_a_block_address_finished_by_its_unit(api: Api) -> None:
    label = "block"
    first = say(api, label,
                 "change the address for my kettle order to Blk 456 Ang Mo Kio Avenue 10")
    assert first.action is None and first.asked_for == ["rest_of_address"]
    second = say(api, label, "#07-1452, Singapore 560456")
    assert second.action is not None and second.action.status == "needs_confirmation"
    assert "Blk 456 Ang Mo Kio Avenue 10, #07-1452, Singapore 560456" in second.reply


@pytest.mark.parametrize(("ask", "yes"), [
    ("please cancel both, the kettle and the blender", "yes"),
    ("水壶跟破壁机那两单都帮我取消了吧", "对 两单都取消")])
def test_both_orders_are_cancelled_with_one_yes(api: Api, ask: str, yes: str) -> None:
    label = f"both-{ask[:4]}"
    asked = say(api, label, ask)
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    assert "Q-5101" in asked.reply and "Q-5102" in asked.reply
    done = say(api, label, yes)
    assert done.action is not None and done.action.status == "executed"
    assert "Q-5101" in done.reply and "Q-5102" in done.reply
    assert _statuses(api, "Q-5101", "Q-5102") == ["cancelled", "cancelled"]


def _statuses(api: Api, *ids: str) -> list[str]:
    with api.runtime.session() as session:
        return [str(session.exec(select(Order).where(Order.id == oid)).one().status)
                for oid in ids]


def test_a_no_to_both_keeps_both(api: Api) -> None:
    label = "both-no"
    say(api, label, "please cancel both, the kettle and the blender")
    say(api, label, "no, keep them")
    assert _statuses(api, "Q-5101", "Q-5102") == ["paid", "paid"]


def test_the_refund_question_says_what_comes_back_net_of_the_fee(api: Api) -> None:
    label = "preview"
    asked = say(api, label, "I'd like to return the toaster, changed my mind")
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    fee = api.runtime.policy.return_fee("changed_mind", "USD")
    if not fee or not api.runtime.policy.return_fee_deducted_from_refund:
        pytest.skip("the bundled policy keeps no fee from a change-of-mind refund")
    assert f"{50.0 - fee:.2f}" in asked.reply and "50.00" in asked.reply
    done = say(api, label, "yes")
    assert done.action is not None and f"{50.0 - fee:.2f}" in done.reply


def test_a_refund_timing_for_the_method_named(api: Api) -> None:
    label = "posting"
    say(api, label, "cancel the blender order please")
    say(api, label, "yes")
    days = api.runtime.policy.refund_posting_days
    if len(days) < 2:
        pytest.skip("the bundled policy names fewer than two payment kinds")
    key = next(iter(days))
    asked = say(api, label, f"when is the money back? I paid with {key.replace('_', ' ')}")
    others = [v for k, v in days.items() if k != key and v != days[key]]
    assert days[key] in asked.reply and not any(v in asked.reply for v in others)
