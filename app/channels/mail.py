"""Email: in through Kefu's own SMTP endpoint (aiosmtpd, behind the store's mail
server), out through the store's SMTP server, threaded like any mail client threads.

A thread is found by the ids an email refers to (In-Reply-To, References): one of the
shopper's earlier messages, the thread's first message, or one of Kefu's own replies,
whose Message-ID (``<kefu-<delivery>.<conversation>@domain>``) names its conversation.
A reply carries In-Reply-To and References, so clients file it under the thread, and
``Auto-Submitted: auto-replied`` when the bot wrote it, so no autoresponder answers it.
Automatic mail (out-of-office, bounces, lists) is never run through the pipeline.

The endpoint answers 250 only once the turn is stored and 451 when it could not be, so
the sending server retries instead of losing the email.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import smtplib
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import formataddr, formatdate, getaddresses, parseaddr
from typing import TYPE_CHECKING, Any

from app.channels.base import (
    ChannelResponse,
    DeliveryError,
    DeliveryKind,
    Handled,
    Inbound,
    Outbound,
    PermanentDeliveryError,
    RawRequest,
    Sender,
)
from app.channels.mailtext import bare_subject, new_text
from app.errors import ConfigError, ConflictError, ForbiddenError, InputError
from app.settings import Settings

if TYPE_CHECKING:
    from aiosmtpd.controller import Controller

    from app.runtime import Runtime

log = logging.getLogger(__name__)

MAX_EMAIL_BYTES = 2 * 1024 * 1024
MAX_REFERENCES = 10
TIMEOUT_S = 20.0
OWN_ID = re.compile(r"^<?kefu-\d+\.([A-Za-z0-9_]+)@", re.I)
AUTOMATIC_SENDERS = ("mailer-daemon", "postmaster", "no-reply", "noreply", "do-not-reply")


def _ids(value: object) -> list[str]:
    return re.findall(r"<[^<>\s]+>", str(value or ""))


def is_automatic(msg: EmailMessage, sender: str) -> str | None:
    """Why this email was sent by a machine (RFC 3834 and common practice), or None."""
    auto = str(msg.get("Auto-Submitted") or "no").strip().lower()
    if auto != "no":
        return "auto-submitted"
    if str(msg.get("Precedence") or "").strip().lower() in ("bulk", "junk", "list"):
        return "bulk or list mail"
    if msg.get("X-Autoreply") or msg.get("X-Autorespond") or msg.get("List-Id"):
        return "automatic reply or list mail"
    if sender.split("@", 1)[0].lower() in AUTOMATIC_SENDERS:
        return "sent by a mail system"
    if msg.get_content_type() == "multipart/report":
        return "delivery report"
    return None


def failed_authentication(msg: EmailMessage) -> bool:
    """The receiving server's Authentication-Results (RFC 8601) say DMARC, DKIM or SPF
    failed: the From address may be forged."""
    results = " ".join(str(v) for v in msg.get_all("Authentication-Results") or []).lower()
    return bool(re.search(r"\b(dmarc|spf|dkim)=(fail|softfail|permerror)\b", results))


class EmailChannel:
    name = "email"
    reply_deadline_s: float | None = None
    team_notes = False

    def __init__(self, settings: Settings) -> None:
        if not settings.email_address or "@" not in settings.email_address:
            raise ConfigError("the email channel needs KEFU_EMAIL_ADDRESS")
        self.settings = settings
        self.address = settings.email_address.strip().lower()
        self.domain = self.address.split("@", 1)[1]
        self._controller: Controller | None = None

    # --- inbound -------------------------------------------------------------------------
    def verify(self, request: RawRequest) -> None:
        if request.method != "SMTP":
            raise ForbiddenError("email arrives through the SMTP endpoint (KEFU_EMAIL_INBOUND)")

    def handshake(self, request: RawRequest) -> ChannelResponse:
        raise InputError("the email channel has no URL check")

    def parse(self, request: RawRequest) -> list[Inbound | str]:
        if len(request.body) > MAX_EMAIL_BYTES:
            raise InputError("email too large")
        msg = message_from_bytes(request.body, policy=policy.default)
        if not isinstance(msg, EmailMessage):
            raise InputError("not an email")
        name, sender = parseaddr(str(msg.get("From") or ""))
        sender = sender.strip().lower()
        if "@" not in sender:
            raise InputError("email without a From address")
        if sender == self.address:
            return ["sent by Kefu itself"]
        automatic = is_automatic(msg, sender)
        if automatic:
            return [automatic]
        own = (_ids(msg.get("Message-ID")) or [""])[0]
        if not own:  # rare, but a repeated delivery must still be recognised
            own = f"<sha256-{hashlib.sha256(request.body).hexdigest()[:40]}@{self.domain}>"
        parents = _ids(msg.get("In-Reply-To"))
        references = _ids(msg.get("References"))
        chain = [*references, *[p for p in parents if p not in references]]
        refs = tuple(_ref(i) for i in reversed(chain))  # the nearest parent first
        subject = bare_subject(str(msg.get("Subject") or ""))
        # a From the receiving server could not authenticate proves no account
        vouched = sender if not failed_authentication(msg) else None
        return [Inbound(
            external_id=own[:200], sender=Sender(external_user=sender, name=name or None,
                                                 email=vouched),
            text=new_text(msg, first_in_thread=not chain), thread=(chain or [own])[0],
            refs=refs, address={"to": sender, "name": name, "subject": subject,
                                "message_id": own,
                                "references": [*chain, own][-MAX_REFERENCES:]})]

    def respond(self, handled: list[Handled]) -> ChannelResponse:
        return ChannelResponse(body="250 OK")

    # --- outbound ------------------------------------------------------------------------
    def compose(self, out: Outbound) -> EmailMessage:
        address = out.address
        to = str(address.get("to") or "")
        if "@" not in to:
            raise PermanentDeliveryError("no email address to send to")
        msg = EmailMessage()
        msg["From"] = formataddr((self.settings.email_display_name or "", self.address))
        msg["To"] = formataddr((str(address.get("name") or ""), to))
        subject = str(address.get("subject") or "")
        msg["Subject"] = f"Re: {subject}" if subject else "Re: your message"
        # one id per delivery: a retry after a half-finished send is the same email
        msg["Message-ID"] = f"<kefu-{out.delivery_id}.{out.conversation_id}@{self.domain}>"
        msg["Date"] = formatdate(localtime=False)
        parent = address.get("message_id")
        if parent:
            msg["In-Reply-To"] = str(parent)
        references = [str(r) for r in address.get("references") or []][-MAX_REFERENCES:]
        if references:
            msg["References"] = " ".join(references)
        if out.role in ("bot", "system"):
            msg["Auto-Submitted"] = "auto-replied"
        msg.set_content(out.text)
        return msg

    def deliver(self, out: Outbound) -> None:
        if out.kind == DeliveryKind.note:
            return  # no team inbox in email: notes stay in Kefu's console
        msg = self.compose(out)
        s = self.settings
        try:
            with smtplib.SMTP(s.email_smtp_host, s.email_smtp_port, timeout=TIMEOUT_S) as smtp:
                if s.email_smtp_starttls:
                    smtp.starttls()
                if s.email_smtp_user:
                    smtp.login(s.email_smtp_user, s.email_smtp_password or "")
                smtp.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            raise PermanentDeliveryError("the SMTP server refused the recipient") from exc
        except smtplib.SMTPResponseException as exc:
            error = f"SMTP {exc.smtp_code}"
            raise (PermanentDeliveryError(error) if exc.smtp_code >= 500
                   else DeliveryError(error)) from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"SMTP server unreachable: {type(exc).__name__}") from exc

    # --- the SMTP endpoint ---------------------------------------------------------------
    def start(self, rt: Runtime) -> None:
        listen = self.settings.email_inbound
        if not listen:
            return
        from aiosmtpd.controller import Controller

        host, _, port = listen.rpartition(":")
        if not port.isdigit():
            raise ConfigError(f"KEFU_EMAIL_INBOUND must be host:port, not {listen!r}")
        controller = Controller(_Endpoint(rt, self), hostname=host or "127.0.0.1",
                                port=int(port), data_size_limit=MAX_EMAIL_BYTES)
        try:
            controller.start()
        except (OSError, RuntimeError) as exc:
            # several API processes share the settings: one of them listens, the others
            # only send (their delivery workers share the queue)
            log.error("email: cannot listen on %s (%s); this process does not receive mail",
                      listen, type(exc).__name__)
            return
        self._controller = controller
        log.info("email: SMTP endpoint on %s:%s for %s", host, port, self.address)

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def close(self) -> None:
        self.stop()


def _ref(message_id: str) -> str:
    own = OWN_ID.match(message_id)
    return f"kefu:{own.group(1)}" if own else message_id


class _Endpoint:
    """aiosmtpd handler: mail for Kefu's address only, one turn per email."""

    def __init__(self, rt: Runtime, channel: EmailChannel) -> None:
        self.rt = rt
        self.channel = channel

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        _, addr = parseaddr(address)
        if addr.strip().lower() != self.channel.address:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        from app.channels.inbound import receive

        raw = envelope.original_content or envelope.content
        request = RawRequest(method="SMTP", query={}, headers={
            "mail-from": str(envelope.mail_from or ""),
            "rcpt-to": ",".join(a for _, a in getaddresses(envelope.rcpt_tos))},
            body=raw if isinstance(raw, bytes) else str(raw).encode())
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(None, receive, self.rt, self.channel, request)
        except (InputError, ConflictError) as exc:
            # nothing a retry would change: accept it and say why in the log
            log.warning("email refused: %s", exc)
            return "250 OK (not processed)"
        except Exception as exc:
            log.error("email could not be stored, sender will retry: %s", type(exc).__name__)
            return "451 4.3.0 try again later"
        return "250 OK"


def create_channel(settings: Settings) -> EmailChannel:
    return EmailChannel(settings)
