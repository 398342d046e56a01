"""The assist pipeline end to end on a real demo store (no LLM unless a fake is installed)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.assist.drafter import make_draft
from app.assist.drafting import LLMFailed
from app.assist.pipeline import TurnResult
from app.assist.schemas import AssistResult
from app.assist.service import assist_once
from app.understanding.closings import an_ok_and_a_remark
from tests.conftest import current, invoke
from tests.fakes.llm import install_fake_llm


def order(home: Path, *, status: str, customer: str | None = None,
          not_customer: str | None = None) -> dict[str, Any]:
    sql = 'SELECT id, customer_id, tracking_number, shipping_address FROM "order" WHERE status=?'
    args: list[str] = [status]
    if customer:
        sql, args = sql + " AND customer_id=?", [*args, customer]
    if not_customer:
        sql, args = sql + " AND customer_id!=?", [*args, not_customer]
    with sqlite3.connect(home / "kefu.db") as conn:
        row = conn.execute(sql + " ORDER BY id LIMIT 1", args).fetchone()
    return dict(zip(("id", "customer_id", "tracking_number", "shipping_address"), row,
                    strict=True))


def turn(customer: str, text: str, label: str = "t") -> TurnResult:
    return assist_once(current(), customer_id=customer, text=text, label=label)


def say(customer: str, text: str, label: str = "t") -> AssistResult:
    return turn(customer, text, label).result


def test_tracking_reply_carries_the_facts(home: Path) -> None:
    o = order(home, status="shipped")
    result = say(o["customer_id"], f"where is my order {o['id']}?")
    assert result.intent == "track_order"
    assert result.action is not None and result.action.status == "executed"
    assert o["tracking_number"] in result.reply and o["id"] in result.reply
    assert result.decision in ("auto_send", "agent_review")
    assert result.suggestions[0].kind == "template"


def test_other_customers_order_is_blocked_and_nothing_leaks(home: Path) -> None:
    theirs = order(home, status="shipped", not_customer="C001")
    result = say("C001", f"where is my order {theirs['id']}? tracking please")
    assert result.action is not None and result.action.status == "blocked"
    assert result.action.result == {"reason": "not_your_order"}
    shown = json.dumps(result.contract(), ensure_ascii=False)
    assert theirs["tracking_number"] not in shown
    assert theirs["shipping_address"] not in shown


def test_address_change_needs_confirmation_and_applies_once(home: Path) -> None:
    o = order(home, status="paid")
    first = say(o["customer_id"], f"please change the address of order {o['id']} to "
                                  "12 Harbor Way, Portland, OR 97201", label="addr")
    assert first.action is not None and first.action.status == "needs_confirmation"
    assert "12 Harbor Way" in first.reply
    with sqlite3.connect(home / "kefu.db") as conn:
        before = conn.execute('SELECT shipping_address FROM "order" WHERE id=?',
                              (o["id"],)).fetchone()[0]
    assert before == o["shipping_address"]  # nothing changes before the yes
    yes = say(o["customer_id"], "yes, go ahead", label="addr")
    assert yes.intent == "change_shipping_address"
    assert yes.action is not None and yes.action.status == "executed"
    again = say(o["customer_id"], "yes", label="addr")
    assert again.action is None or again.action.status != "executed" or (
        again.action.action_id == yes.action.action_id)
    with sqlite3.connect(home / "kefu.db") as conn:
        after = conn.execute('SELECT shipping_address FROM "order" WHERE id=?',
                             (o["id"],)).fetchone()[0]
        executed = conn.execute(
            "SELECT COUNT(*) FROM action_audit WHERE event='executed' AND "
            "action_name='change_shipping_address'").fetchone()[0]
    assert after == "12 Harbor Way, Portland, OR 97201"
    assert executed == 1


def test_declined_cancellation_changes_nothing(home: Path) -> None:
    o = order(home, status="pending")
    first = say(o["customer_id"], f"I want to cancel order {o['id']}", label="c")
    assert first.action is not None and first.action.status == "needs_confirmation"
    no = say(o["customer_id"], "no, keep it", label="c")
    assert no.action is not None and no.action.status == "blocked"
    with sqlite3.connect(home / "kefu.db") as conn:
        status = conn.execute('SELECT status FROM "order" WHERE id=?', (o["id"],)).fetchone()[0]
    assert status == "pending"


def test_a_no_in_more_words_declines_the_pending_return(home: Path) -> None:
    with sqlite3.connect(home / "kefu.db") as conn:  # the one delivered last: in its window
        oid, customer = conn.execute('SELECT id, customer_id FROM "order" WHERE status = '
                                     "'delivered' ORDER BY delivered_at DESC").fetchone()
    o = {"id": oid, "customer_id": customer}
    first = say(o["customer_id"], f"I'd like to return order {o['id']}", label="r")
    assert first.action is not None and first.action.status == "needs_confirmation"
    no = say(o["customer_id"], "Actually, never mind. I'll keep it.", label="r")
    assert no.intent == "get_refund"
    assert no.action is not None and no.action.status == "blocked"
    with sqlite3.connect(home / "kefu.db") as conn:
        made = conn.execute("SELECT count(*) FROM refund WHERE order_id=? AND created_at > ?",
                            (o["id"], "2026-11-28")).fetchone()[0]
    assert made == 0


def test_an_angry_no_declines_and_hands_off(home: Path) -> None:
    o = order(home, status="pending")
    first = say(o["customer_id"], f"I want to cancel order {o['id']}", label="a")
    assert first.action is not None and first.action.status == "needs_confirmation"
    no = say(o["customer_id"], "no! honestly the worst shop ever, absolutely useless",
             label="a")
    assert no.decision == "handoff" and no.ticket_id
    with sqlite3.connect(home / "kefu.db") as conn:
        status = conn.execute('SELECT status FROM "order" WHERE id=?', (o["id"],)).fetchone()[0]
        kept = conn.execute("SELECT status FROM action WHERE id=?",
                            (first.action.action_id,)).fetchone()[0]
    assert status == "pending" and kept == "rejected"  # declined, not left waiting


@pytest.mark.parametrize(
    ("text", "priority"),
    [("转人工", {"normal", "high", "urgent"}),
     ("This is the worst service ever, I want my money back NOW!!! You are scammers",
      {"high", "urgent"})],
)
def test_handoffs_open_a_ticket(home: Path, text: str, priority: set[str]) -> None:
    result = say("C001", text, label=text[:10])
    assert result.decision == "handoff"
    assert result.priority in priority
    assert result.ticket_id and result.ticket_id.startswith("t_")
    with sqlite3.connect(home / "kefu.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM ticket WHERE id=?",
                            (result.ticket_id,)).fetchone()[0] == 1


def test_off_topic_is_answered_then_handed_off_when_the_shopper_persists(home: Path) -> None:
    first = say("C001", "what's the weather in Paris tomorrow?", label="w")
    assert first.decision != "handoff" and first.ticket_id is None and first.reply
    second = say("C001", "ok but what about the weather in Rome tomorrow?", label="w")
    assert second.decision == "handoff" and second.priority == "low" and second.ticket_id


def test_an_offer_of_a_person_is_taken_up_by_yes(home: Path) -> None:
    first = say("C002", "今天天气怎么样？", label="offer")
    assert first.decision != "handoff"
    taken = say("C002", "好的", label="offer")
    assert taken.decision == "handoff" and taken.ticket_id


@pytest.mark.parametrize(("taken_in", "taken_up"), [
    ("好的 知道了", False), ("行 那我就安心用着了", False), ("ok, good to know", False),
    ("好的 麻烦转一下", True), ("ok please do", True)])
def test_an_ok_and_a_remark_takes_no_offer_of_a_person_up(
        home: Path, taken_in: str, taken_up: bool) -> None:
    """"好的 知道了" to "shall I find you a colleague?" takes the answer in; an ok that
    asks for the person still takes the offer up."""
    say("C002", "what's the weather in Paris tomorrow?", label=f"ack-{taken_in}")
    after = say("C002", taken_in, label=f"ack-{taken_in}")
    assert (after.decision == "handoff") is taken_up, after.decision
    if not taken_up:
        assert after.ticket_id is None and after.reply


@pytest.mark.parametrize("thanks", ["ok cheers 🙏", "ok thanks", "好的谢谢"])
def test_thanks_after_an_offer_of_a_person_is_no_yes(home: Path, thanks: str) -> None:
    say("C002", "what's the weather in Paris tomorrow?", label=f"thx-{thanks}")
    closed = say("C002", thanks, label=f"thx-{thanks}")
    assert closed.decision != "handoff" and closed.ticket_id is None


def test_three_unresolved_turns_hand_off(home: Path) -> None:
    decisions = [say("C001", f"where is order A{n}?", label="u").decision
                 for n in (19991, 19992, 19993)]
    assert decisions[:2] != ["handoff", "handoff"]
    assert decisions[2] == "handoff"


def test_an_order_not_theirs_counts_once_when_only_carried_over(home: Path) -> None:
    """Named once, another shopper's order is one unresolved turn; the bot reading it
    into the next messages is its own misreading, no strike against the shopper."""
    theirs = order(home, status="shipped", not_customer="C001")["id"]
    first = say("C001", f"where is order {theirs}?", label="carried")
    assert first.action is not None and first.action.status == "blocked"
    results = [say("C001", text, label="carried")
               for text in ("when will it arrive?", "and has it shipped yet?")]
    carried = [r for r in results if r.action is not None and r.action.status == "blocked"]
    assert carried, [r.intent for r in results]  # still read onto that order
    assert all(r.decision != "handoff" for r in results), [r.decision for r in results]


def test_policy_answer_comes_from_policy(home: Path) -> None:
    result = say("C002", "退货期限是多少天？", label="p")
    assert result.language == "zh"
    assert any("30" in s.text for s in result.suggestions)


def test_llm_down_never_holds_back_the_answer(home: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    before = say("C001", "how long does express shipping take?", label="up")
    backend = install_fake_llm(monkeypatch, replies=["unused"])
    from app.errors import LLMError

    def boom(*_a: Any, **_k: Any) -> str:
        raise LLMError("fake: server down")

    monkeypatch.setattr(backend, "generate", boom)
    out = turn("C001", "how long does express shipping take?", label="down")
    result = out.result
    assert result.reply and "template" in {s.kind for s in result.suggestions}
    assert all(s.kind != "llm" for s in result.suggestions)
    # the same answer as with a live LLM: drafting is not on the shopper's path
    assert (result.decision, result.reply) == (before.decision, before.reply)
    if out.draft is not None:
        with pytest.raises(LLMFailed):
            make_draft(current(), out.draft)


def _draft_for(text: str, label: str) -> Any:
    """A review turn's LLM draft, made as the background drafter makes it."""
    out = turn("C001", text, label=label)
    assert out.draft is not None
    return make_draft(current(), out.draft)


