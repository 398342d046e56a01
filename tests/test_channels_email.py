"""Email: Kefu's own SMTP endpoint in, a local SMTP relay (aiosmtpd) out, threads by
Message-ID / In-Reply-To / References, quoted text and signatures cut off."""

from __future__ import annotations

import smtplib
import sqlite3
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from app.channels.mailtext import strip_reply
from tests.api_helpers import Api
from tests.fakes.channel_apis import SmtpRelay, free_port, wait_for
from tests.fakes.channel_app import channel_api

SUPPORT = "support@shop.test"
SHOPPER = "daniel.clark1@example.com"  # the demo customer C001
ZH = "我的订单到哪了？"


@pytest.fixture
def relay() -> Iterator[SmtpRelay]:
    with SmtpRelay() as server:
        yield server


@pytest.fixture
def api(initialised_template: Path, tmp_path: Path, relay: SmtpRelay) -> Iterator[Api]:
    port = free_port()
    with channel_api(initialised_template, tmp_path, channels=["email"],
                     email_address=SUPPORT, email_display_name="Shop Support",
                     email_inbound=f"127.0.0.1:{port}", email_smtp_host="127.0.0.1",
                     email_smtp_port=relay.port, delivery_max_attempts=2) as api:
        api.inbound_port = port  # type: ignore[attr-defined]
        yield api


def mail(api: Api, *, body: str, subject: str = "Question", sender: str = SHOPPER,
         message_id: str = "<m1@example.com>", headers: dict[str, str] | None = None,
         to: str = SUPPORT) -> None:
    msg = EmailMessage()
    msg["From"] = f"Daniel <{sender}>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = message_id
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(body)
    with smtplib.SMTP("127.0.0.1", api.inbound_port, timeout=30) as smtp:  # type: ignore[attr-defined]
        smtp.send_message(msg)


