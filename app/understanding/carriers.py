"""The couriers' names as shoppers write them: a store records "SF Express" and its
shoppers write "顺丰"; "JD Logistics" is "京东快递". These are the carriers' own names in
the other language (public facts about the couriers, not about any store); a carrier
not listed is found by the name the store records."""

from __future__ import annotations

import re
from collections.abc import Iterable

# a carrier's recorded name, folded -> the other names shoppers use for it
_OTHER_NAMES: dict[str, tuple[str, ...]] = {
    "sf express": ("顺丰", "sf"), "sf": ("顺丰", "sf express"),
    "zto express": ("中通", "zto"), "yto express": ("圆通", "yto"),
    "sto express": ("申通", "sto"), "yunda express": ("韵达", "yunda"),
    "jd logistics": ("京东", "jd"), "ems": ("邮政", "ems"), "china post": ("邮政",),
    "j&t express": ("极兔", "j&t"), "deppon": ("德邦",), "cainiao": ("菜鸟",),
    "kerry express": ("嘉里", "kerry"), "dhl": ("敦豪",), "fedex": ("联邦快递", "fedex"),
    "ups": ("联合包裹",), "royal mail": ("皇家邮政",),
}


def _names(carrier: str) -> tuple[str, ...]:
    folded = carrier.strip().casefold()
    return (folded, *_OTHER_NAMES.get(folded, ()))


def names_carrier(text: str, carrier: str | None) -> bool:
    """Whether ``text`` names ``carrier`` (as recorded, or by its other names)."""
    if not carrier or len(carrier.strip()) < 2:
        return False
    folded = text.casefold()
    for name in _names(carrier):
        # a Latin name stands alone ("sf" is no part of "sfx"); a Chinese one anywhere
        edge = r"(?<![a-z0-9])" if name[0].isascii() else ""
        tail = r"(?![a-z0-9])" if name[-1].isascii() else ""
        if re.search(edge + re.escape(name) + tail, folded):
            return True
    return False


def names_a_carrier(text: str, recorded: Iterable[str | None] = ()) -> bool:
    """Whether ``text`` names any courier: one the store records, or a well-known one."""
    return any(names_carrier(text, c) for c in {*_OTHER_NAMES, *recorded} if c)