def test_ungrounded_llm_draft_never_reaches_an_agent(home: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_llm(monkeypatch, replies=["Express takes 17 days and costs $99.50 [1]."])
    assert _draft_for("how long does express shipping take?", "g") is None


def test_grounded_llm_draft_is_kept(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_llm(monkeypatch, replies=["Express delivery takes 2-3 business days [1]."])
    draft = _draft_for("how long does express shipping take?", "ok")
    assert draft is not None and draft.suggestion.kind == "llm"
    assert draft.suggestion.grounded and draft.suggestion.sources


def test_cli_assist_contract_and_jsonl(home: Path, tmp_path: Path) -> None:
    one = invoke("assist", "--customer", "C001", "--conversation", "x", "where is my order?")
    assert one.exit_code == 0, one.output
    data = json.loads(one.output.strip().splitlines()[-1])
    assert set(data) == {"conversation_id", "language", "intent", "intent_confidence",
                         "sentiment", "action", "reply", "suggestions", "confidence",
                         "decision", "priority", "ticket_id"}
    assert data["decision"] in ("auto_send", "agent_review", "handoff")
    f = tmp_path / "turns.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"customer_id": "C002", "text": "我的订单到哪了", "conversation": "z"},
        {"customer_id": "C002", "text": "转人工", "conversation": "z"}]), encoding="utf-8")
    many = invoke("assist", "--jsonl", str(f))
    rows = [json.loads(line) for line in many.output.strip().splitlines()]
    assert len(rows) == 2 and rows[0]["conversation_id"] == rows[1]["conversation_id"]
    assert rows[1]["decision"] == "handoff"
    assert invoke("assist", "--customer", "NOPE", "hi").exit_code == 1
    assert invoke("assist", "--customer", "C001", "   ").exit_code == 1


