"""WeChat Official Account: URL verification, signatures, text in as XML, the passive
reply within the deadline, the customer-service API (a local fake) after it; safe mode
(encrypted in, encrypted out, every malformed request a 4xx) and compatible mode."""

from __future__ import annotations

import base64
import logging
import sqlite3
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.channels.wechat import WeChatChannel, passive_xml, signature
from app.channels.wxcrypt import WXCrypt, msg_signature
from app.errors import ConfigError
from app.settings import Settings
from tests.api_helpers import Api
from tests.fakes.channel_apis import WeChatApi, wait_for
from tests.fakes.channel_app import channel_api

TOKEN = "wx-callback-token"
ACCOUNT = "gh_shop"


@pytest.fixture
def wx() -> Iterator[WeChatApi]:
    with WeChatApi() as server:
        yield server


def make_api(template: Path, folder: Path, wx: WeChatApi, **extra: Any) -> Any:
    return channel_api(template, folder, channels=["wechat"], wechat_token=TOKEN,
                       wechat_app_id="wx-app", wechat_app_secret="wx-secret",
                       wechat_api_base=wx.url, delivery_max_attempts=3, **extra)


@pytest.fixture
def api(initialised_template: Path, tmp_path: Path, wx: WeChatApi) -> Iterator[Api]:
    with make_api(initialised_template, tmp_path, wx) as api:
        # the first turn of a process loads the models (seconds): not what WeChat's
        # 5-second window is about here
        api.say(api.start(), "hello")
        yield api


def signed(nonce: str = "n1", timestamp: str | None = None) -> dict[str, str]:
    ts = timestamp or str(int(time.time()))
    return {"signature": signature(TOKEN, ts, nonce), "timestamp": ts, "nonce": nonce}


