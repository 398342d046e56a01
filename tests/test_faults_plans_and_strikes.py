"""A fault said loosely or in Chinese, what should have come instead, a postcode added to
the address just given, the answer taken in or a plan told with a laugh, a size or a sum,
the goods kept after "no problem", a scammer or the shop warning others that is no
complaint, and the number not found that this message wrote (the three-strikes count)."""

from __future__ import annotations

import pytest

from app.assist import dialogue
from app.assist.strikes import said_here
from app.understanding import dialogue_cues as cue
from app.understanding.address_amend import postcode_added
from app.understanding.affirmation import find_affirmation, withdraws
from app.understanding.closings import closes_with_a_remark
from app.understanding.return_reasons import find_return_reason
from app.understanding.sentiment import analyze_sentiment
from app.understanding.slots import Slots
from tests.test_dialogue_misreadings import reading


@pytest.mark.parametrize(("text", "closes"), [
    ("grand, I'll order the 60cm separately. ta", True),
    ("Ha, fair enough, I'll ask her for the receipt instead", True),
    ("好的 那我另外买个3L的 谢谢", True),
    ("Hmm, £6 isn't really worth lugging 10 kg down to the Evri shop for 😂 I'll leave it, "
     "thanks", True),
    ("£6? I'll leave it, thanks", False),
    ("好 我去路由器里设置一下", True),
    ("行 我去路由器里把2.4G分出来", True),
    # when, and what for, said with the plan
    ("好，今天就寄出去", True), ("好嘞，付完款我再来找你们开发票", True),
    ("好，今天能寄出去吗", False),
    # a number that is no size still asks or names something
    ("grand, I'll order 2 more of order 4410. ta", False),
    ("haha ok, why is it 60cm?", False),
])
def test_a_plan_told_with_a_laugh_or_a_size(text: str, closes: bool) -> None:
    assert closes_with_a_remark(text) is closes


@pytest.mark.parametrize(("text", "said"), [
    ("之前的租客退租时留下的", False), ("我爸退休了", False), ("怎么退出登录", False),
    ("这个能退吗", True), ("退了吧", True), ("can I return it", True),
    ("If he sends it back unused, how long has he got?", True),
])
def test_a_return_said(text: str, said: bool) -> None:
    assert bool(cue.mentions_return(text)) is said


@pytest.mark.parametrize(("text", "reason"), [
    # dead or died, of the thing or a part of it, with the goods or the money wanted back
    ("So the mains side of it is dead on a feeder that's one day old. I don't want it "
     "repaired, I want my money back please", "defective"),
    ("the pedalling one died last week, a fresh coin cell didn't help. can I just post it "
     "back and get my money?", "defective"),
    ("Something's badly off with our PawTrack. The dot wanders off across the field. Can I "
     "send it back?", "defective"),
    # said alone, it may be a setting to find first
    ("My S8 shaver came today and it's completely dead?? Pressed the button loads. Nothing.",
     None),
    ("后背那条反光条整条起边翘起来了，一扯就要掉，这个能退吗", "defective"),
    # a pet or a person is no fault; wanting it repaired or not is no change of mind
    ("our old dog died last month, can I return the unopened collar?", None),
    ("I don't want it repaired, I want my money back", None),
    ("something is wrong with my order", None),
    # a remote that does nothing, buttons now and then, a setting stuck, a mode gone
    ("the remote does nothing at all (tried three sets of batteries)", "defective"),
    ("the buttons on the fan itself only respond now and then", "defective"),
    ("Last night it got stuck on full blast and I had to pull the plug", "defective"),
    ("since yesterday it skips the 200 lumen mode completely", "defective"),
    ("the remote is lovely and the modes are easy to find", None),
])
def test_a_fault_said_as_dead_or_gone_off(text: str, reason: str | None) -> None:
    assert find_return_reason(text) == reason