def query(api: Api, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(api.home / "kefu.db") as conn:
        return conn.execute(sql).fetchall()


def test_an_email_is_answered_in_its_thread(api: Api, relay: SmtpRelay) -> None:
    mail(api, subject="Return policy", body="Hi,\nwhat is your return policy?\n\n"
         "Thanks\n-- \nDaniel Clark\nSeattle")
    reply = wait_for(lambda: relay.received)[0]
    assert reply["To"].addresses[0].addr_spec == SHOPPER
    assert reply["From"].addresses[0].addr_spec == SUPPORT
    assert reply["Subject"] == "Re: Return policy"
    assert reply["In-Reply-To"] == "<m1@example.com>"
    assert "<m1@example.com>" in reply["References"]
    assert reply["Auto-Submitted"] == "auto-replied"
    assert reply["Message-ID"].startswith("<kefu-")
    (text,), = query(api, "SELECT text FROM message WHERE role = 'shopper' AND "
                          "channel = 'email'")
    assert "Seattle" not in text and "return policy" in text
    # the shopper answers Kefu's reply, quoting it: same conversation, only the new words
    mail(api, subject="Re: Return policy", message_id="<m2@example.com>",
         body="And how long does the refund take?\n\nOn Mon, Jan 6, 2025 at 10:00 AM Shop "
              f"Support <{SUPPORT}> wrote:\n> {reply.get_content().strip()}",
         headers={"In-Reply-To": reply["Message-ID"],
                  "References": f"<m1@example.com> {reply['Message-ID']}"})
    wait_for(lambda: len(relay.received) == 2)
    rows = query(api, "SELECT conversation_id, text FROM message WHERE role = 'shopper' "
                      "AND channel = 'email' ORDER BY id")
    assert rows[0][0] == rows[1][0]
    assert rows[1][1] == "And how long does the refund take?"
    second = relay.received[1]
    assert second["In-Reply-To"] == "<m2@example.com>"
    assert second["References"].split()[0] == "<m1@example.com>"
    assert query(api, "SELECT external_thread FROM conversation WHERE channel = 'email'"
                 ) == [("<m1@example.com>",)]


def test_a_repeated_or_automatic_email_runs_nothing(api: Api, relay: SmtpRelay) -> None:
    mail(api, body="What is your return policy?", message_id="<dup@example.com>")
    wait_for(lambda: relay.received)
    mail(api, body="What is your return policy?", message_id="<dup@example.com>")
    mail(api, body="I am out of office", message_id="<ooo@example.com>",
         headers={"Auto-Submitted": "auto-replied"})
    mail(api, body="Delivery failed", sender="mailer-daemon@example.com",
         message_id="<bounce@example.com>")
    assert query(api, "SELECT COUNT(*) FROM message WHERE role = 'shopper'") == [(1,)]
    assert len(relay.received) == 1


def test_mail_for_another_address_is_refused(api: Api) -> None:
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        mail(api, body="hi", to="someone@else.test")


def test_an_unknown_sender_is_a_guest(api: Api, relay: SmtpRelay) -> None:
    mail(api, body="Where is my order A10572?", sender="stranger@example.org",
         message_id="<g1@example.org>")
    reply = wait_for(lambda: relay.received)[0]
    assert "A10572" not in reply.get_content()
    assert query(api, "SELECT c.guest FROM customer c JOIN channel_identity i ON "
                      "i.customer_id = c.id WHERE i.external_user = 'stranger@example.org'"
                 ) == [(1,)]


def test_a_relay_that_refuses_for_good_leaves_a_dead_letter(api: Api,
                                                            relay: SmtpRelay) -> None:
    relay.refuse = 554
    mail(api, body="What is your return policy?", message_id="<r1@example.com>")
    assert wait_for(lambda: query(api, "SELECT status FROM delivery") == [("dead",)])
    relay.refuse = 451  # a temporary refusal is retried
    api.ok("POST", "/api/channels/deliveries/retry", "admin", json={})
    assert wait_for(lambda: query(api, "SELECT attempts FROM delivery")[0][0] >= 1)
    relay.refuse = None
    api.ok("POST", "/api/channels/deliveries/retry", "admin", json={})
    assert wait_for(lambda: query(api, "SELECT status FROM delivery") == [("sent",)])
    assert len(relay.received) == 1


@pytest.mark.parametrize(("raw", "kept"), [
    ("Where is it?\n\nOn Mon, Jan 6, 2025 at 10:00 AM Shop <s@x.com> wrote:\n> old", None),
    ("Where is it?\n\nOn Mon, Jan 6, 2025 at 10:00 AM Shop <s@x.com>\nwrote:\n> old", None),
    ("Where is it?\n\n-----Original Message-----\nFrom: Shop\nold", None),
    ("Where is it?\n\n________________________________\nFrom: Shop <s@x.com>\nSent: Mon\nold",
     None),
    ("Where is it?\n\nFrom: Shop <s@x.com>\nSent: Monday\nTo: me\nSubject: Re: x\n\nold",
     None),
    ("Where is it?\n\nSent from my iPhone", None),
    ("Where is it?\n-- \nDaniel\n+1 206 555 7183", None),
    ("Where is it?\n\nGet Outlook for Android", None),
    (f"{ZH}\n\n在 2025年1月6日 星期一 10:00，客服 <s@x.com> 写道：\n> 旧", ZH),
    (f"{ZH}\n\n张三 <a@b.com> 于2025年1月6日周一 10:00写道：\n> 旧", ZH),
    (f"{ZH}\n\n------------------ 原始邮件 ------------------\n发件人: 客服", ZH),
    (f"{ZH}\n\n发件人: 客服 <s@x.com>\n发送时间: 2025年1月6日\n收件人: 我\n旧", ZH),
    (f"{ZH}\n\n发自我的iPhone", ZH),
    ("Where is it?\n> quoted\nAnd the refund?", "Where is it?\nAnd the refund?"),
])
def test_quotes_and_signatures_are_cut(raw: str, kept: str | None) -> None:
    assert strip_reply(raw) == (kept or "Where is it?")


def test_html_mail_without_its_quote() -> None:
    from email import message_from_bytes, policy

    from app.channels.mailtext import new_text

    msg = message_from_bytes(
        b"From: a@b.c\r\nSubject: Re: Order\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        b"<div>Can I change the address?</div><div class=\"gmail_quote\">On x wrote:"
        b"<blockquote>old reply</blockquote></div>", policy=policy.default)
    assert isinstance(msg, EmailMessage)
    assert new_text(msg, first_in_thread=False) == "Can I change the address?"
    first = message_from_bytes(b"From: a@b.c\r\nSubject: Order A10572 never arrived\r\n\r\n"
                               b"Hi, any news?\r\n", policy=policy.default)
    assert isinstance(first, EmailMessage)
    assert new_text(first, first_in_thread=True) == "Order A10572 never arrived\nHi, any news?"


def test_a_from_that_failed_authentication_links_no_account(api: Api,
                                                            relay: SmtpRelay) -> None:
    mail(api, body="Where is my order A10572?", message_id="<forged@example.com>",
         headers={"Authentication-Results": "mx.shop.test; dmarc=fail (p=reject) "
                  "header.from=example.com"})
    reply = wait_for(lambda: relay.received)[0]
    assert "A10572" not in reply.get_content()
    assert query(api, f"SELECT c.guest FROM customer c JOIN channel_identity i ON "
                      f"i.customer_id = c.id WHERE i.external_user = '{SHOPPER}'") == [(1,)]
