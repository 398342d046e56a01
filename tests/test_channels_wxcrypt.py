"""WeChat's message encryption (app/channels/wxcrypt.py): Tencent's published samples
as known answers, an independent step-by-step encryption with cryptography's own
primitives, round trips, and every malformed ciphertext refused with a 4xx error."""

from __future__ import annotations

import base64
import hashlib
import struct
import xml.etree.ElementTree as ET

import pytest
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.channels.wxcrypt import WXCrypt, aes_key, msg_signature
from app.errors import ConfigError, ForbiddenError, InputError

# Tencent's Official Account sample (WXBizMsgCrypt, "spamtest"): a text message
OA_TOKEN, OA_KEY, OA_APPID = ("spamtest", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
                              "wx2c2769f8efd9abc2")
OA_ENCRYPT = (
    "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4"
    "x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon"
    "8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZ"
    "ciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0C"
    "R8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=")
# Tencent's WeCom sample (Sample.py): the URL check's echostr
WECOM_TOKEN, WECOM_KEY, WECOM_CORP = ("hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo",
                                      "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt",
                                      "ww1436e0e65a779aee")
WECOM_ECHO = ("fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhn"
              "Fyq6SVHyA==")
# Tencent's Java sample: a known encryption (fixed random "aaaabbbbccccdddd")
JAVA_APPID = "wxb11529c136998cb6"
JAVA_ENCRYPTED = ("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832Wz"
                  "ZGMhkP72vVOfg==")


def test_tencent_official_account_sample_decrypts() -> None:
    assert msg_signature(OA_TOKEN, "1409735669", "1320562132", OA_ENCRYPT) == \
        "5d197aaffba7e9b25a30732f161a50dee96bd5fa"
    crypt = WXCrypt(OA_TOKEN, OA_KEY, OA_APPID)
    crypt.check("5d197aaffba7e9b25a30732f161a50dee96bd5fa", "1409735669", "1320562132",
                OA_ENCRYPT)
    root = ET.fromstring(crypt.decrypt(OA_ENCRYPT))
    assert root.findtext("Content") == "abcdteT"
    assert root.findtext("MsgId") == "6054768590064713728"
    assert root.findtext("FromUserName") == "oyORnuP8q7ou2gfYjqLzSIWZf0rs"


def test_tencent_wecom_sample_echostr_decrypts() -> None:
    crypt = WXCrypt(WECOM_TOKEN, WECOM_KEY, WECOM_CORP)
    crypt.check("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683",
                WECOM_ECHO)
    assert crypt.decrypt(WECOM_ECHO) == "1288432023552776189"
    with pytest.raises(ForbiddenError):  # the same bytes for another corporation
        WXCrypt(WECOM_TOKEN, WECOM_KEY, "ww-someone-else").decrypt(WECOM_ECHO)


def test_tencent_java_sample_encrypts_to_the_published_ciphertext() -> None:
    crypt = WXCrypt("pamtest", OA_KEY, JAVA_APPID)
    assert crypt.encrypt("我是中文abcd123", random=b"aaaabbbbccccdddd") == JAVA_ENCRYPTED


def test_encryption_matches_a_step_by_step_derivation() -> None:
    """The layout built by hand, padded by cryptography's PKCS7 (256-bit blocks)."""
    key = base64.b64decode(OA_KEY + "=")
    assert aes_key(OA_KEY) == key and len(key) == 32
    random, text = bytes(range(16)), "<xml><Content>退货</Content></xml>"
    plain = random + struct.pack(">I", len(text.encode())) + text.encode() + b"wx-app"
    padder = padding.PKCS7(256).padder()
    padded = padder.update(plain) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    expected = base64.b64encode(enc.update(padded) + enc.finalize()).decode()
    crypt = WXCrypt("t", OA_KEY, "wx-app")
    assert crypt.encrypt(text, random=random) == expected
    assert crypt.decrypt(expected) == text
    assert msg_signature("t", "1", "2", expected) == hashlib.sha1(
        "".join(sorted(["t", "1", "2", expected])).encode()).hexdigest()