def text_xml(openid: str, content: str, msg_id: str) -> str:
    return (f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>"
            f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content><![CDATA[{content}]]></Content><MsgId>{msg_id}</MsgId></xml>")


def post(api: Api, body: str, params: dict[str, str] | None = None) -> Any:
    return api.client.post("/channels/wechat", params=params or signed(),
                           content=body.encode(), headers={"Content-Type": "text/xml"})


def reply_of(res: Any) -> dict[str, str]:
    assert res.status_code == 200, res.text
    root = ET.fromstring(res.content)
    return {child.tag: child.text or "" for child in root}


def count(api: Api, table: str) -> int:
    with sqlite3.connect(api.home / "kefu.db") as conn:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_url_verification_echoes_only_a_signed_request(api: Api) -> None:
    res = api.client.get("/channels/wechat", params={**signed(), "echostr": "abc123"})
    assert res.status_code == 200 and res.text == "abc123"
    bad = {**signed(), "signature": "0" * 40, "echostr": "abc123"}
    assert api.client.get("/channels/wechat", params=bad).status_code == 403
    assert api.client.get("/channels/wechat", params={"echostr": "x"}).status_code == 403


@pytest.mark.parametrize(("body", "params", "status"), [
    (text_xml("o1", "hi", "1"), {**signed(), "signature": "f" * 40}, 403),
    (text_xml("o1", "hi", "1"), {}, 403),
    ("<xml><MsgType>text", None, 400),
    ("<!DOCTYPE x [<!ENTITY a 'b'>]><xml><MsgType>&a;</MsgType></xml>", None, 400),
    ("<xml><Content>no type</Content></xml>", None, 400),
    ("<notxml/>", None, 400),
])
def test_bad_posts(api: Api, body: str, params: dict[str, str] | None, status: int) -> None:
    res = api.client.post("/channels/wechat", params=signed() if params is None else params,
                          content=body.encode())
    assert res.status_code == status, res.text


def test_a_text_message_is_answered_passively_and_once(api: Api, wx: WeChatApi) -> None:
    res = post(api, text_xml("o-linked", "What is your return policy?", "9001"))
    reply = reply_of(res)
    assert res.headers["content-type"].startswith("application/xml")
    assert reply["ToUserName"] == "o-linked" and reply["FromUserName"] == ACCOUNT
    assert reply["MsgType"] == "text" and len(reply["Content"]) > 20
    messages = count(api, "message")
    # WeChat repeats a callback whose answer it did not get: the same answer, no new turn
    again = reply_of(post(api, text_xml("o-linked", "What is your return policy?", "9001")))
    assert again["Content"] == reply["Content"] and count(api, "message") == messages
    with sqlite3.connect(api.home / "kefu.db") as conn:
        assert conn.execute("SELECT status FROM delivery").fetchall() == [("sent",)]
    time.sleep(0.3)
    assert wx.sent == []  # answered in the callback, never again through the API


def test_events_and_media_get_success(api: Api) -> None:
    event = (f"<xml><ToUserName>{ACCOUNT}</ToUserName><FromUserName>o2</FromUserName>"
             "<CreateTime>1</CreateTime><MsgType>event</MsgType><Event>subscribe</Event></xml>")
    before = count(api, "message")
    res = post(api, event)
    assert res.status_code == 200 and res.text == "success"
    assert count(api, "message") == before


def test_a_late_answer_goes_through_the_customer_service_api(
        initialised_template: Path, tmp_path: Path, wx: WeChatApi) -> None:
    with make_api(initialised_template, tmp_path, wx, wechat_reply_deadline_s=0.001) as api:
        res = post(api, text_xml("o-late", "怎么退货？", "7001"))
        assert res.status_code == 200 and res.text == "success"
        sent = wait_for(lambda: wx.sent)
        assert sent[0]["touser"] == "o-late" and sent[0]["msgtype"] == "text"
        assert sent[0]["text"]["content"]
        # the JSON carries real UTF-8, not \\u escapes WeChat would show as they are
        post(api, text_xml("o-late", "发票怎么开？", "7002"))
        wait_for(lambda: len(wx.sent) == 2)
        assert wx.tokens_issued == 1  # the access token is cached
        # WeChat invalidates it: fetched again, the message still goes out
        wx.tokens_issued += 1
        post(api, text_xml("o-late", "运费多少？", "7003"))
        wait_for(lambda: len(wx.sent) == 3)
        assert wx.tokens_issued == 3


def test_a_shopper_out_of_reach_is_a_dead_letter(initialised_template: Path, tmp_path: Path,
                                                 wx: WeChatApi) -> None:
    with make_api(initialised_template, tmp_path, wx, wechat_reply_deadline_s=0.001) as api:
        wx.errcodes = [45015]  # the 48-hour window is over
        post(api, text_xml("o-gone", "What is your return policy?", "8001"))

        def status() -> Any:
            with sqlite3.connect(api.home / "kefu.db") as conn:
                return conn.execute("SELECT status, attempts, last_error FROM delivery"
                                    ).fetchall()

        assert wait_for(lambda: status() and status()[0][0] == "dead")
        assert status()[0][1:] == (1, "WeChat errcode 45015")


def test_guest_is_asked_to_link_and_sees_orders_once_bound(api: Api) -> None:
    question = "Where is my order A10572?"
    guest = reply_of(post(api, text_xml("o-guest", question, "6001")))["Content"]
    assert "link" in guest.lower() and "A10572" not in guest
    assert "delivered" not in guest.lower()
    with sqlite3.connect(api.home / "kefu.db") as conn:
        (cid, guest_flag), = conn.execute(
            "SELECT c.id, c.guest FROM customer c JOIN channel_identity i ON "
            "i.customer_id = c.id WHERE i.external_user = 'o-guest'").fetchall()
        assert guest_flag == 1
        # the transcript shows what the shopper was told
        assert conn.execute("SELECT text FROM message WHERE role = 'bot' AND channel = "
                            "'wechat'").fetchall() == [(guest,)]
    bound = api.ok("POST", "/api/channels/identities", "agent", json={
        "channel": "wechat", "external_user": "o-guest", "customer_id": "C001"})
    assert bound["verified"] and bound["linked_by"].startswith("agent:")
    answer = reply_of(post(api, text_xml("o-guest", question, "6002")))["Content"]
    assert "A10572" in answer, answer
    with sqlite3.connect(api.home / "kefu.db") as conn:
        owners = conn.execute("SELECT DISTINCT customer_id FROM conversation "
                              "WHERE channel = 'wechat'").fetchall()
    assert owners == [("C001",)] and cid != "C001"


def test_passive_reply_xml_escapes_cdata_ends() -> None:
    xml = passive_xml(to_user="o", from_user="gh", text="a ]]> b", now=1)
    assert ET.fromstring(xml).find("Content").text == "a ]]> b"  # type: ignore[union-attr]


# --- safe mode (安全模式) and compatible mode -----------------------------------------------
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
CRYPT = WXCrypt(TOKEN, AES_KEY, "wx-app")


def encrypted_post(api: Api, body: str, *, crypt: WXCrypt = CRYPT, encrypted: str | None = None,
                   sign_as: str | None = None, msg_sig: str | None = None) -> Any:
    """``body`` as WeChat sends it in safe mode: encrypted for the AppID, signed (or
    ``encrypted`` as it is, signed as if it were ``sign_as``)."""
    enc = encrypted if encrypted is not None else crypt.encrypt(body)
    params = {**signed("n-aes"), "encrypt_type": "aes", "openid": "o"}
    params["msg_signature"] = msg_sig or msg_signature(TOKEN, params["timestamp"], "n-aes",
                                                       sign_as or enc)
    envelope = f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName><Encrypt><![CDATA[{enc}]]>" \
               "</Encrypt></xml>"
    return api.client.post("/channels/wechat", params=params, content=envelope.encode())


def opened(res: Any) -> dict[str, str]:
    """The passive reply inside an encrypted answer, its signature checked."""
    envelope = reply_of(res)
    assert set(envelope) == {"Encrypt", "MsgSignature", "TimeStamp", "Nonce"}
    CRYPT.check(envelope["MsgSignature"], envelope["TimeStamp"], envelope["Nonce"],
                envelope["Encrypt"])
    return {child.tag: child.text or "" for child in ET.fromstring(
        CRYPT.decrypt(envelope["Encrypt"]))}


def test_safe_mode_answers_encrypted_once_and_refuses_plaintext(
        initialised_template: Path, tmp_path: Path, wx: WeChatApi) -> None:
    with make_api(initialised_template, tmp_path, wx, wechat_aes_key=AES_KEY) as api:
        api.say(api.start(), "hello")
        question = text_xml("o-safe", "What is your return policy?", "5001")
        reply = opened(encrypted_post(api, question))
        assert reply["ToUserName"] == "o-safe" and reply["FromUserName"] == ACCOUNT
        assert reply["MsgType"] == "text" and len(reply["Content"]) > 20
        messages = count(api, "message")
        assert opened(encrypted_post(api, question))["Content"] == reply["Content"]
        assert count(api, "message") == messages
        # a plaintext message with the right plain signature: refused, nothing run
        assert post(api, text_xml("o-safe", "hi", "5002")).status_code == 403
        # the URL check stays the plain signature check
        res = api.client.get("/channels/wechat", params={**signed(), "echostr": "e1"})
        assert res.status_code == 200 and res.text == "e1"
        assert count(api, "message") == messages


def test_safe_mode_refusals_are_4xx_and_logged_without_bodies(
        initialised_template: Path, tmp_path: Path, wx: WeChatApi,
        caplog: pytest.LogCaptureFixture) -> None:
    secret = "SECRET-BODY-0427"
    body = text_xml("o-x", secret, "4001")
    key = base64.b64decode(AES_KEY + "=")
    unpadded = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    bad_padding = base64.b64encode(unpadded.update(b"a" * 31 + b"\x00") + unpadded.finalize())
    good = CRYPT.encrypt(body)
    cases: list[tuple[str, dict[str, Any], int]] = [
        ("bad msg_signature", {"msg_sig": "0" * 40}, 403),
        ("tampered ciphertext", {"encrypted": good[:-8] + "AAAAAAA=", "sign_as": good}, 403),
        ("another AppID", {"crypt": WXCrypt(TOKEN, AES_KEY, "wx-other")}, 403),
        ("bad padding", {"encrypted": bad_padding.decode()}, 400),
        ("short ciphertext", {"encrypted": base64.b64encode(b"x" * 16).decode()}, 400),
        ("not base64", {"encrypted": "%%%"}, 400),
        ("not XML inside", {"encrypted": CRYPT.encrypt(f"<xml>{secret}")}, 400),
    ]
    with make_api(initialised_template, tmp_path, wx, wechat_aes_key=AES_KEY) as api:
        caplog.set_level(logging.INFO)
        for name, how, status in cases:
            res = encrypted_post(api, body, **how)
            assert res.status_code == status, (name, res.text)
            assert secret not in res.text
        res = api.client.post("/channels/wechat", params={
            **signed(), "encrypt_type": "aes", "msg_signature": "0" * 40},
            content=b"<xml><ToUserName>x</ToUserName></xml>")
        assert res.status_code == 400  # no <Encrypt> element
        assert count(api, "message") == 0
    assert "refused" in caplog.text and secret not in caplog.text


def test_compatible_mode_answers_each_message_in_its_own_form(
        initialised_template: Path, tmp_path: Path, wx: WeChatApi) -> None:
    with make_api(initialised_template, tmp_path, wx, wechat_aes_key=AES_KEY,
                  wechat_encryption="compatible") as api:
        api.say(api.start(), "hello")
        plain = reply_of(post(api, text_xml("o-c", "What is your return policy?", "3001")))
        assert plain["ToUserName"] == "o-c" and plain["MsgType"] == "text"
        secret = opened(encrypted_post(api, text_xml("o-c", "发票怎么开？", "3002")))
        assert secret["ToUserName"] == "o-c" and secret["Content"]


@pytest.mark.parametrize(("settings", "error"), [
    ({"wechat_encryption": "safe"}, "KEFU_WECHAT_AES_KEY"),
    ({"wechat_aes_key": AES_KEY, "wechat_app_id": None}, "KEFU_WECHAT_APP_ID"),
    ({"wechat_aes_key": AES_KEY[:-1]}, "43 characters"),
])
def test_safe_mode_settings_are_checked_at_start(settings: dict[str, Any], error: str) -> None:
    config = Settings(**{"wechat_token": TOKEN, "wechat_app_id": "wx-app", **settings})
    with pytest.raises(ConfigError, match=error):
        WeChatChannel(config)
    assert WeChatChannel(Settings(wechat_token=TOKEN)).mode == "plaintext"
