"""WeChat Official Account (公众号) in plaintext mode: the server URL check, text
messages in as XML, answers as a passive XML reply or through the customer-service
message API (客服消息).

Every request carries ``signature = sha1(sorted(token, timestamp, nonce))``; a request
without the right one is refused (403). WeChat waits 5 seconds for the callback's
answer and then retries with the same MsgId, so the callback answers with the reply
when the turn is done in time, else with "success" and the queue sends it through
``/cgi-bin/message/custom/send``. The access token is cached until shortly before it
expires and fetched again when WeChat says it is no longer valid.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time
import xml.etree.ElementTree as ET
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

MAX_BODY = 64 * 1024
TOKEN_MARGIN_S = 300
TIMEOUT_S = 10.0
# the access token is not (or no longer) valid: fetch a new one and try once more
TOKEN_ERRORS = {40001, 40014, 42001}
# the shopper cannot be written to (48-hour window over, unsubscribed, unknown openid)
PERMANENT_ERRORS = {40003, 43004, 45015, 45047, 48001}


def signature(token: str, timestamp: str, nonce: str) -> str:
    return hashlib.sha1("".join(sorted([token, timestamp, nonce])).encode()).hexdigest()


def _cdata(text: str) -> str:
    # "]]>" would end the section early: split it across two sections
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def passive_xml(*, to_user: str, from_user: str, text: str, now: int | None = None) -> str:
    return ("<xml>"
            f"<ToUserName>{_cdata(to_user)}</ToUserName>"
            f"<FromUserName>{_cdata(from_user)}</FromUserName>"
            f"<CreateTime>{int(now or time.time())}</CreateTime>"
            "<MsgType><![CDATA[text]]></MsgType>"
            f"<Content>{_cdata(text)}</Content>"
            "</xml>")


def parse_xml(body: bytes) -> dict[str, str]:
    """The callback's fields; entity declarations are refused (WeChat never sends one)."""
    if len(body) > MAX_BODY:
        raise InputError("request body too large")
    if b"<!DOCTYPE" in body.upper() or b"<!ENTITY" in body.upper():
        raise InputError("XML with a DOCTYPE or ENTITY declaration is not accepted")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise InputError("malformed XML") from exc
    if root.tag != "xml":
        raise InputError("not a WeChat message (root element is not <xml>)")
    return {child.tag: (child.text or "").strip() for child in root}


