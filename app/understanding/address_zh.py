"""Chinese addresses: from a province or a city down to the room ("上海市徐汇区田林路140号
28号楼3楼"), after a cue ("新地址是…", "寄到…") or standing alone; a street still
without its house number; and the house number with the rest, given after the street."""

from __future__ import annotations

import re

_CUE_RE = re.compile(
    r"(?:新地址|地址(?:应该)?(?:是|为|改成|改为|换成|改到)|地址[:：]|正确的(?:地址)?(?:是|为)|应该(?:是|寄到|送到)"
    r"|改成|改为|换成|改到|寄到|送到|发到"
    r"|邮寄到|搬到|住在"
    # "对 就寄朝阳区建国路88号": sent straight to it
    r"|(?:就|直接|改|再)寄(?![到给回去过出])"
    # the address after a question about it: "能直接改寄到香港吗：九龙窝打老道128号…"
    r"|[吗么][:：])[:：]?\s*"
)
_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南"
    "|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
_BODY = r"[\u4e00-\u9fffA-Za-z0-9\-－#（）()]"
# the room after the last unit, written bare ("2单元301", "世宁大厦1206"), letters with it
# too ("西十二楼N305", "3楼B12", "1206A")
_ROOM = r"(?:[A-Za-z]{0,2}[0-9]{1,5}[A-Za-z]?(?:室|号|房)?)?"
_UNIT = r"(?:号|栋|幢|室|楼|单元|层|座|户|路|街|道|巷|弄|村|镇|区|县|小区|大厦|广场|花园|公寓)"
# no cue: an address starts at a province or a two-character city ("深圳市"), because
# with a free-length prefix "我的地址是上海市..." would swallow "我的地址是"
_ADDRESS_RE = re.compile(
    rf"(?:(?:{_PROVINCES})(?:省|市|自治区|特别行政区)?|(?:(?![省市区县])[\u4e00-\u9fff]){{2}}市){_BODY}*{_UNIT}"
    rf"{_ROOM}"
)
_STREET_LEVEL_RE = re.compile(r"(?:路|街|道|巷|弄|号|村|镇|栋|幢|室|小区|大厦|广场|花园|公寓)")
_ADMIN_RE = re.compile(r"(?:省|市|(?<!小)区|县)")
_TRIM_RE = re.compile(rf"^.*{_UNIT}{_ROOM}")


def _is_chinese_address(candidate: str) -> bool:
    # a house number on a street ("文三路742号"), or a place that starts like an address
    # ("北京市海淀区"); "我的企业账号" and "省市区选不到" are neither
    if re.search(r"\d", candidate) and _STREET_LEVEL_RE.search(candidate):
        return True
    start = _ADDRESS_RE.match(candidate)
    return start is not None and len(_ADMIN_RE.findall(candidate)) >= 2


# a place written after the street, set off by a space: "中环西路230号 广东外语外贸大学南校区"
# (a remark after it is no part: "解放南路216号 我调到那边上班了")
_PLACE_AFTER_RE = re.compile(
    r"\s+((?:[\u4e00-\u9fffA-Za-z0-9\-]{0,20}?(?:校区|大学|学院|宿舍楼?|公寓|大厦|小区|花园|中心|医院"
    r"|园区|写字楼|号楼|栋|幢|单元|室|层|楼|座))+(?:\d{1,5}(?:室|号|房)?)?"
    # ... and the room alone after it: "3号楼 502"
    r"(?:\s+\d{1,5}(?:室|号|房)?)?)(?=$|[\s，,。.!！~])")


def chinese_address(text: str) -> str | None:
    """The first Chinese address in ``text``: after a cue, else from a province or city."""
    for cue in _CUE_RE.finditer(text):
        tail = re.match(rf"{_BODY}+", text[cue.end():])
        trimmed = _TRIM_RE.match(tail.group(0)) if tail else None
        if trimmed and _is_chinese_address(trimmed.group(0)):
            return _with_place_after(text, cue.end() + trimmed.end(), trimmed.group(0))
    match = _ADDRESS_RE.search(text)
    if match and _is_chinese_address(match.group(0)):
        return _with_place_after(text, match.end(), match.group(0))
    return None


def _with_place_after(text: str, end: int, address: str) -> str:
    place = _PLACE_AFTER_RE.match(text, end)
    return f"{address} {place.group(1)}" if place else address


_STREET_END_RE = re.compile(r"(?:路|街|大街|大道|道|巷)$")
# the rest of a street address given after its street: "369号新华报业传媒广场1栋2103"
_REST_RE = re.compile(rf"\d{{1,5}}\s*号{_BODY}*")


def without_house_number(address: str) -> bool:
    """"南京市建邺区江东中路": a street with no house number yet."""
    return not re.search(r"\d", address) and _STREET_END_RE.search(address) is not None


def house_number_and_rest(text: str) -> str | None:
    """"369号新华报业传媒广场1栋2103": what finishes a street given before."""
    match = _REST_RE.search(text)
    return match.group(0) if match else None
