"""Personal data kept out of places that do not need it: logs, prompts sent to an LLM on
another machine, exports, old audit entries.

:func:`redact` replaces email addresses, phone numbers, card-like numbers (13-19 digits
passing the Luhn check) and street addresses with a placeholder naming what was there,
so a reader (or a model) still understands the sentence.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import unquote

from app.understanding.slot_addresses import find_address
from app.understanding.slot_patterns import find_email, find_phone

_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# international numbers (+49 30 1234 5678) and trunk-prefixed local ones (030 1234 5678);
# the domestic shapes come from the slot patterns
_INTL_PHONE = re.compile(r"(?<![\w+])(?:\+|00)\d[\d\s().-]{5,20}\d(?!\d)")
_TRUNK_PHONE = re.compile(r"(?<![\w.])\(?0\d{1,4}\)?[\s.-]\d{2,4}(?:[\s.-]\d{2,5}){1,3}(?![\w.])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
PLACEHOLDER = {"email": "[email]", "phone": "[phone]", "card": "[card]", "address": "[address]"}


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def _cards(text: str) -> str:
    def sub(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group(0))
        return PLACEHOLDER["card"] if _luhn(digits) else match.group(0)

    return _CARD.sub(sub, text)


def _phones(text: str) -> str:
    def sub(match: re.Match[str]) -> str:
        digits = sum(ch.isdigit() for ch in match.group(0))
        return PLACEHOLDER["phone"] if 8 <= digits <= 15 else match.group(0)

    return _TRUNK_PHONE.sub(sub, _INTL_PHONE.sub(sub, text))


def redact(text: str) -> str:
    """``text`` with personal data replaced by placeholders."""
    if not text:
        return text
    out = _cards(_phones(_EMAIL.sub(PLACEHOLDER["email"], text)))
    for _ in range(3):  # a message may hold several phones
        phone = find_phone(out)
        if phone is None:
            break
        out = out.replace(phone, PLACEHOLDER["phone"])
    address, _kind = find_address(out)
    if address:
        out = out.replace(address, PLACEHOLDER["address"])
    email = find_email(out)
    return out.replace(email, PLACEHOLDER["email"]) if email else out


def redact_value(value: Any) -> Any:
    """:func:`redact` applied to every string inside JSON-like data."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: redact_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact_value(v) for v in value]
    return value


# query values that are credentials (a sign-in link, a token someone put in a URL), by
# name or by their look: long runs of token characters
_SECRET_NAMES = frozenset({"token", "access_token", "t", "link", "key", "api_key", "sig",
                           "signature", "code", "session", "password"})
_TOKENISH = re.compile(r"^[A-Za-z0-9._~+/=-]{20,}$")


def scrub_url(target: str) -> str:
    """A request target as logs may keep it: credential-like query values replaced."""
    path, sep, query = target.partition("?")
    if not sep:
        return target
    parts = []
    for pair in query.split("&"):
        name, eq, value = pair.partition("=")
        secret = name.lower() in _SECRET_NAMES or bool(_TOKENISH.match(unquote(value)))
        parts.append(f"{name}{eq}[redacted]" if eq and value and secret else pair)
    return f"{path}?{'&'.join(parts)}"


class AccessLogFilter(logging.Filter):
    """uvicorn's access lines without credentials from query strings."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], scrub_url(args[2]), *args[3:])
        return True


class SafeFormatter(logging.Formatter):
    """One record, one line: control characters escaped (a value with a newline cannot
    forge a second log line) and personal data redacted."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        head, sep, trace = line.partition("\nTraceback")
        head = redact(_CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", head))
        head = head.replace("\n", "\\n").replace("\r", "\\r")
        return head + (sep + trace if sep else "")