class WeChatChannel:
    name = "wechat"
    reply_deadline_s: float | None
    team_notes = False

    def __init__(self, settings: Settings, client: httpx.Client | None = None) -> None:
        if not settings.wechat_token:
            raise ConfigError("the wechat channel needs KEFU_WECHAT_TOKEN")
        self.token = settings.wechat_token
        self.app_id = settings.wechat_app_id
        self.app_secret = settings.wechat_app_secret
        self.api = settings.wechat_api_base.rstrip("/")
        self.reply_deadline_s = settings.wechat_reply_deadline_s
        self._client = client or httpx.Client(timeout=TIMEOUT_S)
        self._lock = threading.Lock()
        self._access: tuple[str, float] | None = None  # token, expiry (monotonic)

    # --- inbound -------------------------------------------------------------------------
    def verify(self, request: RawRequest) -> None:
        q = request.query
        sig, timestamp, nonce = q.get("signature", ""), q.get("timestamp", ""), q.get("nonce", "")
        if not (sig and timestamp and nonce) or not hmac.compare_digest(
                sig.lower(), signature(self.token, timestamp, nonce)):
            raise ForbiddenError("bad WeChat signature")

    def handshake(self, request: RawRequest) -> ChannelResponse:
        echo = request.query.get("echostr")
        if not echo:
            raise InputError("missing echostr")
        return ChannelResponse(body=echo)

    def parse(self, request: RawRequest) -> list[Inbound | str]:
        if request.query.get("encrypt_type", "raw") != "raw":
            raise InputError("encrypted (safe mode) messages are not supported; use "
                             "plaintext mode")
        fields = parse_xml(request.body)
        kind, user, account = fields.get("MsgType"), fields.get("FromUserName"), fields.get(
            "ToUserName")
        if not kind or not user or not account:
            raise InputError("missing MsgType, FromUserName or ToUserName")
        if kind != "text":
            # events (subscribe, menu clicks) and media: nothing for the pipeline to read
            return [f"{kind} message"]
        msg_id = fields.get("MsgId") or f"{user}:{fields.get('CreateTime', '')}"
        return [Inbound(external_id=f"wx:{msg_id}", sender=Sender(external_user=user),
                        text=fields.get("Content", ""), thread=user,
                        address={"openid": user, "account": account})]

    def respond(self, handled: list[Handled]) -> ChannelResponse:
        for done in handled:
            if done.passive_text and done.message is not None:
                address = done.message.address
                return ChannelResponse(
                    body=passive_xml(to_user=address["openid"], from_user=address["account"],
                                     text=done.passive_text),
                    media_type="application/xml")
        # "success": WeChat shows nothing and does not retry
        return ChannelResponse(body="success")

    # --- outbound ------------------------------------------------------------------------
    def deliver(self, out: Outbound) -> None:
        if out.kind == DeliveryKind.note:
            return  # no team inbox on WeChat: notes stay in Kefu's console
        openid = out.address.get("openid")
        if not openid:
            raise PermanentDeliveryError("no openid to send to")
        body = {"touser": openid, "msgtype": "text", "text": {"content": out.text}}
        for attempt in (1, 2):
            answer = self._post("/cgi-bin/message/custom/send", body)
            code = int(answer.get("errcode", 0) or 0)
            if code == 0:
                return
            if code in TOKEN_ERRORS and attempt == 1:
                self._forget_token()
                continue
            error = f"WeChat errcode {code}"
            raise (PermanentDeliveryError(error) if code in PERMANENT_ERRORS
                   else DeliveryError(error))

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        token = self._token()
        # WeChat shows \\uXXXX escapes literally: the JSON must carry real UTF-8
        data = json.dumps(body, ensure_ascii=False).encode()
        try:
            res = self._client.post(f"{self.api}{path}", params={"access_token": token},
                                    content=data,
                                    headers={"Content-Type": "application/json"})
        except httpx.HTTPError as exc:
            raise DeliveryError(f"WeChat API unreachable: {type(exc).__name__}") from exc
        return self._json(res)

    def _json(self, res: httpx.Response) -> dict[str, Any]:
        if res.status_code >= 400:
            raise DeliveryError(f"WeChat API HTTP {res.status_code}")
        try:
            answer = res.json()
        except ValueError as exc:
            raise DeliveryError("WeChat API answered something that is not JSON") from exc
        if not isinstance(answer, dict):
            raise DeliveryError("WeChat API answered something that is not an object")
        return answer

    def _token(self) -> str:
        with self._lock:
            now = time.monotonic()
            if self._access is not None and self._access[1] > now:
                return self._access[0]
            if not self.app_id or not self.app_secret:
                raise PermanentDeliveryError(
                    "KEFU_WECHAT_APP_ID and KEFU_WECHAT_APP_SECRET are needed to send")
            try:
                res = self._client.get(f"{self.api}/cgi-bin/token", params={
                    "grant_type": "client_credential", "appid": self.app_id,
                    "secret": self.app_secret})
            except httpx.HTTPError as exc:
                raise DeliveryError(f"WeChat token API unreachable: {type(exc).__name__}") \
                    from exc
            answer = self._json(res)
            token = answer.get("access_token")
            if not token:
                raise DeliveryError(f"WeChat token API errcode {answer.get('errcode')}")
            ttl = float(answer.get("expires_in") or 7200)
            self._access = (str(token), now + max(60.0, ttl - TOKEN_MARGIN_S))
            return self._access[0]

    def _forget_token(self) -> None:
        with self._lock:
            self._access = None

    def close(self) -> None:
        self._client.close()


def create_channel(settings: Settings) -> WeChatChannel:
    return WeChatChannel(settings)
