"""Chatwoot: Kefu as an agent bot in a team's Chatwoot inbox.

Chatwoot posts the bot's webhook (``message_created`` ...) to ``POST /channels/chatwoot``;
the URL configured there carries ``?token=KEFU_CHATWOOT_WEBHOOK_TOKEN`` (Chatwoot does not
sign agent-bot webhooks). Only a contact's incoming, public text runs the pipeline; the
bot's own and the agents' messages come back as ``outgoing`` and are ignored.

Out, through Chatwoot's application API with the bot's ``api_access_token``: replies are
outgoing messages, and whenever a person must look (agent review, hand-off) Kefu opens
the conversation for the team (``toggle_status`` to ``open``; a bot's conversations
are ``pending``) and adds a private note with its suggestions.

A contact's email or phone links them to a customer only when Chatwoot vouches for it:
the inbox is an email, SMS or WhatsApp inbox, or the widget's identity is HMAC-verified.
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

import httpx

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
from app.errors import ConfigError, ForbiddenError, InputError
from app.settings import Settings

log = logging.getLogger(__name__)

TIMEOUT_S = 10.0
MAX_BODY = 512 * 1024
TRANSPORT_INBOXES = {"Channel::Email", "Channel::Sms", "Channel::TwilioSms",
                     "Channel::Whatsapp"}
OPENS = {DeliveryKind.handoff, DeliveryKind.waiting}


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _id(value: Any, what: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip():
        raise InputError(f"missing {what}")
    text = str(value).strip()
    if not text.isdigit():
        raise InputError(f"{what} is not a number")
    return text


class ChatwootChannel:
    name = "chatwoot"
    reply_deadline_s: float | None = None
    team_notes = True

    def __init__(self, settings: Settings, client: httpx.Client | None = None) -> None:
        if not settings.chatwoot_url or not settings.chatwoot_bot_token:
            raise ConfigError("the chatwoot channel needs KEFU_CHATWOOT_URL and "
                              "KEFU_CHATWOOT_BOT_TOKEN")
        if not settings.chatwoot_webhook_token:
            raise ConfigError("the chatwoot channel needs KEFU_CHATWOOT_WEBHOOK_TOKEN")
        self.base = settings.chatwoot_url.rstrip("/")
        self.bot_token = settings.chatwoot_bot_token
        self.webhook_token = settings.chatwoot_webhook_token
        self._client = client or httpx.Client(timeout=TIMEOUT_S)

    # --- inbound -------------------------------------------------------------------------
    def verify(self, request: RawRequest) -> None:
        given = request.query.get("token") or request.headers.get("x-kefu-token") or ""
        if not given or not hmac.compare_digest(given.encode(), self.webhook_token.encode()):
            raise ForbiddenError("bad Chatwoot webhook token")

    def handshake(self, request: RawRequest) -> ChannelResponse:
        return ChannelResponse(body="ok")

    def parse(self, request: RawRequest) -> list[Inbound | str]:
        if len(request.body) > MAX_BODY:
            raise InputError("request body too large")
        try:
            event = json.loads(request.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError("malformed JSON") from exc
        if not isinstance(event, dict):
            raise InputError("the webhook body must be a JSON object")
        name = event.get("event")
        if not isinstance(name, str) or not name:
            raise InputError("missing event")
        if name != "message_created":
            return [f"event {name}"]
        if event.get("message_type") not in ("incoming", 0):
            return ["not an incoming message"]  # the bot's own replies, agents' messages
        if event.get("private"):
            return ["private note"]
        content = event.get("content")
        if not isinstance(content, str) or not content.strip():
            return ["no text"]  # attachments only
        account = _id(_obj(event.get("account")).get("id"), "account.id")
        conv = _obj(event.get("conversation"))
        conversation = _id(conv.get("display_id") or conv.get("id"), "conversation.id")
        contact = _obj(_obj(conv.get("meta")).get("sender")) or _obj(event.get("sender"))
        contact_id = _id(contact.get("id"), "sender.id")
        trusted = (conv.get("channel") in TRANSPORT_INBOXES
                   or bool(_obj(conv.get("contact_inbox")).get("hmac_verified")))
        sender = Sender(external_user=f"{account}:{contact_id}",
                        name=str(contact.get("name") or "")[:200] or None,
                        email=str(contact.get("email") or "") or None if trusted else None,
                        phone=str(contact.get("phone_number") or "") or None if trusted
                        else None)
        return [Inbound(external_id=f"cw:{account}:{_id(event.get('id'), 'id')}",
                        sender=sender, text=content, thread=f"{account}:{conversation}",
                        address={"account_id": account, "conversation_id": conversation})]

    def respond(self, handled: list[Handled]) -> ChannelResponse:
        done = [h for h in handled if h.ignored is None]
        body = {"received": len(done), "duplicates": sum(h.duplicate for h in done),
                "ignored": [h.ignored for h in handled if h.ignored is not None]}
        return ChannelResponse(body=json.dumps(body), media_type="application/json")

    # --- outbound ------------------------------------------------------------------------
    def deliver(self, out: Outbound) -> None:
        account = out.address.get("account_id")
        conversation = out.address.get("conversation_id")
        if not account or not conversation:
            raise PermanentDeliveryError("no Chatwoot conversation to post to")
        path = f"/api/v1/accounts/{account}/conversations/{conversation}"
        if out.kind in OPENS:
            # first, so a retry after a failed message only opens it again (harmless)
            self._post(f"{path}/toggle_status", {"status": "open"})
        private = out.kind == DeliveryKind.note
        self._post(f"{path}/messages", {"content": out.text, "message_type": "outgoing",
                                        "private": private, "content_type": "text"})

    def _post(self, path: str, body: dict[str, Any]) -> None:
        try:
            res = self._client.post(f"{self.base}{path}", json=body,
                                    headers={"api_access_token": self.bot_token})
        except httpx.HTTPError as exc:
            raise DeliveryError(f"Chatwoot unreachable: {type(exc).__name__}") from exc
        if res.status_code < 300:
            return
        error = f"Chatwoot HTTP {res.status_code} on {path.rsplit('/', 1)[-1]}"
        if res.status_code == 429 or res.status_code >= 500:
            raise DeliveryError(error)
        raise PermanentDeliveryError(error)  # bad token, gone conversation: no retry helps

    def close(self) -> None:
        self._client.close()


def create_channel(settings: Settings) -> ChatwootChannel:
    return ChatwootChannel(settings)
