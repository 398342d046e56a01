"""WeCom (企业微信) self-built app: the encrypted URL check and messages (Tencent's own
sample requests among them), the encrypted passive reply, the app message API (a local
fake) after the deadline, and every refused request a 4xx logged without its body."""

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

from app.channels.wecom import WeComChannel
from app.channels.wxcrypt import WXCrypt, msg_signature
from app.errors import ConfigError
from app.settings import Settings
from tests.api_helpers import Api
from tests.fakes.channel_apis import WeComApi, wait_for
from tests.fakes.channel_app import channel_api

# the settings of Tencent's WeCom sample (Sample.py), so its requests can be replayed
TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo"
AES_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt"
CORP = "ww1436e0e65a779aee"
AGENT = 1000002
CRYPT = WXCrypt(TOKEN, AES_KEY, CORP)
SAMPLE_CHECK = {"msg_signature": "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb",
                "timestamp": "1476416373", "nonce": "47744683",
                "echostr": "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjno"
                           "VzEtpbhnFyq6SVHyA=="}
SAMPLE_MESSAGE = {"msg_signature": "0c3914025cb4b4d68103f6bfc8db550f79dcf48e",
                  "timestamp": "1476422779", "nonce": "1597212914"}
SAMPLE_BODY = (  # "你好" from ChenJiaShun, MsgId 1456453720
    "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName>\n<Encrypt><![CDATA["
    "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3Nye"
    "TkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde"
    "0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrd"
    "kJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpH"
    "SGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+]]></Encrypt>\n<AgentID><![CDATA[1000002]]>"
    "</AgentID>\n</xml>")


@pytest.fixture
def ww() -> Iterator[WeComApi]:
    with WeComApi() as server:
        yield server


def make_api(template: Path, folder: Path, ww: WeComApi, **extra: Any) -> Any:
    return channel_api(template, folder, channels=["wecom"], wecom_token=TOKEN,
                       wecom_aes_key=AES_KEY, wecom_corp_id=CORP, wecom_secret="ww-secret",
                       wecom_agent_id=AGENT, wecom_api_base=ww.url, delivery_max_attempts=3,
                       **extra)


def text_xml(user: str, content: str, msg_id: str, agent: int = AGENT,
             kind: str = "text") -> str:
    return (f"<xml><ToUserName><![CDATA[{CORP}]]></ToUserName>"
            f"<FromUserName><![CDATA[{user}]]></FromUserName><CreateTime>1700000000"
            f"</CreateTime><MsgType><![CDATA[{kind}]]></MsgType><Content><![CDATA[{content}]]>"
            f"</Content><MsgId>{msg_id}</MsgId><AgentID>{agent}</AgentID></xml>")


def post(api: Api, body: str, *, crypt: WXCrypt = CRYPT, encrypted: str | None = None,
         sign_as: str | None = None, msg_sig: str | None = None) -> Any:
    """``body`` encrypted for the CorpID and signed, as WeCom posts it (or ``encrypted``
    as it is, signed as if it were ``sign_as``)."""
    enc = encrypted if encrypted is not None else crypt.encrypt(body)
    ts, nonce = str(int(time.time())), "n-ww"
    params = {"msg_signature": msg_sig or msg_signature(TOKEN, ts, nonce, sign_as or enc),
              "timestamp": ts, "nonce": nonce}
    envelope = f"<xml><ToUserName><![CDATA[{CORP}]]></ToUserName><Encrypt><![CDATA[{enc}]]>" \
               f"</Encrypt><AgentID><![CDATA[{AGENT}]]></AgentID></xml>"
    return api.client.post("/channels/wecom", params=params, content=envelope.encode())


def opened(res: Any) -> dict[str, str]:
    """The passive reply inside an encrypted answer, its signature checked."""
    assert res.status_code == 200, res.text
    envelope = {child.tag: child.text or "" for child in ET.fromstring(res.content)}
    assert set(envelope) == {"Encrypt", "MsgSignature", "TimeStamp", "Nonce"}
    CRYPT.check(envelope["MsgSignature"], envelope["TimeStamp"], envelope["Nonce"],
                envelope["Encrypt"])
    return {child.tag: child.text or "" for child in ET.fromstring(
        CRYPT.decrypt(envelope["Encrypt"]))}


def count(api: Api, table: str) -> int:
    with sqlite3.connect(api.home / "kefu.db") as conn:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_url_check_decrypts_a_signed_echostr(initialised_template: Path, tmp_path: Path,
                                             ww: WeComApi) -> None:
    with make_api(initialised_template, tmp_path, ww) as api:
        res = api.client.get("/channels/wecom", params=SAMPLE_CHECK)
        assert res.status_code == 200 and res.text == "1288432023552776189"
        for bad, status in [({**SAMPLE_CHECK, "msg_signature": "0" * 40}, 403),
                            ({**SAMPLE_CHECK, "timestamp": "1476416374"}, 403),
                            ({"echostr": SAMPLE_CHECK["echostr"]}, 403), ({}, 403)]:
            assert api.client.get("/channels/wecom", params=bad).status_code == status, bad
        for echo, status in [(WXCrypt(TOKEN, AES_KEY, "ww-other").encrypt("1"), 403),
                             (base64.b64encode(b"x" * 16).decode(), 400)]:
            params = {"msg_signature": msg_signature(TOKEN, "1", "2", echo), "timestamp": "1",
                      "nonce": "2", "echostr": echo}
            assert api.client.get("/channels/wecom", params=params).status_code == status


