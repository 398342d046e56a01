"""The currency a price question asks in: "how much is it in HKD?", "on your Singapore
site?", "港币多少钱". A store that sells in several currencies gives its products'
prices in each; the one named is the one to answer in, whatever the shopper's own
order was paid in. Currencies are named the same way in every shop (ISO 4217 codes,
signs, the places that pay in them), so their names are kept here once."""

from __future__ import annotations

import re

# each currency's code, signs, names and the places that pay in it (lower case)
_NAMES: dict[str, tuple[str, ...]] = {
    "HKD": ("hkd", "hk", "hk$", "hk dollars", "hong kong", "港币", "港元", "港幣", "香港"),
    "SGD": ("sgd", "sg", "s$", "singapore", "新加坡"),
    "GBP": ("gbp", "£", "pounds", "sterling", "英镑", "英国"),
    "EUR": ("eur", "€", "euros", "欧元"),
    "USD": ("usd", "us$", "us dollars", "美元", "美金"),
    "CNY": ("cny", "rmb", "renminbi", "yuan", "人民币", "大陆"),
    "JPY": ("jpy", "yen", "日元", "日本"),
    "TWD": ("twd", "nt$", "taiwan", "新台币", "台币", "台湾"),
    "MOP": ("mop", "macau", "macao", "澳门", "澳门元"),
    "AUD": ("aud", "a$", "australia", "澳元", "澳大利亚"),
    "CAD": ("cad", "c$", "canada", "加元", "加拿大"),
    "MYR": ("myr", "ringgit", "malaysia", "马来西亚", "令吉"),
}
_PATTERNS = {code: re.compile("|".join(
    rf"(?<![a-z]){re.escape(name)}(?![a-z])" if name[0].isascii() and name[-1].isalpha()
    else re.escape(name) for name in names), re.IGNORECASE) for code, names in _NAMES.items()}


def currency_asked(text: str) -> str | None:
    """The one currency ``text`` names (None: none, or more than one: "in HKD or SGD?")."""
    named = [code for code, pattern in _PATTERNS.items() if pattern.search(text)]
    return named[0] if len(named) == 1 else None