@pytest.mark.parametrize(("address", "text", "fixed"), [
    ("27 Glenfield Road, Paisley", "Oh aye sorry, postcode's PA2 8PE",
     "27 Glenfield Road, Paisley, PA2 8PE"),
    ("Hauptstraße 5, Berlin", "zip is 10115", "Hauptstraße 5, Berlin, 10115"),
    # already there, or no code with a digit in it
    ("27 Glenfield Road, Paisley PA2 8PE", "postcode's PA2 8PE", None),
    ("27 Glenfield Road, Paisley", "postcode? no idea", None),
])
def test_a_postcode_added_to_the_address_just_given(
        address: str, text: str, fixed: str | None) -> None:
    assert postcode_added(address, text) == fixed


def test_a_postcode_after_a_proposed_change_is_the_same_change() -> None:
    slots = Slots(order_id="MW-1", order_source="previous")
    r = reading("Oh aye sorry, postcode's PA2 8PE", "track_order",
                previous="change_shipping_address", slots=slots)
    r.state.slots = Slots(order_id="MW-1", address="27 Glenfield Road, Paisley")
    dialogue.read(r)
    assert r.u.intent == "change_shipping_address"
    assert r.u.slots.address == "27 Glenfield Road, Paisley, PA2 8PE"


@pytest.mark.parametrize(("text", "closes"), [
    ("Fortnightly, got it. Cheers", True),
    ("Noted, thanks!", True),
    ("行，我这两天就寄出去", True),
    ("got it, but why?", False),
])
def test_the_answer_taken_in(text: str, closes: bool) -> None:
    assert closes_with_a_remark(text) is closes


def test_am_i_meant_to_asks_and_corrects_nothing() -> None:
    assert not cue.corrects("how often am I meant to take the pump apart and clean it?")
    assert cue.corrects("sorry, I meant the other order")


def test_kept_for_someone_else_withdraws_the_return() -> None:
    assert withdraws("好的 那锁就留给他用了 谢谢")


@pytest.mark.parametrize(("text", "answer"), [
    ("No problem, we'll keep both then. Thanks", "no"),
    ("no problem, go ahead", "yes"),
    ("没问题", "yes"),
])
def test_no_problem_then_keeping_them_is_a_no(text: str, answer: str) -> None:
    assert find_affirmation(text) == answer


@pytest.mark.parametrize(("number", "text", "said"), [
    ("2610-1522-9901-8847-12", "２６１０－１５２２－９９０１－８８４７－１２ 这单到哪了", True),
    ("so 84618", "还不对？？so 84618 总该对了吧", True),
    ("SO-87201", "SO-87201？", True),
    ("SO-87201", "and has it shipped yet?", False),
    (None, "where is it", False),
])
def test_a_number_not_found_said_in_this_message(number: str | None, text: str,
                                                   said: bool) -> None:
    assert said_here(number, text) is said


@pytest.mark.parametrize(("text", "complaint"), [
    ("should I forward that fake mail to you somewhere so you can warn other customers?", False),
    ("I will warn other customers about you", True),
])
def test_the_shop_warning_others_is_no_threat(text: str, complaint: bool) -> None:
    assert analyze_sentiment(text, "en").complaint is complaint


@pytest.mark.parametrize(("text", "reason"), [
    ("Order 4571 should have been the AirPure 3200, but when I opened the carton just now "
     "there's a small Mini 1100 desktop unit inside instead. How do I send it back?",
     "wrong_item"),
    ("it should have been here yesterday, can I return it instead?", None),
])
def test_what_should_have_come_instead(text: str, reason: str | None) -> None:
    assert find_return_reason(text) == reason


@pytest.mark.parametrize(("text", "complaint"), [
    ("那就是骗子了 你们官方的客服电话是多少 我存一个", False),
    ("你们就是骗子", True),
])
def test_the_scammer_who_called_is_no_complaint_of_the_shop(text: str, complaint: bool) -> None:
    assert analyze_sentiment(text, "zh").complaint is complaint


def test_the_way_chosen_closes_the_matter() -> None:
    assert closes_with_a_remark("好 那我走保修")
