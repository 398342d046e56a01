"""What a courier needs beside the street: who takes the parcel in ("地址不变，收件人写曹建国，
电话136…", "recipient should be Jane Doe") and how to get in ("street door code is 4471B",
"门禁密码 8866#"). A shopper who gives only these keeps the order's address and adds them
to it; the full address is not asked for again.

The details are written after the address in one bracket, labelled in the address's own
script, so that a later detail (the code put right) replaces the earlier one in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

_CJK = re.compile(r"[\u4e00-\u9fff]")

# a Chinese name: two to four characters, the first no word that opens a clause
# ("收件人不变", "收件人还是我", "收件人电话都不变" are no names)
_NOT_A_NAME_START = set("不还都和跟我你他她它电手地也就要改写是的没同一这那换变填名姓")
_ZH_NAME = r"([\u4e00-\u9fff]{2,4})(?=$|[\s,，。.;；!！、)）]|\d|电话|手机)"
_ZH_RECIPIENT = re.compile(
    r"(?:收件人|收货人|姓名)(?:的?名字)?\s*(?:写成?|改成|改为|换成|变成|填成?|是|为)?"
    # (who it is, said before a colon: "改成他就行：周志远", "改成我同事：柏文静")
    r"\s*(?:[^，。,.!?！？:：\s\d]{1,6}[:：])?\s*[:：]?\s*" + _ZH_NAME)
_EN_NAME = r"([A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){0,3})"
_EN_RECIPIENT = re.compile(
    r"\b(?:recipient|addressee|name\s+on\s+the\s+(?:parcel|package|label|order|delivery))"
    r"(?:'s\s+name)?\s*(?:should\s+be|will\s+be|is|to|as|:|=|-)\s*" + _EN_NAME)

_PHONE_LABEL = r"(?:电话|手机号?|联系方式|\bphone(?:\s+number)?|\bmobile|\btel\b|\bcell)"
_PHONE = r"(\+?\d[\d\s-]{5,16}\d)"
_LABELLED_PHONE = re.compile(
    _PHONE_LABEL + r"\s*(?:号码?)?\s*(?:是|为|写|改成|:|：|is)?\s*" + _PHONE, re.IGNORECASE)

_CODE_LABEL = (r"(?:\b(?:door|gate|entry|entrance|access|building|keypad|buzzer|intercom)"
               r"\s*(?:code|number|no\.?|pin)|门禁(?:密码|码|卡号)?|(?:单元门|大门|楼下大门)(?:密码|码))")
_CODE = r"([A-Za-z0-9#*]{2,10})"
_LABELLED_CODE = re.compile(_CODE_LABEL + r"\s*(?:is|:|=|-|是|为|：)?\s*" + _CODE, re.IGNORECASE)
# a code put right: one token of letters and digits, with a digit
_CODE_TOKEN = re.compile(r"(?<![\w#*])([A-Za-z]*\d[A-Za-z0-9#*]*)(?![\w#*])")

_LABELS = {"recipient": ("recipient", "收件人"), "phone": ("phone", "电话"),
           "door_code": ("door code", "门禁密码")}
_TAIL = re.compile(r"\s*[(（]((?:recipient|phone|door code|收件人|电话|门禁密码)[:：].*)[)）]$")


@dataclass(frozen=True)
class DeliveryDetails:
    recipient: str | None = None
    phone: str | None = None
    door_code: str | None = None

    def merged(self, newer: DeliveryDetails) -> DeliveryDetails:
        return replace(self, **{f.name: getattr(newer, f.name) for f in fields(newer)
                                if getattr(newer, f.name)})


def delivery_details(text: str) -> DeliveryDetails | None:
    """The recipient, phone and door code ``text`` gives, or None when it gives none."""
    found = DeliveryDetails(recipient=_recipient(text), phone=_phone(text),
                            door_code=_door_code(text))
    return found if found != DeliveryDetails() else None


def _recipient(text: str) -> str | None:
    for m in _ZH_RECIPIENT.finditer(text):
        if m.group(1)[0] not in _NOT_A_NAME_START:
            return m.group(1)
    named = _EN_RECIPIENT.search(text)
    return named.group(1) if named else None


def _phone(text: str) -> str | None:
    m = _LABELLED_PHONE.search(text)
    if m:
        return re.sub(r"[\s-]+", " ", m.group(1)).strip()
    # "收件人改成他就行：周志远 13851726604": the number said right after the name
    named = _ZH_RECIPIENT.search(text)
    after = re.match(r"\s*[,，]?\s*" + _PHONE, text[named.end():]) if named else None
    return after.group(1) if after else None


def _door_code(text: str) -> str | None:
    return next((m.group(1) for m in _LABELLED_CODE.finditer(text)
                 if any(c.isdigit() for c in m.group(1))), None)


def with_details(address: str, details: DeliveryDetails) -> str:
    """``address`` with ``details`` added, over those it already carries."""
    street, before = _split(address)
    held = before.merged(details)
    zh = 1 if _CJK.search(street) else 0
    parts = [f"{_LABELS[f.name][zh]}{'：' if zh else ': '}{getattr(held, f.name)}"
             for f in fields(held) if getattr(held, f.name)]
    sep = "，" if zh else ", "
    return f"{street}（{sep.join(parts)}）" if zh else f"{street} ({sep.join(parts)})"


# a label left at the end of an address read up to it: "…, 75002 Paris, recipient"
_LABEL_LEFT = re.compile(r"[\s,，;；]*(?:recipient|phone|tel|mobile|收件人|电话|手机)\s*$",
                         re.IGNORECASE)


def with_details_said(address: str | None, text: str) -> str | None:
    """The address a message gives, with the recipient, phone or door code it gives beside
    it ("…怡康新寓7栋402室 收件人写王秀英 电话139…"): all of it is where the parcel goes."""
    details = delivery_details(text) if address else None
    if address is None or details is None:
        return address
    return with_details(_LABEL_LEFT.sub("", address), details)


def code_put_right(address: str, text: str) -> str | None:
    """"the right one is 7412B" for an address given a door code a moment ago: that code
    replaced, when ``text`` holds exactly one other code of letters and digits."""
    _, held = _split(address)
    if held.door_code is None:
        return None
    said = _door_code(text)
    tokens = [said] if said else [t for t in _CODE_TOKEN.findall(text) if t != held.door_code]
    if len(tokens) != 1 or tokens[0] == held.door_code:
        return None
    return with_details(address, DeliveryDetails(door_code=tokens[0]))


def street_of(address: str) -> str:
    """``address`` without the recipient, phone or door code written after it."""
    return _split(address)[0]


def _split(address: str) -> tuple[str, DeliveryDetails]:
    """The street part of ``address`` and the details written after it."""
    tail = _TAIL.search(address)
    if tail is None:
        return address, DeliveryDetails()
    held: dict[str, str] = {}
    for part in re.split(r"[,，]\s*", tail.group(1)):
        label, _, value = re.sub(r"[:：]\s*", ":", part, count=1).partition(":")
        name = next((k for k, v in _LABELS.items() if label in v), None)
        if name and value:
            held[name] = value
    return address[:tail.start()], DeliveryDetails(**held)
