"""WeChat Official Account (公众号): the server URL check, text messages in as XML, answers
as a passive XML reply or through the customer-service message API (客服消息).

Plaintext mode: every request carries ``signature = sha1(sorted(token, timestamp,
nonce))``; a request without the right one is refused (403). Safe mode (安全模式,
``KEFU_WECHAT_AES_KEY``): messages arrive with ``encrypt_type=aes`` and a
``msg_signature`` over the ``<Encrypt>`` element, which holds the message encrypted for
this AppID (:mod:`app.channels.wxcrypt`); passive replies go back encrypted the same
way. A plaintext message is refused (403) in safe mode; compatible mode (兼容模式)
accepts both and answers each in its own form. The URL check is the plain signature
check in every mode.

WeChat waits 5 seconds for the callback's answer and then retries with the same MsgId,
so the callback answers with the reply when the turn is done in time, else with
"success" and the queue sends it through ``/cgi-bin/message/custom/send``
(:mod:`app.channels.wxapi` caches the access token).
"""

from __future__ import annotations

import hmac
import logging

import httpx

from app.channels.base import (
    ChannelResponse,
    DeliveryKind,
    Handled,
    Inbound,
    Outbound,
    PermanentDeliveryError,
    RawRequest,
    Sender,
)
from app.channels.wxapi import ApiSpec, TokenApi
from app.channels.wxcrypt import WXCrypt, encrypted_field
from app.channels.wxxml import parse_xml, passive_xml, signature
from app.errors import ConfigError, ForbiddenError, InputError
from app.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["WeChatChannel", "create_channel", "parse_xml", "passive_xml", "signature"]

# the access token is not (or no longer) valid: fetch a new one and try once more
TOKEN_ERRORS = frozenset({40001, 40014, 42001})
# the shopper cannot be written to (48-hour window over, unsubscribed, unknown openid)
PERMANENT_ERRORS = frozenset({40003, 43004, 45015, 45047, 48001})


def is_encrypted(request: RawRequest) -> bool:
    kind = request.query.get("encrypt_type", "raw")
    if kind not in ("raw", "aes"):
        raise InputError("unknown encrypt_type")
    return kind == "aes"


class WeChatChannel:
    name = "wechat"
    reply_deadline_s: float | None
    team_notes = False

    def __init__(self, settings: Settings, client: httpx.Client | None = None) -> None:
        if not settings.wechat_token:
            raise ConfigError("the wechat channel needs KEFU_WECHAT_TOKEN")
        self.token = settings.wechat_token
        self.mode = settings.wechat_encryption or (
            "safe" if settings.wechat_aes_key else "plaintext")
        self.crypt: WXCrypt | None = None
        if self.mode != "plaintext":
            if not settings.wechat_aes_key or not settings.wechat_app_id:
                raise ConfigError(f"WeChat {self.mode} mode needs KEFU_WECHAT_AES_KEY and "
                                  "KEFU_WECHAT_APP_ID")
            self.crypt = WXCrypt(self.token, settings.wechat_aes_key, settings.wechat_app_id,
                                 setting="KEFU_WECHAT_AES_KEY")
        self.reply_deadline_s = settings.wechat_reply_deadline_s
        credentials = settings.wechat_app_id and settings.wechat_app_secret
        self.api = TokenApi(ApiSpec(
            label="WeChat", base=settings.wechat_api_base, token_path="/cgi-bin/token",
            token_params={"grant_type": "client_credential",
                          "appid": settings.wechat_app_id or "",
                          "secret": settings.wechat_app_secret or ""} if credentials else None,
            missing="KEFU_WECHAT_APP_ID and KEFU_WECHAT_APP_SECRET are needed to send",
            token_errors=TOKEN_ERRORS, permanent_errors=PERMANENT_ERRORS), client)

    # --- inbound -------------------------------------------------------------------------
    def verify(self, request: RawRequest) -> None:
        q = request.query
        if request.method == "POST" and is_encrypted(request):
            self._crypt().check(q.get("msg_signature", ""), q.get("timestamp", ""),
                                q.get("nonce", ""), encrypted_field(request.body))
            return
        sig, timestamp, nonce = q.get("signature", ""), q.get("timestamp", ""), q.get("nonce", "")
        if not (sig and timestamp and nonce) or not hmac.compare_digest(
                sig.lower(), signature(self.token, timestamp, nonce)):
            raise ForbiddenError("bad WeChat signature")
        if request.method == "POST" and self.mode == "safe":
            raise ForbiddenError("plaintext message refused: the account is in safe mode")

    def _crypt(self) -> WXCrypt:
        if self.crypt is None:
            raise InputError("encrypted (safe mode) messages need KEFU_WECHAT_AES_KEY")
        return self.crypt

    def handshake(self, request: RawRequest) -> ChannelResponse:
        echo = request.query.get("echostr")
        if not echo:
            raise InputError("missing echostr")
        return ChannelResponse(body=echo)

    def parse(self, request: RawRequest) -> list[Inbound | str]:
        encrypted = is_encrypted(request)
        if encrypted:
            fields = parse_xml(self._crypt().decrypt(encrypted_field(request.body)))
        else:
            fields = parse_xml(request.body)
        kind, user, account = fields.get("MsgType"), fields.get("FromUserName"), fields.get(
            "ToUserName")
        if not kind or not user or not account:
            raise InputError("missing MsgType, FromUserName or ToUserName")
        if kind != "text":
            # events (subscribe, menu clicks) and media: nothing for the pipeline to read
            return [f"{kind} message"]
        msg_id = fields.get("MsgId") or f"{user}:{fields.get('CreateTime', '')}"
        address: dict[str, object] = {"openid": user, "account": account}
        if encrypted:
            address["encrypted"] = True  # the passive reply goes back encrypted
        return [Inbound(external_id=f"wx:{msg_id}", sender=Sender(external_user=user),
                        text=fields.get("Content", ""), thread=user, address=address)]

    def respond(self, handled: list[Handled]) -> ChannelResponse:
        for done in handled:
            if done.passive_text and done.message is not None:
                address = done.message.address
                xml = passive_xml(to_user=address["openid"], from_user=address["account"],
                                  text=done.passive_text)
                if address.get("encrypted"):
                    xml = self._crypt().seal(xml)
                return ChannelResponse(body=xml, media_type="application/xml")
        # "success": WeChat shows nothing and does not retry (in every mode)
        return ChannelResponse(body="success")

    # --- outbound ------------------------------------------------------------------------
    def deliver(self, out: Outbound) -> None:
        if out.kind == DeliveryKind.note:
            return  # no team inbox on WeChat: notes stay in Kefu's console
        openid = out.address.get("openid")
        if not openid:
            raise PermanentDeliveryError("no openid to send to")
        self.api.send("/cgi-bin/message/custom/send",
                      {"touser": openid, "msgtype": "text", "text": {"content": out.text}})

    def close(self) -> None:
        self.api.close()


def create_channel(settings: Settings) -> WeChatChannel:
    return WeChatChannel(settings)
