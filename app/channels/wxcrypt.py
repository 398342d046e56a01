"""WeChat's message encryption (the Official Account's safe mode, WeCom's callbacks).

The platform and Kefu share a token and a 43-character ``EncodingAESKey``; the AES key
is ``base64decode(EncodingAESKey + "=")`` (32 bytes). A message travels as
``base64(AES-256-CBC(random(16) + len(msg) as 4 bytes big-endian + msg + receive_id))``
with the IV ``key[:16]`` and PKCS#7 padding to a 32-byte block; ``receive_id`` is the
AppID (Official Account) or the CorpID (WeCom). It is signed with
``msg_signature = sha1(sorted(token, timestamp, nonce, encrypted) joined)``.

A bad signature or another receiver is a :class:`ForbiddenError` (403); a ciphertext
that does not decrypt to this layout is an :class:`InputError` (400). Neither message
quotes what was sent.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
import struct
import time

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.channels.wxxml import cdata, parse_xml
from app.errors import ConfigError, ForbiddenError, InputError

KEY_CHARS = 43
BLOCK = 32  # WeChat pads to 32 bytes, not AES's 16
RANDOM_BYTES = 16
LENGTH_BYTES = 4


def aes_key(encoding_aes_key: str, setting: str = "EncodingAESKey") -> bytes:
    """The 32-byte AES key of an EncodingAESKey; ConfigError when it is not one."""
    if len(encoding_aes_key) != KEY_CHARS:
        raise ConfigError(f"{setting} must be {KEY_CHARS} characters")
    try:
        key = base64.b64decode(encoding_aes_key + "=", validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ConfigError(f"{setting} is not base64 (letters and digits)") from exc
    if len(key) != 32:  # pragma: no cover - 43 base64 characters are always 32 bytes
        raise ConfigError(f"{setting} does not decode to 32 bytes")
    return key


def msg_signature(token: str, timestamp: str, nonce: str, encrypted: str) -> str:
    return hashlib.sha1("".join(sorted([token, timestamp, nonce, encrypted])).encode()
                        ).hexdigest()


def pad(data: bytes) -> bytes:
    n = BLOCK - len(data) % BLOCK
    return data + bytes([n]) * n


def unpad(data: bytes) -> bytes:
    n = data[-1] if data else 0
    if not 1 <= n <= BLOCK or n > len(data) or data[-n:] != bytes([n]) * n:
        raise InputError("encrypted message has bad padding")
    return data[:-n]


class WXCrypt:
    """Encrypts and decrypts for one receiver (AppID or CorpID)."""

    def __init__(self, token: str, encoding_aes_key: str, receive_id: str, *,
                 setting: str = "EncodingAESKey") -> None:
        self.token = token
        self.key = aes_key(encoding_aes_key, setting)
        self.receive_id = receive_id

    def _cipher(self) -> Cipher[modes.CBC]:
        return Cipher(algorithms.AES(self.key), modes.CBC(self.key[:16]))

    def check(self, signature: str, timestamp: str, nonce: str, encrypted: str) -> None:
        """ForbiddenError unless ``signature`` signs ``encrypted`` with the token."""
        if not (signature and timestamp and nonce and encrypted) or not hmac.compare_digest(
                signature.lower(), msg_signature(self.token, timestamp, nonce, encrypted)):
            raise ForbiddenError("bad message signature")

    def encrypt(self, text: str, random: bytes | None = None) -> str:
        body = text.encode()
        plain = ((random if random is not None else os.urandom(RANDOM_BYTES))
                 + struct.pack(">I", len(body)) + body + self.receive_id.encode())
        enc = self._cipher().encryptor()
        return base64.b64encode(enc.update(pad(plain)) + enc.finalize()).decode()

    def decrypt(self, encrypted: str) -> str:
        """The message in ``encrypted``; ForbiddenError when it is for another receiver."""
        try:
            data = base64.b64decode(encrypted, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise InputError("encrypted message is not base64") from exc
        if not data or len(data) % 16:
            raise InputError("encrypted message is not a whole number of AES blocks")
        dec = self._cipher().decryptor()
        plain = unpad(dec.update(data) + dec.finalize())
        start = RANDOM_BYTES + LENGTH_BYTES
        if len(plain) < start:
            raise InputError("encrypted message is too short")
        (size,) = struct.unpack(">I", plain[RANDOM_BYTES:start])
        if size > len(plain) - start:
            raise InputError("encrypted message has a bad length")
        receiver = plain[start + size:]
        if not hmac.compare_digest(receiver, self.receive_id.encode()):
            raise ForbiddenError("encrypted message is for another AppID or CorpID")
        try:
            return plain[start:start + size].decode()
        except UnicodeDecodeError as exc:
            raise InputError("encrypted message is not UTF-8") from exc

    def seal(self, text: str, *, timestamp: str | None = None,
             nonce: str | None = None) -> str:
        """An encrypted passive reply: ``<xml><Encrypt/><MsgSignature/><TimeStamp/>
        <Nonce/></xml>``."""
        ts = timestamp or str(int(time.time()))
        nonce = nonce or str(secrets.randbelow(10**10))
        encrypted = self.encrypt(text)
        return ("<xml>"
                f"<Encrypt>{cdata(encrypted)}</Encrypt>"
                f"<MsgSignature>{cdata(msg_signature(self.token, ts, nonce, encrypted))}"
                "</MsgSignature>"
                f"<TimeStamp>{ts}</TimeStamp>"
                f"<Nonce>{cdata(nonce)}</Nonce>"
                "</xml>")


def encrypted_field(body: bytes) -> str:
    """The ``<Encrypt>`` element of an encrypted callback (InputError when it has none)."""
    found = parse_xml(body).get("Encrypt")
    if not found:
        raise InputError("no Encrypt element in an encrypted message")
    return found
