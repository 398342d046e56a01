"""A "no" to the write waiting that asks a question of its own ("nah forget it. how long
is the warranty on it?", "那算了 这个保修多久"): the proposal is withdrawn and the
question answered, not met with a bare "nothing was done"; a thumb or an OK sign is a
yes, and so is the request said again last ("算了换新还要等 直接退吧"); a product's model
number in a question is no order number."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.assist.schemas import AssistResult
from app.assist.service import assist_once
from app.settings import Settings
from eval.sandbox import StorePack, store_home
from tests.conftest import current
from tests.packs.files import DATA


def _newest_delivered(home: Path) -> tuple[str, str]:
    with sqlite3.connect(home / "kefu.db") as conn:
        row = conn.execute('SELECT id, customer_id FROM "order" WHERE status = ? '
                           "ORDER BY delivered_at DESC LIMIT 1", ("delivered",)).fetchone()
    return row[0], row[1]


def _say(customer: str, text: str, label: str) -> AssistResult:
    return assist_once(current(), customer_id=customer, text=text, label=label).result


@pytest.mark.parametrize("no", ["nah forget it. how long is the warranty on it?",
                                "那算了 这个保修多久"])
def test_the_return_is_dropped_and_the_question_answered(home: Path, no: str) -> None:
    oid, customer = _newest_delivered(home)
    asked = _say(customer, f"I'd like to return order {oid}, changed my mind", no)
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    answered = _say(customer, no, no)
    assert answered.intent == "product_question"
    assert answered.action is None
    late = _say(customer, "yes", no)  # the proposal was withdrawn: nothing to say yes to
    assert not (late.action and late.action.status == "executed")


def test_keep_it_as_it_is_is_still_a_plain_no(home: Path) -> None:
    oid, customer = _newest_delivered(home)
    _say(customer, f"I'd like to return order {oid}, changed my mind", "keep")
    kept = _say(customer, "no, keep it as it is", "keep")
    assert kept.intent == "get_refund" and kept.action is not None
    assert kept.action.status in ("blocked", "rejected")


def test_an_ok_sign_confirms(home: Path) -> None:
    oid, customer = _newest_delivered(home)
    _say(customer, f"I'd like to return order {oid}, changed my mind", "ok")
    done = _say(customer, "👌", "ok")
    assert done.action is not None and done.action.status == "executed"


@pytest.mark.parametrize("yes", ["算了换新还要等 直接退吧", "12块就12块 退吧",
                                 "fine, forget the exchange, just refund it"])
def test_the_request_said_last_confirms_whatever_came_before(home: Path, yes: str) -> None:
    oid, customer = _newest_delivered(home)
    _say(customer, f"I'd like to return order {oid}, changed my mind", yes)
    done = _say(customer, yes, yes)
    assert done.action is not None and done.action.status == "executed"


def test_a_model_number_is_no_order_number() -> None:
    # Jianmu sells an "AirPure 3200"; its shoppers' order numbers are four digits too
    settings = Settings(llm_backend="none")
    with store_home(settings, StorePack.folder(DATA / "store3")) as rt:
        assist_once(rt, customer_id="JMU721260", text="办公室想买几台3200 能开专票吗",
                    label="m")
        result = assist_once(rt, customer_id="JMU721260", text="另外一个房间50平 3200够不够",
                             label="m").result
    assert result.action is None or result.action.params.get("order_id") != "3200"



@pytest.mark.parametrize(("answer", "handed_off"), [
    ("alright, I'll send you a photo of it then. thanks", False),
    ("好的 我让同事发邮件过去 谢谢", False), ("yes please", True)])
def test_what_the_shopper_will_do_is_no_yes_to_a_person(home: Path, answer: str,
                                                          handed_off: bool) -> None:
    _, customer = _newest_delivered(home)
    offered = _say(customer, "what's the weather like in Paris this weekend?", answer)
    assert offered.decision != "handoff"
    reply = _say(customer, answer, answer)
    assert (reply.decision == "handoff") is handed_off


@pytest.mark.parametrize(("question", "intent"), [
    ("等下 改了地址运费会不会变", "delivery_options"),
    ("hang on, would changing the address change the shipping fee?", "delivery_options")])
def test_a_question_about_the_change_waiting_leaves_it_waiting(home: Path, question: str,
                                                              intent: str) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        oid, customer = conn.execute('SELECT id, customer_id FROM "order" WHERE status = ? '
                                     "ORDER BY id LIMIT 1", ("pending",)).fetchone()
    asked = _say(customer, f"请把订单{oid}的地址改成 杭州市西湖区文三路90号", question)
    assert asked.action is not None and asked.action.status == "needs_confirmation"
    answered = _say(customer, question, question)
    assert answered.intent == intent and answered.action is None
    done = _say(customer, "好 那就改吧", question)
    assert done.action is not None and done.action.status == "executed"


@pytest.mark.parametrize("closing", ["ok fair enough, I'll just keep it then. thanks anyway"])
def test_giving_up_after_a_question_only_closes_the_matter(home: Path, closing: str) -> None:
    _, customer = _newest_delivered(home)
    _say(customer, "what does it cost to send something back?", closing)
    closed = _say(customer, closing, closing)
    assert closed.intent == "other" and closed.action is None
    assert closed.decision != "handoff"


def test_giving_up_a_refused_change_stays_that_change(home: Path) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:
        oid, customer = conn.execute('SELECT id, customer_id FROM "order" WHERE status = ? '
                                     "ORDER BY id LIMIT 1", ("shipped",)).fetchone()
    refused = _say(customer, f"can I cancel {oid}?", "refused")
    assert refused.action is not None and refused.action.status == "blocked"
    dropped = _say(customer, "ok fair enough, I'll just keep it then. thanks anyway", "refused")
    assert dropped.intent == "cancel_order" and dropped.decision != "handoff"
    assert dropped.action is None or dropped.action.status != "executed"


@pytest.mark.parametrize(("text", "named"), [
    ("哦那M码正好 不换了 谢谢", True), ("算了 不退了", True), ("ok, don't change it then", True),
    ("ok fair enough, I'll just keep it then", False), ("好吧 那算了", False)])
def test_the_write_given_up_named(text: str, named: bool) -> None:
    from app.understanding.answer_cues import NAMES_THE_WRITE

    assert bool(NAMES_THE_WRITE(text)) is named


@pytest.mark.parametrize("no", [
    "meh, not worth cancelling the lot for that. leave it. has it shipped yet?",
    "那算了，为这个取消不值得。发货了吗？"])
def test_a_cancellation_offered_declined_with_a_question_answers_it(no: str) -> None:
    # Spokeline: a paid order's items can't be changed, its cancellation is offered
    settings = Settings(llm_backend="none")
    with store_home(settings, StorePack.folder(DATA / "foreign")) as rt:
        refused = assist_once(rt, customer_id="cus_Jx5Mo2", label="n", text=(
            "can you swap the out-front mount in my order for the speed and cadence sensor kit?"))
        assert refused.result.action is not None
        assert refused.result.action.status == "blocked"
        answered = assist_once(rt, customer_id="cus_Jx5Mo2", text=no, label="n").result
    assert answered.intent == "track_order"
    assert answered.action is not None and answered.action.status == "executed"

