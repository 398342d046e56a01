"""What the shopper is told, turn by turn, through the API (issue 11): yes and no in the
ways people write them, bound to the pending question whatever the classifier thinks;
one story per turn; a quiet bot while a person has the conversation and a clean return
when the ticket closes; pending questions that lapse; off-topic messages answered
before anyone is called."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api_helpers import Api, api_on_copy, pending_action

CJK = re.compile(r"[\u4e00-\u9fff]")
EN_ADDRESS = "Please change the shipping address of order {order} to {n} River Rd, Austin, TX 78702"
ZH_ADDRESS = "请把订单{order}的收货地址改成上海市徐汇区虹桥路{n}号"
WAITING_EN = "will reply"  # prompts/templates/en/_waiting.j2
WAITING_ZH = "客服人员"  # prompts/templates/zh/_waiting.j2


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with api_on_copy(initialised_template, tmp_path_factory.mktemp("story")) as client:
        yield client


def changeable(api: Api, who: str) -> str:
    """An order of the shopper whose address may still change (not yet shipped)."""
    orders = api.ok("GET", "/api/orders", who)
    return str(next(o["id"] for o in orders if o["status"] in ("pending", "paid")))


def messages(api: Api, cid: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = api.ok("GET", f"/api/conversations/{cid}", "agent")["messages"]
    return out


_counter = iter(range(100, 10_000))


def propose(api: Api, who: str, language: str) -> tuple[str, str, int, str]:
    """A conversation whose bot has just asked to confirm an address change: its id, the
    order, the pending action and the new address."""
    order, n = changeable(api, who), next(_counter)
    text = (ZH_ADDRESS if language == "zh" else EN_ADDRESS).format(order=order, n=n)
    cid = api.start(who)
    turn = api.say(cid, text, who)
    view = turn["shopper"]
    # the question is the whole answer: no "a colleague will answer" beside it
    assert view["state"] == "confirm", turn
    assert view["confirmation"]["name"] == "change_shipping_address"
    assert WAITING_EN not in view["text"] and WAITING_ZH not in view["text"]
    assert [m["role"] for m in messages(api, cid)] == ["shopper", "bot"]
    address = text.split("改成")[-1] if language == "zh" else f"{n} River Rd"
    return cid, order, pending_action(api, cid, who), address


def action_status(api: Api, cid: str, who: str, action_id: int) -> dict[str, Any]:
    actions = api.ok("GET", f"/api/conversations/{cid}/actions", who)
    found: dict[str, Any] = next(a for a in actions if a["id"] == action_id)
    return found


YES_ZH = ["是", "是的", "对", "好的", "可以", "行", "嗯", "确认", "改吧", "好", "对的，改吧"]
YES_EN = ["yes", "ok", "sure", "go ahead", "yep", "Yes please", "sounds good"]
NO_ZH = ["不用了", "算了", "不", "不要", "不用改了"]
NO_EN = ["no", "nope", "never mind", "no thanks", "don't"]


@pytest.mark.parametrize(("word", "language", "who"),
                         [(w, "zh", "shopper2") for w in YES_ZH]
                         + [(w, "en", "shopper") for w in YES_EN])
def test_yes_in_any_wording_does_it_and_says_so(api: Api, word: str, language: str,
                                                who: str) -> None:
    cid, order, action_id, address = propose(api, who, language)
    turn = api.say(cid, word, who)
    view = turn["shopper"]
    assert view["state"] == "answered" and not view["handed_off"], (word, turn)
    assert address in view["text"], (word, view["text"])  # says what was done
    assert bool(CJK.search(view["text"])) == (language == "zh")
    assert action_status(api, cid, who, action_id)["status"] == "executed"
    assert api.ok("GET", f"/api/orders/{order}", who)["shipping_address"].startswith(
        address)
    # a card pressed afterwards (another window) is told so, in the shopper's language
    late = api.post(f"/api/actions/{action_id}/reject", who)
    assert late.status_code == 409
    assert bool(CJK.search(late.json()["detail"])) == (language == "zh"), late.json()
    assert "action" not in late.json()["detail"].lower()


@pytest.mark.parametrize(("word", "language", "who"),
                         [(w, "zh", "shopper2") for w in NO_ZH]
                         + [(w, "en", "shopper") for w in NO_EN])
def test_no_in_any_wording_changes_nothing(api: Api, word: str, language: str,
                                           who: str) -> None:
    cid, order, action_id, address = propose(api, who, language)
    before = api.ok("GET", f"/api/orders/{order}", who)["shipping_address"]
    assert not before.startswith(address)
    turn = api.say(cid, word, who)
    view = turn["shopper"]
    assert view["state"] == "answered" and view["text"], (word, turn)
    assert bool(CJK.search(view["text"])) == (language == "zh")
    action = action_status(api, cid, who, action_id)
    assert action["status"] == "rejected"
    assert api.ok("GET", f"/api/orders/{order}", who)["shipping_address"] == before
    # and nobody was called for a plain no
    assert api.ok("GET", f"/api/conversations/{cid}", who)["status"] != "handed_off"


def test_a_new_request_lapses_the_question_and_its_buttons(api: Api) -> None:
    cid, order, action_id, _ = propose(api, "shopper", "en")
    before = api.ok("GET", f"/api/orders/{order}")["shipping_address"]
    other = next(o["id"] for o in api.ok("GET", "/api/orders") if o["id"] != order)
    api.say(cid, f"Where is my order {other}?")
    # the question is gone from the conversation and from its card
    assert action_status(api, cid, "shopper", action_id)["status"] != "needs_confirmation"
    turn = api.say(cid, "yes")
    assert action_status(api, cid, "shopper", action_id)["status"] != "executed"
    assert api.ok("GET", f"/api/orders/{order}")["shipping_address"] == before
    assert turn["result"]["decision"] != "handoff"


def test_an_ignored_offer_of_a_person_expires(api: Api) -> None:
    cid = api.start("shopper2")
    offered = api.say(cid, "今天上海天气怎么样？", "shopper2")
    assert offered["result"]["decision"] != "handoff" and offered["shopper"]["text"]
    assert offered["result"]["ticket_id"] is None
    api.say(cid, "你们的退货政策是什么？", "shopper2")
    api.say(cid, "运费多少钱？", "shopper2")
    late = api.say(cid, "好的", "shopper2")
    assert late["result"]["decision"] != "handoff", late
    assert api.ok("GET", f"/api/conversations/{cid}", "shopper2")["ticket"] is None


def test_a_declined_offer_is_not_offered_back(api: Api) -> None:
    cid = api.start()
    first = api.say(cid, "Can you recommend a good movie for tonight?")
    assert first["result"]["decision"] != "handoff" and first["result"]["ticket_id"] is None
    declined = api.say(cid, "no thanks")
    assert declined["result"]["decision"] != "handoff"
    assert declined["shopper"]["state"] == "answered" and declined["shopper"]["text"]
    after = api.say(cid, "ok")
    assert after["result"]["decision"] != "handoff"


def test_off_topic_gets_a_polite_answer_first(api: Api) -> None:
    for who, text in (("shopper", "Who won the football match yesterday?"),
                      ("shopper2", "给我讲个笑话吧")):
        cid = api.start(who)
        turn = api.say(cid, text, who)
        assert turn["result"]["decision"] == "auto_send", turn
        assert turn["shopper"]["state"] == "answered" and turn["result"]["ticket_id"] is None
        assert bool(CJK.search(turn["shopper"]["text"])) == (who == "shopper2")
        assert api.ok("GET", f"/api/conversations/{cid}", who)["status"] != "handed_off"


@pytest.mark.parametrize("who, question, says", [
    ("shopper", "are you a bot?", "automated assistant"),
    ("shopper2", "你是机器人吗", "智能客服助手"),
])
def test_asked_if_it_is_a_bot_it_says_so_and_offers_a_person(
        api: Api, who: str, question: str, says: str) -> None:
    cid = api.start(who)
    turn = api.say(cid, question, who)
    assert turn["result"]["decision"] != "handoff" and turn["result"]["ticket_id"] is None
    assert says in turn["shopper"]["text"], turn
    accepted = api.say(cid, "yes" if who == "shopper" else "好的", who)
    assert accepted["result"]["decision"] == "handoff", accepted
    assert accepted["result"]["ticket_id"]


def test_the_second_of_the_listed_orders(api: Api) -> None:
    cid = api.start()
    asked = api.say(cid, "where is my order?")
    orders = api.ok("GET", "/api/orders", "shopper")
    listed = [str(o["id"]) for o in orders if str(o["id"]) in asked["shopper"]["text"]]
    assert len(listed) >= 2, asked
    picked = api.say(cid, "the second one")
    action = picked["result"]["action"]
    assert action["name"] == "track_order" and action["params"]["order_id"] == listed[1], picked


def test_hand_off_lifecycle(api: Api) -> None:
    cid = api.start("shopper2")
    handoff = api.say(cid, "我要转人工", "shopper2")
    assert handoff["shopper"]["state"] == "handoff" and handoff["shopper"]["handed_off"]
    # one story: the hand-off alone, not also a "someone will reply" notice
    assert [m["role"] for m in messages(api, cid)] == ["shopper", "bot"]
    ticket = api.ok("GET", f"/api/conversations/{cid}", "agent")["ticket"]
    assert ticket["status"] == "open"
    first_priority = ticket["priority"]

    api.ok("POST", f"/api/conversations/{cid}/reply", "agent", status=201,
           json={"text": "您好，我是客服小李。"})
    for text in ("我的订单还没到", "好的", "谢谢"):
        quiet = api.say(cid, text, "shopper2")
        assert quiet["shopper"] == {"state": "silent", "text": "", "confirmation": None,
                                    "handed_off": True}, text
    assert [m["role"] for m in messages(api, cid)][-4:] == ["agent", "shopper", "shopper",
                                                             "shopper"]

    # a complaint while a person has the conversation raises the ticket at once
    api.say(cid, "你们太差劲了，东西坏了也没人管，我要投诉！", "shopper2")
    raised = api.ok("GET", f"/api/conversations/{cid}", "agent")["ticket"]
    assert raised["id"] == ticket["id"]
    rank = {"low": 0, "normal": 1, "high": 2, "urgent": 3}
    assert rank[raised["priority"]] > rank[first_priority] or raised["priority"] == "urgent"
    assert raised["reason"] in ("complaint", "anger")

    api.ok("POST", f"/api/tickets/{ticket['id']}/close", "agent")
    back = api.ok("GET", f"/api/conversations/{cid}", "shopper2")
    assert back["status"] != "handed_off" and back["ticket"] is None
    notice = back["messages"][-1]
    assert notice["role"] == "system" and CJK.search(notice["text"])

    started = time.monotonic()
    answer = api.say(cid, "你们的退货政策是什么？", "shopper2")
    assert time.monotonic() - started < 5
    assert answer["shopper"]["state"] == "answered" and not answer["shopper"]["handed_off"]
    assert "30" in answer["shopper"]["text"]


def test_a_misread_message_leaves_nothing_sticky(api: Api) -> None:
    """Whatever the bot made of the last message, a plain new request is read afresh."""
    order = next(o["id"] for o in api.ok("GET", "/api/orders") if o["status"] == "pending")
    cid = api.start()
    api.say(cid, "I'd like to swap something")
    turn = api.say(cid, f"Cancel order {order}")
    view = turn["shopper"]
    assert view["state"] == "confirm" and view["confirmation"]["name"] == "cancel_order", turn
    assert order in view["text"]
    declined = api.say(cid, "no, keep it")  # the order stays for the other tests
    assert declined["result"]["action"]["result"]["reason"] == "rejected"


def test_the_yes_button_of_a_question_about_two_orders_answers_for_both(api: Api) -> None:
    """"Cancel both" asks one question; its Yes button (the first order's action)
    cancels both orders, as typing "yes" does."""
    who = "shopper2"
    both = [o["id"] for o in api.ok("GET", "/api/orders", who)
            if o["status"] in ("pending", "paid")][:2]
    if len(both) < 2:
        pytest.skip("the demo shopper has fewer than two open orders")
    cid = api.start(who)
    turn = api.say(cid, f"please cancel both {both[0]} and {both[1]}", who)
    assert all(oid in turn["result"]["reply"] for oid in both), turn
    first = pending_action(api, cid, who)
    api.ok("POST", f"/api/actions/{first}/confirm", who)
    statuses = {o["id"]: o["status"] for o in api.ok("GET", "/api/orders", who)}
    assert [statuses[oid] for oid in both] == ["cancelled", "cancelled"]