def test_a_message_is_answered_encrypted_and_once(initialised_template: Path, tmp_path: Path,
                                                  ww: WeComApi) -> None:
    with make_api(initialised_template, tmp_path, ww) as api:
        api.say(api.start(), "hello")
        # Tencent's own sample request, as WeCom posted it
        res = api.client.post("/channels/wecom", params=SAMPLE_MESSAGE,
                              content=SAMPLE_BODY.encode())
        first = opened(res)
        assert first["ToUserName"] == "ChenJiaShun" and first["FromUserName"] == CORP
        assert first["MsgType"] == "text" and first["Content"]
        question = text_xml("zhangsan", "What is your return policy?", "9001")
        reply = opened(post(api, question))
        assert reply["ToUserName"] == "zhangsan" and len(reply["Content"]) > 20
        messages = count(api, "message")
        # WeCom repeats a callback it got no answer to: the same answer, no new turn
        assert opened(post(api, question))["Content"] == reply["Content"]
        again = api.client.post("/channels/wecom", params=SAMPLE_MESSAGE,
                                content=SAMPLE_BODY.encode())
        assert opened(again)["Content"] == first["Content"]
        assert count(api, "message") == messages
        time.sleep(0.3)
        assert ww.sent == []  # answered in the callback, never again through the API


def test_late_answers_go_through_the_app_message_api(initialised_template: Path,
                                                     tmp_path: Path, ww: WeComApi) -> None:
    with make_api(initialised_template, tmp_path, ww, wecom_reply_deadline_s=0.001) as api:
        res = post(api, text_xml("lisi", "怎么退货？", "7001"))
        assert res.status_code == 200 and res.text == ""
        sent = wait_for(lambda: ww.sent)
        assert sent[0]["touser"] == "lisi" and sent[0]["msgtype"] == "text"
        assert sent[0]["agentid"] == AGENT and sent[0]["text"]["content"]
        post(api, text_xml("lisi", "发票怎么开？", "7002"))
        wait_for(lambda: len(ww.sent) == 2)
        assert ww.tokens_issued == 1  # the access token is cached
        ww.tokens_issued += 1  # WeCom invalidates it: fetched again, the message goes out
        post(api, text_xml("lisi", "运费多少？", "7003"))
        wait_for(lambda: len(ww.sent) == 3)
        assert ww.tokens_issued == 3
        ww.errcodes = [81013]  # the member is outside the app's visible range
        post(api, text_xml("wangwu", "What is your return policy?", "7004"))

        def dead() -> Any:
            with sqlite3.connect(api.home / "kefu.db") as conn:
                return conn.execute("SELECT attempts, last_error FROM delivery WHERE "
                                    "status = 'dead'").fetchall()

        assert wait_for(dead) == [(1, "WeCom errcode 81013")]


def test_refusals_are_4xx_and_logged_without_bodies(
        initialised_template: Path, tmp_path: Path, ww: WeComApi,
        caplog: pytest.LogCaptureFixture) -> None:
    secret = "SECRET-BODY-0815"
    body = text_xml("u-x", secret, "4001")
    good = CRYPT.encrypt(body)
    cases: list[tuple[str, dict[str, Any], int]] = [
        ("bad msg_signature", {"msg_sig": "f" * 40}, 403),
        ("tampered ciphertext", {"encrypted": good[:-8] + "AAAAAAA=", "sign_as": good}, 403),
        ("another CorpID", {"crypt": WXCrypt(TOKEN, AES_KEY, "ww-other")}, 403),
        ("short ciphertext", {"encrypted": base64.b64encode(b"x" * 16).decode()}, 400),
        ("not whole blocks", {"encrypted": base64.b64encode(b"x" * 40).decode()}, 400),
        ("not base64", {"encrypted": "%%%"}, 400),
        ("not XML inside", {"encrypted": CRYPT.encrypt(f"<xml>{secret}")}, 400),
    ]
    with make_api(initialised_template, tmp_path, ww) as api:
        caplog.set_level(logging.INFO)
        for name, how, status in cases:
            res = post(api, body, **how)
            assert res.status_code == status, (name, res.text)
            assert secret not in res.text
        plaintext = api.client.post("/channels/wecom", params=SAMPLE_MESSAGE,
                                    content=body.encode())
        assert plaintext.status_code == 400  # no <Encrypt>: WeCom never sends plaintext
        # signed and for this corporation, but nothing to run: an empty 200
        for ignored in (text_xml("u-x", secret, "4002", agent=1000003),
                        text_xml("u-x", "", "4003", kind="event")):
            res = post(api, ignored)
            assert res.status_code == 200 and res.text == ""
        assert count(api, "message") == 0
    assert "refused" in caplog.text and secret not in caplog.text


@pytest.mark.parametrize(("settings", "error"), [
    ({"wecom_token": None}, "KEFU_WECOM_TOKEN"),
    ({"wecom_corp_id": None, "wecom_aes_key": None}, "KEFU_WECOM_AES_KEY, KEFU_WECOM_CORP_ID"),
    ({"wecom_aes_key": AES_KEY + "x"}, "KEFU_WECOM_AES_KEY must be 43"),
])
def test_settings_are_checked_at_start(settings: dict[str, Any], error: str) -> None:
    config = {"wecom_token": TOKEN, "wecom_aes_key": AES_KEY, "wecom_corp_id": CORP}
    with pytest.raises(ConfigError, match=error):
        WeComChannel(Settings(**{**config, **settings}))