@pytest.mark.parametrize("text", ["", "a", "x" * 11, "y" * 12, "z" * 44, "中" * 300])
def test_round_trip_at_every_padding_length(text: str) -> None:
    crypt = WXCrypt("t", OA_KEY, "wx-app")
    encrypted = crypt.encrypt(text)
    assert len(base64.b64decode(encrypted)) % 32 == 0
    assert crypt.decrypt(encrypted) == text
    assert crypt.encrypt(text) != encrypted  # a fresh random prefix each time


def _raw(plain: bytes, key: bytes = base64.b64decode(OA_KEY + "=")) -> str:
    """``plain`` encrypted as it is: no layout, no padding added."""
    enc = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(enc.update(plain) + enc.finalize()).decode()


def _sealed(body: bytes, size: int | None = None, receiver: bytes = b"wx-app") -> str:
    """The layout around ``body`` (with a length field of ``size``), padded, encrypted."""
    plain = b"r" * 16 + struct.pack(">I", len(body) if size is None else size) + body + receiver
    padder = padding.PKCS7(256).padder()
    return _raw(padder.update(plain) + padder.finalize())


@pytest.mark.parametrize(("encrypted", "error"), [
    ("not base64 !!", "not base64"),
    ("", "AES blocks"),  # nothing: refused before AES
    (base64.b64encode(b"x" * 17).decode(), "AES blocks"),
    (_raw(b"a" * 31 + b"\x00"), "padding"),  # pad byte 0
    (_raw(b"a" * 31 + b"\x21"), "padding"),  # 33: more than a block
    (_raw(b"a" * 30 + b"\x01\x02"), "padding"),  # the pad bytes disagree
    (_raw(b"a" * 16 + b"\x10" * 16), "too short"),  # whole, but no room for the length
    (_sealed(b"<xml/>", size=1000), "bad length"),
    (_sealed(b"\xff\xfe"), "not UTF-8"),
])
def test_malformed_ciphertexts_are_input_errors(encrypted: str, error: str) -> None:
    crypt = WXCrypt("t", OA_KEY, "wx-app")
    with pytest.raises(InputError, match=error) as caught:
        crypt.decrypt(encrypted)
    assert caught.value.__class__ is InputError


def test_another_receiver_and_bad_signatures_are_forbidden() -> None:
    crypt = WXCrypt("t", OA_KEY, "wx-app")
    other = WXCrypt("t", OA_KEY, "wx-other").encrypt("<xml/>")
    for foreign in (other, _sealed(b"<xml/>", receiver=b""), _sealed(b"<xml/>",
                                                                     receiver=b"wx-ap")):
        with pytest.raises(ForbiddenError):
            crypt.decrypt(foreign)
    encrypted = crypt.encrypt("<xml/>")
    good = msg_signature("t", "1", "2", encrypted)
    crypt.check(good.upper(), "1", "2", encrypted)
    for sig, ts, nonce, enc in [("0" * 40, "1", "2", encrypted), (good, "9", "2", encrypted),
                                (good, "1", "2", encrypted[:-4] + "AAA="), ("", "1", "2",
                                                                             encrypted),
                                (good, "", "2", encrypted)]:
        with pytest.raises(ForbiddenError):
            crypt.check(sig, ts, nonce, enc)


def test_sealed_reply_is_signed_and_opens() -> None:
    crypt = WXCrypt("t", OA_KEY, "wx-app")
    root = ET.fromstring(crypt.seal("<xml><Content>好</Content></xml>", timestamp="5",
                                    nonce="77"))
    assert [child.tag for child in root] == ["Encrypt", "MsgSignature", "TimeStamp", "Nonce"]
    encrypted = root.findtext("Encrypt") or ""
    assert root.findtext("MsgSignature") == msg_signature("t", "5", "77", encrypted)
    assert root.findtext("TimeStamp") == "5" and root.findtext("Nonce") == "77"
    assert crypt.decrypt(encrypted) == "<xml><Content>好</Content></xml>"


@pytest.mark.parametrize("key", [OA_KEY[:-1], OA_KEY + "A", OA_KEY[:-1] + "!", ""])
def test_bad_encoding_aes_keys_are_config_errors(key: str) -> None:
    with pytest.raises(ConfigError, match="KEFU_X"):
        WXCrypt("t", key, "wx-app", setting="KEFU_X")
