"""The thread of a conversation, kept or lost: a yes or a no said to nothing the bot
asked, or an off-topic message while a request is under way, goes to a person, never
back with "I can't help with that" (said alone, off-topic is still answered at once); an
order kept in so many words with a question after it ("I never asked it to cancel
anything. Please keep the blender order. Has it been sent yet?") is that question; a
cancellation wished outright after a return ("另外那台破壁机…这单先帮我取消掉吧") is the
cancellation, not the return carried on to another order; "what about the lamp then?"
after a return asks the same of the lamp; "faulty?" asks, it proposes no return; the
return narrowed to one item with the rest kept ("对 只退滤芯 净化器我留着") is a yes; refunds
are told by their amounts; an address keeps the script it was written in (九龍, not 九龙).
Through the real pipeline on K1's shop (tests/shop_k1.py)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.understanding.affirmation import find_affirmation
from app.understanding.social import announces_an_aside
from app.understanding.text import as_written
from tests.api_helpers import Api
from tests.shop_k1 import STORE, iso, order, say, shop


@pytest.fixture(scope="module")
def api(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    with shop(initialised_template, tmp_path_factory.mktemp("threads")) as client:
        yield client


@pytest.mark.parametrize("text", ["great, then yes - two of each please",
                                  "Right, go ahead and book it in", "great, yes please"])
def test_a_yes_to_nothing_asked_goes_to_a_person(api: Api, text: str) -> None:
    said = say(api, f"yes-{len(text)}", text)
    assert said.decision != "auto_send", said.reply
    assert said.action is None or said.action.status != "executed"


def test_an_order_kept_with_a_question_after_it(api: Api) -> None:
    said = say(api, "kept", "So sorry!! that was an app my grandson put on my phone, I never "
                            "asked it to cancel anything. Please keep the blender order. "
                            "Has it been sent yet?")
    assert said.intent == "track_order", said.reply
    assert said.action is None or said.action.name != "cancel_order"


def test_a_cancellation_wished_after_a_return(api: Api) -> None:
    opened = say(api, "ret", "the toaster from Q-4990 arrived dented, I'd like to return it")
    assert opened.intent == "get_refund", opened.reply
    wished = say(api, "ret", "唉好吧。另外那台破壁机我不要了，这单先帮我取消掉吧")
    assert wished.intent == "cancel_order", wished.reply
    assert wished.action is not None and wished.action.status == "needs_confirmation"
    assert wished.action.params.get("order_id") == "Q-5102"


@pytest.mark.parametrize(("text", "answer"), [
    ("对 只退滤芯 净化器我留着", "yes"), ("yes, just return the pump, I'll keep the rest", "yes"),
    ("我还是留着吧", "no"), ("nah I'll keep it then", "no"),
    ("那还是按退货来吧 退了我自己挑个别的型号", "yes"),
    # the write asked for as it stands: yes; asked about: no answer yet
    ("那就碰碰运气吧，地址照改", "yes"), ("那就改成这个地址吧", "yes"), ("照改吗", None),
    ("改成这个地址可以吗", None), ("先别改", "no"),
    # one way declined for the other: no "no" to the return offered
    ("不用换新 退钱就行 配件要一起寄回去吗", None),
    ("no need for a replacement, a refund is fine", None), ("不用退了 我自己修修就行", "no"),
    ("fair enough, go for it", "yes"), ("fair enough, leave it then", "no"),
    ("sim, 7412B is correct now, pode avançar 👍", "yes"), ("sim card not working", None),
    ("So sorry! I never asked it to cancel anything. Please keep the flosser order. Has it "
     "been sent yet?", "no"),
])
def test_the_return_narrowed_or_the_goods_kept(text: str, answer: str) -> None:
    assert find_affirmation(text) == answer


def test_off_topic_is_answered_alone_but_read_by_a_person_mid_request(api: Api) -> None:
    alone = say(api, "alone", "who won the football last night?")
    assert alone.intent == "other" and alone.decision == "auto_send", alone.reply
    say(api, "amid", "where is my lamp order Q-4950?")
    amid = say(api, "amid", "who won the football last night?")
    assert amid.intent == "other" and amid.decision == "agent_review", amid.reply


def test_the_same_asked_of_another_item_after_a_return(api: Api) -> None:
    say(api, "other-item", "the toaster from Q-4990 arrived dented, I'd like to return it")
    said = say(api, "other-item", "What about the desk lamp then? that's just been sat in the "
                                  "cupboard too")
    assert said.intent == "get_refund", said.reply


def test_whether_it_is_faulty_asked_is_a_question(api: Api) -> None:
    said = say(api, "faulty", "hi, I set up the toaster from Q-4990 last night, it's plugged "
                              "in but it won't heat at all. faulty?")
    assert said.intent == "product_question", said.reply
    assert said.action is None


def test_an_aside_announced_is_answered_mid_request(api: Api) -> None:
    say(api, "aside", "where is my lamp order Q-4950?")
    aside = say(api, "aside", "totally off topic but who won the football last night?")
    assert aside.intent == "other" and aside.decision == "auto_send", aside.reply


@pytest.mark.parametrize("text", [
    "cool, appreciate it 🙌", "Lovely, sounds ideal x", "懂了 那就先凑合用着吧",
    "ugh fine, I'll ask the concierge to hold it"])
def test_an_answer_taken_in_mid_request_is_closed_at_once(api: Api, text: str) -> None:
    say(api, f"taken-{len(text)}", "where is my lamp order Q-4950?")
    said = say(api, f"taken-{len(text)}", text)
    assert said.decision == "auto_send", said.reply
    assert "can't help" not in said.reply and "帮不上" not in said.reply, said.reply


@pytest.mark.parametrize(("text", "aside"), [
    ("random, but do you know any good vets near here?", True),
    ("unrelated but is the ferry running tomorrow?", True),
    ("好的 问个别的 明天高铁还有票不", True),
    ("对了 上海哪家猫咖好玩", True), ("Sorry! It's NR18 0JT", False),
    ("a random guy took my parcel", False)])
def test_an_aside_said_as_such(text: str, aside: bool) -> None:
    assert announces_an_aside(text) is aside


def test_refunds_told_by_their_amounts(initialised_template: Path, tmp_path: Path) -> None:
    store = copy.deepcopy(STORE)
    store["orders"].append(order("Q-4000", "LP", "Desk Lamp", 60, "cancelled"))
    store["refunds"] = [
        {"id": "R-35", "order_id": "Q-4990", "amount": 35.5, "status": "refunded",
         "created_at": iso(2), "refunded_at": iso(1)},
        {"id": "R-42", "order_id": "Q-4000", "amount": 42.0, "status": "refunded",
         "created_at": iso(50), "refunded_at": iso(49)}]
    with shop(initialised_template, tmp_path, store) as client:
        said = say(client, "amounts", "信用卡账单上有两笔退款，一笔35.5，一笔42，"
                                      "分别是哪个单子退回来的？")
        assert said.intent == "track_refund", said.reply
        assert "Q-4990" in said.reply and "Q-4000" in said.reply, said.reply
        # an amount no refund came to says nothing of which order
        other = say(client, "amounts-2", "there's a refund of 17.50 on my statement, which order?")
        assert "Q-4000" not in other.reply, other.reply
        # money that came in, no refund named: the refund it was
        credit = say(client, "amounts-3", "Going through my bank statement I found a credit of "
                                          "42.00 from you I can't place. Did you send me money "
                                          "by mistake?")
        assert credit.intent == "track_refund" and "Q-4000" in credit.reply, credit.reply


def test_an_address_keeps_the_script_it_was_written_in(api: Api) -> None:
    address = "香港九龍旺角彌敦道688號旺角中心1期12樓B室"
    asked = say(api, "script", f"please send order Q-5101 to my sister instead: {address}")
    assert asked.action is not None and asked.action.params.get("address") == address, asked.reply
    done = say(api, "script", "得 ok 改啦 thx")
    assert done.action is not None and done.action.status == "executed", done.reply
    assert address in done.reply
    assert as_written("旺角弥敦道", "寄到旺角彌敦道吧") == "旺角彌敦道"
    assert as_written("Rue Gray 168", "send it to Rue Gray 168") == "Rue Gray 168"



@pytest.mark.parametrize("first", ["is there a discount code at the moment?",
                                   "how much is shipping to Singapore?"])
def test_off_topic_is_never_sent_on_its_confidence_alone(api: Api, first: str) -> None:
    say(api, f"conf-{len(first)}", first)
    said = say(api, f"conf-{len(first)}", "great, yes please")
    assert said.intent == "other" and said.decision == "agent_review", said.reply