def test_imported_store_works_the_same(migrated_home: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEFU_LLM_BACKEND", "none")
    store = {
        "customers": [{"id": "U1", "name": "Wei Zhang", "language": "zh"},
                      {"id": "U2", "name": "Ann Lee", "language": "en"}],
        "orders": [
            {"id": "B20001", "customer_id": "U1", "status": "shipped",
             "created_at": "2026-11-20T08:00:00Z", "total": 20.0, "carrier": "SF Express",
             "tracking_number": "SF9988776655", "shipped_at": "2026-11-21T08:00:00Z",
             "shipping_address": "北京市朝阳区建国路1号", "items": [
                 {"name": "茶杯", "qty": 1, "price": 20.0}]},
            {"id": "B20002", "customer_id": "U2", "status": "paid",
             "created_at": "2026-11-22T08:00:00Z", "total": 30.0,
             "shipping_address": "1 Main St, Austin, TX 78701",
             "items": [{"name": "Tea cup", "qty": 1, "price": 30.0}]},
        ],
    }
    f = tmp_path / "store.json"
    f.write_text(json.dumps(store, ensure_ascii=False), encoding="utf-8")
    assert invoke("import-store", str(f)).exit_code == 0
    tracked = say("U1", "订单B20001到哪了？", label="i1")
    assert tracked.action is not None and tracked.action.status == "executed"
    assert "SF9988776655" in tracked.reply
    foreign = say("U2", "where is order B20001?", label="i2")
    assert foreign.action is not None and foreign.action.status == "blocked"
    assert "SF9988776655" not in json.dumps(foreign.contract(), ensure_ascii=False)
    cancel = say("U2", "please cancel order B20002", label="i3")
    assert cancel.action is not None and cancel.action.status == "needs_confirmation"
    done = say("U2", "yes please", label="i3")
    assert done.action is not None and done.action.status == "executed"


def test_an_ok_and_a_question_put_with_bu_is_a_question() -> None:
    """"好的 问个别的 明天…还有票不": a question of its own, off topic, not the answer
    taken in; asked again, a person is offered."""
    assert not an_ok_and_a_remark("好的 问个别的 明天武汉到上海的高铁还有票不")
    assert an_ok_and_a_remark("好的 知道了")
