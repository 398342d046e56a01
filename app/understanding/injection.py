"""Messages that try to instruct the bot or take on another identity.

Such a message is answered like any other (the action layer never lets it touch
another customer's order), but a person looks before the reply goes out and the
console shows why. These are patterns of the attack, in either language, not of any
store.
"""

from __future__ import annotations

import re

_PATTERNS = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)?"
    r"(?:previous|prior|above|earlier|system)\s+(?:instructions?|prompts?|rules?|messages?)"
    r"|^\s*(?:system|assistant|developer|admin)\s*(?:message|prompt|note)?\s*[:：>]"
    r"|\[\s*(?:system|admin|inst)\s*\]|<\s*/?\s*(?:system|instructions?)\s*>"
    r"|\byou\s+are\s+now\b|\b(?:admin|developer|debug|god|sudo|maintenance)\s+mode\b"
    r"|\bact\s+as\s+(?:an?\s+)?(?:admin|administrator|agent|manager|system)\b"
    r"|\bi\s+am\s+(?:an?\s+|the\s+)?(?:admin|administrator|your\s+developer|staff|employee"
    r"|store\s+owner)\b|\bon\s+behalf\s+of\s+(?:another|a\s+different)\s+customer\b"
    r"|\bnew\s+instructions?\s*:|\bprompt\s+injection\b"
    r"|忽略(?:之前|以上|前面|上面|所有)的?(?:指令|指示|规则|提示|设定)|系统(?:指令|提示|消息)[:：]"
    r"|你现在是|管理员模式|开发者模式|调试模式|我是(?:管理员|客服主管|你们的?(?:员工|开发者|老板))"
    r"|以管理员身份|扮演(?:管理员|客服)",
    re.IGNORECASE | re.MULTILINE,
)


def looks_like_injection(text: str) -> bool:
    return bool(_PATTERNS.search(text))
