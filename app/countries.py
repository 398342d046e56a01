"""Which country or territory a free-text address is in, where the address says so: a
country's name (in English, its own language or Chinese), a postcode only one country
writes that way, or a Chinese address's places. None when it does not say: a street and
a town alone ("Annenstraße 12, 8020 Graz") are left unplaced rather than guessed.

Used to keep an order's new address in the country it was sold, taxed and priced for."""

from __future__ import annotations

import re

# ISO 3166 code: the names it is written by (lower case), then its name in each language
_COUNTRIES: dict[str, tuple[tuple[str, ...], str, str]] = {
    "GB": (("united kingdom", "uk", "u.k.", "great britain", "england", "scotland", "wales",
            "northern ireland", "英国", "英國"), "the United Kingdom", "英国"),
    "IE": (("ireland", "republic of ireland", "éire", "eire", "爱尔兰", "愛爾蘭"),
           "Ireland", "爱尔兰"),
    "FR": (("france", "法国", "法國"), "France", "法国"),
    "DE": (("germany", "deutschland", "德国", "德國"), "Germany", "德国"),
    "NL": (("netherlands", "the netherlands", "nederland", "holland", "荷兰", "荷蘭"),
           "the Netherlands", "荷兰"),
    "BE": (("belgium", "belgië", "belgie", "belgique", "比利时"), "Belgium", "比利时"),
    "LU": (("luxembourg", "卢森堡"), "Luxembourg", "卢森堡"),
    "AT": (("austria", "österreich", "oesterreich", "奥地利"), "Austria", "奥地利"),
    "CH": (("switzerland", "schweiz", "suisse", "svizzera", "瑞士"), "Switzerland", "瑞士"),
    "NO": (("norway", "norge", "挪威"), "Norway", "挪威"),
    "DK": (("denmark", "danmark", "丹麦"), "Denmark", "丹麦"),
    "SE": (("sweden", "sverige", "瑞典"), "Sweden", "瑞典"),
    "FI": (("finland", "suomi", "芬兰"), "Finland", "芬兰"),
    "ES": (("spain", "españa", "espana", "西班牙"), "Spain", "西班牙"),
    "PT": (("portugal", "葡萄牙"), "Portugal", "葡萄牙"),
    "IT": (("italy", "italia", "意大利"), "Italy", "意大利"),
    "PL": (("poland", "polska", "波兰"), "Poland", "波兰"),
    "CZ": (("czech republic", "czechia", "česko", "捷克"), "Czechia", "捷克"),
    "GR": (("greece", "hellas", "希腊"), "Greece", "希腊"),
    "US": (("united states", "usa", "u.s.a.", "united states of america", "美国", "美國"),
           "the United States", "美国"),
    "CA": (("canada", "加拿大"), "Canada", "加拿大"),
    "AU": (("australia", "澳大利亚", "澳洲"), "Australia", "澳大利亚"),
    "NZ": (("new zealand", "新西兰"), "New Zealand", "新西兰"),
    "JP": (("japan", "日本"), "Japan", "日本"),
    "KR": (("south korea", "korea", "韩国", "韓國"), "South Korea", "韩国"),
    "SG": (("singapore", "新加坡"), "Singapore", "新加坡"),
    "MY": (("malaysia", "马来西亚", "馬來西亞"), "Malaysia", "马来西亚"),
    "TH": (("thailand", "泰国"), "Thailand", "泰国"),
    "PH": (("philippines", "菲律宾"), "the Philippines", "菲律宾"),
    "ID": (("indonesia", "印度尼西亚", "印尼"), "Indonesia", "印度尼西亚"),
    "VN": (("vietnam", "viet nam", "越南"), "Vietnam", "越南"),
    "IN": (("india", "印度"), "India", "印度"),
    "AE": (("united arab emirates", "uae", "阿联酋"), "the United Arab Emirates", "阿联酋"),
    "HK": (("hong kong", "hongkong", "kowloon", "new territories", "香港", "九龙", "九龍", "新界"),
           "Hong Kong", "香港"),
    "MO": (("macau", "macao", "澳门", "澳門"), "Macau", "澳门"),
    "TW": (("taiwan", "台湾", "台灣", "臺灣"), "Taiwan", "台湾"),
    "CN": (("china", "mainland china", "p.r. china", "prc", "中国", "中国大陆", "中國"),
           "mainland China", "中国大陆"),
}
_BY_NAME = {name: code for code, (names, _, _) in _COUNTRIES.items() for name in names}
_NAMES = re.compile(
    "|".join(rf"(?<![a-z]){re.escape(n)}(?![a-z])" if n.isascii() else re.escape(n)
             for n in sorted(_BY_NAME, key=len, reverse=True)), re.IGNORECASE)
# postcodes only one country writes so: the UK's ("M1 3HE", "NR18 0JT"), Ireland's
# Eircode ("D08 XY42", "T12 Y7C9")
_POSTCODES = ((re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
                          r"(?![A-Za-z0-9])"), "GB"),
              (re.compile(r"(?<![A-Za-z0-9])(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?"
                          r"(?=[0-9A-Z]{0,3}[A-Z])[0-9AC-FHKNPRTV-Y]{4}(?![A-Za-z0-9])"), "IE"))
# a Chinese address's province, city and district: the mainland's, unless named otherwise
_MAINLAND = re.compile(r"[\u4e00-\u9fff]{2,}(?:省|自治区|市)[\u4e00-\u9fff]{0,12}"
                       r"(?:区|县|市|路|街|镇)")


def country_of(address: str | None) -> str | None:
    """The ISO code of the country the address names (its last name wins: "…, Dublin 4,
    Ireland"), else of its postcode, else of a Chinese address's places."""
    if not address:
        return None
    names = [m.group(0).lower() for m in _NAMES.finditer(address)]
    if names:
        return _BY_NAME[names[-1]]
    for pattern, code in _POSTCODES:
        if pattern.search(address):
            return code
    return "CN" if _MAINLAND.search(address) else None


def country_name(code: str, language: str) -> str:
    """The country's name in ``language`` ("zh" or English), for a reply."""
    _, en, zh = _COUNTRIES.get(code, ((), code, code))
    return zh if language == "zh" else en
