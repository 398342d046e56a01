"""WeCom (企业微信) self-built app callbacks: always encrypted, answered passively within
the deadline or through the app message API (``/cgi-bin/message/send``).

The callback URL check is a GET with ``msg_signature, timestamp, nonce, echostr``: the
signature covers the encrypted ``echostr``, which is decrypted and answered as it is.
Messages are POSTs whose ``<Encrypt>`` element is signed the same way and encrypted
for the CorpID (:mod:`app.channels.wxcrypt`); a bad signature or another CorpID is a
403. The member's UserID is the sender; replies later than the deadline go out as the
app (``KEFU_WECOM_AGENT_ID``) with an access token from ``/cgi-bin/gettoken``
(:mod:`app.channels.wxapi`, cached and renewed like the Official Account's).
"""

from __future__ import annotations

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
from app.channels.wxxml import parse_xml, passive_xml
from app.errors import ConfigError, InputError
from app.settings import Settings

# the access token is not (or no longer) valid: fetch a new one and try once more
TOKEN_ERRORS = frozenset({40014, 42001})
# the member cannot be written to: bad or unknown UserID, outside the app's visible range
PERMANENT_ERRORS = frozenset({40031, 60111, 81013, 82001})


class WeComChannel:
    name = "wecom"
    reply_deadline_s: float | None
    team_notes = False

    def __init__(self, settings: Settings, client: httpx.Client | None = None) -> None:
        needed = {"KEFU_WECOM_TOKEN": settings.wecom_token,
                  "KEFU_WECOM_AES_KEY": settings.wecom_aes_key,
                  "KEFU_WECOM_CORP_ID": settings.wecom_corp_id}
        missing = [name for name, value in needed.items() if not value]
        if missing:
            raise ConfigError(f"the wecom channel needs {', '.join(missing)}")
        corp_id = str(settings.wecom_corp_id)
        self.crypt = WXCrypt(str(settings.wecom_token), str(settings.wecom_aes_key), corp_id,
                             setting="KEFU_WECOM_AES_KEY")
        self.agent_id = settings.wecom_agent_id
        self.reply_deadline_s = settings.wecom_reply_deadline_s
        secret = settings.wecom_secret
        self.api = TokenApi(ApiSpec(
            label="WeCom", base=settings.wecom_api_base, token_path="/cgi-bin/gettoken",
            token_params={"corpid": corp_id, "corpsecret": secret} if secret else None,
            missing="KEFU_WECOM_SECRET is needed to send",
            token_errors=TOKEN_ERRORS, permanent_errors=PERMANENT_ERRORS), client)

    # --- inbound -------------------------------------------------------------------------
    def verify(self, request: RawRequest) -> None:
        q = request.query
        encrypted = (q.get("echostr", "") if request.method == "GET"
                     else encrypted_field(request.body))
        self.crypt.check(q.get("msg_signature", ""), q.get("timestamp", ""),
                         q.get("nonce", ""), encrypted)

    def handshake(self, request: RawRequest) -> ChannelResponse:
        echo = request.query.get("echostr")
        if not echo:
            raise InputError("missing echostr")
        return ChannelResponse(body=self.crypt.decrypt(echo))

    def parse(self, request: RawRequest) -> list[Inbound | str]:
        fields = parse_xml(self.crypt.decrypt(encrypted_field(request.body)))
        kind, user, corp = fields.get("MsgType"), fields.get("FromUserName"), fields.get(
            "ToUserName")
        if not kind or not user or not corp:
            raise InputError("missing MsgType, FromUserName or ToUserName")
        agent = fields.get("AgentID")
        if self.agent_id is not None and agent and agent != str(self.agent_id):
            return ["message for another app"]
        if kind != "text":
            # events (enter_agent, menu clicks) and media: nothing for the pipeline to read
            return [f"{kind} message"]
        msg_id = fields.get("MsgId") or f"{user}:{fields.get('CreateTime', '')}"
        return [Inbound(external_id=f"wecom:{msg_id}", sender=Sender(external_user=user),
                        text=fields.get("Content", ""), thread=user,
                        address={"userid": user, "corp": corp})]

    def respond(self, handled: list[Handled]) -> ChannelResponse:
        for done in handled:
            if done.passive_text and done.message is not None:
                address = done.message.address
                xml = passive_xml(to_user=address["userid"], from_user=address["corp"],
                                  text=done.passive_text)
                return ChannelResponse(body=self.crypt.seal(xml),
                                       media_type="application/xml")
        # an empty 200: received, nothing to show, no retry
        return ChannelResponse(body="")

    # --- outbound ------------------------------------------------------------------------
    def deliver(self, out: Outbound) -> None:
        if out.kind == DeliveryKind.note:
            return  # no team inbox on WeCom: notes stay in Kefu's console
        userid = out.address.get("userid")
        if not userid:
            raise PermanentDeliveryError("no UserID to send to")
        if self.agent_id is None:
            raise PermanentDeliveryError("KEFU_WECOM_AGENT_ID is needed to send")
        answer = self.api.send("/cgi-bin/message/send", {
            "touser": userid, "msgtype": "text", "agentid": self.agent_id,
            "text": {"content": out.text}})
        if answer.get("invaliduser"):
            # errcode 0, yet the member is outside the app's visible range
            raise PermanentDeliveryError("WeCom: the UserID is invalid for this app")

    def close(self) -> None:
        self.api.close()


def create_channel(settings: Settings) -> WeComChannel:
    return WeComChannel(settings)
