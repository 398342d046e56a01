"""A loss to be made good and a threat to go public are complaints for a person (a
fraudster's text is not the shop's fault); a
"认了" accepts the outcome, so an offer of a colleague is not taken up; a crack or dye
that runs in the wash is a fault, whose return is free; thanks and closing remarks in
more words ("好嘞 就这些 谢谢啦", "现在正常了 谢谢", "thanks for checking!")."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.assist.schemas import AssistResult
from app.assist.service import assist_once
from app.understanding.affirmation import withdraws
from app.understanding.closings import closes_with_a_remark
from app.understanding.return_reasons import find_return_reason
from app.understanding.sentiment import analyze_sentiment
from app.understanding.social import new_topic, social_kind
from tests.conftest import current
from tests.test_warranty import _delivered_line, home  # noqa: F401  (the fixture)


@pytest.mark.parametrize(("text", "complaint", "threat"), [
    ("还有那件白T恤是我老婆上周刚买的 两百多块钱 这个损失你们怎么算？", True, False),
    ("the dye ruined two shirts, I want compensation for them", True, False),
    ("不需要赔偿 换个新的就行", False, False),
    ("这破机器差点把我猫饿坏 今天不给个说法我就发小红书 让大家都看看", True, True),
    ("if this isn't fixed today I'm posting it all over reddit", True, True),
    ("we post pictures of the cats on instagram a lot", False, False),
    ("能帮我写首关于橘猫的小诗吗 发朋友圈配图用 🐱", False, False),
    ("再不到我就去小红书曝光你们", True, True),
    # a fraudster's text is no complaint of the shop; the shop called a scam is
    ("got a scam text about a customs fee, it was a scam then. where's my parcel?", False, False),
    ("收到一条诈骗短信 说我包裹丢了", False, False),
    ("your shop is a scam", True, False),
    # a bill of theirs the shop is to answer for
    ("猫吃了两天就吐 去医院花了860 这个钱你们得负责吧", True, False),
    ("the food made her ill, I expect you to pay the vet bill", True, False),
])
def test_a_loss_and_going_public(text: str, complaint: bool, threat: bool) -> None:
    s = analyze_sentiment(text)
    assert (s.complaint, s.threatens_to_leave) == (complaint, threat)


@pytest.mark.parametrize(("text", "person"), [
    ("Could someone give me a ring to sort out sending it in?", True),
    ("能不能找人给我打个电话", True), ("I will give someone a call", False),
    ("can someone just call me on the number on my account?", True),
    # a person of the shop's team, not the bot
    ("I want to report it to a person on your team please, not the bot.", True),
    ("is it the bot or not the bot", False), ("it was a person on your team who told me", False),
])
def test_a_call_asked_for_is_a_person_asked_for(text: str, person: bool) -> None:
    assert analyze_sentiment(text).wants_human is person


@pytest.mark.parametrize(("text", "reason"), [
    ("the clear bubble window has a crack right across it", "damaged"),
    ("I got a small crack in the lid", "damaged"),
    ("蓝色骑行服第一次洗就掉色 把白T恤都染了", "defective"),
    ("the dye ran in its very first wash", "defective"),
    # dye that rubs off on what it touches
    ("the straps are rubbing pink dye off onto everything, both shoulders stained", "defective"),
    ("书包的颜色染到白衬衫上了", "defective"), ("猫染上了跳蚤", None),
    # what a device does, given up
    ("The tracker has stopped following the dog, the app shows him at home", "defective"),
    ("the feeder stopped dispensing at 7am", "defective"), ("my dog stopped eating it", None),
    ("it drives straight off the edge and one wheel rattles now", "defective"),
    ("the rattle ball is his favourite", None),
    # the rider's injury is no fault of the goods; a lock that will not lock is
    ("he came off on the descent and he's in hospital with a broken collarbone", None),
    ("the lower clamp won't lock any more, the section slides shut", "defective"),
    # a size label inside that is not the size ordered
    ("The sticker inside the shell says size M, but my order was for an L.", "wrong_item"),
    ("the label says L but I ordered it anyway", None),
    ("The dryer started making a high-pitched whine on day two", "defective"),
    # an allergy the pet has or is feared, not one the goods caused
    ("我家狗对鸡肉过敏 你们这个羊肉的里面有没有鸡肉 吃了会不会过敏", None),
    ("she's allergic to chicken, is there chicken in it?", None),
    ("用了这个面霜脸上过敏了 起红疹", "defective"),
    ("The gauge on my pump is stuck at 3 bar now, the needle doesn't move", "defective"),
    ("the parcel is stuck at the depot", None),
    # an order not theirs at all, not the wrong goods in it
    ("短信说定单3592已签收 可这单根本不是我买的 你帮我查查是谁的", None),
    ("收到的不是我买的那款", "wrong_item"),
    ("just doesn't suit me, sorry", None),
])
def test_cracks_and_running_dye_are_faults(text: str, reason: str | None) -> None:
    assert find_return_reason(text) == reason


def test_the_outcome_accepted() -> None:
    assert withdraws("行吧 自家猫抓的 认了 谢谢")
    assert withdraws("fine, my own fault, I'll live with it. thanks")
    assert closes_with_a_remark("行吧 自家猫抓的 认了 谢谢")
    assert not withdraws("好的 谢谢")


@pytest.mark.parametrize(("text", "thanks", "remark"), [
    ("好嘞 就这些 谢谢啦", True, False), ("好的 麻烦了", True, False),
    ("好嘞 谢谢 没别的了", True, False),
    ("照着说明重新装了一下 现在正常了 谢谢", False, True),
    ("I'll donate it to the shelter then, they'll use it. Thanks for checking!", False, True),
    ("麻烦了 帮我查下A123", False, False), ("好了吗 谢谢", False, False),
    ("我另外拍一个就好 谢谢", False, True),
    ("thanks for checking, but can you also cancel it?", False, False),
])
def test_thanks_and_remarks_in_more_words(text: str, thanks: bool, remark: bool) -> None:
    assert (social_kind(text) == "thanks", closes_with_a_remark(text)) == (thanks, remark)


@pytest.mark.parametrize(("text", "question"), [
    ("行 那个我另外买。问一下这款帐篷防水吗", "这款帐篷防水吗"),
    ("好的 问下保修多久", "保修多久"),
    ("帮我取消这单 问下退款多久到", None),  # the cancellation is asked too
])
def test_a_question_announced(text: str, question: str | None) -> None:
    assert new_topic(text) == question


def _say(customer: str, label: str, text: str) -> AssistResult:
    return assist_once(current(), customer_id=customer, text=text, label=label).result


@pytest.mark.parametrize("then", ["好吧 是我自己摔的 认了 谢谢",
                                  "fine, my own fault, I'll live with it. thanks"])
def test_the_claim_offered_is_turned_down_by_accepting_it(home: Path, then: str) -> None:  # noqa: F811
    customer, oid, _, _ = _delivered_line(home, "kitchen")
    covered = _say(customer, then, f"is my order {oid} still under warranty?")
    assert "shall I pass it to a colleague for a warranty claim" in covered.reply, covered.reply
    closed = _say(customer, then, then)
    assert closed.decision != "handoff" and closed.ticket_id is None
    assert closed.intent == "other"


def test_a_loss_to_be_made_good_goes_to_a_person(home: Path) -> None:  # noqa: F811
    customer, oid, _, _ = _delivered_line(home, "kitchen")
    upset = _say(customer, "loss", f"order {oid} leaked all over my table, who will pay for the "
                 "damage? I want compensation")
    assert upset.decision == "handoff" and upset.ticket_id is not None
