"""The XML both WeChat channels (Official Account, WeCom) speak: the callback's fields
in, a passive text reply out, and the plaintext-mode signature."""

from __future__ import annotations

import hashlib
import time
import xml.etree.ElementTree as ET

from app.errors import InputError

MAX_BODY = 64 * 1024


def signature(token: str, timestamp: str, nonce: str) -> str:
    """The Official Account's plaintext signature (URL check and plaintext messages)."""
    return hashlib.sha1("".join(sorted([token, timestamp, nonce])).encode()).hexdigest()


def cdata(text: str) -> str:
    # "]]>" would end the section early: split it across two sections
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def passive_xml(*, to_user: str, from_user: str, text: str, now: int | None = None) -> str:
    return ("<xml>"
            f"<ToUserName>{cdata(to_user)}</ToUserName>"
            f"<FromUserName>{cdata(from_user)}</FromUserName>"
            f"<CreateTime>{int(now or time.time())}</CreateTime>"
            "<MsgType><![CDATA[text]]></MsgType>"
            f"<Content>{cdata(text)}</Content>"
            "</xml>")


def parse_xml(body: bytes | str) -> dict[str, str]:
    """The callback's fields; entity declarations are refused (WeChat never sends one)."""
    data = body.encode() if isinstance(body, str) else body
    if len(data) > MAX_BODY:
        raise InputError("request body too large")
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise InputError("XML with a DOCTYPE or ENTITY declaration is not accepted")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError("malformed XML") from exc
    if root.tag != "xml":
        raise InputError("not a WeChat message (root element is not <xml>)")
    return {child.tag: (child.text or "").strip() for child in root}
